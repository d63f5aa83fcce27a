package io.triangulate.attribution.pathfile;

import java.nio.file.Path;

/** A path file that cannot be read as asked, with the place of the problem in the message. */
public final class PathFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public PathFileException(String message) {
    super(message);
  }

  static PathFileException at(Path file, long line, String problem) {
    return new PathFileException(file + " line " + line + ": " + problem);
  }

  static PathFileException at(Path file, long line, String column, int field, String problem) {
    return new PathFileException(file + " line " + line + ", column '" + column + "' (field " + field + "): " + problem);
  }
}

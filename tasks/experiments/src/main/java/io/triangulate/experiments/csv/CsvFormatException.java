package io.triangulate.experiments.csv;

import java.io.IOException;

/** Text that is not valid CSV, with the (1-based) line where the problem was found. */
public final class CsvFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long line;

  public CsvFormatException(long line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  public long line() {
    return line;
  }
}

package io.triangulate.core.csv;

/** The file is not valid CSV at all (as opposed to a valid row with a bad value). */
public final class CsvFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final long line;

  public CsvFormatException(long line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public long line() {
    return line;
  }
}

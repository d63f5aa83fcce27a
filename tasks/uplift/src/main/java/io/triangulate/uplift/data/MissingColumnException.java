package io.triangulate.uplift.data;

/** A column named by the user is not in the file's header. */
public final class MissingColumnException extends IllegalArgumentException {

  private final String column;

  public MissingColumnException(String column, String message) {
    super(message);
    this.column = column;
  }

  public String column() {
    return column;
  }
}

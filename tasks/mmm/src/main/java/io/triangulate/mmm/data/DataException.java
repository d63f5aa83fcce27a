package io.triangulate.mmm.data;

/** Input that cannot be used as given; the message names the file, line and column. */
public final class DataException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }
}

package io.triangulate.ingest.copy;

/** A value that its raw column cannot hold: the column's position in the row and the reason. */
public final class ColumnRejected extends Exception {

  private static final long serialVersionUID = 1L;

  private final int column;

  ColumnRejected(int column, String reason) {
    super(reason, null, false, false); // no stack trace: rejections are data, not bugs
    this.column = column;
  }

  public int column() {
    return column;
  }
}

package io.triangulate.ingest;

/** A row that breaks a rule; carries the reason (the field is added by the caller). */
public final class RowRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RowRejected(String reason) {
    super(reason, null, false, false); // no stack trace: rejections are data, not bugs
  }
}

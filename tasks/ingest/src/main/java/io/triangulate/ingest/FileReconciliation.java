package io.triangulate.ingest;

/** What happened to one file: every row read is loaded, quarantined or a duplicate. */
public record FileReconciliation(
    String source, String file, long rowsRead, long rowsLoaded, long rowsQuarantined, long rowsDuplicate) {

  public FileReconciliation {
    if (rowsRead != rowsLoaded + rowsQuarantined + rowsDuplicate) {
      throw new IllegalStateException(
          file + ": read " + rowsRead + " != loaded " + rowsLoaded + " + quarantined " + rowsQuarantined
              + " + duplicate " + rowsDuplicate);
    }
  }
}

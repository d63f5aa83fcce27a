package io.triangulate.ingest;

import org.jooq.DSLContext;

/**
 * Summarises the block ranges a load appended to a table's BRIN indexes. PostgreSQL leaves new
 * ranges unsummarised until a VACUUM gets to them, and a scan of a BRIN index returns every
 * unsummarised block as a candidate: on a large raw table autovacuum comes rarely, so a day's
 * models (which read raw by load_ds) and the next reload's delete would read the whole unsummarised
 * tail, which grows with history, instead of the day's few ranges. Summarising right after COPY
 * reads only the pages just written, which are still in cache.
 */
final class BrinSummaries {

  private BrinSummaries() {}

  /** Returns the number of ranges summarised over all of {@code table}'s BRIN indexes. */
  static long summarizeNew(DSLContext dsl, String table) {
    Long ranges = dsl.fetchSingle(
        """
        select coalesce(sum(brin_summarize_new_values(i.indexrelid)), 0)::bigint
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_am a on a.oid = c.relam
        where i.indrelid = ?::regclass and a.amname = 'brin'
          -- PostgreSQL 16 lets only the owner summarise; a least-privilege loader leaves it to autovacuum
          and pg_has_role(c.relowner, 'USAGE')""",
        table).get(0, Long.class);
    return ranges == null ? 0 : ranges;
  }
}

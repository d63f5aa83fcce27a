package io.triangulate.core.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * An order-independent fingerprint of a table's contents (md5 over its sorted row texts), for
 * proving that a re-run or a backfill left tables byte-for-byte identical.
 */
public final class TableChecksum {

  private TableChecksum() {}

  /** The checksum of one table, given as {@code schema.table} from the catalogue. */
  public static String of(DSLContext dsl, String qualifiedTable) {
    String[] parts = qualifiedTable.split("\\.", 2);
    Boolean exists =
        dsl.fetchSingle(
                "select exists (select 1 from information_schema.tables where table_schema = ? and table_name = ?)",
                parts[0], parts[1])
            .get(0, Boolean.class);
    if (!Boolean.TRUE.equals(exists)) {
      throw new IllegalArgumentException("no table " + qualifiedTable);
    }
    // The name was just checked against the catalogue, and is quoted.
    String sql =
        "select count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '')"
            + " from \"" + parts[0] + "\".\"" + parts[1] + "\" t";
    return dsl.fetchSingle(sql).get(0, String.class);
  }

  /** Checksums of every base table in the given schemas, by name. */
  public static Map<String, String> ofSchemas(DSLContext dsl, List<String> schemas) {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String table :
        dsl.fetch(
                "select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_type = 'BASE TABLE' and table_schema = any(?) order by 1",
                (Object) schemas.toArray(String[]::new))
            .getValues(0, String.class)) {
      sums.put(table, of(dsl, table));
    }
    return sums;
  }
}

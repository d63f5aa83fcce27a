package io.triangulate.core.db;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Empties the data schemas (not the schema itself) for a fresh start, e.g. the demo's new world.
 * That includes {@code activation}: changes requested for the old world's campaigns (and the tokens
 * that requested them, whose audit rows go with them) mean nothing in a new one.
 */
public final class WarehouseReset {

  private static final List<String> SCHEMAS = List.of("raw", "truth", "marts", "ops", "activation");

  private WarehouseReset() {}

  public static void truncateAll(DSLContext dsl) {
    List<String> tables =
        dsl.fetch(
                "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables"
                    + " where table_type = 'BASE TABLE' and table_schema = any(?) order by 1",
                (Object) SCHEMAS.toArray(String[]::new))
            .getValues(0, String.class);
    if (!tables.isEmpty()) {
      // Names come from the catalogue (quote_ident), not from input.
      dsl.execute("truncate table " + String.join(", ", tables) + " restart identity");
    }
  }
}

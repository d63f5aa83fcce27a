package io.triangulate.attribution.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/** Rows for one table, inserted as one JDBC batch; NaN and infinities become SQL NULL. */
final class RowBatch {

  private final String table;
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  RowBatch(String table, String... columns) {
    this.table = table;
    this.columns = List.of(columns);
  }

  RowBatch add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
    }
    Object[] row = values.clone();
    for (int i = 0; i < row.length; i++) {
      if (row[i] instanceof Double d && !Double.isFinite(d)) {
        row[i] = null;
      }
    }
    rows.add(row);
    return this;
  }

  String table() {
    return table;
  }

  int size() {
    return rows.size();
  }

  /** Inserts the rows; returns how many. */
  int insert(DSLContext tx) {
    if (rows.isEmpty()) {
      return 0;
    }
    String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    BatchBindStep batch = tx.batch(tx.query(sql, new Object[columns.size()]));
    for (Object[] row : rows) {
      batch = batch.bind(row);
    }
    batch.execute();
    return rows.size();
  }
}

package io.triangulate.serve;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;

/**
 * One read endpoint over one mart: its date column, whether an undated request answers the latest
 * day (snapshot marts: campaign to date, lift, decisions…) or every day (daily facts), the filters
 * it takes beyond dates, and a stable order (the mart's primary key).
 */
public record MartView(
    Table<?> table,
    Field<LocalDate> ds,
    boolean latestByDefault,
    Map<String, Function<String, Condition>> filters,
    List<SortField<?>> order) {

  /** Column names that identify people; no view ever selects them. */
  static final java.util.Set<String> PERSONAL_COLUMNS =
      java.util.Set.of("member_id", "person_key", "household_id", "node", "node_a", "node_b", "source_id");

  static MartView of(Table<?> table, Field<LocalDate> ds, boolean latestByDefault, Object... filterPairs) {
    Map<String, Function<String, Condition>> filters = new LinkedHashMap<>();
    for (int i = 0; i < filterPairs.length; i += 2) {
      Object f = filterPairs[i + 1];
      @SuppressWarnings("unchecked")
      Function<String, Condition> condition =
          f instanceof Field<?> field ? v -> ((Field<String>) field).eq(v) : (Function<String, Condition>) f;
      filters.put((String) filterPairs[i], condition);
    }
    List<SortField<?>> order =
        table.getPrimaryKey().getFields().stream().<SortField<?>>map(Field::asc).toList();
    return new MartView(table, ds, latestByDefault, filters, order);
  }

  List<Field<?>> columns() {
    return java.util.Arrays.stream(table.fields()).filter(f -> !PERSONAL_COLUMNS.contains(f.getName())).toList();
  }
}

package io.triangulate.core.sql;

import io.triangulate.core.db.PlannerStatistics;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Rebuilds mart tables for one data interval: for each model, in order, delete the interval's rows
 * and insert the model's SELECT, all in one transaction. Running it twice for the same {@code ds}
 * therefore leaves the same rows, and a failure leaves the previous rows untouched.
 */
public final class SqlModelMaterializer {

  /** Rows written by one model for the interval. */
  public record Result(String model, int rows, long millis) {}

  private final DSLContext dsl;

  public SqlModelMaterializer(DSLContext dsl) {
    this.dsl = dsl;
  }

  public List<Result> materialize(
      List<SqlModel> models, LocalDate ds, Map<String, ?> parameters, Consumer<Result> progress) {
    Map<String, Object> all = new LinkedHashMap<>(parameters);
    all.put("ds", ds);
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          // Two runs of the same models and day would interleave their delete-then-insert: the
          // second waits (the models' first table names the set: build's, attribute's journeys).
          String lockName = models.isEmpty() ? "models" : "models " + models.get(0).table();
          t.connection(c -> io.triangulate.core.db.IntervalLock.acquire(c, lockName, ds));
          List<Result> results = new java.util.ArrayList<>();
          for (SqlModel model : models) {
            long start = System.nanoTime();
            int deleted = t.execute("delete from " + model.table() + " where ds = ?", ds);
            NamedParameters.Bound bound = NamedParameters.bind(model.select(), all, model.name());
            // Insert by column name, not position, so a model's column order cannot silently
            // shift values into the wrong mart column.
            String columns = String.join(", ", columnNames(t, bound));
            int rows;
            if (readsItself(model)) {
              // A model that reads its own table (e.g. an anti-join on earlier days) must not scan
              // the rows it is inserting: with an empty table's statistics the planner picks a
              // nested loop whose inner scan re-reads every row inserted so far, O(rows^2). Compute
              // the rows first, then insert them.
              t.execute("drop table if exists pg_temp.model_rows");
              t.execute(
                  "create temp table model_rows on commit drop as select " + columns + " from (\n"
                      + bound.sql() + "\n) as model",
                  bound.values().toArray());
              rows = t.execute("insert into " + model.table() + " (" + columns + ")\nselect " + columns + " from model_rows");
              t.execute("drop table model_rows");
            } else {
              rows =
                  t.execute(
                      "insert into " + model.table() + " (" + columns + ")\nselect " + columns
                          + " from (\n" + bound.sql() + "\n) as model",
                      bound.values().toArray());
            }
            // Fresh planner statistics before the next model reads this table (and for tomorrow's
            // build) once a tenth of it changed: estimates from an empty or much smaller table give
            // badly wrong plans, while analysing after every day's write would cost more each day.
            PlannerStatistics.analyzeIfStale(t, model.table(), (long) deleted + rows);
            Result r = new Result(model.name(), rows, (System.nanoTime() - start) / 1_000_000);
            progress.accept(r);
            results.add(r);
          }
          return results;
        });
  }

  private static boolean readsItself(SqlModel model) {
    return model.select().toLowerCase(java.util.Locale.ROOT).contains(model.table().toLowerCase(java.util.Locale.ROOT));
  }

  private static List<String> columnNames(DSLContext t, NamedParameters.Bound bound) {
    return java.util.Arrays.stream(
            t.resultQuery("select * from (\n" + bound.sql() + "\n) as model limit 0", bound.values().toArray())
                .fetch()
                .fields())
        .map(f -> '"' + f.getName() + '"')
        .toList();
  }
}

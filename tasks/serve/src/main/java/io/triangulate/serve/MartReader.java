package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.ATTRIBUTION_VS_EXPERIMENT;
import static io.triangulate.db.marts.Tables.CAMPAIGN_DECISIONS;
import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_DAILY;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;
import static io.triangulate.db.marts.Tables.FCT_CHANNEL_DAILY;
import static io.triangulate.db.marts.Tables.FCT_CREATIVE_DAILY;
import static io.triangulate.db.marts.Tables.MMM_CHANNEL_SUMMARY;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Answers the read endpoints from the marts through jOOQ, one page at a time. */
public final class MartReader {

  /** A page of rows and where the next one starts (null on the last page). */
  public record Page(List<Map<String, Object>> data, int limit, long offset, Long nextOffset) {}

  static final MartView CAMPAIGNS = MartView.of(FCT_CAMPAIGN_TO_DATE, FCT_CAMPAIGN_TO_DATE.DS, true,
      "campaign_id", FCT_CAMPAIGN_TO_DATE.CAMPAIGN_ID, "channel", FCT_CAMPAIGN_TO_DATE.CHANNEL,
      "advertiser_id", FCT_CAMPAIGN_TO_DATE.ADVERTISER_ID);
  static final MartView KPIS_CAMPAIGN = MartView.of(FCT_CAMPAIGN_DAILY, FCT_CAMPAIGN_DAILY.DS, false,
      "campaign_id", FCT_CAMPAIGN_DAILY.CAMPAIGN_ID, "channel", FCT_CAMPAIGN_DAILY.CHANNEL);
  static final MartView KPIS_CHANNEL = MartView.of(FCT_CHANNEL_DAILY, FCT_CHANNEL_DAILY.DS, false,
      "channel", FCT_CHANNEL_DAILY.CHANNEL);
  static final MartView LIFT = MartView.of(EXPERIMENT_LIFT, EXPERIMENT_LIFT.DS, true,
      "campaign_id", EXPERIMENT_LIFT.CAMPAIGN_ID, "segment_type", EXPERIMENT_LIFT.SEGMENT_TYPE,
      "segment_value", EXPERIMENT_LIFT.SEGMENT_VALUE);
  static final MartView ATTRIBUTION = MartView.of(ATTRIBUTION_VS_EXPERIMENT, ATTRIBUTION_VS_EXPERIMENT.DS, true,
      "campaign_id", (Function<String, Condition>) v ->
          ATTRIBUTION_VS_EXPERIMENT.SCOPE.eq("campaign").and(ATTRIBUTION_VS_EXPERIMENT.SCOPE_ID.eq(v)),
      "scope", ATTRIBUTION_VS_EXPERIMENT.SCOPE, "channel", ATTRIBUTION_VS_EXPERIMENT.CHANNEL,
      "model", ATTRIBUTION_VS_EXPERIMENT.MODEL);
  static final MartView MMM = MartView.of(MMM_CHANNEL_SUMMARY, MMM_CHANNEL_SUMMARY.DS, true,
      "grain", MMM_CHANNEL_SUMMARY.GRAIN, "model", MMM_CHANNEL_SUMMARY.MODEL, "channel", MMM_CHANNEL_SUMMARY.CHANNEL);
  static final MartView CREATIVES = MartView.of(FCT_CREATIVE_DAILY, FCT_CREATIVE_DAILY.DS, false,
      "campaign_id", FCT_CREATIVE_DAILY.CAMPAIGN_ID, "creative_id", FCT_CREATIVE_DAILY.CREATIVE_ID,
      "channel", FCT_CREATIVE_DAILY.CHANNEL);
  static final MartView RECOMMENDATIONS = MartView.of(CAMPAIGN_DECISIONS, CAMPAIGN_DECISIONS.DS, true,
      "campaign_id", CAMPAIGN_DECISIONS.CAMPAIGN_ID, "channel", CAMPAIGN_DECISIONS.CHANNEL,
      "recommendation", CAMPAIGN_DECISIONS.RECOMMENDATION);

  private final DSLContext dsl;

  public MartReader(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Page read(MartView view, ReadQuery q) {
    List<Condition> conditions = new ArrayList<>();
    for (var f : q.filters().entrySet()) {
      conditions.add(view.filters().get(f.getKey()).apply(f.getValue()));
    }
    Condition filters = DSL.and(conditions);
    Condition dates = dates(view.ds(), q);
    if (q.undated() && view.latestByDefault()) {
      // Scalar subquery over the same table: its unqualified-by-alias columns bind to the inner FROM.
      dates = view.ds().eq(select(max(view.ds())).from(view.table()).where(filters));
    }
    List<Field<?>> columns = view.columns();
    List<Record> rows =
        dsl.select(columns)
            .from(view.table())
            .where(filters, dates)
            .orderBy(view.order())
            .limit(q.limit() + 1)
            .offset(q.offset())
            .fetch();
    return page(rows, columns, q);
  }

  /**
   * {@code marts.alerts} when some pipeline task has created it; an empty page until then. Its
   * columns are read from the catalogue, filtered by ds/campaign_id where it has them, and
   * ordered by every column for a stable page.
   */
  public Page alerts(ReadQuery q) {
    List<String> names =
        dsl.select(field(name("column_name"), String.class))
            .from(table(name("information_schema", "columns")))
            .where(field(name("table_schema")).eq("marts"), field(name("table_name")).eq("alerts"))
            .orderBy(field(name("ordinal_position")))
            .fetch(0, String.class);
    if (names.isEmpty()) {
      return new Page(List.of(), q.limit(), q.offset(), null);
    }
    Table<?> alerts = table(name("marts", "alerts"));
    List<Field<?>> columns = new ArrayList<>();
    for (String n : names) {
      if (!MartView.PERSONAL_COLUMNS.contains(n)) {
        columns.add(field(name(n)));
      }
    }
    List<Condition> conditions = new ArrayList<>();
    if (names.contains("ds")) {
      conditions.add(dates(field(name("ds"), LocalDate.class), q));
    } else if (!q.undated()) {
      throw ApiException.badRequest(q.ds() != null ? "ds" : q.from() != null ? "from" : "to",
          "marts.alerts has no ds column to filter on");
    }
    String campaign = q.filters().get("campaign_id");
    if (campaign != null) {
      if (!names.contains("campaign_id")) {
        throw ApiException.badRequest("campaign_id", "marts.alerts has no campaign_id column to filter on");
      }
      conditions.add(field(name("campaign_id"), String.class).eq(campaign));
    }
    List<Record> rows =
        dsl.select(columns)
            .from(alerts)
            .where(conditions)
            .orderBy(columns.stream().map(Field::asc).toList())
            .limit(q.limit() + 1)
            .offset(q.offset())
            .fetch();
    return page(rows, columns, q);
  }

  static final Set<String> ALERT_FILTERS = Set.of("campaign_id");

  private static Condition dates(Field<LocalDate> ds, ReadQuery q) {
    if (q.ds() != null) {
      return ds.eq(q.ds());
    }
    Condition c = DSL.noCondition();
    if (q.from() != null) {
      c = c.and(ds.ge(q.from()));
    }
    if (q.to() != null) {
      c = c.and(ds.le(q.to()));
    }
    return c;
  }

  private static Page page(List<Record> rows, List<Field<?>> columns, ReadQuery q) {
    boolean more = rows.size() > q.limit();
    List<Map<String, Object>> data = new ArrayList<>(Math.min(rows.size(), q.limit()));
    for (int i = 0; i < Math.min(rows.size(), q.limit()); i++) {
      Record r = rows.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c).getName(), json(r.get(c)));
      }
      data.add(row);
    }
    return new Page(data, q.limit(), q.offset(), more ? q.offset() + q.limit() : null);
  }

  /** JSON has no NaN or infinities: an undefined ratio is null, as it is in the marts' own NULLs. */
  private static Object json(Object v) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    return v;
  }
}

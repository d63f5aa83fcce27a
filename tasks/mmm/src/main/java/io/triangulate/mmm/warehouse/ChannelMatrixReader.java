package io.triangulate.mmm.warehouse;

import io.triangulate.mmm.data.MmmDataset;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads the MMM's modelling table from the channel-matrix marts: one row per day (or complete
 * Monday-start week) in {@code [from, to]}, the target summed over the chosen advertisers, spend
 * per channel (zero where a channel had no row), and the calendar controls the sources support.
 * The SQL does the summing; this class only lays the sums out as arrays.
 */
public final class ChannelMatrixReader {

  /** Every advertiser, summed: the platform-wide model. */
  public static final String ALL = "all";

  /** The dataset plus what a person should know about how it was built. */
  public record Matrix(MmmDataset dataset, List<String> sources, List<String> notes) {}

  private static final String DAILY_TARGET =
      """
      select ds as period, sum(revenue) as revenue, sum(orders)::double precision as orders
      from marts.mmm_target_daily
      where ds between ? and ? and (? = 'all' or advertiser_id = ?)
      group by ds
      order by ds""";

  private static final String DAILY_SPEND =
      """
      select ds as period, channel, min(source) as source, sum(spend) as spend
      from marts.mmm_channel_daily
      where ds between ? and ? and (? = 'all' or advertiser_id = ?)
      group by ds, channel""";

  /** The week-to-date row of each week's last built day is the week's total. */
  private static final String WEEK_ENDS =
      """
      with week_end as (
          select week_start, max(ds) as ds
          from marts.mmm_target_weekly
          where week_start >= ? and ds <= ?
          group by week_start
      )""";

  private static final String WEEKLY_TARGET = WEEK_ENDS
      + """

      select t.week_start as period, sum(t.revenue) as revenue, sum(t.orders)::double precision as orders,
             max(t.days_built) as days_built
      from marts.mmm_target_weekly t
      join week_end e on e.week_start = t.week_start and e.ds = t.ds
      where (? = 'all' or t.advertiser_id = ?)
      group by t.week_start
      union all
      -- the market × week history before the member-level days: complete weeks by construction
      select h.week_start as period, sum(h.revenue) as revenue, sum(h.orders) as orders, 7 as days_built
      from staging.stg_mmm_market_weekly h
      where h.week_start >= ? and h.week_start + 6 <= ?
        and h.week_start < coalesce((select min(week_start) from marts.mmm_target_weekly), 'infinity'::date)
        and (? = 'all' or h.advertiser_id = ?)
      group by h.week_start
      order by period""";

  private static final String WEEKLY_SPEND = WEEK_ENDS
      + """

      select c.week_start as period, c.channel, min(c.source) as source, sum(c.spend) as spend
      from marts.mmm_channel_weekly c
      join week_end e on e.week_start = c.week_start and e.ds = c.ds
      where (? = 'all' or c.advertiser_id = ?)
      group by c.week_start, c.channel
      union all
      select h.week_start as period, h.channel,
             case when h.channel in ('linear_tv', 'streaming', 'ooh') then 'brand' else 'platform' end as source,
             sum(h.spend) as spend
      from staging.stg_mmm_market_spend_weekly h
      where h.week_start >= ? and h.week_start + 6 <= ?
        and (? = 'all' or h.advertiser_id = ?)
      group by h.week_start, h.channel""";

  private final DSLContext dsl;

  public ChannelMatrixReader(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The latest day with a built target row, if any. */
  public Optional<LocalDate> latestDay() {
    return Optional.ofNullable(dsl.fetchSingle("select max(ds) from marts.mmm_target_daily").get(0, LocalDate.class));
  }

  /** The earliest day with a built target row, if any. */
  public Optional<LocalDate> firstDay() {
    return Optional.ofNullable(dsl.fetchSingle("select min(ds) from marts.mmm_target_daily").get(0, LocalDate.class));
  }

  /** The first day of the loaded market × week history, if any (weekly fits start there by default). */
  public Optional<LocalDate> firstHistoryDay() {
    return Optional.ofNullable(dsl.fetchSingle("select min(week_start) from staging.stg_mmm_market_weekly")
        .get(0, LocalDate.class));
  }

  public Matrix read(LocalDate from, LocalDate to, Grain grain, WarehouseTarget target, String advertiser) {
    List<String> notes = new ArrayList<>();
    List<Record> targetRows;
    List<Record> spendRows;
    if (grain == Grain.DAILY) {
      targetRows = dsl.fetch(DAILY_TARGET, from, to, advertiser, advertiser);
      spendRows = dsl.fetch(DAILY_SPEND, from, to, advertiser, advertiser);
    } else {
      List<Record> weeks = dsl.fetch(WEEKLY_TARGET, from, to, advertiser, advertiser, from, to, advertiser, advertiser);
      targetRows = new ArrayList<>();
      List<LocalDate> partial = new ArrayList<>();
      for (Record week : weeks) {
        if (week.get("days_built", Integer.class) == 7) {
          targetRows.add(week);
        } else {
          partial.add(week.get("period", LocalDate.class));
        }
      }
      if (!partial.isEmpty()) {
        notes.add("left out " + partial.size() + " incomplete week(s) starting " + partial
            + " (fewer than 7 built days)");
      }
      spendRows = dsl.fetch(WEEKLY_SPEND, from, to, advertiser, advertiser, from, to, advertiser, advertiser);
    }
    if (targetRows.isEmpty()) {
      throw new IllegalArgumentException("no " + grain.label() + " rows in the MMM marts between " + from + " and " + to
          + (advertiser.equals(ALL) ? "" : " for advertiser " + advertiser)
          + "; run `triangulate build` for those days (marts mmm_*) first");
    }
    int n = targetRows.size();
    LocalDate[] dates = new LocalDate[n];
    double[] y = new double[n];
    Map<LocalDate, Integer> index = new HashMap<>();
    for (int t = 0; t < n; t++) {
      Record r = targetRows.get(t);
      dates[t] = r.get("period", LocalDate.class);
      y[t] = r.get(target.column(), Double.class);
      index.put(dates[t], t);
    }

    Map<String, double[]> spendByChannel = new TreeMap<>();
    Map<String, String> sourceByChannel = new HashMap<>();
    for (Record r : spendRows) {
      Integer t = index.get(r.get("period", LocalDate.class));
      if (t == null) {
        continue; // a partial week
      }
      String channel = r.get("channel", String.class);
      spendByChannel.computeIfAbsent(channel, c -> new double[n])[t] += r.get("spend", Double.class);
      sourceByChannel.put(channel, r.get("source", String.class));
    }
    List<String> channels = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    for (Map.Entry<String, double[]> e : spendByChannel.entrySet()) {
      double total = 0;
      for (double v : e.getValue()) {
        total += v;
      }
      (total > 0 ? channels : silent).add(e.getKey());
    }
    if (!silent.isEmpty()) {
      notes.add("left out channel(s) " + silent + ": no spend in the window, so no effect can be estimated");
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("no channel has spend between " + from + " and " + to + "; nothing to model");
    }
    // Platform channels first, then the brand's own media, each alphabetically: a stable column order.
    channels.sort(Comparator.comparing((String c) -> !"platform".equals(sourceByChannel.get(c))).thenComparing(c -> c));
    double[][] spend = new double[channels.size()][];
    List<String> sources = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      spend[c] = spendByChannel.get(channels.get(c));
      sources.add(sourceByChannel.get(channels.get(c)));
    }

    Map<String, double[]> controls = grain == Grain.DAILY ? dayOfWeek(dates) : new LinkedHashMap<>();
    notes.add("controls: " + (controls.isEmpty() ? "none (weekly data have no calendar variation besides seasonality)"
        : "day of week " + controls.keySet()) + "; the sources have no holiday, promotion, price or competitor data");
    return new Matrix(new MmmDataset(dates, target.column(), y, channels, spend, List.copyOf(controls.keySet()),
        controls.values().toArray(new double[0][])), sources, notes);
  }

  /** 0/1 columns for Tuesday … Sunday (Monday is the reference level), only for days present. */
  static Map<String, double[]> dayOfWeek(LocalDate[] dates) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day == DayOfWeek.MONDAY) {
        continue;
      }
      double[] column = new double[dates.length];
      boolean any = false;
      for (int t = 0; t < dates.length; t++) {
        if (dates[t].getDayOfWeek() == day) {
          column[t] = 1;
          any = true;
        }
      }
      if (any) {
        columns.put("dow_" + day.name().substring(0, 3).toLowerCase(Locale.ROOT), column);
      }
    }
    return columns;
  }
}

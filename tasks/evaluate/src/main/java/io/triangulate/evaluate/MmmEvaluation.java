package io.triangulate.evaluate;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Scores the latest warehouse MMM fit against the simulator's truth: per model and channel, the
 * MMM's ROAS and 90% interval beside the true ROAS over the same window and advertisers.
 */
public final class MmmEvaluation {

  public static final String FILE = "mmm_evaluation.csv";

  private static final String SQL =
      """
      with fit as materialized (  -- materialized: the model JSON is parsed once per fit, not per joined day
          select ds, grain, model, period_start,
                 period_end + case grain when 'weekly' then 6 else 0 end as period_end,
                 advertiser,
                 (model_json::jsonb -> 'models' -> 0 ->> 'targetName') as target
          from marts.mmm_model
          where ds = ? and grain = ?
      ),
      truth as (
          select f.model, t.channel, sum(t.spend) as spend,
                 sum(case when f.target = 'orders' then t.true_incremental_orders else t.true_incremental_revenue end) as effect
          from fit f
          join (
              select ds, advertiser_id, channel, spend, true_incremental_orders, true_incremental_revenue
              from truth.channel_daily
              union all
              -- the market × week history (a week counts when it starts inside the window)
              select week_start, advertiser_id, channel, spend, true_incremental_orders, true_incremental_revenue
              from truth.market_weekly
          ) t
            on t.ds between f.period_start and f.period_end
           and (f.advertiser = 'all' or t.advertiser_id = f.advertiser)
          group by f.model, t.channel
      )
      ,
      target as (
          select model, sum(actual) as actual from marts.mmm_fit where ds = ? and grain = ? group by model
      )
      select s.model, s.channel, s.spend, tr.effect / nullif(tr.spend, 0) as true_roas,
             s.roas, s.roas_low, s.roas_high, tr.effect / nullif(tg.actual, 0) as true_share, s.contribution_share
      from marts.mmm_channel_summary s
      join truth tr on tr.model = s.model and tr.channel = s.channel
      left join target tg on tg.model = s.model
      where s.ds = ? and s.grain = ?
      order by s.model, s.channel""";

  private final DSLContext dsl;

  public MmmEvaluation(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Scores of the latest fit; empty when no MMM was fitted on the warehouse. */
  public List<ChannelRoasScore> scores() {
    Record latest = dsl.fetchOptional("select ds, grain from marts.mmm_model order by ds desc, grain limit 1").orElse(null);
    if (latest == null) {
      return List.of();
    }
    LocalDate ds = latest.get("ds", LocalDate.class);
    String grain = latest.get("grain", String.class);
    return dsl.fetch(SQL, ds, grain, ds, grain, ds, grain).map(r -> new ChannelRoasScore(
        r.get("model", String.class), r.get("channel", String.class), num(r.get("spend", Double.class)),
        num(r.get("true_roas", Double.class)), num(r.get("roas", Double.class)), num(r.get("roas_low", Double.class)),
        num(r.get("roas_high", Double.class)), num(r.get("true_share", Double.class)),
        num(r.get("contribution_share", Double.class))));
  }

  /** Prints and writes {@link #FILE} into {@code dir} when an MMM was fitted; does nothing otherwise. */
  public void report(Path dir) {
    List<ChannelRoasScore> scores = scores();
    if (scores.isEmpty()) {
      return;
    }
    try (CsvWriter w = CsvWriter.open(dir.resolve(FILE), List.of(
        "model", "channel", "spend", "true_roas", "roas", "roas_low", "roas_high", "covered", "true_share", "share"))) {
      for (ChannelRoasScore s : scores) {
        w.row(s.model(), s.channel(), s.spend(), s.trueRoas(), s.roas(), s.roasLow(), s.roasHigh(), s.covered(),
            s.trueShare(), s.share());
      }
    }
    store(scores);
    System.out.println();
    System.out.print(summary(scores));
    Progress.info("wrote " + dir.resolve(FILE).toAbsolutePath());
  }

  /**
   * Replaces the latest fit's rows of marts.mmm_evaluation (the report's MMM vs truth table: the
   * report itself never reads truth) with {@code scores}; returns the rows written.
   */
  public int store(List<ChannelRoasScore> scores) {
    Record latest = dsl.fetchOptional("select ds, grain from marts.mmm_model order by ds desc, grain limit 1").orElse(null);
    if (latest == null) {
      return 0;
    }
    LocalDate ds = latest.get("ds", LocalDate.class);
    String grain = latest.get("grain", String.class);
    dsl.transaction(tx -> {
      DSLContext t = tx.dsl();
      t.execute("delete from marts.mmm_evaluation where ds = ? and grain = ?", ds, grain);
      for (ChannelRoasScore s : scores) {
        t.execute("insert into marts.mmm_evaluation (ds, grain, model, channel, spend, true_roas, roas, roas_low, roas_high,"
                + " covered, true_share, share) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ds, grain, s.model(), s.channel(),
            finite(s.spend()), finite(s.trueRoas()), finite(s.roas()), finite(s.roasLow()), finite(s.roasHigh()), s.covered(),
            finite(s.trueShare()), finite(s.share()));
      }
    });
    return scores.size();
  }

  /** Scores the latest fit and stores them (see {@link #store}); for the demo, before the report is written. */
  public int store() {
    return store(scores());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  public static String summary(List<ChannelRoasScore> scores) {
    StringBuilder b = new StringBuilder("MMM channel ROAS against the simulator's truth (90% intervals):\n");
    b.append(String.format(Locale.ROOT, "  %-9s %-16s %12s %9s %9s %23s %-7s %13s%n",
        "model", "channel", "spend", "truth", "MMM", "90% interval", "covered", "share true/MMM"));
    for (ChannelRoasScore s : scores) {
      b.append(String.format(Locale.ROOT, "  %-9s %-16s %,12.0f %9.2f %9.2f  [%9.2f, %9.2f]  %-7s %5.1f%% / %4.1f%%%n",
          s.model(), s.channel(), s.spend(), s.trueRoas(), s.roas(), s.roasLow(), s.roasHigh(), s.covered() ? "yes" : "NO",
          100 * s.trueShare(), 100 * s.share()));
    }
    for (String model : scores.stream().map(ChannelRoasScore::model).distinct().toList()) {
      List<ChannelRoasScore> mine = scores.stream().filter(s -> s.model().equals(model)).toList();
      long covered = mine.stream().filter(ChannelRoasScore::covered).count();
      double width = mine.stream().mapToDouble(ChannelRoasScore::width).average().orElse(Double.NaN);
      double shareError = mine.stream().mapToDouble(ChannelRoasScore::shareErrorPoints).max().orElse(Double.NaN);
      b.append(String.format(Locale.ROOT,
          "  %s: %d of %d channels covered, mean interval width %.2f, largest contribution-share error %.1f points%n",
          model, covered, mine.size(), width, shareError));
    }
    return b.toString();
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }
}

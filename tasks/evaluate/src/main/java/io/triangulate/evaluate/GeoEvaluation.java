package io.triangulate.evaluate;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * The geo test read-outs of marts.geo_results against the simulator's truth.geo_test: per test,
 * the true incremental revenue of the test's change (expected revenue with it minus without it over
 * the treated markets and the window) against the estimate, and whether the interval covers it.
 */
public final class GeoEvaluation {

  public static final String FILE = "geo_evaluation.csv";

  /** One geo test scored. */
  public record Score(
      String advertiserId,
      String channel,
      String treatedMarkets,
      LocalDate start,
      double confidence,
      double trueIncrementalRevenue,
      double estimate,
      double low,
      double high,
      double trueIroas,
      double iroas) {

    public boolean covered() {
      return low <= trueIncrementalRevenue && trueIncrementalRevenue <= high;
    }
  }

  private static final String SQL = "select r.advertiser_id, r.channel, r.treated_markets, r.start_date, r.confidence,"
      + " t.true_incremental_revenue, t.spend_change, r.incremental_revenue, r.incremental_low, r.incremental_high, r.iroas"
      + " from marts.geo_results r join truth.geo_test t on upper(trim(t.advertiser_id)) = r.advertiser_id"
      + " and t.channel = r.channel and t.start_date = r.start_date order by r.advertiser_id, r.channel, r.start_date";

  private final DSLContext dsl;

  public GeoEvaluation(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Every analysed geo test with its truth; empty when there are none. */
  public List<Score> scores() {
    return dsl.fetch(SQL).map(r -> {
      double truth = num(r.get("true_incremental_revenue", Double.class));
      double spend = num(r.get("spend_change", Double.class));
      return new Score(r.get("advertiser_id", String.class), r.get("channel", String.class),
          r.get("treated_markets", String.class), r.get("start_date", LocalDate.class), num(r.get("confidence", Double.class)),
          truth, num(r.get("incremental_revenue", Double.class)), num(r.get("incremental_low", Double.class)),
          num(r.get("incremental_high", Double.class)), spend != 0 ? truth / spend : Double.NaN,
          num(r.get("iroas", Double.class)));
    });
  }

  /** Prints the scores and writes {@link #FILE} into {@code dir} when there are geo tests; does nothing otherwise. */
  public void report(Path dir) {
    List<Score> scores = scores();
    if (scores.isEmpty()) {
      return;
    }
    try (CsvWriter w = CsvWriter.open(dir.resolve(FILE), List.of("advertiser_id", "channel", "treated_markets", "start_date",
        "confidence", "true_incremental_revenue", "incremental_revenue", "incremental_low", "incremental_high", "covered",
        "true_iroas", "iroas"))) {
      for (Score s : scores) {
        w.row(s.advertiserId(), s.channel(), s.treatedMarkets(), s.start(), s.confidence(), s.trueIncrementalRevenue(),
            s.estimate(), s.low(), s.high(), s.covered(), s.trueIroas(), s.iroas());
      }
    }
    System.out.println();
    System.out.print(summary(scores));
    Progress.info("wrote " + dir.resolve(FILE).toAbsolutePath());
  }

  public static String summary(List<Score> scores) {
    StringBuilder b = new StringBuilder("Geo tests against the simulator's truth (incremental revenue in the treated markets):\n");
    b.append(String.format(Locale.ROOT, "  %-8s %-10s %-16s %12s %12s %27s %-7s %11s%n",
        "advert.", "channel", "treated", "truth", "estimate", "interval", "covered", "iROAS t/est"));
    for (Score s : scores) {
      b.append(String.format(Locale.ROOT, "  %-8s %-10s %-16s %,12.0f %,12.0f  [%,11.0f, %,11.0f]  %-7s %5.2f / %5.2f%n",
          s.advertiserId(), s.channel(), s.treatedMarkets(), s.trueIncrementalRevenue(), s.estimate(), s.low(), s.high(),
          s.covered() ? "yes" : "NO", s.trueIroas(), s.iroas()));
    }
    long covered = scores.stream().filter(Score::covered).count();
    b.append(String.format(Locale.ROOT, "  %d of %d geo tests covered by their %.0f%% intervals%n", covered, scores.size(),
        100 * scores.get(0).confidence()));
    return b.toString();
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }
}

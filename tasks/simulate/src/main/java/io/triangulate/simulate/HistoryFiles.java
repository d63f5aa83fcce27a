package io.triangulate.simulate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;

/**
 * The market history's files, written with the first day's landing and truth: {@code
 * market_weekly.csv} (orders and revenue per week, market and advertiser), {@code
 * market_spend_weekly.csv} (spend per week, market, advertiser and channel with spend) and the truth
 * file {@code market_weekly_truth.csv} (spend and expected incremental orders and revenue per
 * channel), which {@link #loadTruth} replaces truth.market_weekly with.
 */
final class HistoryFiles {

  static final String TARGET = "market_weekly.csv";
  static final String SPEND = "market_spend_weekly.csv";
  static final String TRUTH = "market_weekly_truth.csv";
  static final String GEO_TESTS = "geo_tests_truth.csv";
  /** The advertisers' own records of the tests they planned (landing, not truth): what `geo test` reads. */
  static final String GEO_TEST_PLANS = "geo_test_plans.csv";
  static final List<String> GEO_TEST_PLAN_COLUMNS = List.of("test_id", "advertiser_id", "channel", "treated_markets",
      "start_week", "end_week", "spend_multiplier", "planned_spend_change");
  static final List<String> TARGET_COLUMNS = List.of("week_start", "market_id", "advertiser_id", "orders", "revenue");
  static final List<String> SPEND_COLUMNS = List.of("week_start", "market_id", "advertiser_id", "channel", "spend");
  static final List<String> TRUTH_COLUMNS = List.of("week_start", "market_id", "advertiser_id", "channel", "spend",
      "true_incremental_orders", "true_incremental_revenue");
  static final List<String> GEO_TEST_COLUMNS = List.of("advertiser_id", "channel", "treated_markets", "start_date",
      "end_date", "multiplier", "spend_change", "true_incremental_orders", "true_incremental_revenue");

  private HistoryFiles() {}

  /** @return market × week × advertiser rows written */
  static long write(MarketHistory history, Path landingDir, Path truthDir) {
    List<MarketHistory.Week> weeks = history.weeks();
    List<String> channels = history.channels();
    try {
      Files.createDirectories(landingDir);
      Files.createDirectories(truthDir);
      try (Writer target = Files.newBufferedWriter(landingDir.resolve(TARGET), StandardCharsets.UTF_8);
          Writer spend = Files.newBufferedWriter(landingDir.resolve(SPEND), StandardCharsets.UTF_8);
          Writer truth = Files.newBufferedWriter(truthDir.resolve(TRUTH), StandardCharsets.UTF_8)) {
        target.append(String.join(",", TARGET_COLUMNS)).append('\n');
        spend.append(String.join(",", SPEND_COLUMNS)).append('\n');
        truth.append(String.join(",", TRUTH_COLUMNS)).append('\n');
        StringBuilder t = new StringBuilder();
        StringBuilder s = new StringBuilder();
        StringBuilder r = new StringBuilder();
        for (MarketHistory.Week w : weeks) {
          String prefix = w.weekStart() + "," + w.marketId() + "," + w.advertiserId() + ",";
          t.append(prefix);
          Csv.fixed(t, w.orders(), 2); // per panel member: fractional when population_scale > 1
          t.append(',');
          Csv.fixed(t, w.revenue(), 2);
          t.append('\n');
          for (int c = 0; c < channels.size(); c++) {
            if (w.spend()[c] > 0) {
              s.append(prefix).append(channels.get(c)).append(',');
              Csv.fixed(s, w.spend()[c], 2);
              s.append('\n');
            }
            if (w.spend()[c] > 0 || w.trueRevenue()[c] != 0) {
              r.append(prefix).append(channels.get(c)).append(',');
              Csv.fixed(r, w.spend()[c], 2);
              r.append(',');
              Csv.fixed(r, w.trueOrders()[c], 6);
              r.append(',');
              Csv.fixed(r, w.trueRevenue()[c], 6);
              r.append('\n');
            }
          }
        }
        target.append(t);
        spend.append(s);
        truth.append(r);
      }
      List<MarketHistory.GeoTest> tests = history.geoTests();
      if (!tests.isEmpty()) {
        try (Writer plans = Files.newBufferedWriter(landingDir.resolve(GEO_TEST_PLANS), StandardCharsets.UTF_8)) {
          plans.append(String.join(",", GEO_TEST_PLAN_COLUMNS)).append('\n');
          StringBuilder p = new StringBuilder();
          for (MarketHistory.GeoTest test : tests) {
            // The plan side only: the spend change is the media plan's (planned spend × (multiplier − 1)).
            p.append(testId(test)).append(',').append(test.advertiserId()).append(',').append(test.channel()).append(',')
                .append(String.join(";", test.treatedMarkets())).append(',').append(test.start()).append(',')
                .append(test.end()).append(',');
            Csv.fixed(p, test.multiplier(), 6);
            p.append(',');
            Csv.fixed(p, test.spendChange(), 2);
            p.append('\n');
          }
          plans.append(p);
        }
      }
      try (Writer geo = Files.newBufferedWriter(truthDir.resolve(GEO_TESTS), StandardCharsets.UTF_8)) {
        geo.append(String.join(",", GEO_TEST_COLUMNS)).append('\n');
        StringBuilder g = new StringBuilder();
        for (MarketHistory.GeoTest test : tests) {
          g.append(test.advertiserId()).append(',').append(test.channel()).append(',')
              .append(String.join(";", test.treatedMarkets())).append(',').append(test.start()).append(',')
              .append(test.end()).append(',');
          Csv.fixed(g, test.multiplier(), 6);
          g.append(',');
          Csv.fixed(g, test.spendChange(), 2);
          g.append(',');
          Csv.fixed(g, test.trueIncrementalOrders(), 6);
          g.append(',');
          Csv.fixed(g, test.trueIncrementalRevenue(), 6);
          g.append('\n');
        }
        geo.append(g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the market history: " + e.getMessage(), e);
    }
    return weeks.size();
  }

  /** The plan's id: advertiser, channel and first week, e.g. {@code GEO-A01-LINEAR_TV-2025-11-10}. */
  static String testId(MarketHistory.GeoTest test) {
    return "GEO-" + test.advertiserId() + "-" + test.channel().toUpperCase(java.util.Locale.ROOT) + "-" + test.start();
  }

  /**
   * Replaces truth.market_weekly (and truth.geo_test, from {@code geo_tests_truth.csv} when present)
   * with the truth files of {@code truthDir}, if present; returns whether they were.
   */
  static boolean loadTruth(DSLContext dsl, Path truthDir) {
    Path file = truthDir.resolve(TRUTH);
    if (!Files.exists(file)) {
      return false;
    }
    dsl.transaction(tx -> {
      tx.dsl().execute("delete from truth.market_weekly");
      tx.dsl().connection(connection -> {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy truth.market_weekly ("
              + String.join(", ", TRUTH_COLUMNS) + ") from stdin with (format csv, header true)", in);
        } catch (IOException e) {
          throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
      });
      Path geo = truthDir.resolve(GEO_TESTS);
      tx.dsl().execute("delete from truth.geo_test");
      if (Files.exists(geo)) {
        tx.dsl().connection(connection -> {
          try (Reader in = Files.newBufferedReader(geo, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy truth.geo_test ("
                + String.join(", ", GEO_TEST_COLUMNS) + ") from stdin with (format csv, header true)", in);
          } catch (IOException e) {
            throw new UncheckedIOException("could not read " + geo + ": " + e.getMessage(), e);
          }
        });
      }
    });
    return true;
  }
}

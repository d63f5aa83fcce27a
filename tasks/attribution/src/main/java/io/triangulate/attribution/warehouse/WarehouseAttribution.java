package io.triangulate.attribution.warehouse;

import io.triangulate.attribution.AttributionModel;
import io.triangulate.attribution.AttributionReport;
import io.triangulate.attribution.AttributionSuite;
import io.triangulate.attribution.ModelOutcome;
import io.triangulate.attribution.ChannelCredit;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.calibration.CreditCalibration;
import io.triangulate.attribution.comparison.ExperimentComparison;
import io.triangulate.attribution.comparison.ExperimentResult;
import io.triangulate.attribution.seed.SeedAnalysis;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.sql.SqlModelMaterializer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The attribute pipeline task for one day: rebuild the day's identity and journey marts, run the
 * configured models over the path counts of the window ending at the day (channel and campaign
 * level), compare campaign credit with the experiments, calibrate it by them, fit the seed regression (weekly, on the
 * configured weekday), and replace the day's result rows.
 */
public final class WarehouseAttribution {

  public static final String CHANNEL = "channel";
  public static final String CAMPAIGN = "campaign";

  /** What ran: rows written by the SQL models and per result table, and the channel-level report. */
  public record Summary(long sqlRows, Map<String, Integer> written, Map<String, AttributionReport> reports,
      Optional<SeedAnalysis> seed, List<String> notes) {

    public long rowsWritten() {
      return sqlRows + written.values().stream().mapToLong(Integer::longValue).sum();
    }
  }

  /** Parametric-bootstrap draws of the calibrated credit's intervals (about 10 ms per model on the demo world). */
  static final int CALIBRATION_DRAWS = 1000;

  /** Channels of web visits the advertiser did not buy (journey_touchpoints: 'web_' || traffic source). */
  static final String VISIT_PREFIX = "web_";

  private WarehouseAttribution() {}

  /**
   * The model's campaign-level credit for media only: campaigns (with their channel) and media
   * channels without campaigns (linear TV, streaming: their own channel). Web visits are left out:
   * no experiment can calibrate what no ad bought.
   */
  static List<CreditCalibration.LabelCredit> mediaCredits(ModelCredits model, Map<String, String> campaignChannels) {
    List<CreditCalibration.LabelCredit> credits = new ArrayList<>();
    for (ChannelCredit c : model.channels()) {
      String channel = campaignChannels.getOrDefault(c.channel(), c.channel());
      if (!channel.startsWith(VISIT_PREFIX)) {
        credits.add(new CreditCalibration.LabelCredit(c.channel(), channel, c.conversions()));
      }
    }
    return credits;
  }

  public static Summary run(DSLContext dsl, LocalDate ds, AttributionConfig config, long seed) {
    long sqlRows = JourneyModels.build(dsl, ds, config).stream().mapToLong(SqlModelMaterializer.Result::rows).sum();
    LocalDate from = ds.minusDays(config.models().windowDays() - 1L);
    AttributionResults results = new AttributionResults(ds);
    Map<String, AttributionReport> reports = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (String level : List.of(CHANNEL, CAMPAIGN)) {
      PathSet paths = PathCountsReader.read(dsl, level, from, ds);
      if (paths.size() == 0) {
        notes.add(level + ": no journeys between " + from + " and " + ds);
        continue;
      }
      AttributionReport report = runModels(new AttributionSuite(paths, config.settings(seed)),
          config.models().attributionModels(), level);
      report.skipped().forEach(note -> notes.add(level + ": " + note));
      reports.put(level, report);
      results.addLevel(level, from, config.journeys().lookbackDays(), paths, report);
    }
    if (reports.containsKey(CAMPAIGN)) {
      List<ExperimentResult> experiments = ExperimentReader.read(dsl, ds);
      results.addComparison(ExperimentComparison.compare(reports.get(CAMPAIGN).credits(), experiments));
      if (!experiments.isEmpty()) {
        Map<String, String> campaignChannels = ExperimentReader.campaignChannels(dsl);
        for (ModelCredits model : reports.get(CAMPAIGN).credits()) {
          results.addCalibration(CreditCalibration.calibrate(model.model(), mediaCredits(model, campaignChannels),
              experiments, CALIBRATION_DRAWS, seed));
        }
      }
    }
    Optional<SeedAnalysis> seedAnalysis = Optional.empty();
    if (config.seedRegression().fitsOn(ds)) {
      seedAnalysis = SeedRegressionReader.analyse(dsl, from, ds, config.seedRegression().halfLifeDays());
      if (seedAnalysis.isEmpty()) {
        notes.add("seed regression: too few resolved persons, or no TV/streaming exposure, to fit");
      }
    }
    results.addSeed(seedAnalysis);
    return new Summary(sqlRows, results.replace(dsl), reports, seedAnalysis, notes);
  }

  /** Runs each model; one that cannot run on these paths (too few journeys for a fit) becomes a note. */
  private static AttributionReport runModels(AttributionSuite suite, List<AttributionModel> models, String level) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (AttributionModel model : models) {
      Optional<String> reason = suite.reasonToSkip(model);
      if (reason.isPresent()) {
        skipped.add(reason.get());
        continue;
      }
      long started = System.nanoTime();
      try {
        outcomes.add(suite.run(model));
      } catch (IllegalArgumentException | IllegalStateException e) {
        skipped.add(model.id() + " skipped: " + e.getMessage());
      }
      Progress.info(String.format(Locale.ROOT, "%-8s %-20s %6.3f s", level, model.id(), (System.nanoTime() - started) / 1e9));
    }
    return new AttributionReport(outcomes, skipped);
  }
}

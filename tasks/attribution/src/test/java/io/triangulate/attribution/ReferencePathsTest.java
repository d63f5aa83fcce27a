package io.triangulate.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.bench.ReferenceDatasets;
import io.triangulate.attribution.markov.MarkovAttribution;
import io.triangulate.attribution.pathfile.PathFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public 10,000-path reference file (../shared/datasets/channel_attribution_paths.csv):
 * 12 channels, 19,785 conversions, 68,602 non-converting journeys. Skipped when absent.
 */
class ReferencePathsTest {

  private static PathSet paths;
  private static AttributionReport report;

  @BeforeAll
  static void runEveryModel() throws IOException {
    Path file = ReferenceDatasets.find(ReferenceDatasets.CHANNEL_ATTRIBUTION_PATHS).orElse(null);
    Assumptions.assumeTrue(file != null, "reference data not found beside the repository; skipping");
    paths = PathFileReader.read(file, ';').paths();
    report = new AttributionSuite(paths, AttributionSettings.DEFAULT).runAll(Arrays.asList(AttributionModel.values()));
  }

  @Test
  void theFileIsReadWhole() {
    assertEquals(10_000, paths.size());
    assertEquals(12, paths.channelCount());
    assertEquals(19_785, paths.totalConversions(), 1e-9);
    assertEquals(68_602, paths.totalNulls(), 1e-9);
  }

  @Test
  void everyModelButTimeDecayRuns() {
    assertEquals(AttributionModel.values().length - 1, report.credits().size());
    assertEquals(1, report.skipped().size());
    assertTrue(report.skipped().get(0).startsWith("time_decay"));
  }

  @Test
  void markovOneCreditsAddUpToTotalConversions() {
    MarkovAttribution markov = report.markov().get(0);
    assertEquals(1, markov.order());
    assertEquals(19_785, markov.credits().totalConversions(), 1e-8);
    assertEquals(paths.totalValue(), markov.credits().totalValue(), 1e-7);
    assertEquals(19_785.0 / (19_785 + 68_602), markov.conversionProbability(), 1e-13);
  }

  @Test
  void sharesAreFractionsThatSumToOne() {
    for (ModelCredits credits : report.credits()) {
      double sum = 0;
      for (ChannelCredit credit : credits.channels()) {
        assertTrue(credit.share() >= 0 && credit.share() <= 1, credits.model() + " " + credit);
        sum += credit.share();
      }
      assertEquals(1.0, sum, 1e-12, credits.model());
    }
  }

  @Test
  void exactShapleyMatchesItsClosedFormOnRealPaths() {
    ModelCredits exact = report.credits("shapley");
    ModelCredits simplified = report.credits("shapley_simplified");
    for (ChannelCredit credit : exact.channels()) {
      assertEquals(simplified.channel(credit.channel()).conversions(), credit.conversions(), 1e-8, credit.channel());
    }
  }

  @Test
  void dataDrivenReportsAHeldOutAuc() {
    double auc = report.dataDriven().orElseThrow().heldOutAuc();
    assertTrue(auc > 0.5 && auc < 1, "AUC " + auc);
  }
}

package io.triangulate.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * Journeys in which "tv" truly raises conversion (4% → 40%) and "banner", present in most
 * journeys, does nothing. 1,000 journeys per path, conversion counts at the true rates.
 */
class DataDrivenAttributionTest {

  private final PathSet paths = TestPaths.paths()
      .path("banner", 40, 400, 960)
      .path("banner > banner", 40, 400, 960)
      .path("tv", 400, 4000, 600)
      .path("banner > tv", 400, 4000, 600)
      .path("tv > banner", 400, 4000, 600)
      .path("banner > tv > banner", 400, 4000, 600)
      .build();

  @Test
  void theCausalChannelGetsTheLargerCreditAndTheModelRanksHeldOutJourneys() {
    DataDrivenFit fit = DataDrivenAttribution.attribute(paths, DataDrivenSettings.DEFAULT);
    ModelCredits credits = fit.credits();
    double tv = credits.channel("tv").conversions();
    double banner = credits.channel("banner").conversions();
    // banner earns only the baseline conversions of banner-only paths (80); tv the rest.
    assertTrue(tv > 10 * banner, "tv " + tv + " vs banner " + banner);
    assertTrue(fit.heldOutAuc() > 0.6, "held-out AUC " + fit.heldOutAuc());
    assertEquals(paths.totalConversions(), credits.totalConversions(), 1e-9);
    assertEquals(paths.totalValue(), credits.totalValue(), 1e-7);
    // About 30% of the 6,000 journeys are held out, the rest train.
    assertEquals(6000, fit.trainingJourneys() + fit.heldOutJourneys());
    assertTrue(Math.abs(fit.heldOutJourneys() - 1800) < 150, "held out " + fit.heldOutJourneys());
  }

  @Test
  void theSplitIsSeeded() {
    DataDrivenFit first = DataDrivenAttribution.attribute(paths, DataDrivenSettings.DEFAULT);
    DataDrivenFit again = DataDrivenAttribution.attribute(paths, DataDrivenSettings.DEFAULT);
    assertEquals(first.heldOutAuc(), again.heldOutAuc(), 0.0);
    assertEquals(first.heldOutJourneys(), again.heldOutJourneys());
    DataDrivenFit other = DataDrivenAttribution.attribute(paths, DataDrivenSettings.DEFAULT.withSeed(7));
    assertTrue(other.heldOutJourneys() != first.heldOutJourneys() || other.heldOutAuc() != first.heldOutAuc());
    assertTrue(other.heldOutAuc() > 0.6);
  }

  @Test
  void trainingIsThinnedToTheRowCap() {
    DataDrivenSettings capped = new DataDrivenSettings(42, 0.3, 0.1, 1000);
    DataDrivenFit fit = DataDrivenAttribution.attribute(paths, capped);
    assertTrue(Math.abs(fit.trainingJourneys() - 1000) < 100, "training rows " + fit.trainingJourneys());
    assertTrue(fit.credits().channel("tv").conversions() > 10 * fit.credits().channel("banner").conversions());
  }

  @Test
  void aucCountsTiesAsHalf() {
    // Scores 0.1 (1 pos, 3 neg), 0.5 (2 pos, 1 neg), 0.9 (1 pos, 0 neg): positives 4, negatives 4.
    // Pairs won: 0.1 → 0 + 0.5·1·3 = 1.5; 0.5 → 2·3 + 0.5·2·1 = 7; 0.9 → 1·4 = 4. AUC = 12.5/16.
    double auc = WeightedAuc.of(new double[] {0.5, 0.1, 0.9}, new double[] {2, 1, 1}, new double[] {1, 3, 0});
    assertEquals(12.5 / 16, auc, 1e-15);
  }
}

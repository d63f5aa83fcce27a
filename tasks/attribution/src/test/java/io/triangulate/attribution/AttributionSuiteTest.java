package io.triangulate.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.bench.SyntheticPaths;
import io.triangulate.attribution.datadriven.DataDrivenSettings;
import io.triangulate.attribution.rules.PositionWeights;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionSuiteTest {

  @Test
  void everyModelCreditsExactlyTheObservedConversionsAndValue() {
    PathSet paths = SyntheticPaths.generate(3000, 8, 21L);
    // A lookback longer than any synthetic journey, so time decay leaves nothing uncredited.
    AttributionSettings settings = new AttributionSettings(7, 10_000, PositionWeights.DEFAULT, DataDrivenSettings.DEFAULT);
    AttributionReport report = new AttributionSuite(paths, settings).runAll(Arrays.asList(AttributionModel.values()));
    assertTrue(report.skipped().isEmpty(), report.skipped().toString());
    assertEquals(AttributionModel.values().length, report.credits().size());
    for (ModelCredits credits : report.credits()) {
      assertEquals(paths.totalConversions(), credits.totalConversions(), 1e-8, credits.model());
      assertEquals(paths.totalValue(), credits.totalValue(), 1e-6, credits.model());
      assertEquals(1.0, credits.channels().stream().mapToDouble(ChannelCredit::share).sum(), 1e-12, credits.model());
    }
    assertEquals(4, report.markov().size());
    assertTrue(report.dataDriven().isPresent());
  }

  @Test
  void timeDecayIsSkippedWithAReasonWhenPathsHaveNoTimestamps() {
    PathSet paths = TestPaths.paths().path("A > B", 1, 1, 1).build();
    AttributionReport report = new AttributionSuite(paths, AttributionSettings.DEFAULT)
        .runAll(List.of(AttributionModel.TIME_DECAY, AttributionModel.LINEAR));
    assertEquals(List.of("time_decay skipped: it needs per-touch timestamps and the paths have none"),
        report.skipped());
    assertEquals("linear", report.credits().get(0).model());
  }
}

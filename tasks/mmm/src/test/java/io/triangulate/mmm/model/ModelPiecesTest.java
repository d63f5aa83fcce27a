package io.triangulate.mmm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.triangulate.mmm.data.MmmDataset;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPiecesTest {

  @Test
  void metricsOnSmallNumbers() {
    double[] actual = {1, 2, 3, 4};
    double[] predicted = {1, 3, 3, 2};
    assertEquals(0.75, Metrics.mae(actual, predicted), 1e-15);
    assertEquals(Math.sqrt(5.0 / 4), Metrics.rmse(actual, predicted), 1e-15);
    assertEquals(Math.sqrt(5.0 / 4) / 3, Metrics.nrmse(actual, predicted), 1e-15);
    assertEquals(1 - 5.0 / 5, Metrics.rSquared(actual, predicted), 1e-15);
    assertEquals((0 + 0.5 + 0 + 0.5) / 4, Metrics.mape(actual, predicted), 1e-15);
    assertEquals(2.5, Metrics.quantile(new double[] {4, 1, 3, 2}, 0.5), 1e-15);
  }

  @Test
  void decompRssdComparesEffectAndSpendShares() {
    // Effect shares 0.75 / 0.25 against spend shares 0.5 / 0.5: √(2·0.25²).
    assertEquals(Math.sqrt(2 * 0.0625), Metrics.decompRssd(new double[] {3, 1}, new double[] {10, 10}), 1e-15);
    assertEquals(0, Metrics.decompRssd(new double[] {2, 6}, new double[] {1, 3}), 1e-15);
  }

  private static MmmDataset dataset() {
    int n = 40;
    LocalDate[] dates = new LocalDate[n];
    double[] y = new double[n];
    double[][] spend = new double[2][n];
    double[][] controls = new double[1][n];
    for (int t = 0; t < n; t++) {
      dates[t] = LocalDate.of(2024, 1, 1).plusWeeks(t);
      y[t] = 100 + t;
      spend[0][t] = 10 + (t % 3) * 10;
      spend[1][t] = t % 2 == 0 ? 0 : 4;
      controls[0][t] = t == 7 ? 1 : 0;
    }
    return new MmmDataset(dates, "sales", y, List.of("tv", "search"), spend, List.of("holiday"), controls);
  }

  @Test
  void inputsScaleSpendByItsPeakAndBuildTheBaseline() {
    ModelInputs inputs = ModelInputs.prepare(dataset(), ModelSpec.defaults());
    assertArrayEquals(new double[] {30, 4}, inputs.spendScale(), 0);
    assertEquals(1.0 / 3, inputs.scaledSpend()[0][0], 1e-15);
    assertEquals(List.of("trend", "sin_1", "cos_1", "sin_2", "cos_2", "holiday"), inputs.baselineNames());
    assertEquals(1, inputs.baseline()[0][39], 1e-15);
    assertEquals(true, inputs.isSeasonality(1));
    assertEquals(false, inputs.isSeasonality(5));
  }

  @Test
  void controlsCannotShadowBuiltInComponents() {
    MmmDataset d = dataset();
    MmmDataset clash = new MmmDataset(d.dates(), d.targetName(), d.target(), d.channels(), d.spend(), List.of("trend"), d.controlValues());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ModelInputs.prepare(clash, ModelSpec.defaults()));
    assertEquals("control column 'trend' clashes with a built-in component name (baseline, trend, seasonality, sin_k, cos_k); rename it",
        error.getMessage());
  }

  @Test
  void decompositionComponentsAddUpToTheFit() {
    ModelInputs inputs = ModelInputs.prepare(dataset(), ModelSpec.defaults());
    double[] coefficients = {5, 1, -2, 0.5, 0.25, 30};
    double[][] media = {new double[40], new double[40]};
    media[0][3] = 7;
    media[1][4] = 2;
    Decomposition decomposition = Decompositions.build(inputs, 90, coefficients, media);
    assertEquals(List.of("baseline", "trend", "seasonality", "holiday", "tv", "search"), decomposition.components());
    double[] fitted = decomposition.fitted();
    for (int t = 0; t < 40; t++) {
      double expected = 90 + media[0][t] + media[1][t];
      for (int k = 0; k < coefficients.length; k++) {
        expected += coefficients[k] * inputs.baseline()[k][t];
      }
      assertEquals(expected, fitted[t], 1e-12);
    }
    assertEquals(30, decomposition.component("holiday")[7], 0);
  }

  @Test
  void channelSummaryFollowsItsDefinitions() {
    ModelInputs inputs = ModelInputs.prepare(dataset(), ModelSpec.defaults().with(AdstockKind.GEOMETRIC, SaturationKind.MICHAELIS_MENTEN));
    ResponseDraw point = new ResponseDraw(List.of(
        new ChannelResponse(50, new double[] {0.3}, new double[] {0.5}),
        new ChannelResponse(20, new double[] {0.0}, new double[] {1.0})));
    MediaResponseModel model = new MediaResponseModel("ridge", "sales", AdstockKind.GEOMETRIC, SaturationKind.MICHAELIS_MENTEN,
        7, 7, inputs.channels(), inputs.spendScale(), List.of(), inputs.spend(), point, List.of(point));
    List<ChannelSummary> rows = ChannelSummaries.summarise(model, inputs.totalTarget(), false);
    // search: no carryover, f = x/(1 + x) with x = 4/4 = 1 on 20 odd weeks: 20 · 20 · 0.5 = 200.
    ChannelSummary search = rows.get(1);
    assertEquals(80, search.spend(), 1e-12);
    assertEquals(200, search.contribution(), 1e-9);
    assertEquals(2.5, search.roas(), 1e-12);
    assertEquals(200 / inputs.totalTarget(), search.contributionShare(), 1e-15);
    // mROAS: 1% more spend → x = 1.01, f = 1.01/2.01; 20 weeks · 20 · (1.01/2.01 − 0.5) / (0.01 · 80).
    assertEquals(20 * 20 * (1.01 / 2.01 - 0.5) / 0.8, search.mroas(), 1e-9);
  }

  @Test
  void liftTestsMapOntoThePeriodsOfTheirWindow() {
    ModelInputs inputs = ModelInputs.prepare(dataset(), ModelSpec.defaults());
    LiftTest test = new LiftTest("tv", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 29), 60, 500, 50);
    PreparedLiftTest prepared = PreparedLiftTest.prepare(List.of(test), inputs).get(0);
    // Weeks starting 2024-01-15, -22 and -29 fall inside: 60 spread as 20 per week, scaled by 30.
    assertEquals(2, prepared.from());
    assertEquals(4, prepared.to());
    assertEquals(20.0 / 30, prepared.scaledDelta()[3], 1e-15);
    assertEquals(0, prepared.scaledDelta()[5], 0);
    LiftTest outside = new LiftTest("tv", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 1), 60, 500, 50);
    assertThrows(IllegalArgumentException.class, () -> PreparedLiftTest.prepare(List.of(outside), inputs));
    LiftTest unknown = new LiftTest("radio", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 29), 60, 500, 50);
    assertThrows(IllegalArgumentException.class, () -> PreparedLiftTest.prepare(List.of(unknown), inputs));
  }
}

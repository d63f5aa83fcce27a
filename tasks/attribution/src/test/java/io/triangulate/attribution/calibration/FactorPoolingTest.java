package io.triangulate.attribution.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.calibration.FactorPooling.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand from the formulas in {@link FactorPooling}'s comment. */
class FactorPoolingTest {

  private static final double EPS = 1e-12;

  // Channel A: factors 1 and 3, variance 1 each. Channel B: factor -4, variance 2.
  private static final List<Observation> OBS = List.of(
      new Observation("a1", "A", 1, 1), new Observation("a2", "A", 3, 1), new Observation("b1", "B", -4, 2));

  @Test
  void twoLevelPoolingMatchesTheHandComputation() {
    FactorPooling.Fit fit = FactorPooling.fit(OBS);
    // Within: channel A mean 2, Q = 1 + 1 = 2 (B alone adds nothing), df = 1, C = 2 - 2/2 = 1: tau2 = 1.
    assertEquals(1.0, fit.tau2(), EPS);
    // Channel estimates with w = 1/(s2 + tau2): m_A = 2, v_A = 1; m_B = -4, v_B = 3.
    assertEquals(2.0, fit.groups().get("A").raw(), EPS);
    assertEquals(1.0, fit.groups().get("A").rawVariance(), EPS);
    assertEquals(-4.0, fit.groups().get("B").raw(), EPS);
    assertEquals(3.0, fit.groups().get("B").rawVariance(), EPS);
    // Between: u = 1, 1/3; weighted mean 0.5; Q = 2.25 + 20.25/3 = 9; C = 4/3 - (10/9)/(4/3) = 1/2: omega2 = 16.
    assertEquals(16.0, fit.omega2(), EPS);
    // Global mean (2/17 - 4/19) / (1/17 + 1/19) = -5/6, variance 323/36.
    assertEquals(-5.0 / 6, fit.globalMean(), EPS);
    assertEquals(323.0 / 36, fit.globalVariance(), EPS);
    // Shrunk channel means: A (1/17)(-5/6) + (16/17) 2 = 11/6; B (3/19)(-5/6) + (16/19)(-4) = -7/2.
    assertEquals(11.0 / 6, fit.channelFactor("A"), EPS);
    assertEquals(-3.5, fit.channelFactor("B"), EPS);
    // Campaigns: lambda = 1/2 in A: 11/12 + 1/2 and 11/12 + 3/2; lambda = 2/3 in B: -7/3 - 4/3.
    assertEquals(17.0 / 12, fit.factor("a1", "A"), EPS);
    assertEquals(29.0 / 12, fit.factor("a2", "A"), EPS);
    assertEquals(-11.0 / 3, fit.factor("b1", "B"), EPS);
    // Without an experiment: a new campaign of A gets A's mean, a channel without experiments the global one.
    assertEquals(11.0 / 6, fit.factor("a3", "A"), EPS);
    assertEquals(-5.0 / 6, fit.factor("tv", "linear_tv"), EPS);
    assertEquals("experiment", fit.source("a1", "A"));
    assertEquals("channel_pool", fit.source("a3", "A"));
    assertEquals("global_pool", fit.source("tv", "linear_tv"));
  }

  @Test
  void agreeingCampaignsArePooledCompletely() {
    // Q = (1 - 1.1)^2 + (1.2 - 1.1)^2 = 0.02 < df = 1, so tau2 = 0: both get the channel mean 1.1.
    FactorPooling.Fit fit = FactorPooling.fit(List.of(new Observation("x", "A", 1, 1), new Observation("y", "A", 1.2, 1)));
    assertEquals(0.0, fit.tau2(), EPS);
    assertEquals(0.0, fit.omega2(), EPS);
    assertEquals(1.1, fit.factor("x", "A"), EPS);
    assertEquals(1.1, fit.factor("y", "A"), EPS);
    assertEquals(1.1, fit.globalMean(), EPS);
    assertEquals(0.5, fit.globalVariance(), EPS);
  }

  @Test
  void noObservationsGiveNaNAndBadOnesAreRefused() {
    assertTrue(Double.isNaN(FactorPooling.fit(List.of()).factor("x", "A")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FactorPooling.fit(List.of(new Observation("x", "A", 1, 0))));
    assertTrue(e.getMessage().contains("observation x"), e.getMessage());
  }
}

package io.triangulate.geo.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.geo.stats.GeoPanelGenerator.EffectShape;
import io.triangulate.geo.stats.GeoPanelGenerator.World;
import org.junit.jupiter.api.Test;

/**
 * Recovery of the generator's known effect over many seeded geo tests. With 200 tests the Monte
 * Carlo SE of a 90% coverage is √(0.9·0.1/200) = 0.021, so the accepted band 85–95% is ±2.4 SE
 * around nominal; bias is accepted within 3 SE of its own Monte Carlo error (it is zero in truth
 * up to the estimator's small-sample bias). `geo coverage-study` runs the same study at any size.
 */
class GeoCoverageTest {

  private static void assertRecovers(CoverageStudy.Result r, String what) {
    String figures = what + ": " + r;
    assertTrue(r.coverage() >= 0.85 && r.coverage() <= 0.95, figures);
    assertTrue(Math.abs(r.meanError()) <= 3 * r.errorSe(), figures);
    // Relative errors are noisy (a 5% lift against 5% daily noise): their mean within 3 MC SE of 0.
    assertTrue(Math.abs(r.meanRelativeError()) <= 3 * r.rmseRelative() / Math.sqrt(r.tests()), figures);
  }

  @Test
  void syntheticControlCoversAConstantEffect() {
    World world = new World(30, 91, 28, 2, 0.05, EffectShape.CONSTANT, 0.05);
    assertRecovers(CoverageStudy.run(world, GeoOptions.defaults(GeoMethod.SC), 200, 1000), "sc constant");
  }

  @Test
  void augmentedSyntheticControlCoversATimeVaryingEffect() {
    // The effect follows the market's counterfactual (weekday pattern, factors): the interval is
    // for its average. A smaller world keeps the AUGSC cross-validation within a few seconds.
    World world = new World(20, 70, 21, 2, 0.05, EffectShape.PROPORTIONAL, 0.05);
    assertRecovers(CoverageStudy.run(world, GeoOptions.defaults(GeoMethod.AUGSC), 200, 5000), "augsc proportional");
  }
}

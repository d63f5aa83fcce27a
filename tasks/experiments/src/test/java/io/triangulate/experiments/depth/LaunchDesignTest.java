package io.triangulate.experiments.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.experiments.stats.DesignResult;
import io.triangulate.experiments.stats.ExperimentDesign;
import org.junit.jupiter.api.Test;

class LaunchDesignTest {

  private static final ExperimentsConfig.Design SETTINGS = new ExperimentsConfig.Design(0.05, 0.8, 0.2);

  @Test
  void baselineIsTheAudiencesPrePeriodBuyersAndTheMdeIsThePlannedHoldouts() {
    // 10,000 assigned, 300 bought in the 28 days before: 3%. Holdout 20%: 8,000 vs 2,000.
    LaunchDesign.Design d = LaunchDesign.design(
        new LaunchDesign.Inputs("C01", "A01", 0.2, 10_000, 300, 28, 25), SETTINGS);
    assertEquals(0.03, d.baselineRate(), 1e-15);
    DesignResult mde = ExperimentDesign.mdeForProportion(8_000, 2_000, 0.03, 0.05, 0.8, 400.0);
    assertEquals(mde.mdeAbsolute(), d.mdeAbsolute(), 0.0);
    DesignResult need = ExperimentDesign.forProportion(0.03, 0.006, 0.05, 0.8, 0.2, 400.0);
    assertEquals(need.treatedN(), d.requiredTreated());
    assertEquals(need.controlN(), d.requiredControl());
    assertEquals(need.days(), d.requiredDays(), 0.0);
    // A 20% relative lift on 3% needs more than this audience: the MDE is above 0.6 points.
    assertTrue(d.mdeAbsolute() > 0.006, "mde " + d.mdeAbsolute());
  }

  @Test
  void anAudienceWithoutPrePeriodBuyersHasNoDesignAndSaysWhy() {
    LaunchDesign.Design d = LaunchDesign.design(new LaunchDesign.Inputs("C01", "A01", 0.2, 1_000, 0, 28, 25), SETTINGS);
    assertTrue(Double.isNaN(d.mdeAbsolute()));
    assertEquals(-1, d.requiredTreated());
    assertTrue(d.notes().get(0).startsWith("baseline rate 0.0 of 1000 assigned members"), d.notes().toString());
  }
}

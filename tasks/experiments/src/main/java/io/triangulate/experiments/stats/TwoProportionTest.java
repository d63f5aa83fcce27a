package io.triangulate.experiments.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares conversion rates of a treated and a control arm from their counts.
 *
 * <ul>
 *   <li>Absolute lift p_t − p_c with the Wald interval, SE = √(p_t(1−p_t)/n_t + p_c(1−p_c)/n_c).
 *       The interval is unpooled because it describes a lift that may be non-zero.
 *   <li>p-value from the pooled z-test, SE₀ = √(p̄(1−p̄)(1/n_t + 1/n_c)) with p̄ = (x_t+x_c)/(n_t+n_c):
 *       under the null hypothesis both arms share one rate, so pooling estimates it best. (So the
 *       interval and the test can disagree right at the boundary; that is the textbook pairing.)
 *   <li>Relative lift p_t/p_c − 1 with the Katz interval: log(p_t/p_c) ± z·√(1/x_t − 1/n_t + 1/x_c
 *       − 1/n_c), exponentiated. The log scale keeps the interval asymmetric and above −100%.
 * </ul>
 *
 * Edge cases return NaN plus a note instead of throwing: an empty arm, no conversions in the control
 * (relative lift undefined), none in the treated arm (Katz interval undefined), and rates of exactly
 * 0 or 1 in both arms (the Wald interval has zero width, which is the formula's known weakness).
 */
public final class TwoProportionTest {

  private TwoProportionTest() {}

  public static ProportionComparison compare(BinaryArm treated, BinaryArm control, ConfidenceLevel level) {
    List<String> notes = new ArrayList<>();
    double pt = treated.rate();
    double pc = control.rate();
    if (treated.n() == 0 || control.n() == 0) {
      if (treated.n() == 0) {
        notes.add("treated arm has no units");
      }
      if (control.n() == 0) {
        notes.add("control arm has no units");
      }
      return new ProportionComparison(
          pt, pc, Double.NaN, Interval.UNDEFINED, Double.NaN, Interval.UNDEFINED, Double.NaN, notes);
    }
    double z = level.criticalValue();
    double lift = pt - pc;

    double waldSe = Math.sqrt(pt * (1 - pt) / treated.n() + pc * (1 - pc) / control.n());
    if (waldSe == 0) {
      notes.add("both rates are 0 or 1: the Wald interval has zero width");
    }
    Interval liftInterval = Interval.around(lift, z * waldSe);

    return new ProportionComparison(
        pt,
        pc,
        lift,
        liftInterval,
        relativeLift(treated, control, notes),
        katzInterval(treated, control, z, notes),
        pooledPValue(treated, control, lift, notes),
        notes);
  }

  private static double pooledPValue(BinaryArm treated, BinaryArm control, double lift, List<String> notes) {
    double pooled = (double) (treated.successes() + control.successes()) / (treated.n() + control.n());
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / treated.n() + 1.0 / control.n()));
    if (se == 0) {
      // Every unit in both arms has the same outcome: the arms are identical, there is no evidence
      // of a difference (Fisher's exact test also gives 1 here).
      notes.add("every unit has the same outcome: p-value set to 1");
      return 1.0;
    }
    return StandardNormal.twoSidedPValue(lift / se);
  }

  private static double relativeLift(BinaryArm treated, BinaryArm control, List<String> notes) {
    if (control.successes() == 0) {
      notes.add("control arm has no conversions: relative lift undefined");
      return Double.NaN;
    }
    return treated.rate() / control.rate() - 1;
  }

  private static Interval katzInterval(BinaryArm treated, BinaryArm control, double z, List<String> notes) {
    if (control.successes() == 0) {
      return Interval.UNDEFINED; // already noted by relativeLift
    }
    if (treated.successes() == 0) {
      notes.add("treated arm has no conversions: relative-lift interval undefined");
      return Interval.UNDEFINED;
    }
    double logRatio = Math.log(treated.rate() / control.rate());
    double variance =
        1.0 / treated.successes() - 1.0 / treated.n() + 1.0 / control.successes() - 1.0 / control.n();
    double halfWidth = z * Math.sqrt(Math.max(0.0, variance));
    return new Interval(Math.exp(logRatio - halfWidth) - 1, Math.exp(logRatio + halfWidth) - 1);
  }
}

package io.triangulate.experiments.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the mean of a numeric outcome between a treated and a control arm from (n, Σx, Σx²).
 *
 * <p>Standard error as in Welch's test, SE = √(s_t²/n_t + s_c²/n_c) with unbiased sample variances
 * (the arms need not share a variance: treatment usually widens the spread of revenue). The interval
 * and the p-value use the normal distribution rather than Student's t with Welch–Satterthwaite
 * degrees of freedom: our arms hold thousands of units, where the two differ by less than 0.1% of
 * the interval width (t with 1000 df: 1.9623 vs z 1.9600), and every other estimate in the
 * platform is on the same normal footing. For arms of a few dozen units the interval is slightly too
 * narrow.
 *
 * <p>The incremental total scales the per-unit difference to the treated population, difference ×
 * n_t, with the interval scaled the same way: n_t is the number of units we treated, a known
 * constant, not an estimate.
 */
public final class MeanDifferenceTest {

  private MeanDifferenceTest() {}

  public static MeanComparison compare(ContinuousArm treated, ContinuousArm control, ConfidenceLevel level) {
    List<String> notes = new ArrayList<>();
    double meanT = treated.mean();
    double meanC = control.mean();
    if (treated.n() == 0 || control.n() == 0) {
      if (treated.n() == 0) {
        notes.add("treated arm has no units");
      }
      if (control.n() == 0) {
        notes.add("control arm has no units");
      }
      return new MeanComparison(
          meanT, meanC, Double.NaN, Interval.UNDEFINED, Double.NaN, Double.NaN, Double.NaN, Interval.UNDEFINED, notes);
    }
    double difference = meanT - meanC;
    double relative = relativeDifference(meanT, meanC, notes);
    double incremental = difference * treated.n();

    if (treated.n() < 2 || control.n() < 2) {
      notes.add("an arm has fewer than 2 units: variance, interval and p-value undefined");
      return new MeanComparison(
          meanT, meanC, difference, Interval.UNDEFINED, relative, Double.NaN, incremental, Interval.UNDEFINED, notes);
    }
    double se = Math.sqrt(treated.sampleVariance() / treated.n() + control.sampleVariance() / control.n());
    double pValue;
    if (se == 0) {
      // Both arms are constant: the difference is known exactly.
      notes.add("both arms have zero variance: the interval has zero width");
      pValue = difference == 0 ? 1.0 : 0.0;
    } else {
      pValue = StandardNormal.twoSidedPValue(difference / se);
    }
    Interval interval = Interval.around(difference, level.criticalValue() * se);
    return new MeanComparison(
        meanT, meanC, difference, interval, relative, pValue, incremental, interval.scaled(treated.n()), notes);
  }

  private static double relativeDifference(double meanT, double meanC, List<String> notes) {
    if (meanC == 0) {
      notes.add("control mean is 0: relative difference undefined");
      return Double.NaN;
    }
    return meanT / meanC - 1;
  }
}

package io.triangulate.experiments.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Ratio metrics (revenue per order, orders per member exposed) with the delta method, from per-unit
 * sums (Deng, Knoblich &amp; Lu 2018, "Applying the delta method in metric analytics"). For R =
 * n̄/d̄, a first-order expansion gives Var(R) ≈ (Var(num) − 2R·Cov(num, den) + R²·Var(den)) / (n·d̄²).
 */
public final class DeltaMethod {

  private DeltaMethod() {}

  /** One arm's ratio with its interval; NaN plus a note with fewer than 2 units or Σden = 0. */
  public static RatioEstimate ratio(RatioArm arm, ConfidenceLevel level) {
    if (arm.n() < 2) {
      return new RatioEstimate(
          arm.sumDen() == 0 ? Double.NaN : arm.sumNum() / arm.sumDen(), Double.NaN, Interval.UNDEFINED,
          List.of("arm has fewer than 2 units: ratio variance undefined"));
    }
    if (arm.sumDen() == 0) {
      return new RatioEstimate(
          Double.NaN, Double.NaN, Interval.UNDEFINED, List.of("denominator sums to 0: ratio undefined"));
    }
    long n = arm.n();
    double ratio = arm.sumNum() / arm.sumDen();
    double meanDen = arm.sumDen() / n;
    double varNum = Math.max(0.0, (arm.sumNum2() - arm.sumNum() * arm.sumNum() / n) / (n - 1));
    double varDen = Math.max(0.0, (arm.sumDen2() - arm.sumDen() * arm.sumDen() / n) / (n - 1));
    double cov = (arm.sumNumDen() - arm.sumNum() * arm.sumDen() / n) / (n - 1);
    double variance = Math.max(0.0, varNum - 2 * ratio * cov + ratio * ratio * varDen) / (n * meanDen * meanDen);
    double se = Math.sqrt(variance);
    return new RatioEstimate(ratio, se, Interval.around(ratio, level.criticalValue() * se), List.of());
  }

  /** Treated versus control difference of the ratio. */
  public static RatioComparison compare(RatioArm treated, RatioArm control, ConfidenceLevel level) {
    RatioEstimate t = ratio(treated, level);
    RatioEstimate c = ratio(control, level);
    List<String> notes = new ArrayList<>();
    t.notes().forEach(note -> notes.add("treated " + note));
    c.notes().forEach(note -> notes.add("control " + note));
    double difference = t.ratio() - c.ratio();
    double se = Math.sqrt(t.standardError() * t.standardError() + c.standardError() * c.standardError());
    double relative = c.ratio() == 0 ? Double.NaN : t.ratio() / c.ratio() - 1;
    if (c.ratio() == 0) {
      notes.add("control ratio is 0: relative difference undefined");
    }
    double pValue;
    Interval interval;
    if (Double.isNaN(se)) {
      pValue = Double.NaN;
      interval = Interval.UNDEFINED;
    } else {
      pValue = se == 0 ? (difference == 0 ? 1.0 : 0.0) : StandardNormal.twoSidedPValue(difference / se);
      interval = Interval.around(difference, level.criticalValue() * se);
    }
    return new RatioComparison(t, c, difference, se, interval, relative, pValue, notes);
  }
}

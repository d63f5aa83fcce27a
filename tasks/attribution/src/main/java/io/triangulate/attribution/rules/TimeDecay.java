package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;

/**
 * Credit halves with every half-life a touch lies before the outcome: weight 2^(−age/halfLife),
 * normalised over the path. Touches older than the lookback window get nothing; a converting path
 * with no touch inside the window stays uncredited (its conversions are missing from the model's
 * total rather than forced onto a touch the window excludes).
 */
public final class TimeDecay implements TouchWeighting {

  public static final double DEFAULT_HALF_LIFE_DAYS = 7;
  public static final double DEFAULT_LOOKBACK_DAYS = 30;

  private final double halfLifeDays;
  private final double lookbackDays;

  public TimeDecay(double halfLifeDays, double lookbackDays) {
    if (!(halfLifeDays > 0) || !Double.isFinite(halfLifeDays)) {
      throw new IllegalArgumentException("half-life must be a positive number of days, got " + halfLifeDays);
    }
    if (!(lookbackDays > 0)) {
      throw new IllegalArgumentException("lookback must be a positive number of days, got " + lookbackDays);
    }
    this.halfLifeDays = halfLifeDays;
    this.lookbackDays = lookbackDays;
  }

  @Override
  public void weigh(ConversionPath path, double[] weights) {
    double[] ages = path.touchAgesDays();
    if (ages == null) {
      throw new IllegalArgumentException("time-decay attribution needs touch ages; this path has none: " + path);
    }
    double sum = 0;
    for (int i = 0; i < ages.length; i++) {
      double weight = ages[i] <= lookbackDays ? Math.pow(2.0, -ages[i] / halfLifeDays) : 0.0;
      weights[i] = weight;
      sum += weight;
    }
    for (int i = 0; i < ages.length; i++) {
      weights[i] = sum > 0 ? weights[i] / sum : 0.0;
    }
  }
}

package io.triangulate.experiments.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The mixture sequential probability ratio test (mSPRT) with a normal mixing distribution, as in
 * Johari, Koomen, Pekelis &amp; Walsh (2017) "Peeking at A/B tests" / Johari, Pekelis &amp; Walsh,
 * "Always valid inference": for an (approximately) normal estimate Δ̂ of a difference with variance
 * V, and the effect mixed over N(δ₀, τ²), the likelihood ratio against δ₀ is
 *
 * <pre>
 *   Λ = √(V / (V + τ²)) · exp( τ² (Δ̂ − δ₀)² / (2 V (V + τ²)) )
 * </pre>
 *
 * Λ is a non-negative martingale under δ₀ (the data are i.i.d. increments with known V), so by
 * Ville's inequality P(sup Λ ≥ 1/α) ≤ α: the test may be looked at after every day (every unit) and
 * stopped at any time. Inverting Λ &lt; 1/α in δ₀ gives the always-valid interval
 *
 * <pre>
 *   Δ̂ ± √( V (V + τ²) / τ² · ( 2 log(1/α) + log((V + τ²) / V) ) )
 * </pre>
 *
 * and the always-valid p-value min(1, 1/Λ). With V estimated from the data (s²/n plug-in), validity
 * is asymptotic, as in the paper. τ² is the mixing variance on the scale of the difference; choose
 * it with {@link #tauSquaredForEffect} or {@link #tauSquaredForHorizon}.
 */
public final class MixtureSequentialTest {

  private final double tauSquared;
  private final double alpha;

  /**
   * @param tauSquared mixing variance τ² &gt; 0, on the squared scale of the difference
   * @param alpha error rate in (0, 1), e.g. 0.05 for 95% always-valid intervals
   */
  public MixtureSequentialTest(double tauSquared, double alpha) {
    if (!(tauSquared > 0) || Double.isInfinite(tauSquared)) {
      throw new IllegalArgumentException("mixing variance tau^2 must be a positive number, got " + tauSquared);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be strictly between 0 and 1, got " + alpha);
    }
    this.tauSquared = tauSquared;
    this.alpha = alpha;
  }

  public double tauSquared() {
    return tauSquared;
  }

  public double alpha() {
    return alpha;
  }

  /** Λ against δ₀ = 0 for one look; NaN when the variance is not positive. */
  public double likelihoodRatio(double estimate, double variance) {
    if (!(variance > 0) || Double.isNaN(estimate)) {
      return Double.NaN;
    }
    return Math.exp(logLikelihoodRatio(estimate, variance));
  }

  private double logLikelihoodRatio(double estimate, double variance) {
    double total = variance + tauSquared;
    return 0.5 * Math.log(variance / total) + tauSquared * estimate * estimate / (2 * variance * total);
  }

  /** Half-width of the always-valid interval at variance V (the boundary: reject when |Δ̂| exceeds it). */
  public double halfWidth(double variance) {
    if (!(variance > 0)) {
      return Double.NaN;
    }
    double total = variance + tauSquared;
    return Math.sqrt(variance * total / tauSquared * (2 * Math.log(1 / alpha) + Math.log(total / variance)));
  }

  /** The boundary on the z scale: reject when |Δ̂| / √V exceeds it. Grows like √log(V₀/V) as data accrue. */
  public double zBoundary(double variance) {
    return halfWidth(variance) / Math.sqrt(variance);
  }

  /** A single look (not a running one): interval, Λ and p = min(1, 1/Λ). */
  public AlwaysValidInterval look(double estimate, double variance) {
    if (!(variance > 0) || Double.isNaN(estimate)) {
      return new AlwaysValidInterval(estimate, variance, Interval.UNDEFINED, Double.NaN, Double.NaN, false);
    }
    double logLr = logLikelihoodRatio(estimate, variance);
    // p = min(1, 1/Λ) on the log scale, so a huge Λ gives a tiny p instead of overflowing.
    double p = Math.min(1.0, Math.exp(-logLr));
    Interval interval = Interval.around(estimate, halfWidth(variance));
    return new AlwaysValidInterval(estimate, variance, interval, Math.exp(logLr), p, !interval.contains(0.0));
  }

  /** A single look at the mean difference of two arms, V = s_t²/n_t + s_c²/n_c (plug-in). */
  public AlwaysValidInterval look(ContinuousArm treated, ContinuousArm control) {
    if (treated.n() < 2 || control.n() < 2) {
      return look(Double.NaN, Double.NaN);
    }
    return look(
        treated.mean() - control.mean(),
        treated.sampleVariance() / treated.n() + control.sampleVariance() / control.n());
  }

  /** A single look at the rate difference of two arms, V = p_t q_t/n_t + p_c q_c/n_c (plug-in). */
  public AlwaysValidInterval look(BinaryArm treated, BinaryArm control) {
    if (treated.n() == 0 || control.n() == 0) {
      return look(Double.NaN, Double.NaN);
    }
    double pt = treated.rate();
    double pc = control.rate();
    return look(pt - pc, pt * (1 - pt) / treated.n() + pc * (1 - pc) / control.n());
  }

  /**
   * A sequence of looks in time order (e.g. the cumulative estimate after each day): each element
   * carries the running intersection of the intervals and the running minimum of the p-values, which
   * is what a person who peeks every day may act on. Looks with undefined variance are carried over.
   */
  public List<AlwaysValidInterval> monitor(double[] estimates, double[] variances) {
    if (estimates.length != variances.length) {
      throw new IllegalArgumentException(
          "need one variance per estimate, got " + estimates.length + " estimates and " + variances.length + " variances");
    }
    List<AlwaysValidInterval> looks = new ArrayList<>(estimates.length);
    double low = Double.NEGATIVE_INFINITY;
    double high = Double.POSITIVE_INFINITY;
    double p = 1.0;
    boolean seenDefined = false;
    for (int i = 0; i < estimates.length; i++) {
      AlwaysValidInterval single = look(estimates[i], variances[i]);
      if (single.interval().isDefined()) {
        seenDefined = true;
        low = Math.max(low, single.interval().low());
        high = Math.min(high, single.interval().high());
        p = Math.min(p, single.pValue());
      }
      // Intersections of valid intervals are valid; an empty one (low > high) can only happen when
      // the data contradict every difference, which rejects 0 as well: it is kept as a point.
      Interval running = !seenDefined ? Interval.UNDEFINED : low <= high ? new Interval(low, high) : new Interval(low, low);
      boolean rejected = seenDefined && (p <= alpha || !running.contains(0.0));
      looks.add(
          new AlwaysValidInterval(estimates[i], variances[i], running, single.likelihoodRatio(), seenDefined ? p : Double.NaN, rejected));
    }
    return looks;
  }

  /**
   * τ² = δ²: the mixing distribution's spread equals the effect one expects (or the design's MDE),
   * the usual default (Johari et al. recommend τ on the scale of plausible effects).
   */
  public static double tauSquaredForEffect(double expectedEffect) {
    if (!(expectedEffect != 0) || !Double.isFinite(expectedEffect)) {
      throw new IllegalArgumentException("expected effect must be a non-zero number, got " + expectedEffect);
    }
    return expectedEffect * expectedEffect;
  }

  /**
   * τ² that makes the always-valid interval narrowest when the estimate's variance is {@code
   * varianceAtHorizon} (the planned end of the test): minimises (1 + V/τ²)(2 log(1/α) + log(1 +
   * τ²/V)) over τ²/V numerically.
   */
  public static double tauSquaredForHorizon(double varianceAtHorizon, double alpha) {
    if (!(varianceAtHorizon > 0) || Double.isInfinite(varianceAtHorizon)) {
      throw new IllegalArgumentException("variance at the horizon must be a positive number, got " + varianceAtHorizon);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be strictly between 0 and 1, got " + alpha);
    }
    // f(r) = (1 + 1/r)(2 log(1/α) + log(1 + r)), r = τ²/V, is unimodal on (0, ∞): golden-section
    // search on log r over [1e-4, 1e6] (the optimum for α in [1e-6, 0.5] lies near r ≈ 5–60).
    double a = Math.log(1e-4);
    double b = Math.log(1e6);
    double g = (Math.sqrt(5) - 1) / 2;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    while (b - a > 1e-10) {
      if (widthFactor(Math.exp(c), alpha) < widthFactor(Math.exp(d), alpha)) {
        b = d;
      } else {
        a = c;
      }
      c = b - g * (b - a);
      d = a + g * (b - a);
    }
    return Math.exp((a + b) / 2) * varianceAtHorizon;
  }

  private static double widthFactor(double r, double alpha) {
    return (1 + 1 / r) * (2 * Math.log(1 / alpha) + Math.log1p(r));
  }
}

package io.triangulate.experiments.stats;

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
    throw new UnsupportedOperationException("step 2");
  }

  /** Half-width of the always-valid interval at variance V (the boundary: reject when |Δ̂| exceeds it). */
  public double halfWidth(double variance) {
    throw new UnsupportedOperationException("step 2");
  }

  /** The boundary on the z scale: reject when |Δ̂| / √V exceeds it. Grows like √log(V₀/V) as data accrue. */
  public double zBoundary(double variance) {
    throw new UnsupportedOperationException("step 2");
  }

  /** A single look (not a running one): interval, Λ and p = min(1, 1/Λ). */
  public AlwaysValidInterval look(double estimate, double variance) {
    throw new UnsupportedOperationException("step 2");
  }

  /** A single look at the mean difference of two arms, V = s_t²/n_t + s_c²/n_c (plug-in). */
  public AlwaysValidInterval look(ContinuousArm treated, ContinuousArm control) {
    throw new UnsupportedOperationException("step 2");
  }

  /** A single look at the rate difference of two arms, V = p_t q_t/n_t + p_c q_c/n_c (plug-in). */
  public AlwaysValidInterval look(BinaryArm treated, BinaryArm control) {
    throw new UnsupportedOperationException("step 2");
  }

  /**
   * A sequence of looks in time order (e.g. the cumulative estimate after each day): each element
   * carries the running intersection of the intervals and the running minimum of the p-values, which
   * is what a person who peeks every day may act on. Looks with undefined variance are carried over.
   */
  public List<AlwaysValidInterval> monitor(double[] estimates, double[] variances) {
    throw new UnsupportedOperationException("step 2");
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
    throw new UnsupportedOperationException("step 2");
  }
}

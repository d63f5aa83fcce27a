package io.triangulate.experiments.stats;

/**
 * Chance to beat control and expected loss, the read-out Bayesian A/B tools (GrowthBook, VWO) show.
 *
 * <p><b>Binary</b>: each arm's rate has posterior Beta(α₀ + successes, β₀ + failures) under the stated
 * prior. P(p_t &gt; p_c) = ∫ f_t(x) F_c(x) dx is integrated numerically (composite Simpson on the
 * window where f_t is non-negligible, mean ± 12 sd clipped to [0, 1], 4,000 panels; accuracy better
 * than 1e-8 against the exact finite sum of Evan Miller's "Formulas for Bayesian A/B testing", which
 * the tests use as reference). The expected loss uses the size-biasing identity E[p_c·1{p_c &gt;
 * p_t}] = E[p_c]·P(p_c' &gt; p_t) with p_c' ~ Beta(α_c + 1, β_c), so it needs only the same kind of
 * probability: E[max(p_c − p_t, 0)] = m_c P(p_c' &gt; p_t) − m_t P(p_c &gt; p_t').
 *
 * <p><b>Continuous</b> (revenue per member): the difference of means is N(Δ̂, SE²) by the central
 * limit theorem (SE Welch-type); with a normal prior N(μ₀, σ₀²) on the difference the posterior is
 * normal with precision 1/SE² + 1/σ₀². Then P(Δ &gt; 0) = Φ(μ/σ) and E[max(−Δ, 0)] = σφ(μ/σ) −
 * μΦ(−μ/σ), exactly.
 */
public final class BayesianReadout {

  private BayesianReadout() {}

  /** Binary outcome with a Beta prior on both rates. */
  public static BayesianResult binary(BinaryArm treated, BinaryArm control, BetaPrior prior, ConfidenceLevel level) {
    throw new UnsupportedOperationException("step 2");
  }

  /** Numeric outcome with a normal prior on the difference of means. */
  public static BayesianResult continuous(
      ContinuousArm treated, ContinuousArm control, NormalPrior prior, ConfidenceLevel level) {
    throw new UnsupportedOperationException("step 2");
  }

  /** P(X &gt; Y) for independent X ~ Beta(aX, bX), Y ~ Beta(aY, bY), all parameters ≥ 1 (numeric, see class doc). */
  public static double probabilityGreater(double aX, double bX, double aY, double bY) {
    throw new UnsupportedOperationException("step 2");
  }
}

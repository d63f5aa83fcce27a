package io.triangulate.mmm.bayes;

/**
 * Split R-hat and effective sample size of one parameter from several chains, following Gelman et
 * al. (BDA3, section 11.4–11.5) and Stan's implementation: each chain is split in half (so drift
 * within a chain shows up as disagreement between halves), autocorrelations are combined across
 * chains, and Geyer's initial monotone sequence truncates their sum.
 */
public final class ConvergenceDiagnostics {

  /** R-hat above this means the chains have not mixed (Vehtari et al. 2021). */
  public static final double RHAT_LIMIT = 1.01;
  /** Fewer effective draws than this per chain makes tail quantiles unreliable. */
  public static final double ESS_PER_CHAIN_LIMIT = 100;

  private ConvergenceDiagnostics() {}

  /** {@code draws[chain][iteration]}. */
  public static double splitRhat(double[][] draws) {
    double[][] halves = split(draws);
    int m = halves.length;
    int n = halves[0].length;
    double[] means = new double[m];
    double within = 0;
    for (int j = 0; j < m; j++) {
      means[j] = mean(halves[j]);
      within += variance(halves[j], means[j]);
    }
    within /= m;
    double grand = mean(means);
    double between = 0;
    for (double mj : means) {
      between += (mj - grand) * (mj - grand);
    }
    between *= (double) n / (m - 1);
    if (within == 0) {
      return between == 0 ? 1 : Double.POSITIVE_INFINITY;
    }
    double varPlus = (n - 1.0) / n * within + between / n;
    return Math.sqrt(varPlus / within);
  }

  /** Effective sample size over all chains, capped at {@code N·log10(N)} as Stan does. */
  public static double effectiveSampleSize(double[][] draws) {
    double[][] chains = split(draws);
    int m = chains.length;
    int n = chains[0].length;
    double[] means = new double[m];
    double meanVariance = 0;
    for (int j = 0; j < m; j++) {
      means[j] = mean(chains[j]);
      meanVariance += variance(chains[j], means[j]);
    }
    meanVariance /= m;
    double varPlus = meanVariance * (n - 1.0) / n;
    if (m > 1) {
      varPlus += variance(means, mean(means));
    }
    if (varPlus == 0) {
      return m * n;
    }
    // ρ_t = 1 − (W − mean_j autocov_j(t)) / var⁺, summed in pairs while the pairs stay positive
    // and forced to be non-increasing (Geyer's initial monotone sequence).
    double tau = -1;
    double previousPair = Double.POSITIVE_INFINITY;
    for (int t = 0; t + 1 < n; t += 2) {
      double even = 1 - (meanVariance - meanAutocovariance(chains, means, t)) / varPlus;
      double odd = 1 - (meanVariance - meanAutocovariance(chains, means, t + 1)) / varPlus;
      if (t == 0) {
        even = 1;
      }
      double pair = even + odd;
      if (!(pair > 0)) {
        break;
      }
      pair = Math.min(pair, previousPair);
      previousPair = pair;
      tau += 2 * pair;
    }
    double total = (double) m * n;
    double ess = total / Math.max(tau, 1e-12);
    return Math.min(ess, total * Math.log10(total));
  }

  /** Mean over chains of the lag-{@code t} autocovariance. */
  private static double meanAutocovariance(double[][] chains, double[] means, int t) {
    int n = chains[0].length;
    double sum = 0;
    for (int j = 0; j < chains.length; j++) {
      double[] c = chains[j];
      double s = 0;
      for (int i = 0; i + t < n; i++) {
        s += (c[i] - means[j]) * (c[i + t] - means[j]);
      }
      // Normalised by n (a biased but positive semi-definite estimate), as Stan does.
      sum += s / n;
    }
    return sum / chains.length;
  }

  private static double[][] split(double[][] draws) {
    int m = draws.length;
    int half = draws[0].length / 2;
    double[][] halves = new double[2 * m][half];
    for (int j = 0; j < m; j++) {
      int offset = draws[j].length - 2 * half;
      System.arraycopy(draws[j], offset, halves[2 * j], 0, half);
      System.arraycopy(draws[j], offset + half, halves[2 * j + 1], 0, half);
    }
    return halves;
  }

  private static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  private static double variance(double[] values, double mean) {
    double s = 0;
    for (double v : values) {
      s += (v - mean) * (v - mean);
    }
    return s / (values.length - 1);
  }
}

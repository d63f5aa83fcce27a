package io.triangulate.uplift.metrics;

/**
 * "Treat the top k% by predicted uplift", judged on a randomised holdout. Within the targeted rows
 * (the first ⌊n·k⌋ ranked, as uplift@k) the treated-minus-control outcome rate Δ estimates the
 * uplift the policy would get per targeted member; its standard error is the two-sample binomial
 * √(r_T(1−r_T)/n_T + r_C(1−r_C)/n_C). Expected incremental outcomes when the policy is applied to a
 * population of N members: Δ·k·N, with the normal interval (Δ ± z·SE)·k·N. Random targeting at the
 * same reach gets the holdout's overall Δ·k·N; {@code gainOverRandom} compares the two.
 */
public final class TargetingPolicy {

  private TargetingPolicy() {}

  /**
   * @param share k, the fraction of members to treat, in (0, 1)
   * @param population N, members the policy would be applied to (e.g. the whole file)
   * @param z normal quantile of the interval (1.96 for 95%)
   */
  public static Result evaluate(int[] y, double[] u, int[] t, double share, long population, double z) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("share must be in (0, 1), got " + share);
    }
    int[] order = UpliftMetrics.ranking(u);
    int size = (int) (y.length * share);
    UpliftMetrics.Arms top = UpliftMetrics.Arms.of(y, t, order, 0, size);
    UpliftMetrics.Arms all = UpliftMetrics.Arms.of(y, t, order, 0, y.length);
    double reach = share * population;
    double delta = top.uplift();
    double se = top.standardError();
    double overall = all.uplift();
    double overallSe = all.standardError();
    return new Result(share, size, top.nTreated(), top.nControl(), delta, se, population, reach, delta * reach,
        (delta - z * se) * reach, (delta + z * se) * reach, overall, overallSe, overall * reach,
        delta / overall - 1);
  }

  /**
   * @param holdoutTargeted holdout rows in the targeted top k (of which {@code treated} and {@code control})
   * @param upliftInTarget Δ, outcome-rate difference within the targeted rows, and {@code se} its SE
   * @param incremental expected extra outcomes Δ·reach, with {@code low}–{@code high} its interval
   * @param randomUplift the holdout's overall Δ (what random targeting gets per member), SE {@code randomSe}
   * @param randomIncremental overall Δ·reach
   * @param gainOverRandom incremental / randomIncremental − 1 (e.g. 0.45 = 45% more)
   */
  public record Result(
      double share, int holdoutTargeted, int treated, int control, double upliftInTarget, double se, long population,
      double reach, double incremental, double low, double high, double randomUplift, double randomSe,
      double randomIncremental, double gainOverRandom) {}
}

package io.triangulate.attribution.datadriven;

import java.util.Arrays;

/**
 * Area under the ROC curve for aggregated observations: each score carries a weight of positives
 * and of negatives. Equals the probability that a random positive outscores a random negative,
 * ties counting one half (the Mann–Whitney form), in one sort.
 */
public final class WeightedAuc {

  private WeightedAuc() {}

  /** NaN when there are no positives or no negatives. */
  public static double of(double[] scores, double[] positives, double[] negatives) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double negativesBelow = 0;
    double concordant = 0;
    double totalPositives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      double groupPositives = 0;
      double groupNegatives = 0;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        groupPositives += positives[order[j]];
        groupNegatives += negatives[order[j]];
        j++;
      }
      concordant += groupPositives * (negativesBelow + 0.5 * groupNegatives);
      negativesBelow += groupNegatives;
      totalPositives += groupPositives;
      i = j;
    }
    if (totalPositives == 0 || negativesBelow == 0) {
      return Double.NaN;
    }
    return concordant / (totalPositives * negativesBelow);
  }
}

package io.triangulate.experiments.depth;

import io.triangulate.experiments.lift.SegmentKey;
import io.triangulate.experiments.stats.MultipleTesting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multiple-testing adjustment of a day's conversion-lift p-values, in two families: the segments of
 * each campaign (every segment type together, the whole-campaign row left out), and the campaigns'
 * whole-campaign rows. Benjamini–Hochberg and Holm, as exp-core's {@link MultipleTesting}. Pure.
 */
public final class AdjustedPValues {

  /**
   * @param bh BH-adjusted p-value in the key's family (segments of its campaign, or campaigns)
   * @param holm Holm-adjusted p-value in the same family
   * @param significant bh ≤ α
   */
  public record Adjusted(double bh, double holm, boolean significant) {}

  private AdjustedPValues() {}

  /** Every key with a defined adjustment; keys with a NaN p-value map to NaN and not significant. */
  public static Map<SegmentKey, Adjusted> adjust(Map<SegmentKey, Double> pValues, double alpha) {
    Map<String, List<SegmentKey>> families = new TreeMap<>();
    for (SegmentKey key : pValues.keySet()) {
      String family = key.isWholeCampaign() ? "\u0000campaigns" : key.campaignId();
      families.computeIfAbsent(family, f -> new ArrayList<>()).add(key);
    }
    Map<SegmentKey, Adjusted> out = new LinkedHashMap<>();
    for (List<SegmentKey> keys : families.values()) {
      double[] p = new double[keys.size()];
      for (int i = 0; i < p.length; i++) {
        Double v = pValues.get(keys.get(i));
        p[i] = v == null ? Double.NaN : v;
      }
      double[] bh = MultipleTesting.benjaminiHochberg(p);
      double[] holm = MultipleTesting.holm(p);
      boolean[] rejected = MultipleTesting.rejected(bh, alpha);
      for (int i = 0; i < p.length; i++) {
        out.put(keys.get(i), new Adjusted(bh[i], holm[i], rejected[i]));
      }
    }
    return out;
  }
}

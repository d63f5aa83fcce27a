package io.triangulate.attribution.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partial pooling of calibration factors (experiment incremental conversions ÷ model credit) in two
 * levels: campaigns within their channel, channels within the whole world. Pure.
 *
 * <p>Model: a campaign's observed factor {@code f_c ~ N(θ_c, s_c²)} with {@code s_c} its standard
 * error (the experiment's, divided by the credit), {@code θ_c ~ N(μ_k, τ²)} around its channel's mean,
 * {@code μ_k ~ N(μ, ω²)} around the global mean. Empirical Bayes: the variances are estimated by the
 * method of moments of DerSimonian and Laird (Controlled Clinical Trials 7, 1986, 177-188), τ² from
 * the within-channel Q statistic summed over channels (a common τ², df = Σ(n_k − 1)), ω² from the
 * Q statistic of the channel means; both truncated at 0. Then, with {@code w_c = 1/(s_c² + τ²)}:
 *
 * <ul>
 *   <li>channel estimate {@code m_k = Σ w_c f_c / Σ w_c}, variance {@code v_k = 1/Σ w_c};
 *   <li>global mean {@code μ = Σ m_k/(v_k+ω²) / Σ 1/(v_k+ω²)};
 *   <li>shrunk channel mean {@code μ̂_k = B_k μ + (1 − B_k) m_k}, {@code B_k = v_k/(v_k+ω²)}; a channel
 *       without any experiment gets {@code μ};
 *   <li>shrunk campaign factor {@code θ̂_c = λ_c μ̂_k + (1 − λ_c) f_c}, {@code λ_c = s_c²/(s_c²+τ²)}; a
 *       campaign without an experiment gets {@code μ̂_k}.
 * </ul>
 *
 * <p>Factors are pooled on the linear scale, not as logarithms: experiments of small campaigns often
 * estimate zero or negative lift, whose factors have no logarithm, and dropping them would bias the
 * pool upwards.
 */
public final class FactorPooling {

  /** One campaign's observed factor and its sampling variance (both finite, variance > 0). */
  public record Observation(String id, String group, double factor, double variance) {}

  /** A channel's raw pooled estimate, its variance, and the estimate shrunk toward the global mean. */
  public record Group(String group, int observations, double raw, double rawVariance, double shrunk) {}

  /**
   * The fit: within- and between-channel variances, the global mean with its variance, each
   * channel, and each observed campaign's shrunk factor.
   */
  public record Fit(double tau2, double omega2, double globalMean, double globalVariance, Map<String, Group> groups,
      Map<String, Double> shrunk) {

    /** The factor for a campaign: its own shrunk factor, else its channel's, else the global mean. */
    public double factor(String id, String group) {
      Double own = shrunk.get(id);
      if (own != null) {
        return own;
      }
      return channelFactor(group);
    }

    /** A channel's shrunk mean, or the global mean for a channel without experiments. */
    public double channelFactor(String group) {
      Group g = groups.get(group);
      return g == null ? globalMean : g.shrunk();
    }

    /** Where {@link #factor} comes from: {@code experiment}, {@code channel_pool} or {@code global_pool}. */
    public String source(String id, String group) {
      return shrunk.containsKey(id) ? "experiment" : groups.containsKey(group) ? "channel_pool" : "global_pool";
    }
  }

  private FactorPooling() {}

  /** Pools the observations; with none, every factor is NaN. */
  public static Fit fit(List<Observation> observations) {
    for (Observation o : observations) {
      if (!Double.isFinite(o.factor()) || !(o.variance() > 0) || !Double.isFinite(o.variance())) {
        throw new IllegalArgumentException("observation " + o.id() + ": factor must be finite and variance > 0, got "
            + o.factor() + " and " + o.variance());
      }
    }
    Map<String, List<Observation>> byGroup = new LinkedHashMap<>();
    for (Observation o : observations) {
      byGroup.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o);
    }
    double tau2 = withinVariance(byGroup.values());

    Map<String, double[]> raw = new LinkedHashMap<>(); // group -> {m_k, v_k}
    for (Map.Entry<String, List<Observation>> e : byGroup.entrySet()) {
      double sw = 0;
      double swf = 0;
      for (Observation o : e.getValue()) {
        double w = 1 / (o.variance() + tau2);
        sw += w;
        swf += w * o.factor();
      }
      raw.put(e.getKey(), new double[] {swf / sw, 1 / sw});
    }
    double omega2 = betweenVariance(raw.values());
    double su = 0;
    double sum = 0;
    for (double[] mv : raw.values()) {
      double u = 1 / (mv[1] + omega2);
      su += u;
      sum += u * mv[0];
    }
    double global = su == 0 ? Double.NaN : sum / su;
    double globalVariance = su == 0 ? Double.NaN : 1 / su;

    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, Double> shrunk = new LinkedHashMap<>();
    for (Map.Entry<String, List<Observation>> e : byGroup.entrySet()) {
      double[] mv = raw.get(e.getKey());
      double b = omega2 == 0 ? 1 : mv[1] / (mv[1] + omega2);
      double channel = b * global + (1 - b) * mv[0];
      groups.put(e.getKey(), new Group(e.getKey(), e.getValue().size(), mv[0], mv[1], channel));
      for (Observation o : e.getValue()) {
        double lambda = tau2 == 0 ? 1 : o.variance() / (o.variance() + tau2);
        shrunk.put(o.id(), lambda * channel + (1 - lambda) * o.factor());
      }
    }
    return new Fit(tau2, omega2, global, globalVariance, groups, shrunk);
  }

  /**
   * DerSimonian-Laird τ² with one τ² shared by all channels: Q = Σ_k Σ_c w_c (f_c − f̄_k)² with
   * fixed-effect weights w_c = 1/s_c², df = Σ (n_k − 1), C = Σ_k (Σ w − Σ w² / Σ w).
   */
  static double withinVariance(Iterable<List<Observation>> groups) {
    double q = 0;
    double c = 0;
    int df = 0;
    for (List<Observation> g : groups) {
      double sw = 0;
      double sw2 = 0;
      double swf = 0;
      for (Observation o : g) {
        double w = 1 / o.variance();
        sw += w;
        sw2 += w * w;
        swf += w * o.factor();
      }
      double mean = swf / sw;
      for (Observation o : g) {
        q += (o.factor() - mean) * (o.factor() - mean) / o.variance();
      }
      c += sw - sw2 / sw;
      df += g.size() - 1;
    }
    return c <= 0 ? 0 : Math.max(0, (q - df) / c);
  }

  /** DerSimonian-Laird ω² of the channel estimates {m_k, v_k}. */
  static double betweenVariance(Iterable<double[]> channels) {
    double su = 0;
    double su2 = 0;
    double sum = 0;
    int k = 0;
    for (double[] mv : channels) {
      double u = 1 / mv[1];
      su += u;
      su2 += u * u;
      sum += u * mv[0];
      k++;
    }
    if (k < 2) {
      return 0;
    }
    double mean = sum / su;
    double q = 0;
    for (double[] mv : channels) {
      q += (mv[0] - mean) * (mv[0] - mean) / mv[1];
    }
    double c = su - su2 / su;
    return c <= 0 ? 0 : Math.max(0, (q - (k - 1)) / c);
  }
}

package io.triangulate.attribution.calibration;

import io.triangulate.attribution.comparison.ExperimentResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Calibrated attribution: scales one model's credit per campaign by experiment-based factors
 * (incremental orders ÷ credited conversions), partially pooled by {@link FactorPooling} so that
 * campaigns and channels without an experiment get their channel's (or the world's) factor. Pure.
 *
 * <p>Uncertainty by parametric bootstrap: each draw replaces every experiment's estimate by a normal
 * draw around it with the experiment's standard error (its 95% interval's mean half-width ÷ 1.96),
 * refits the pooling (variances included) and recalibrates; intervals are the 2.5th and 97.5th
 * percentiles of the draws, for campaigns, channel sums and the total alike. The credits themselves
 * are taken as fixed. Draws come from a generator seeded by the seed and the model's name.
 *
 * <p>Leave-one-campaign-out: a campaign with its own experiment is also calibrated by the pool
 * fitted without that experiment. Scoring a campaign's own-experiment factor against that campaign's
 * truth is close to scoring the experiment itself; the left-out factor is the honest test of what
 * calibration does for a campaign without an experiment.
 */
public final class CreditCalibration {

  /** A 95% interval's half-width in standard errors. */
  static final double Z95 = 1.959963984540054;

  /** A label the model credited: a campaign (channel: its channel) or a media channel (itself). */
  public record LabelCredit(String label, String channel, double credited) {}

  /** What one model's calibration produced, and its pooling fit on the observed experiments. */
  public record Result(List<CalibratedCredit> rows, FactorPooling.Fit fit, int experiments) {}

  private CreditCalibration() {}

  /**
   * @param credits the model's credit for every media label (visits the advertiser did not buy are
   *     not media and are left out by the caller)
   * @param experiments per campaign; a campaign not in {@code credits} is ignored
   * @param draws bootstrap draws for the intervals (0: no intervals, NaN ends)
   */
  public static Result calibrate(String model, List<LabelCredit> credits, List<ExperimentResult> experiments, int draws,
      long seed) {
    Map<String, ExperimentResult> byCampaign = new LinkedHashMap<>();
    for (ExperimentResult e : experiments) {
      byCampaign.put(e.campaignId(), e);
    }
    List<LabelCredit> observed = new ArrayList<>();
    List<Double> ses = new ArrayList<>();
    for (LabelCredit c : credits) {
      ExperimentResult e = byCampaign.get(c.label());
      double se = e == null ? Double.NaN : standardError(e);
      if (e != null && c.credited() > 0 && se > 0) {
        observed.add(c);
        ses.add(se);
      }
    }
    double[] estimates = observed.stream().mapToDouble(c -> byCampaign.get(c.label()).incrementalOrders()).toArray();
    double[] se = ses.stream().mapToDouble(Double::doubleValue).toArray();
    FactorPooling.Fit fit = FactorPooling.fit(observations(observed, estimates, se));

    // Leave-one-campaign-out factors.
    Map<String, Double> loo = new LinkedHashMap<>();
    for (int i = 0; i < observed.size(); i++) {
      List<LabelCredit> others = new ArrayList<>(observed);
      others.remove(i);
      double[] e = without(estimates, i);
      double[] s = without(se, i);
      LabelCredit c = observed.get(i);
      loo.put(c.label(), FactorPooling.fit(observations(others, e, s)).factor(c.label(), c.channel()));
    }

    // Scopes: each label, each channel, the total.
    List<String> channels = new ArrayList<>();
    for (LabelCredit c : credits) {
      if (!channels.contains(c.channel())) {
        channels.add(c.channel());
      }
    }
    int n = credits.size();
    int scopes = n + channels.size() + 1;
    double[][] boot = new double[scopes][draws];
    SplittableRandom random = new SplittableRandom(seed ^ model.hashCode());
    double[] drawn = new double[estimates.length];
    for (int d = 0; d < draws; d++) {
      for (int i = 0; i < estimates.length; i++) {
        drawn[i] = estimates[i] + se[i] * random.nextGaussian();
      }
      FactorPooling.Fit f = FactorPooling.fit(observations(observed, drawn, se));
      double total = 0;
      for (int j = 0; j < n; j++) {
        LabelCredit c = credits.get(j);
        double v = c.credited() * f.factor(c.label(), c.channel());
        boot[j][d] = v;
        boot[n + channels.indexOf(c.channel())][d] += v;
        total += v;
      }
      boot[scopes - 1][d] = total;
    }

    List<CalibratedCredit> rows = new ArrayList<>();
    double[] sums = new double[channels.size() * 4]; // credited, calibrated, loo, experiment orders
    boolean[] experimented = new boolean[channels.size()];
    String[] sources = new String[channels.size()];
    for (int j = 0; j < n; j++) {
      LabelCredit c = credits.get(j);
      ExperimentResult e = byCampaign.get(c.label());
      double factor = fit.factor(c.label(), c.channel());
      double looFactor = loo.getOrDefault(c.label(), factor);
      double calibrated = c.credited() * factor;
      double[] ends = percentiles(boot[j]);
      String source = fit.source(c.label(), c.channel());
      rows.add(new CalibratedCredit("campaign", c.label(), c.channel(), model, c.credited(),
          e == null ? Double.NaN : e.incrementalOrders(), factor, ratio(ends[0], c.credited()), ratio(ends[1], c.credited()),
          source, calibrated, ends[0], ends[1], looFactor, c.credited() * looFactor));
      int k = channels.indexOf(c.channel());
      sums[4 * k] += c.credited();
      sums[4 * k + 1] += calibrated;
      sums[4 * k + 2] += c.credited() * looFactor;
      if (e != null) {
        sums[4 * k + 3] += e.incrementalOrders();
        experimented[k] = true;
      }
      sources[k] = sources[k] == null || sources[k].equals(source) ? source : "mixed";
    }
    double[] total = new double[4];
    boolean anyExperiment = false;
    for (int k = 0; k < channels.size(); k++) {
      double[] ends = percentiles(boot[n + k]);
      double credited = sums[4 * k];
      rows.add(new CalibratedCredit("channel", channels.get(k), channels.get(k), model, credited,
          experimented[k] ? sums[4 * k + 3] : Double.NaN, ratio(sums[4 * k + 1], credited), ratio(ends[0], credited),
          ratio(ends[1], credited), sources[k], sums[4 * k + 1], ends[0], ends[1], ratio(sums[4 * k + 2], credited),
          sums[4 * k + 2]));
      for (int i = 0; i < 4; i++) {
        total[i] += sums[4 * k + i];
      }
      anyExperiment |= experimented[k];
    }
    double[] ends = percentiles(boot[scopes - 1]);
    rows.add(new CalibratedCredit("total", "all_media", "all", model, total[0], anyExperiment ? total[3] : Double.NaN,
        ratio(total[1], total[0]), ratio(ends[0], total[0]), ratio(ends[1], total[0]), "mixed", total[1], ends[0], ends[1],
        ratio(total[2], total[0]), total[2]));
    return new Result(rows, fit, observed.size());
  }

  /** The experiment's standard error: the mean half-width of its 95% interval over 1.96. */
  static double standardError(ExperimentResult e) {
    return (e.ordersHigh() - e.ordersLow()) / 2 / Z95;
  }

  private static List<FactorPooling.Observation> observations(List<LabelCredit> credits, double[] estimates, double[] se) {
    List<FactorPooling.Observation> out = new ArrayList<>();
    for (int i = 0; i < credits.size(); i++) {
      LabelCredit c = credits.get(i);
      double s = se[i] / c.credited();
      out.add(new FactorPooling.Observation(c.label(), c.channel(), estimates[i] / c.credited(), s * s));
    }
    return out;
  }

  private static double[] without(double[] values, int index) {
    double[] out = new double[values.length - 1];
    System.arraycopy(values, 0, out, 0, index);
    System.arraycopy(values, index + 1, out, index, values.length - index - 1);
    return out;
  }

  /** 2.5th and 97.5th percentiles, linear interpolation between order statistics (type 7). */
  static double[] percentiles(double[] draws) {
    if (draws.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    return new double[] {quantile(sorted, 0.025), quantile(sorted, 0.975)};
  }

  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}

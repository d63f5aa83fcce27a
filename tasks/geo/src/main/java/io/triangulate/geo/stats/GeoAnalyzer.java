package io.triangulate.geo.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Analyses one geo test on a panel: synthetic control or augmented synthetic control fitted on the
 * pre-period, the effect in the test window with conformal intervals, and pre-period diagnostics.
 *
 * <p>Multiple treated locations are analysed as one unit, their mean per period (so the unit is on
 * the scale of one market and the simplex can reach it); every total is that mean times the number
 * of treated locations. Donors are all other locations.
 *
 * <p>Intervals: the average effect (ATT per location and period) gets the conformal interval of a
 * constant effect ({@link ConformalInference}); incremental outcome, lift and iROAS are monotone
 * maps of it (spend taken as known). The per-period and cumulative bands of the chart and CSV are
 * pointwise and approximate: the (1 − α) quantile of |pre-period residual| for one period, and of
 * |sum of s consecutive pre-period residuals| (cyclic windows) for the effect cumulated over s test
 * periods; being built from in-sample residuals they are a little narrow. The headline interval is
 * the one to quote.
 */
public final class GeoAnalyzer {

  /** Minimum pre-period length, in periods. */
  public static final int MIN_PRE_PERIODS = 5;

  private GeoAnalyzer() {}

  public static GeoAnalysis analyze(GeoPanel panel, GeoTest test, GeoOptions options) {
    Layout layout = layout(panel, test);
    int k = layout.treated.length;
    int periods = layout.periods;
    int pre = layout.pre;
    int post = periods - pre;
    double[] target = treatedMean(panel.outcome(), layout.treated, periods);
    double[][] donors = rows(panel.outcome(), layout.donors, periods);
    double[][] donorsPre = cut(donors, pre);
    double[] targetPre = Arrays.copyOf(target, pre);

    double lambda = options.method() == GeoMethod.AUGSC
        ? SyntheticControl.chooseLambda(targetPre, donorsPre, options.fixedEffects())
        : Double.NaN;
    SyntheticControl model =
        new SyntheticControl(donorsPre, options.method(), options.fixedEffects(), Double.isNaN(lambda) ? 1 : lambda);
    SyntheticControl.Fit fit = model.fit(targetPre);
    double[] synthetic = fit.predict(donors, 0, periods);
    double[] residualPre = new double[pre];
    for (int t = 0; t < pre; t++) {
      residualPre[t] = target[t] - synthetic[t];
    }
    double effectSum = 0;
    double syntheticSum = 0;
    double observedSum = 0;
    for (int t = pre; t < periods; t++) {
      effectSum += target[t] - synthetic[t];
      syntheticSum += synthetic[t];
      observedSum += target[t];
    }
    double att = effectSum / post;
    double rmse = Math.sqrt(sumOfSquares(residualPre) / pre);

    double alpha = 1 - options.confidence();
    ConformalInference conformal =
        new ConformalInference(target, donors, pre, options.method(), options.fixedEffects(), lambda);
    double pValue = conformal.pValue(0);
    ConformalInference.EffectSet set = conformal.interval(alpha, att, 0.5 * Math.max(rmse, 1e-12) / Math.sqrt(post));
    Estimate attEstimate = new Estimate(att, set.low(), set.high());
    Estimate incremental = attEstimate.times((double) k * post);
    // lift(θ) = Tθ / (ΣY − Tθ): increasing in θ while the counterfactual stays positive.
    Estimate lift = new Estimate(
        liftOf(att, observedSum, post), liftOf(set.low(), observedSum, post), liftOf(set.high(), observedSum, post));

    double incrementalSpend = options.incrementalSpend();
    if (Double.isNaN(incrementalSpend) && panel.hasSpend()) {
      incrementalSpend = incrementalSpend(panel, layout, options, fit);
    }
    Estimate iroas = incrementalSpend > 0 ? incremental.times(1 / incrementalSpend) : null;

    PreFit preFit = preFit(panel, layout, target, residualPre, fit, post, set.bounded(), options);
    List<PeriodEffect> rows = periodRows(panel, layout, target, synthetic, residualPre, alpha);
    return new GeoAnalysis(
        options.method(),
        options.confidence(),
        test.treated(),
        panel.dates().get(pre),
        panel.dates().get(periods - 1),
        pre,
        post,
        attEstimate,
        incremental,
        lift,
        incrementalSpend,
        iroas,
        pValue,
        lambda,
        set.bounded(),
        preFit,
        rows);
  }

  private static double liftOf(double theta, double observedSum, int post) {
    double counterfactual = observedSum - post * theta;
    return counterfactual > 0 ? post * theta / counterfactual : Double.NaN;
  }

  /** Treated and donor rows and the analysed periods [0, periods) with the test from {@code pre}. */
  record Layout(int[] treated, int[] donors, int pre, int periods) {}

  static Layout layout(GeoPanel panel, GeoTest test) {
    Set<String> seen = new HashSet<>();
    int[] treated = new int[test.treated().size()];
    for (int i = 0; i < treated.length; i++) {
      String id = test.treated().get(i);
      int index = panel.locationIndex(id);
      if (index < 0) {
        throw new IllegalArgumentException(
            "treated location \"" + id + "\" is not in the data (" + panel.locations().size() + " locations, e.g. "
                + String.join(", ", panel.locations().subList(0, Math.min(5, panel.locations().size()))) + ")");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("treated location \"" + id + "\" is listed twice");
      }
      treated[i] = index;
    }
    int donorCount = panel.locations().size() - treated.length;
    if (donorCount < 1) {
      throw new IllegalArgumentException("every location is treated: at least one must stay untreated as a donor");
    }
    int[] donors = new int[donorCount];
    int d = 0;
    for (int i = 0; i < panel.locations().size(); i++) {
      if (!seen.contains(panel.locations().get(i))) {
        donors[d++] = i;
      }
    }
    List<LocalDate> dates = panel.dates();
    LocalDate first = dates.get(0);
    LocalDate last = dates.get(dates.size() - 1);
    if (test.testStart().isAfter(last) || !test.testStart().isAfter(first)) {
      throw new IllegalArgumentException(
          "test start " + test.testStart() + " is outside the data: it must be after the first date " + first
              + " and no later than the last date " + last);
    }
    int pre = 0;
    while (dates.get(pre).isBefore(test.testStart())) {
      pre++;
    }
    int periods = dates.size();
    if (test.testEnd() != null) {
      if (test.testEnd().isBefore(dates.get(pre))) {
        throw new IllegalArgumentException("test end " + test.testEnd() + " is before the first test date " + dates.get(pre));
      }
      while (dates.get(periods - 1).isAfter(test.testEnd())) {
        periods--;
      }
    }
    if (pre < MIN_PRE_PERIODS) {
      throw new IllegalArgumentException(
          "only " + pre + " periods before the test start " + test.testStart() + "; need at least " + MIN_PRE_PERIODS
              + " (and preferably several times the test length) to fit a synthetic control");
    }
    return new Layout(treated, donors, pre, periods);
  }

  static double[] treatedMean(double[][] m, int[] treated, int periods) {
    double[] y = new double[periods];
    for (int i : treated) {
      for (int t = 0; t < periods; t++) {
        y[t] += m[i][t];
      }
    }
    for (int t = 0; t < periods; t++) {
      y[t] /= treated.length;
    }
    return y;
  }

  static double[][] rows(double[][] m, int[] which, int periods) {
    double[][] out = new double[which.length][];
    for (int j = 0; j < which.length; j++) {
      out[j] = Arrays.copyOf(m[which[j]], periods);
    }
    return out;
  }

  static double[][] cut(double[][] m, int periods) {
    double[][] out = new double[m.length][];
    for (int j = 0; j < m.length; j++) {
      out[j] = Arrays.copyOf(m[j], periods);
    }
    return out;
  }

  /**
   * Treated minus synthetic spend over the test window, summed over the treated locations: the same
   * weights applied to the donors' spend (with the spend's own pre-period means when de-meaning).
   */
  private static double incrementalSpend(GeoPanel panel, Layout layout, GeoOptions options, SyntheticControl.Fit fit) {
    double[] treatedSpend = treatedMean(panel.spend(), layout.treated, layout.periods);
    double[][] donorSpend = rows(panel.spend(), layout.donors, layout.periods);
    double treatedMean = options.fixedEffects() ? SyntheticControl.mean(Arrays.copyOf(treatedSpend, layout.pre)) : 0;
    double[] donorMeans = new double[donorSpend.length];
    for (int j = 0; j < donorSpend.length; j++) {
      donorMeans[j] = options.fixedEffects() ? SyntheticControl.mean(Arrays.copyOf(donorSpend[j], layout.pre)) : 0;
    }
    SyntheticControl.Fit spendFit = new SyntheticControl.Fit(fit.weights(), fit.scWeights(), treatedMean, donorMeans, fit.lambda());
    double[] synthetic = spendFit.predict(donorSpend, layout.pre, layout.periods);
    double s = 0;
    for (int t = layout.pre; t < layout.periods; t++) {
      s += treatedSpend[t] - synthetic[t - layout.pre];
    }
    return s * layout.treated.length;
  }

  private static PreFit preFit(
      GeoPanel panel, Layout layout, double[] target, double[] residual, SyntheticControl.Fit fit, int post,
      boolean bounded, GeoOptions options) {
    int pre = layout.pre;
    double mean = SyntheticControl.mean(Arrays.copyOf(target, pre));
    double sst = 0;
    double absLevel = 0;
    double absError = 0;
    for (int t = 0; t < pre; t++) {
      sst += (target[t] - mean) * (target[t] - mean);
      absLevel += Math.abs(target[t]);
      absError += Math.abs(residual[t]);
    }
    double sse = sumOfSquares(residual);
    double rmse = Math.sqrt(sse / pre);
    double rSquared = sst > 0 ? 1 - sse / sst : Double.NaN;
    double mape = absLevel > 0 ? absError / absLevel : Double.NaN;
    List<PreFit.DonorWeight> weights = new ArrayList<>();
    int used = 0;
    for (int j = 0; j < layout.donors.length; j++) {
      double w = fit.weights()[j];
      weights.add(new PreFit.DonorWeight(panel.locations().get(layout.donors[j]), w));
      if (Math.abs(w) >= 0.001) {
        used++;
      }
    }
    weights.sort(Comparator.comparingDouble((PreFit.DonorWeight w) -> -Math.abs(w.weight())).thenComparing(PreFit.DonorWeight::location));
    List<String> warnings = new ArrayList<>();
    if (!(rSquared >= 0.5)) {
      warnings.add(String.format(Locale.ROOT,
          "poor pre-period fit: the synthetic control explains %.0f%% of the treated series' variation before the"
              + " test (R² %.2f); the effect estimate leans on a weak match", 100 * Math.max(rSquared, 0), rSquared));
    }
    if (mape > 0.10) {
      warnings.add(String.format(Locale.ROOT,
          "pre-period error is %.1f%% of the treated level (MAPE); lifts smaller than that are hard to trust", 100 * mape));
    }
    if (pre < 2 * post) {
      warnings.add(String.format(Locale.ROOT,
          "short pre-period: %d periods before a %d-period test; prefer at least twice the test length", pre, post));
    }
    if (used == 1) {
      warnings.add("the synthetic control is a single donor (" + weights.get(0).location() + "); check that market"
          + " is comparable and untouched by the test");
    }
    if (!options.fixedEffects()) {
      double[] levels = new double[layout.donors.length];
      for (int j = 0; j < levels.length; j++) {
        levels[j] = SyntheticControl.mean(Arrays.copyOf(panel.outcome()[layout.donors[j]], pre));
      }
      double max = Arrays.stream(levels).max().orElse(0);
      double min = Arrays.stream(levels).min().orElse(0);
      if (mean > max || mean < min) {
        warnings.add("the treated level is outside the donors' range, so convex weights cannot match it; use fixed effects");
      }
    }
    if (!bounded) {
      warnings.add("the confidence set reached its search limit: the interval may be wider than reported");
    }
    return new PreFit(rmse, rSquared, mape, List.copyOf(weights), used, List.copyOf(warnings));
  }

  private static List<PeriodEffect> periodRows(
      GeoPanel panel, Layout layout, double[] target, double[] synthetic, double[] residualPre, double alpha) {
    int k = layout.treated.length;
    int pre = layout.pre;
    double[] abs = new double[pre];
    for (int t = 0; t < pre; t++) {
      abs[t] = Math.abs(residualPre[t]);
    }
    double pointBand = conformalQuantile(abs, 1 - alpha) * k;
    List<PeriodEffect> out = new ArrayList<>(layout.periods);
    double cumulative = 0;
    for (int t = 0; t < layout.periods; t++) {
      double effect = (target[t] - synthetic[t]) * k;
      boolean test = t >= pre;
      double cum = Double.NaN;
      double cumBand = Double.NaN;
      if (test) {
        cumulative += effect;
        cum = cumulative;
        cumBand = windowSumQuantile(residualPre, t - pre + 1, 1 - alpha) * k;
      }
      out.add(new PeriodEffect(panel.dates().get(t), test, target[t] * k, synthetic[t] * k, effect,
          effect - pointBand, effect + pointBand, cum, cum - cumBand, cum + cumBand));
    }
    return List.copyOf(out);
  }

  /** The ⌈level·(n+1)⌉-th smallest value (the split-conformal quantile), capped at the largest. */
  static double conformalQuantile(double[] values, double level) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(level * (sorted.length + 1));
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
  }

  /**
   * Quantile of |sum of {@code length} consecutive residuals| over the cyclic windows of the
   * pre-period; beyond the pre-period length the longest window's quantile grows as √length.
   */
  static double windowSumQuantile(double[] residual, int length, double level) {
    int n = residual.length;
    int l = Math.min(length, n);
    double[] sums = new double[n];
    for (int s = 0; s < n; s++) {
      double sum = 0;
      for (int i = 0; i < l; i++) {
        sum += residual[(s + i) % n];
      }
      sums[s] = Math.abs(sum);
    }
    double q = conformalQuantile(sums, level);
    return length > n ? q * Math.sqrt((double) length / n) : q;
  }

  static double sumOfSquares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }
}

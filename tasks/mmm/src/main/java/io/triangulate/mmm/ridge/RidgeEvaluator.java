package io.triangulate.mmm.ridge;

import io.triangulate.mmm.model.Metrics;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.transform.MediaTransform;
import java.util.List;

/**
 * Fits the ridge model for one hyperparameter point and scores it. Columns are the transformed
 * media first (coefficients constrained ≥ 0: more spend cannot lower sales in this model), then the
 * baseline columns (free sign).
 */
public final class RidgeEvaluator {

  /** A fitted ridge model: transforms, penalty, coefficients and the design it was fitted on. */
  public record Fit(HyperparameterSpace.Point point, RidgeRegression.Solution solution, double[][] design) {}

  private final ModelInputs inputs;
  private final HyperparameterSpace space;
  private final List<PreparedLiftTest> liftTests;
  private final boolean[] nonNegative;
  private final double[] totalSpend;

  public RidgeEvaluator(ModelInputs inputs, HyperparameterSpace space, List<PreparedLiftTest> liftTests) {
    this.inputs = inputs;
    this.space = space;
    this.liftTests = List.copyOf(liftTests);
    int channels = inputs.channelCount();
    this.nonNegative = new boolean[channels + inputs.baselineCount()];
    for (int c = 0; c < channels; c++) {
      nonNegative[c] = true;
    }
    this.totalSpend = new double[channels];
    for (int c = 0; c < channels; c++) {
      totalSpend[c] = inputs.totalSpend(c);
    }
  }

  public HyperparameterSpace space() {
    return space;
  }

  public int objectives() {
    return liftTests.isEmpty() ? 2 : 3;
  }

  public boolean[] nonNegative() {
    return nonNegative.clone();
  }

  /** Design matrix {@code [column][period]}: media responses, then baseline columns. */
  public double[][] design(MediaTransform[] transforms) {
    int channels = inputs.channelCount();
    double[][] design = new double[channels + inputs.baselineCount()][];
    for (int c = 0; c < channels; c++) {
      design[c] = transforms[c].response(inputs.scaledSpend()[c]);
    }
    for (int k = 0; k < inputs.baselineCount(); k++) {
      design[channels + k] = inputs.baseline()[k];
    }
    return design;
  }

  public Fit fit(double[] unit) {
    HyperparameterSpace.Point point = space.decode(unit);
    double[][] design = design(point.transforms());
    RidgeRegression.Solution solution =
        RidgeRegression.fit(design, inputs.target(), 0, inputs.periods(), point.lambda(), nonNegative);
    return new Fit(point, solution, design);
  }

  public Candidate evaluate(double[] unit) {
    Fit fit = fit(unit);
    int n = inputs.periods();
    double[] predicted = new double[n];
    for (int t = 0; t < n; t++) {
      predicted[t] = fit.solution().predict(fit.design(), t);
    }
    double nrmse = Metrics.nrmse(inputs.target(), predicted);
    double rssd = Metrics.decompRssd(mediaEffects(fit), totalSpend);
    double lift = liftError(fit);
    return new Candidate(unit.clone(), nrmse, rssd, lift);
  }

  /** Total effect of each channel over the fitted period. */
  public double[] mediaEffects(Fit fit) {
    int channels = inputs.channelCount();
    double[] effects = new double[channels];
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      for (double v : fit.design()[c]) {
        sum += v;
      }
      effects[c] = fit.solution().coefficients()[c] * sum;
    }
    return effects;
  }

  /** Robyn's MAPE.LIFT: mean of |model-implied lift − measured lift| / |measured lift|. */
  public double liftError(Fit fit) {
    if (liftTests.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (PreparedLiftTest test : liftTests) {
      int c = test.channel();
      double implied = fit.solution().coefficients()[c]
          * test.responseChange(fit.point().transforms()[c], inputs.scaledSpend()[c]);
      double measured = test.test().incrementalRevenue();
      sum += Math.abs(implied - measured) / Math.max(Math.abs(measured), 1e-12);
    }
    return sum / liftTests.size();
  }
}

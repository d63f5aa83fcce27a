package io.triangulate.geo.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * A synthetic control fitted on a fixed set of periods of a fixed donor pool, ready to be fitted to
 * many target series (the conformal test refits it once per hypothesised effect, so everything that
 * depends only on the donors is computed once here).
 *
 * <p>With fixed effects (the default, as GeoLift and augsynth's {@code fixedeff = TRUE}), every
 * series is first de-meaned over the fit periods, so the weights match the shape of the target and
 * its level comes from its own mean (Doudchenko and Imbens 2016; Ferman and Pinto 2021): a market
 * bigger than every donor can still be synthesised.
 *
 * <p>SC weights minimise the squared pre-period error on the simplex. Augmented SC (Ben-Michael,
 * Feller and Rothstein 2021, ridge ASCM, Section 4) adds the ridge correction
 * {@code (X₁ − X₀'w)'η̂}, with η̂ the ridge regression of each period's donor outcomes on their
 * pre-period outcomes; in weight form {@code w_aug = w_sc + (X̃X̃' + λI)⁻¹X̃ (X₁ − X₀'w_sc)} with X̃
 * the donors centred across donors in each period. The correction weights sum to zero, so
 * {@code Σw_aug = 1}, but they may be negative (extrapolation, controlled by λ).
 */
public final class SyntheticControl {

  /** Most pre-periods held out one at a time when choosing the ridge penalty. */
  static final int MAX_HELD_OUT = 30;

  private final GeoMethod method;
  private final boolean fixedEffects;
  private final int donors;
  private final int periods;
  private final double[] donorMeans;
  private final double[][] centred; // de-meaned donors over the fit periods, donors × periods
  private final SimplexLeastSquares simplex;
  private final double lambda;
  private final double[][] tilde; // centred across donors in each period; null for SC
  private final double[][] eigenvectors; // of X̃X̃', as columns; null for SC
  private final double[] eigenvalues;

  /**
   * @param donorSeries donors × periods over the fit periods only
   * @param lambda ridge penalty for AUGSC (ignored for SC); must be positive
   */
  public SyntheticControl(double[][] donorSeries, GeoMethod method, boolean fixedEffects, double lambda) {
    this.method = method;
    this.fixedEffects = fixedEffects;
    this.donors = donorSeries.length;
    if (donors == 0) {
      throw new IllegalArgumentException("need at least one donor market");
    }
    this.periods = donorSeries[0].length;
    this.donorMeans = new double[donors];
    this.centred = new double[donors][periods];
    for (int j = 0; j < donors; j++) {
      double mean = fixedEffects ? mean(donorSeries[j]) : 0;
      donorMeans[j] = mean;
      for (int t = 0; t < periods; t++) {
        centred[j][t] = donorSeries[j][t] - mean;
      }
    }
    this.simplex = new SimplexLeastSquares(SimplexLeastSquares.gram(centred));
    this.lambda = lambda;
    if (method == GeoMethod.AUGSC) {
      checkPenalty(lambda);
      this.tilde = centreAcrossDonors(centred);
      EigenDecomposition eigen =
          new EigenDecomposition(new Array2DRowRealMatrix(SimplexLeastSquares.gram(tilde), false));
      this.eigenvectors = eigen.getV().getData();
      this.eigenvalues = eigen.getRealEigenvalues();
    } else {
      this.tilde = null;
      this.eigenvectors = null;
      this.eigenvalues = null;
    }
  }

  /** Weights fitted to one target series over the same periods. */
  public record Fit(double[] weights, double[] scWeights, double targetMean, double[] donorMeans, double lambda) {

    /** The synthetic value at one period, from the donors' values at that period. */
    public double predict(double[] donorValuesAtPeriod) {
      double s = targetMean;
      for (int j = 0; j < weights.length; j++) {
        s += weights[j] * (donorValuesAtPeriod[j] - donorMeans[j]);
      }
      return s;
    }

    /** The synthetic series for periods {@code [from, to)} of full donor series (donors × periods). */
    public double[] predict(double[][] donorSeries, int from, int to) {
      double[] out = new double[to - from];
      double[] column = new double[weights.length];
      for (int t = from; t < to; t++) {
        for (int j = 0; j < weights.length; j++) {
          column[j] = donorSeries[j][t];
        }
        out[t - from] = predict(column);
      }
      return out;
    }
  }

  public Fit fit(double[] target) {
    return fit(target, null);
  }

  /** @param warmStart SC weights of a nearby problem to start from, or null */
  public Fit fit(double[] target, double[] warmStart) {
    return fit(target, warmStart, lambda);
  }

  /** As {@link #fit(double[], double[])} with another ridge penalty (AUGSC only; same decomposition). */
  public Fit fit(double[] target, double[] warmStart, double penalty) {
    if (target.length != periods) {
      throw new IllegalArgumentException("target has " + target.length + " periods, donors " + periods);
    }
    double targetMean = fixedEffects ? mean(target) : 0;
    double[] y = new double[periods];
    for (int t = 0; t < periods; t++) {
      y[t] = target[t] - targetMean;
    }
    double[] b = SimplexLeastSquares.crossProduct(centred, y);
    double[] sc = warmStart == null ? simplex.solve(b) : simplex.solve(b, warmStart);
    if (method != GeoMethod.AUGSC) {
      return new Fit(sc, sc, targetMean, donorMeans, Double.NaN);
    }
    return new Fit(augment(sc, y, penalty), sc, targetMean, donorMeans, penalty);
  }

  /** The AUGSC fit for another ridge penalty, reusing the SC weights of a fit to the same target. */
  Fit augmented(double[] target, Fit scFit, double penalty) {
    double[] y = new double[periods];
    for (int t = 0; t < periods; t++) {
      y[t] = target[t] - scFit.targetMean();
    }
    return new Fit(augment(scFit.scWeights(), y, penalty), scFit.scWeights(), scFit.targetMean(), donorMeans, penalty);
  }

  /**
   * {@code w_sc + (X̃X̃' + λI)⁻¹X̃ g} with g the SC pre-period gap, through the eigendecomposition
   * {@code X̃X̃' = QΛQ'}: {@code Q (Λ + λI)⁻¹ Q'X̃g}.
   */
  private double[] augment(double[] sc, double[] y, double penalty) {
    checkPenalty(penalty);
    double[] gap = new double[periods];
    for (int t = 0; t < periods; t++) {
      double s = y[t];
      for (int j = 0; j < donors; j++) {
        s -= sc[j] * centred[j][t];
      }
      gap[t] = s;
    }
    double[] xg = SimplexLeastSquares.crossProduct(tilde, gap);
    double[] rotated = new double[donors];
    for (int k = 0; k < donors; k++) {
      double s = 0;
      for (int j = 0; j < donors; j++) {
        s += eigenvectors[j][k] * xg[j];
      }
      rotated[k] = s / (Math.max(eigenvalues[k], 0) + penalty);
    }
    double[] weights = sc.clone();
    for (int j = 0; j < donors; j++) {
      double s = 0;
      for (int k = 0; k < donors; k++) {
        s += eigenvectors[j][k] * rotated[k];
      }
      weights[j] += s;
    }
    return weights;
  }

  /** In-sample fitted values of the target over the fit periods. */
  public double[] fitted(Fit fit) {
    double[] out = new double[periods];
    for (int t = 0; t < periods; t++) {
      double s = fit.targetMean();
      for (int j = 0; j < donors; j++) {
        s += fit.weights()[j] * centred[j][t];
      }
      out[t] = s;
    }
    return out;
  }

  private static void checkPenalty(double lambda) {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("ridge penalty must be positive and finite, got " + lambda);
    }
  }

  private static double[][] centreAcrossDonors(double[][] x) {
    int n = x.length;
    int p = x[0].length;
    double[][] out = new double[n][p];
    for (int t = 0; t < p; t++) {
      double m = 0;
      for (int j = 0; j < n; j++) {
        m += x[j][t];
      }
      m /= n;
      for (int j = 0; j < n; j++) {
        out[j][t] = x[j][t] - m;
      }
    }
    return out;
  }

  /**
   * Scale of the ridge penalty grid: the mean squared norm of the centred donor rows (the average
   * eigenvalue of X̃X̃'), so the grid is unit-free.
   */
  static double penaltyScale(double[][] donorSeries, boolean fixedEffects) {
    SyntheticControl probe = new SyntheticControl(donorSeries, GeoMethod.SC, fixedEffects, 1);
    double[][] c = probe.centred;
    int n = c.length;
    double s = 0;
    for (int t = 0; t < probe.periods; t++) {
      double m = 0;
      for (double[] row : c) {
        m += row[t];
      }
      m /= n;
      for (double[] row : c) {
        s += (row[t] - m) * (row[t] - m);
      }
    }
    return Math.max(s / n, Double.MIN_NORMAL);
  }

  /**
   * The ridge penalty for AUGSC by leave-one-period-out cross-validation over the pre-period, as
   * Ben-Michael, Feller and Rothstein (2021, Section 4.3) suggest: for each held-out period the SC and
   * ridge are refitted on the others and the held-out period predicted (at most 30 held-out periods,
   * evenly spread over a longer pre-period); of a log-spaced grid the
   * largest λ (closest to plain SC) whose CV error is within one standard error of the minimum is
   * chosen (the one-SE rule, augsynth's default).
   */
  public static double chooseLambda(double[] target, double[][] donorSeries, boolean fixedEffects) {
    int periods = target.length;
    double scale = penaltyScale(donorSeries, fixedEffects);
    double[] grid = new double[13];
    for (int g = 0; g < grid.length; g++) {
      grid[g] = scale * Math.pow(10, -3 + 0.5 * g); // 1e-3 … 1e3 times the scale
    }
    if (periods < 4) {
      return grid[grid.length - 1];
    }
    // At most MAX_HELD_OUT held-out periods, evenly spread: the CV error is an average, and each
    // held-out period costs a refit.
    int heldOutCount = Math.min(periods, MAX_HELD_OUT);
    double[][] errors = new double[grid.length][heldOutCount];
    double[] keep = new double[periods - 1];
    double[][] keepDonors = new double[donorSeries.length][periods - 1];
    double[] heldOut = new double[donorSeries.length];
    double[] warm = null;
    for (int h = 0; h < heldOutCount; h++) {
      int s = (int) ((long) h * periods / heldOutCount);
      int k = 0;
      for (int t = 0; t < periods; t++) {
        if (t == s) {
          continue;
        }
        keep[k] = target[t];
        for (int j = 0; j < donorSeries.length; j++) {
          keepDonors[j][k] = donorSeries[j][t];
        }
        k++;
      }
      for (int j = 0; j < donorSeries.length; j++) {
        heldOut[j] = donorSeries[j][s];
      }
      SyntheticControl model = new SyntheticControl(keepDonors, GeoMethod.AUGSC, fixedEffects, grid[0]);
      Fit scFit = model.fit(keep, warm);
      warm = scFit.scWeights();
      for (int g = 0; g < grid.length; g++) {
        Fit fit = model.augmented(keep, scFit, grid[g]);
        double e = target[s] - fit.predict(heldOut);
        errors[g][h] = e * e;
      }
    }
    double[] mean = new double[grid.length];
    double[] se = new double[grid.length];
    int best = 0;
    for (int g = 0; g < grid.length; g++) {
      mean[g] = mean(errors[g]);
      double v = 0;
      for (double e : errors[g]) {
        v += (e - mean[g]) * (e - mean[g]);
      }
      se[g] = Math.sqrt(v / (heldOutCount - 1) / heldOutCount);
      if (mean[g] < mean[best]) {
        best = g;
      }
    }
    int chosen = best;
    for (int g = grid.length - 1; g > best; g--) {
      if (mean[g] <= mean[best] + se[best]) {
        chosen = g;
        break;
      }
    }
    return grid[chosen];
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}

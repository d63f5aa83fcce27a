package io.triangulate.mmm.bayes;

import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.MediaTransform;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Log posterior of the Bayesian MMM with its analytic gradient, on unconstrained coordinates.
 *
 * <pre>
 *   y_t / s_y ~ Normal(μ_t, σ)
 *   μ_t = α + Σ_k γ_k·z̃_{k,t} + Σ_c β_c·f_c(adstock_c(x_{c,t}))
 *   lift test i:  m_i / s_y ~ Normal(β_c·Σ_{t∈W_i}[f_c(adstock_c(x_c + Δ_i)) − f_c(adstock_c(x_c))]_t, se_i / s_y)
 * </pre>
 *
 * with {@code s_y = max|y|}, {@code z̃} the baseline columns standardised, {@code x} spend divided
 * by its channel maximum. Lift tests enter as extra Gaussian terms on the model-implied incremental
 * target of their window, so an experiment pulls the channel's curve towards what it measured with
 * a strength set by its standard error. Parameter order: intercept, baseline coefficients, then per
 * channel its mean contribution θ_c = β_c·m_c (m_c the mean of f_c(adstock_c(x_c)) over the
 * periods; the prior on β applies to θ), adstock and saturation parameters (each through its
 * prior's link), then {@code log σ}. {@link #constrain} reports β_c = θ_c/m_c, so everything
 * downstream sees the curve's coefficient.
 */
public final class MmmPosterior implements LogDensity {

  private final int n;
  private final double yScale;
  private final double[] y;
  private final double[][] z;
  private final double[] zMean;
  private final double[] zSd;
  private final double[][] x;
  private final AdstockKind adstockKind;
  private final SaturationKind saturationKind;
  private final int maxLag;
  private final Priors priors;
  private final List<PreparedLiftTest> liftTests;
  private final int baselineCount;
  private final int channelCount;
  private final int adstockCount;
  private final int saturationCount;
  private final List<String> names;

  public MmmPosterior(ModelInputs inputs, Priors priors, List<PreparedLiftTest> liftTests) {
    this.n = inputs.periods();
    double max = 0;
    for (double v : inputs.target()) {
      max = Math.max(max, Math.abs(v));
    }
    this.yScale = max > 0 ? max : 1;
    this.y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = inputs.target()[t] / yScale;
    }
    this.baselineCount = inputs.baselineCount();
    this.z = new double[baselineCount][n];
    this.zMean = new double[baselineCount];
    this.zSd = new double[baselineCount];
    for (int k = 0; k < baselineCount; k++) {
      double[] column = inputs.baseline()[k];
      double mean = 0;
      for (double v : column) {
        mean += v;
      }
      mean /= n;
      double ss = 0;
      for (double v : column) {
        ss += (v - mean) * (v - mean);
      }
      double sd = Math.sqrt(ss / n);
      zMean[k] = mean;
      zSd[k] = sd;
      for (int t = 0; t < n; t++) {
        z[k][t] = sd > 0 ? (column[t] - mean) / sd : 0;
      }
    }
    this.x = inputs.scaledSpend();
    this.adstockKind = inputs.spec().adstock();
    this.saturationKind = inputs.spec().saturation();
    this.maxLag = inputs.spec().maxLag();
    this.priors = priors;
    this.liftTests = List.copyOf(liftTests);
    this.channelCount = inputs.channelCount();
    this.adstockCount = adstockKind.parameterCount();
    this.saturationCount = saturationKind.parameterCount();
    List<String> parameterNames = new ArrayList<>();
    parameterNames.add("intercept");
    parameterNames.addAll(inputs.baselineNames());
    for (String channel : inputs.channels()) {
      parameterNames.add(channel + ".beta");
      for (String name : adstockKind.parameterNames()) {
        parameterNames.add(channel + ".adstock." + name);
      }
      for (String name : saturationKind.parameterNames()) {
        parameterNames.add(channel + ".saturation." + name);
      }
    }
    parameterNames.add("sigma");
    this.names = List.copyOf(parameterNames);
  }

  @Override
  public int dimension() {
    return names.size();
  }

  /** Parameter names in layout order (constrained meaning, internal scale). */
  public List<String> names() {
    return names;
  }

  public double yScale() {
    return yScale;
  }

  public double[] baselineMean() {
    return zMean.clone();
  }

  public double[] baselineSd() {
    return zSd.clone();
  }

  int channelOffset(int c) {
    return 1 + baselineCount + c * (1 + adstockCount + saturationCount);
  }

  int sigmaIndex() {
    return dimension() - 1;
  }

  /** The prior (and link) of each coordinate, in layout order. */
  public Prior prior(int index) {
    if (index == 0) {
      return priors.intercept();
    }
    if (index <= baselineCount) {
      return priors.control();
    }
    if (index == sigmaIndex()) {
      return priors.sigma();
    }
    int within = (index - 1 - baselineCount) % (1 + adstockCount + saturationCount);
    if (within == 0) {
      return priors.beta();
    }
    if (within <= adstockCount) {
      return priors.adstock()[within - 1];
    }
    return priors.saturation()[within - 1 - adstockCount];
  }

  /** Maps an unconstrained vector to constrained parameter values. */
  public double[] constrain(double[] u) {
    double[] out = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = prior(i).constrained(u[i]);
    }
    // The sampled channel coordinate is the mean contribution θ_c; report β_c = θ_c / m_c.
    for (int c = 0; c < channelCount; c++) {
      out[channelOffset(c)] /= meanResponse(transform(out, c).response(x[c]));
    }
    return out;
  }

  public double[] unconstrain(double[] constrained) {
    double[] theta = constrained.clone();
    for (int c = 0; c < channelCount; c++) {
      theta[channelOffset(c)] *= meanResponse(transform(constrained, c).response(x[c]));
    }
    double[] out = new double[constrained.length];
    for (int i = 0; i < constrained.length; i++) {
      out[i] = prior(i).unconstrained(theta[i]);
    }
    return out;
  }

  /**
   * Mean of a channel's transformed series over the fitted periods, the scale that turns the
   * sampled mean contribution θ into the curve's coefficient β = θ/m. Sampling θ instead of β
   * removes the ridge where β and the saturation/adstock parameters trade off (β·f stays put while
   * f's scale moves), and keeps those parameters at their prior when θ ≈ 0 instead of in a funnel.
   * A channel with no spend has m = 0: it is then sampled as β itself (m = 1).
   */
  private static double meanResponse(double[] response) {
    double m = 0;
    for (double v : response) {
      m += v;
    }
    m /= response.length;
    return m > 1e-12 ? m : 1;
  }

  /** The media transform of channel {@code c} under constrained parameters. */
  public MediaTransform transform(double[] constrained, int c) {
    int offset = channelOffset(c);
    double[] adstock = new double[adstockCount];
    double[] saturation = new double[saturationCount];
    for (int p = 0; p < adstockCount; p++) {
      adstock[p] = constrained[offset + 1 + p];
    }
    for (int q = 0; q < saturationCount; q++) {
      saturation[q] = constrained[offset + 1 + adstockCount + q];
    }
    return MediaTransform.of(adstockKind, adstock, maxLag, saturationKind, saturation);
  }

  @Override
  public double evaluate(double[] u, double[] gradient) {
    java.util.Arrays.fill(gradient, 0);
    int d = u.length;
    double[] theta = new double[d];
    for (int i = 0; i < d; i++) {
      theta[i] = prior(i).constrained(u[i]);
    }
    double[] mu = new double[n];
    java.util.Arrays.fill(mu, theta[0]);
    for (int k = 0; k < baselineCount; k++) {
      double gamma = theta[1 + k];
      double[] column = z[k];
      for (int t = 0; t < n; t++) {
        mu[t] += gamma * column[t];
      }
    }
    int perChannel = adstockCount + saturationCount;
    double[][] response = new double[channelCount][n];
    double[][][] jacobian = new double[channelCount][perChannel][n];
    MediaTransform[] transforms = new MediaTransform[channelCount];
    double[] meanScale = new double[channelCount];
    for (int c = 0; c < channelCount; c++) {
      double beta = theta[channelOffset(c)];
      try {
        transforms[c] = transform(theta, c);
      } catch (IllegalArgumentException outOfSupport) {
        return Double.NEGATIVE_INFINITY;
      }
      transforms[c].responseWithGradient(x[c], response[c], jacobian[c]);
      // Normalise g_t = f_t / m (m = mean f): θ multiplies g, ∂g_t/∂p = J_t/m − f_t·mean(J)/m².
      double m = meanResponse(response[c]);
      meanScale[c] = m;
      for (int p = 0; p < perChannel; p++) {
        double meanJ = 0;
        for (int t = 0; t < n; t++) {
          meanJ += jacobian[c][p][t];
        }
        meanJ /= n;
        for (int t = 0; t < n; t++) {
          jacobian[c][p][t] = jacobian[c][p][t] / m - response[c][t] * meanJ / (m * m);
        }
      }
      for (int t = 0; t < n; t++) {
        response[c][t] /= m;
        mu[t] += beta * response[c][t];
      }
    }
    double sigma = theta[sigmaIndex()];
    double precision = 1 / (sigma * sigma);
    double[] scaledResidual = new double[n];
    double ss = 0;
    for (int t = 0; t < n; t++) {
      double r = y[t] - mu[t];
      ss += r * r;
      scaledResidual[t] = r * precision;
    }
    double logp = -n * Math.log(sigma) - 0.5 * ss * precision;
    // ∂/∂μ_t of the likelihood is r_t/σ²; chain it to each parameter's unconstrained coordinate.
    double sum = 0;
    for (int t = 0; t < n; t++) {
      sum += scaledResidual[t];
    }
    gradient[0] += sum * prior(0).linkDerivative(u[0]);
    for (int k = 0; k < baselineCount; k++) {
      gradient[1 + k] += dot(scaledResidual, z[k]) * prior(1 + k).linkDerivative(u[1 + k]);
    }
    for (int c = 0; c < channelCount; c++) {
      int offset = channelOffset(c);
      double beta = theta[offset];
      gradient[offset] += dot(scaledResidual, response[c]) * prior(offset).linkDerivative(u[offset]);
      for (int p = 0; p < perChannel; p++) {
        int index = offset + 1 + p;
        gradient[index] += beta * dot(scaledResidual, jacobian[c][p]) * prior(index).linkDerivative(u[index]);
      }
    }
    gradient[sigmaIndex()] += (-n / sigma + ss / (sigma * sigma * sigma)) * prior(sigmaIndex()).linkDerivative(u[sigmaIndex()]);

    for (PreparedLiftTest test : liftTests) {
      logp += liftTerm(test, theta, u, transforms, response, jacobian, meanScale, gradient);
    }
    for (int i = 0; i < d; i++) {
      logp += prior(i).logDensity(u[i]);
      gradient[i] += prior(i).logDensityGradient(u[i]);
    }
    return logp;
  }

  private double liftTerm(
      PreparedLiftTest test, double[] theta, double[] u, MediaTransform[] transforms,
      double[][] response, double[][][] jacobian, double[] meanScale, double[] gradient) {
    int c = test.channel();
    int offset = channelOffset(c);
    double beta = theta[offset];
    int perChannel = adstockCount + saturationCount;
    double[] shifted = new double[n];
    for (int t = 0; t < n; t++) {
      shifted[t] = x[c][t] + test.scaledDelta()[t];
    }
    double[] shiftedResponse = new double[n];
    double[][] shiftedJacobian = new double[perChannel][n];
    transforms[c].responseWithGradient(shifted, shiftedResponse, shiftedJacobian);
    // On the normalised scale g = f/m of evaluate(): the change is C/m with C the raw change, and
    // ∂(C/m)/∂p = (∂C/∂p)/m − C·mean(J_p)/m², J the raw (unshifted) transform's Jacobian.
    double m = meanScale[c];
    double[] raw = new double[n];
    double[][] rawJacobian = new double[perChannel][n];
    transforms[c].responseWithGradient(x[c], raw, rawJacobian);
    double[] meanJ = new double[perChannel];
    for (int p = 0; p < perChannel; p++) {
      for (int t = 0; t < n; t++) {
        meanJ[p] += rawJacobian[p][t] / n;
      }
    }
    double rawChange = 0;
    double[] rawChangeGradient = new double[perChannel];
    for (int t = test.from(); t <= test.to(); t++) {
      rawChange += shiftedResponse[t] - raw[t];
      for (int p = 0; p < perChannel; p++) {
        rawChangeGradient[p] += shiftedJacobian[p][t] - rawJacobian[p][t];
      }
    }
    double change = rawChange / m;
    double[] changeGradient = new double[perChannel];
    for (int p = 0; p < perChannel; p++) {
      changeGradient[p] = rawChangeGradient[p] / m - rawChange * meanJ[p] / (m * m);
    }
    double implied = beta * change;
    double measured = test.test().incrementalRevenue() / yScale;
    double se = test.test().standardError() / yScale;
    double error = implied - measured;
    double slope = -error / (se * se);
    gradient[offset] += slope * change * prior(offset).linkDerivative(u[offset]);
    for (int p = 0; p < perChannel; p++) {
      int index = offset + 1 + p;
      gradient[index] += slope * beta * changeGradient[p] * prior(index).linkDerivative(u[index]);
    }
    return -0.5 * error * error / (se * se);
  }

  /**
   * Prediction per period on the internal scale for constrained parameters, split into the
   * intercept-plus-baseline part and each channel's part: {@code [1 + channels][n]}.
   */
  public double[][] components(double[] theta) {
    double[][] out = new double[1 + channelCount][n];
    for (int t = 0; t < n; t++) {
      double base = theta[0];
      for (int k = 0; k < baselineCount; k++) {
        base += theta[1 + k] * z[k][t];
      }
      out[0][t] = base;
    }
    for (int c = 0; c < channelCount; c++) {
      double beta = theta[channelOffset(c)];
      double[] response = transform(theta, c).response(x[c]);
      for (int t = 0; t < n; t++) {
        out[1 + c][t] = beta * response[t];
      }
    }
    return out;
  }

  /** A reasonable, deterministic starting point on the unconstrained scale. */
  public double[] initialPoint() {
    double[] theta = new double[dimension()];
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double ss = 0;
    for (double v : y) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / n);
    theta[0] = mean * 0.8;
    for (int c = 0; c < channelCount; c++) {
      int offset = channelOffset(c);
      theta[offset] = Math.max(0.05, 0.2 * mean);
      double[] adstock = switch (adstockKind) {
        case GEOMETRIC -> new double[] {0.3};
        case WEIBULL_CDF, WEIBULL_PDF -> new double[] {1.0, 2.0};
      };
      double[] saturation = switch (saturationKind) {
        case LOGISTIC -> new double[] {3.0};
        case HILL -> new double[] {0.5, 1.0};
        case MICHAELIS_MENTEN -> new double[] {0.5};
      };
      System.arraycopy(adstock, 0, theta, offset + 1, adstock.length);
      System.arraycopy(saturation, 0, theta, offset + 1 + adstock.length, saturation.length);
    }
    theta[sigmaIndex()] = Math.max(1e-3, sd);
    return unconstrain(theta);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

package io.triangulate.mmm.bayes;

/**
 * A prior on one scalar parameter together with the link to the unconstrained coordinate the
 * sampler moves in. {@link #logDensity} is the log prior of the unconstrained value <em>including
 * the Jacobian</em>, so sampling {@code u} with it is sampling the constrained parameter with the
 * stated prior.
 */
public sealed interface Prior {

  double constrained(double u);

  double unconstrained(double x);

  /** {@code dx/du}, for the chain rule through the link. */
  double linkDerivative(double u);

  /** Log prior (plus log-Jacobian) at unconstrained {@code u}, up to a constant. */
  double logDensity(double u);

  /** Derivative of {@link #logDensity} with respect to {@code u}. */
  double logDensityGradient(double u);

  String describe();

  /** Normal on the real line (identity link). */
  record Normal(double mean, double sd) implements Prior {
    public double constrained(double u) { return u; }
    public double unconstrained(double x) { return x; }
    public double linkDerivative(double u) { return 1; }
    public double logDensity(double u) { double z = (u - mean) / sd; return -0.5 * z * z; }
    public double logDensityGradient(double u) { return -(u - mean) / (sd * sd); }
    public String describe() { return "Normal(" + mean + ", " + sd + ")"; }
  }

  /** Half-normal on (0, ∞) through {@code x = e^u}. */
  record HalfNormal(double scale) implements Prior {
    public double constrained(double u) { return Math.exp(u); }
    public double unconstrained(double x) { return Math.log(x); }
    public double linkDerivative(double u) { return Math.exp(u); }
    public double logDensity(double u) { double x = Math.exp(u); return -0.5 * x * x / (scale * scale) + u; }
    public double logDensityGradient(double u) { double x = Math.exp(u); return -x * x / (scale * scale) + 1; }
    public String describe() { return "HalfNormal(" + scale + ")"; }
  }

  /** Gamma with shape and rate on (0, ∞) through {@code x = e^u}. */
  record Gamma(double shape, double rate) implements Prior {
    public double constrained(double u) { return Math.exp(u); }
    public double unconstrained(double x) { return Math.log(x); }
    public double linkDerivative(double u) { return Math.exp(u); }
    public double logDensity(double u) { return shape * u - rate * Math.exp(u); }
    public double logDensityGradient(double u) { return shape - rate * Math.exp(u); }
    public String describe() { return "Gamma(shape " + shape + ", rate " + rate + ")"; }
  }

  /** Log-normal: {@code log x ~ Normal(mu, sigma)}; in the log coordinate it is just that normal. */
  record LogNormal(double mu, double sigma) implements Prior {
    public double constrained(double u) { return Math.exp(u); }
    public double unconstrained(double x) { return Math.log(x); }
    public double linkDerivative(double u) { return Math.exp(u); }
    public double logDensity(double u) { double z = (u - mu) / sigma; return -0.5 * z * z; }
    public double logDensityGradient(double u) { return -(u - mu) / (sigma * sigma); }
    public String describe() { return "LogNormal(" + mu + ", " + sigma + ")"; }
  }

  /** Beta on (0, 1) through the logit link {@code x = 1/(1 + e^{−u})}. */
  record Beta(double a, double b) implements Prior {
    public double constrained(double u) { return 1 / (1 + Math.exp(-u)); }
    public double unconstrained(double x) { return Math.log(x / (1 - x)); }
    public double linkDerivative(double u) { double x = constrained(u); return x * (1 - x); }
    // log[x^(a−1) (1−x)^(b−1)] + log[x (1−x)] = a·log x + b·log(1−x), with log x = −log(1 + e^{−u}).
    public double logDensity(double u) { return -a * log1pExp(-u) - b * log1pExp(u); }
    public double logDensityGradient(double u) { double x = constrained(u); return a * (1 - x) - b * x; }
    public String describe() { return "Beta(" + a + ", " + b + ")"; }

    private static double log1pExp(double v) {
      return v > 30 ? v : Math.log1p(Math.exp(v));
    }
  }
}

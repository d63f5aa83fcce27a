package io.triangulate.experiments.depth;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigLoader;

/** {@code configs/experiments.yaml}, validated: settings of the read-outs beside the fixed-horizon lift. */
public record ExperimentsConfig(
    Sequential sequential, Bayesian bayesian, MultipleTesting multipleTesting, Design design, Ltv ltv) {

  public static final String FILE = "experiments.yaml";

  /** mSPRT: error rate and mixing standard deviation (rate points). */
  public record Sequential(double alpha, double tau) {
    public Sequential {
      Check.range("sequential.alpha", alpha, 1e-6, 0.5);
      Check.range("sequential.tau", tau, 1e-6, 1.0);
    }
  }

  /** Beta prior on each arm's conversion rate. */
  public record Bayesian(double priorAlpha, double priorBeta) {
    public Bayesian {
      Check.range("bayesian.prior_alpha", priorAlpha, 1.0, 1e6);
      Check.range("bayesian.prior_beta", priorBeta, 1.0, 1e6);
    }
  }

  public record MultipleTesting(double alpha) {
    public MultipleTesting {
      Check.range("multiple_testing.alpha", alpha, 1e-6, 0.5);
    }
  }

  public record Design(double alpha, double power, double targetRelativeLift) {
    public Design {
      Check.range("design.alpha", alpha, 1e-6, 0.5);
      Check.range("design.power", power, 0.5, 0.999);
      Check.range("design.target_relative_lift", targetRelativeLift, 0.001, 10.0);
    }
  }

  public record Ltv(int windowDays) {
    public Ltv {
      Check.range("ltv.window_days", windowDays, 1, 3660);
    }
  }

  public ExperimentsConfig {
    Check.required("sequential", sequential);
    Check.required("bayesian", bayesian);
    Check.required("multiple_testing", multipleTesting);
    Check.required("design", design);
    Check.required("ltv", ltv);
  }

  public static ExperimentsConfig load(ConfigLoader loader) {
    return loader.load(FILE, ExperimentsConfig.class);
  }
}

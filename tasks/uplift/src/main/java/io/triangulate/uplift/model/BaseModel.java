package io.triangulate.uplift.model;

import java.util.Locale;

/**
 * The family of the nuisance models inside every meta-learner (outcome, propensity and effect
 * models), with its settings. {@code GBT}: Smile's gradient tree boosting (logistic loss for 0/1
 * targets, least squares for the continuous targets of the X- and DR-learner). {@code LOGISTIC}:
 * Smile's logistic regression for 0/1 targets (L2 penalty {@code lambda} on the slopes, 0 =
 * unpenalised maximum likelihood) and ordinary least squares for continuous ones.
 */
public record BaseModel(
    Family family, int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample,
    double lambda) {

  public enum Family {
    GBT,
    LOGISTIC;

    public static Family parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "gbt", "boosting" -> GBT;
        case "logistic", "linear", "lr" -> LOGISTIC;
        default -> throw new IllegalArgumentException("base model must be gbt or logistic, got '" + text + "'");
      };
    }
  }

  public BaseModel {
    if (trees < 1 || maxDepth < 1 || maxNodes < 2 || nodeSize < 1) {
      throw new IllegalArgumentException("trees, maxDepth, nodeSize must be ≥ 1 and maxNodes ≥ 2");
    }
    if (!(shrinkage > 0 && shrinkage <= 1) || !(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException("shrinkage and subsample must be in (0, 1]");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be ≥ 0");
    }
  }

  /** 100 trees of at most 8 leaves, depth ≤ 4, ≥ 50 rows per leaf, shrinkage 0.1, 70% subsample. */
  public static BaseModel gbt() {
    return new BaseModel(Family.GBT, 100, 4, 8, 50, 0.1, 0.7, 0);
  }

  /** Unpenalised logistic regression / least squares (matches scikit-learn's {@code penalty=None}). */
  public static BaseModel logistic() {
    return new BaseModel(Family.LOGISTIC, 1, 1, 2, 1, 1, 1, 0);
  }

  public static BaseModel defaults(Family family) {
    return family == Family.GBT ? gbt() : logistic();
  }

  public BaseModel withTrees(int n) {
    return new BaseModel(family, n, maxDepth, maxNodes, nodeSize, shrinkage, subsample, lambda);
  }
}

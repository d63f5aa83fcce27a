package io.triangulate.mmm.ridge;

/**
 * Knobs of the ridge MMM.
 *
 * @param iterations evaluations per trial of the hyperparameter search
 * @param trials independent search trials (differently seeded)
 * @param nrmseTolerance relative NRMSE slack when picking from the Pareto front
 * @param bootstrapReplicates refits for the ROAS intervals
 * @param cvFolds rolling-origin folds; {@code cvHorizon} periods each
 */
public record RidgeSettings(
    int iterations, int trials, long seed, int threads, double nrmseTolerance,
    int bootstrapReplicates, int cvFolds, int cvHorizon) {

  public RidgeSettings {
    if (iterations < 1 || trials < 1) {
      throw new IllegalArgumentException("--iterations and --trials must be ≥ 1");
    }
    if (nrmseTolerance < 0) {
      throw new IllegalArgumentException("NRMSE tolerance must be ≥ 0");
    }
  }

  public static RidgeSettings defaults(long seed) {
    return new RidgeSettings(2000, 5, seed, Runtime.getRuntime().availableProcessors(), 0.02, 200, 4, 13);
  }

  public RidgeSettings withSearch(int newIterations, int newTrials) {
    return new RidgeSettings(newIterations, newTrials, seed, threads, nrmseTolerance, bootstrapReplicates, cvFolds, cvHorizon);
  }
}

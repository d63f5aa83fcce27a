package io.triangulate.mmm.bayes;

/**
 * Sampler settings.
 *
 * @param targetAcceptance dual-averaging target; 0.9 rather than Stan's 0.8 because saturation
 *     curves make the posterior curved where β and the saturation rate trade off
 */
public record BayesianSettings(
    int chains, int warmup, int draws, long seed, int threads, int maxTreeDepth, double targetAcceptance,
    int savedDraws) {

  public BayesianSettings {
    if (chains < 2) {
      throw new IllegalArgumentException("--chains must be ≥ 2 so convergence (R-hat) can be checked");
    }
    if (draws < 10 || warmup < 0) {
      throw new IllegalArgumentException("--draws must be ≥ 10 and warm-up ≥ 0");
    }
  }

  public static BayesianSettings defaults(long seed) {
    return new BayesianSettings(4, 1000, 1000, seed, Runtime.getRuntime().availableProcessors(), 10, 0.9, 1000);
  }

  public BayesianSettings with(int newChains, int newWarmup, int newDraws) {
    return new BayesianSettings(newChains, newWarmup, newDraws, seed, threads, maxTreeDepth, targetAcceptance, savedDraws);
  }
}

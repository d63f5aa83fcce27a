package io.triangulate.mmm.bayes;

import io.triangulate.core.cli.Progress;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.PreparedLiftTest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Bayesian MMM end to end: NUTS chains in parallel, convergence diagnostics with warnings,
 * posterior contributions, ROAS and marginal ROAS with 90% credible intervals, and a posterior
 * predictive check. All reported values are in the user's units.
 */
public final class BayesianMmm {

  public static final String MODEL = "bayesian";

  private BayesianMmm() {}

  /** Draws of every chain and what each chain's sampler reported. */
  public record SamplingRun(double[][][] constrained, List<ChainRunner.Output> chains) {}

  /** The result plus the raw posterior, for tests and further analysis. */
  public record Outcome(ModelResult result, List<String> parameterNames, SamplingRun run) {}

  public static Outcome fit(ModelInputs inputs, List<PreparedLiftTest> liftTests, BayesianSettings settings) {
    return fit(inputs, liftTests, settings, Priors.defaults(inputs.spec().adstock(), inputs.spec().saturation()));
  }

  public static Outcome fit(ModelInputs inputs, List<PreparedLiftTest> liftTests, BayesianSettings settings, Priors priors) {
    MmmPosterior posterior = new MmmPosterior(inputs, priors, liftTests);
    SamplingRun run = sample(posterior, settings);
    ModelResult result = new PosteriorReport(inputs, posterior, liftTests, settings, run).build();
    return new Outcome(result, posterior.names(), run);
  }

  /** Runs the chains in parallel; each chain's randomness depends only on (seed, chain). */
  public static SamplingRun sample(MmmPosterior posterior, BayesianSettings settings) {
    int chains = settings.chains();
    long total = (long) chains * (settings.warmup() + settings.draws());
    AtomicLong done = new AtomicLong();
    long step = Math.max(1, total / 10);
    Progress.info(String.format("bayesian: NUTS, %d chains × (%d warm-up + %d draws), %d parameters",
        chains, settings.warmup(), settings.draws(), posterior.dimension()));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), chains)));
    try {
      List<Future<ChainRunner.Output>> futures = new ArrayList<>();
      for (int chain = 0; chain < chains; chain++) {
        long chainSeed = new SplittableRandom(settings.seed() * 31 + chain + 1).nextLong();
        double[] start = posterior.initialPoint();
        SplittableRandom jitter = new SplittableRandom(chainSeed ^ 0xA5A5A5A5L);
        // Dispersed starts (±0.5 on the unconstrained scale) so R-hat can reveal chains that do not meet.
        for (int i = 0; i < start.length; i++) {
          start[i] += jitter.nextDouble(-0.5, 0.5);
        }
        futures.add(pool.submit(() -> ChainRunner.run(
            posterior, start, settings.warmup(), settings.draws(), settings.maxTreeDepth(),
            settings.targetAcceptance(), chainSeed, i -> {
              long d = done.incrementAndGet();
              if (d % step == 0) {
                Progress.step((int) (d / step), 10, "bayesian sampling, " + d + "/" + total + " iterations");
              }
            })));
      }
      double[][][] constrained = new double[chains][][];
      List<ChainRunner.Output> outputs = new ArrayList<>();
      for (int chain = 0; chain < chains; chain++) {
        ChainRunner.Output output = futures.get(chain).get();
        outputs.add(output);
        constrained[chain] = new double[output.draws().length][];
        for (int i = 0; i < output.draws().length; i++) {
          constrained[chain][i] = posterior.constrain(output.draws()[i]);
        }
      }
      return new SamplingRun(constrained, outputs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sampling interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.triangulate.mmm.ridge;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Multi-objective hyperparameter search: differential evolution with decomposition (in the spirit
 * of MOEA/D-DE), started from a quasi-random Sobol design.
 *
 * <p>Each trial keeps a population whose slot {@code i} owns a weight vector over the normalised
 * objectives; a DE/rand/1/bin child replaces slot {@code i} when its weighted score is no worse.
 * Weights favour NRMSE (slot {@code i} puts {@code 1 − (i/(P−1))²} on it) so most of the effort
 * refines the well-fitting end of the front, while the rest still traces the trade-off. The first
 * population is a Sobol sequence shifted by a seeded random vector (Cranley–Patterson rotation), so
 * trials explore different, evenly spread starts. Every evaluated candidate is kept: the Pareto
 * front is taken over all of them.
 *
 * <p>Reproducible: trial {@code k} draws only from a generator seeded by {@code (seed, k)}, and
 * trials run in parallel without sharing state, so the result does not depend on thread timing.
 */
public final class EvolutionarySearch {

  /** Everything the search evaluated, trial by trial. */
  public record Result(List<List<Candidate>> trials) {

    public List<Candidate> all() {
      List<Candidate> all = new ArrayList<>();
      trials.forEach(all::addAll);
      return all;
    }
  }

  private EvolutionarySearch() {}

  /**
   * Runs {@code trials} independent trials of {@code iterations} evaluations each.
   *
   * @param progress called with the running total of evaluations (from worker threads)
   */
  public static Result run(
      RidgeEvaluator evaluator, int iterations, int trials, long seed, int threads, LongConsumer progress) {
    if (iterations < 1 || trials < 1) {
      throw new IllegalArgumentException("iterations and trials must be ≥ 1");
    }
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, trials)));
    try {
      List<Future<List<Candidate>>> futures = new ArrayList<>();
      for (int trial = 0; trial < trials; trial++) {
        long trialSeed = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (trial + 1)).nextLong();
        futures.add(pool.submit(() -> runTrial(evaluator, iterations, trialSeed, () -> progress.accept(done.incrementAndGet()))));
      }
      List<List<Candidate>> results = new ArrayList<>();
      for (Future<List<Candidate>> future : futures) {
        results.add(future.get());
      }
      return new Result(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("search interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Candidate> runTrial(RidgeEvaluator evaluator, int iterations, long seed, Runnable tick) {
    int dimension = evaluator.space().dimension();
    int objectives = evaluator.objectives();
    SplittableRandom random = new SplittableRandom(seed);
    int populationSize = Math.min(iterations, Math.max(20, Math.min(60, 5 * dimension)));
    double[] shift = new double[dimension];
    for (int j = 0; j < dimension; j++) {
      shift[j] = random.nextDouble();
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimension);
    List<Candidate> archive = new ArrayList<>(iterations);
    Candidate[] population = new Candidate[populationSize];
    double[][] weights = weights(populationSize, objectives, random);
    double[] min = new double[objectives];
    double[] max = new double[objectives];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < populationSize; i++) {
      double[] point = sobol.nextVector();
      for (int j = 0; j < dimension; j++) {
        point[j] = (point[j] + shift[j]) % 1.0;
      }
      population[i] = record(evaluator.evaluate(point), archive, min, max, objectives, tick);
    }
    while (archive.size() < iterations) {
      for (int i = 0; i < populationSize && archive.size() < iterations; i++) {
        int r1 = other(random, populationSize, i, -1, -1);
        int r2 = other(random, populationSize, i, r1, -1);
        int r3 = other(random, populationSize, i, r1, r2);
        double f = 0.5 + 0.4 * random.nextDouble();
        double crossover = 0.9;
        int forced = random.nextInt(dimension);
        double[] parent = population[i].unit();
        double[] child = new double[dimension];
        for (int j = 0; j < dimension; j++) {
          if (j == forced || random.nextDouble() < crossover) {
            double v = population[r1].unit()[j] + f * (population[r2].unit()[j] - population[r3].unit()[j]);
            // Out of the box: land between the parent and the violated bound (keeps diversity).
            if (v < 0) {
              v = parent[j] * random.nextDouble();
            } else if (v > 1) {
              v = parent[j] + (1 - parent[j]) * random.nextDouble();
            }
            child[j] = v;
          } else {
            child[j] = parent[j];
          }
        }
        Candidate offspring = record(evaluator.evaluate(child), archive, min, max, objectives, tick);
        if (score(offspring, weights[i], min, max, objectives) <= score(population[i], weights[i], min, max, objectives)) {
          population[i] = offspring;
        }
      }
    }
    return archive;
  }

  private static Candidate record(
      Candidate candidate, List<Candidate> archive, double[] min, double[] max, int objectives, Runnable tick) {
    archive.add(candidate);
    tick.run();
    if (Double.isFinite(candidate.nrmse())) {
      for (int k = 0; k < objectives; k++) {
        min[k] = Math.min(min[k], candidate.objective(k));
        max[k] = Math.max(max[k], candidate.objective(k));
      }
    }
    return candidate;
  }

  static double score(Candidate candidate, double[] weight, double[] min, double[] max, int objectives) {
    if (!Double.isFinite(candidate.nrmse())) {
      return Double.POSITIVE_INFINITY;
    }
    double score = 0;
    for (int k = 0; k < objectives; k++) {
      double range = max[k] - min[k];
      score += weight[k] * (range > 0 ? (candidate.objective(k) - min[k]) / range : 0);
    }
    return score;
  }

  /** Slot weights: most on NRMSE near slot 0, the remainder split between the other objectives. */
  static double[][] weights(int slots, int objectives, SplittableRandom random) {
    double[][] weights = new double[slots][objectives];
    for (int i = 0; i < slots; i++) {
      double position = slots == 1 ? 0 : (double) i / (slots - 1);
      double onFit = 1 - position * position;
      weights[i][0] = onFit;
      if (objectives == 2) {
        weights[i][1] = 1 - onFit;
      } else {
        double split = random.nextDouble();
        weights[i][1] = (1 - onFit) * split;
        weights[i][2] = (1 - onFit) * (1 - split);
      }
    }
    return weights;
  }

  private static int other(SplittableRandom random, int size, int a, int b, int c) {
    if (size < 4) {
      return random.nextInt(size);
    }
    while (true) {
      int r = random.nextInt(size);
      if (r != a && r != b && r != c) {
        return r;
      }
    }
  }
}

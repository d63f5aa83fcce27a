package io.triangulate.attribution.bench;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded synthetic aggregated paths for benchmarks: distinct paths over named channels with
 * per-touch ages, a few journeys each, conversions drawn from a logistic model in which some
 * channels help and others do nothing. Realistic enough to exercise every model at scale; not a
 * substitute for the simulator.
 */
public final class SyntheticPaths {

  private static final int MAX_LENGTH = 20;

  private SyntheticPaths() {}

  public static PathSet generate(int distinctPaths, int channels, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    double[] popularity = new double[channels];
    double[] effect = new double[channels];
    for (int c = 0; c < channels; c++) {
      names.add(String.format("ch%02d", c + 1));
      popularity[c] = 1.0 / (c + 1); // Zipf-like reach: a few big channels, a long tail
      effect[c] = c % 3 == 0 ? 0.6 : c % 3 == 1 ? 0.2 : 0.0;
    }
    double[] cumulative = cumulative(popularity);
    Set<String> seen = new HashSet<>();
    List<ConversionPath> paths = new ArrayList<>(distinctPaths);
    while (paths.size() < distinctPaths) {
      int length = Math.min(MAX_LENGTH, 1 + geometric(random, 0.3));
      int[] touches = new int[length];
      StringBuilder key = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        boolean repeat = i > 0 && random.nextDouble() < 0.3;
        touches[i] = repeat ? touches[i - 1] : pick(random, cumulative);
        key.append((char) ('A' + touches[i]));
      }
      if (!seen.add(key.toString())) {
        continue;
      }
      paths.add(outcome(random, touches, effect, channels));
    }
    return new PathSet(names, paths);
  }

  private static ConversionPath outcome(SplittableRandom random, int[] touches, double[] effect, int channels) {
    boolean[] touched = new boolean[channels];
    double logit = -3.0 + 0.05 * touches.length;
    for (int channel : touches) {
      if (!touched[channel]) {
        touched[channel] = true;
        logit += effect[channel];
      }
    }
    double probability = 1.0 / (1.0 + Math.exp(-logit));
    int journeys = 1 + geometric(random, 0.2);
    int conversions = 0;
    double value = 0;
    for (int j = 0; j < journeys; j++) {
      if (random.nextDouble() < probability) {
        conversions++;
        value += 50.0 * Math.exp(0.5 * gaussian(random));
      }
    }
    double[] ages = new double[touches.length];
    double age = -Math.log(1 - random.nextDouble()); // last touch ~ 1 day before the outcome
    for (int i = touches.length - 1; i >= 0; i--) {
      ages[i] = age;
      age += 3.0 * -Math.log(1 - random.nextDouble());
    }
    return new ConversionPath(touches, conversions, value, journeys - conversions, ages);
  }

  private static double[] cumulative(double[] weights) {
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  private static int pick(SplittableRandom random, double[] cumulative) {
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Failures before the first success, success probability p. */
  private static int geometric(SplittableRandom random, double p) {
    return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}

package io.triangulate.geo.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded synthetic geo panels with a known effect, for coverage studies and power checks. Daily
 * outcome of market i on day t is a factor model
 *
 * <pre>
 *   y_it = b_i · (1 + β_i·trend_t + γ_i·weekly_t + δ·annual_t + λ_i1·f_1t + λ_i2·f_2t) + ε_it + effect_it
 * </pre>
 *
 * with baselines b_i log-normal (median 10,000, σ = 1: the largest of 30 markets is typically 10–20
 * times the median, as DMA sizes are), a common slow trend, day-of-week pattern and annual wave,
 * two AR(1) latent factors (ρ = 0.9) with market-specific loadings, and AR(1) noise (ρ = 0.2) whose
 * relative size shrinks with market size ({@code sd = noise · b_i · (10,000/b_i)^¼}). The effect
 * starts on the test's first day in the treated markets only.
 */
public final class GeoPanelGenerator {

  /** How the true effect evolves over the test window. */
  public enum EffectShape {
    /** {@code lift · b_i} every test day: a constant additive effect per market. */
    CONSTANT,
    /** {@code lift ·} the market's counterfactual that day: varies with seasonality and factors. */
    PROPORTIONAL,
    /** {@code lift · b_i ·} min(1, day/7): builds up over the first week. */
    RAMP
  }

  /**
   * @param lift effect size relative to the treated markets' baseline (0.05 = +5%)
   * @param noise relative noise of a median-sized market (0.05 = 5% of its baseline)
   */
  public record World(int markets, int days, int testDays, int treatedCount, double lift, EffectShape shape, double noise) {

    public World {
      if (markets < treatedCount + 2 || treatedCount < 1) {
        throw new IllegalArgumentException("need at least one treated and two donor markets");
      }
      if (testDays < 1 || days < testDays + GeoAnalyzer.MIN_PRE_PERIODS) {
        throw new IllegalArgumentException("days must exceed the test length by the minimum pre-period");
      }
    }

    /** 30 markets, 13 weeks, a 4-week test in 2 markets, +5% constant lift, 5% noise. */
    public static World standard() {
      return new World(30, 91, 28, 2, 0.05, EffectShape.CONSTANT, 0.05);
    }
  }

  /** A simulated test and its truth: the total effect over the treated markets per test day. */
  public record SimulatedTest(GeoPanel panel, GeoTest test, double[] trueEffect, double[] baselines) {

    /** True incremental outcome over the test window, all treated markets together. */
    public double trueIncremental() {
      return Arrays.stream(trueEffect).sum();
    }

    /** True average effect per treated market and test day (the ATT the analysis estimates). */
    public double trueAtt() {
      return trueIncremental() / (trueEffect.length * test.treated().size());
    }
  }

  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6); // a Monday

  private GeoPanelGenerator() {}

  /** A panel with the treated markets drawn uniformly at random. */
  public static SimulatedTest simulate(World world, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] baselines = baselines(world.markets(), random);
    int[] treated = sample(world.markets(), world.treatedCount(), random);
    return simulate(world, baselines, treated, random);
  }

  /** A panel with no effect anywhere: history for design and placebo studies. */
  public static GeoPanel history(int markets, int days, double noise, long seed) {
    World world = new World(markets, days, 1, 1, 0, EffectShape.CONSTANT, noise);
    SplittableRandom random = new SplittableRandom(seed);
    double[] baselines = baselines(markets, random);
    return simulate(world, baselines, new int[] {0}, random).panel();
  }

  private static SimulatedTest simulate(World world, double[] baselines, int[] treated, SplittableRandom random) {
    int n = world.markets();
    int days = world.days();
    int testStart = days - world.testDays();

    double[] weekly = {-0.06, -0.04, -0.01, 0.01, 0.05, 0.09, -0.04}; // Monday … Sunday
    double[] f1 = ar1(days, 0.9, 0.02, random);
    double[] f2 = ar1(days, 0.9, 0.02, random);
    double phase = random.nextDouble() * 2 * Math.PI;
    double[][] outcome = new double[n][days];
    double[][] counterfactual = new double[n][days];
    for (int i = 0; i < n; i++) {
      double trendLoading = 1 + 0.5 * random.nextGaussian();
      double weeklyLoading = 1 + 0.3 * random.nextGaussian();
      double l1 = 1 + 0.5 * random.nextGaussian();
      double l2 = random.nextGaussian();
      double sd = world.noise() * baselines[i] * Math.pow(10_000 / baselines[i], 0.25);
      double[] eps = ar1(days, 0.2, sd * Math.sqrt(1 - 0.04), random);
      for (int t = 0; t < days; t++) {
        double trend = 0.1 * t / 365.0;
        double annual = 0.08 * Math.sin(2 * Math.PI * t / 365.0 + phase);
        double level = 1 + trendLoading * trend + weeklyLoading * weekly[t % 7] + annual + l1 * f1[t] + l2 * f2[t];
        counterfactual[i][t] = baselines[i] * level;
        outcome[i][t] = counterfactual[i][t] + eps[t];
      }
    }
    double[] trueEffect = new double[world.testDays()];
    for (int i : treated) {
      for (int t = testStart; t < days; t++) {
        int day = t - testStart;
        double effect = switch (world.shape()) {
          case CONSTANT -> world.lift() * baselines[i];
          case PROPORTIONAL -> world.lift() * counterfactual[i][t];
          case RAMP -> world.lift() * baselines[i] * Math.min(1.0, (day + 1) / 7.0);
        };
        outcome[i][t] += effect;
        trueEffect[day] += effect;
      }
    }
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(String.format(Locale.ROOT, "m%02d", i + 1));
    }
    List<LocalDate> dates = new ArrayList<>(days);
    for (int t = 0; t < days; t++) {
      dates.add(FIRST_DAY.plusDays(t));
    }
    List<String> treatedIds = new ArrayList<>();
    for (int i : treated) {
      treatedIds.add(ids.get(i));
    }
    GeoPanel panel = new GeoPanel(ids, dates, outcome);
    GeoTest test = new GeoTest(treatedIds, dates.get(testStart), dates.get(days - 1));
    return new SimulatedTest(panel, test, trueEffect, baselines);
  }

  private static double[] baselines(int n, SplittableRandom random) {
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = 10_000 * Math.exp(random.nextGaussian());
    }
    return b;
  }

  private static int[] sample(int n, int k, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    int[] out = Arrays.copyOf(order, k);
    Arrays.sort(out);
    return out;
  }

  private static double[] ar1(int n, double rho, double innovationSd, SplittableRandom random) {
    double[] x = new double[n];
    double sd0 = innovationSd / Math.sqrt(1 - rho * rho);
    x[0] = sd0 * random.nextGaussian();
    for (int t = 1; t < n; t++) {
      x[t] = rho * x[t - 1] + innovationSd * random.nextGaussian();
    }
    return x;
  }
}

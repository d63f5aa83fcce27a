package io.triangulate.geo.design;

import io.triangulate.geo.stats.ConformalInference;
import io.triangulate.geo.stats.GeoAnalyzer;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoPanel;
import io.triangulate.geo.stats.SyntheticControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Geo test design from history, the GeoLift approach (Meta's GeoLift market selection): candidate
 * treatment sets are ranked by how well the other markets synthesise them, then each candidate's
 * power is simulated by placebo tests in historical time: for each of several test windows ending
 * at the last date, a week earlier, two weeks earlier and so on, a known lift is inserted into the
 * candidate's outcome over the window, the analysis's conformal test of "no effect" is run, and
 * power is the share of windows where it rejects at level α. The MDE is the smallest lift of a grid
 * with power ≥ 80%.
 *
 * <p>Candidates: every market's leave-one-out synthetic-control fit over the whole history
 * (RMSE over mean level) orders the markets; sets of k are the sliding blocks of that order plus
 * seeded random draws among the best two-thirds, scored by the fit of the set's mean, and the best
 * {@code candidates} kept.
 */
public final class GeoDesigner {

  /** Lifts tried for the MDE, ascending. */
  static final double[] LIFT_GRID = {0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.10, 0.15, 0.20, 0.30, 0.50};
  public static final double TARGET_POWER = 0.8;
  static final int WINDOW_STRIDE = 7;

  /**
   * @param durations test lengths to evaluate, in periods
   * @param lift effect to compute power for (relative, 0.05 = +5%); ignored when spend and iROAS are given
   * @param spend planned incremental spend over the test (NaN: none), turned into a lift with {@code iroas}
   * @param iroas assumed incremental return per unit of spend (NaN: unknown; then no cost column)
   * @param windows placebo test windows per candidate and duration
   * @param windowStride periods between consecutive placebo windows' ends (7: a week of daily data;
   *     1 for weekly data, where a week's stride keeps enough windows for a power estimate)
   */
  public record Options(
      List<Integer> durations, double lift, int treatedCount, int candidates, int windows, double confidence,
      GeoMethod method, double spend, double iroas, long seed, int windowStride) {

    /** Windows a week apart in daily data (stride 7). */
    public Options(
        List<Integer> durations, double lift, int treatedCount, int candidates, int windows, double confidence,
        GeoMethod method, double spend, double iroas, long seed) {
      this(durations, lift, treatedCount, candidates, windows, confidence, method, spend, iroas, seed, WINDOW_STRIDE);
    }

    public Options {
      if (windowStride < 1) {
        throw new IllegalArgumentException("window stride must be at least 1 period");
      }
      durations = List.copyOf(durations);
      if (durations.isEmpty() || durations.stream().anyMatch(d -> d < 1)) {
        throw new IllegalArgumentException("durations must be positive numbers of periods");
      }
      if (treatedCount < 1 || candidates < 1 || windows < 1) {
        throw new IllegalArgumentException("treated count, candidates and windows must be positive");
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("confidence must be strictly between 0 and 1");
      }
    }
  }

  /**
   * One ranked design.
   *
   * @param share treated share of the total outcome over the history
   * @param fitError pre-period RMSE of the synthetic control over the candidate's mean level
   * @param lift lift the power is for (from the options, or spend × iROAS over the baseline)
   * @param power share of placebo windows where that lift was detected
   * @param mde smallest lift of the grid detected with ≥ 80% power (NaN: none up to 50%)
   * @param baseline expected treated total over the test without an effect (recent mean × duration)
   * @param mdeIncremental incremental outcome at the MDE (mde × baseline)
   * @param mdeCost spend needed to produce the MDE at the assumed iROAS (NaN without one)
   */
  public record Candidate(
      int rank, List<String> treated, double share, double fitError, int duration, int windows, double lift,
      double power, double mde, double baseline, double mdeIncremental, double mdeCost) {}

  private GeoDesigner() {}

  public static List<Candidate> design(GeoPanel history, Options options) {
    int n = history.locations().size();
    int k = options.treatedCount();
    if (k > n - 2) {
      throw new IllegalArgumentException("--treated-count " + k + " leaves fewer than two donors among " + n + " locations");
    }
    int periods = history.dates().size();
    int longest = options.durations().stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (periods < longest + minimumPre(longest)) {
      throw new IllegalArgumentException("the history has " + periods + " dates; a " + longest + "-period test needs at least "
          + (longest + minimumPre(longest)) + " (a pre-period of " + minimumPre(longest) + ")");
    }
    double[][] y = history.outcome();
    double total = 0;
    double[] locationTotal = new double[n];
    for (int i = 0; i < n; i++) {
      for (double v : y[i]) {
        locationTotal[i] += v;
      }
      total += locationTotal[i];
    }

    List<int[]> sets = new ArrayList<>();
    List<Double> fits = new ArrayList<>();
    bestFitting(history, options, sets, fits);
    // 3. Power by placebo windows in historical time, for the best-fitting sets.
    double alpha = 1 - options.confidence();
    List<Candidate> out = new ArrayList<>();
    for (int r = 0; r < sets.size(); r++) {
      int[] set = sets.get(r);
      List<String> ids = new ArrayList<>();
      double setTotal = 0;
      for (int i : set) {
        ids.add(history.locations().get(i));
        setTotal += locationTotal[i];
      }
      for (int duration : options.durations()) {
        out.add(powerOf(history, set, ids, setTotal / total, fits.get(r), duration, options, alpha));
      }
    }
    out.sort(Comparator.comparingDouble((Candidate c) -> Double.isNaN(c.mde()) ? Double.POSITIVE_INFINITY : c.mde())
        .thenComparing(Comparator.comparingDouble(Candidate::power).reversed())
        .thenComparingDouble(Candidate::fitError));
    List<Candidate> ranked = new ArrayList<>();
    for (int r = 0; r < out.size(); r++) {
      Candidate c = out.get(r);
      ranked.add(new Candidate(r + 1, c.treated(), c.share(), c.fitError(), c.duration(), c.windows(), c.lift(),
          c.power(), c.mde(), c.baseline(), c.mdeIncremental(), c.mdeCost()));
    }
    return List.copyOf(ranked);
  }

  /**
   * The {@code candidates} treatment sets of {@code treatedCount} locations the other locations
   * synthesise best over the whole history (steps 1–2 of {@link #design}), best first, with their
   * fit errors; no power simulated (power, lift and MDE are NaN).
   */
  public static List<Candidate> candidateSets(GeoPanel history, Options options) {
    List<int[]> sets = new ArrayList<>();
    List<Double> fits = new ArrayList<>();
    bestFitting(history, options, sets, fits);
    List<Candidate> out = new ArrayList<>();
    for (int r = 0; r < sets.size(); r++) {
      List<String> ids = new ArrayList<>();
      for (int i : sets.get(r)) {
        ids.add(history.locations().get(i));
      }
      out.add(new Candidate(r + 1, List.copyOf(ids), Double.NaN, fits.get(r), 0, 0, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN));
    }
    return out;
  }

  private static void bestFitting(GeoPanel history, Options options, List<int[]> sets, List<Double> fits) {
    int n = history.locations().size();
    int k = options.treatedCount();
    if (k > n - 2) {
      throw new IllegalArgumentException("--treated-count " + k + " leaves fewer than two donors among " + n + " locations");
    }
    int periods = history.dates().size();
    double[][] y = history.outcome();
    // 1. Order markets by how well the others synthesise each one.
    double[] singleFit = new double[n];
    for (int i = 0; i < n; i++) {
      singleFit[i] = fitError(y, new int[] {i}, periods);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> singleFit[i]).thenComparing(i -> i));

    // 2. Candidate sets: sliding blocks of the order, plus random sets among the best two-thirds.
    Map<String, int[]> pool = new LinkedHashMap<>();
    for (int s = 0; s + k <= n; s++) {
      int[] set = new int[k];
      for (int a = 0; a < k; a++) {
        set[a] = order[s + a];
      }
      add(pool, set);
    }
    SplittableRandom random = new SplittableRandom(options.seed());
    int top = Math.max(k, (2 * n + 2) / 3);
    for (int draw = 0; draw < 4 * options.candidates(); draw++) {
      int[] idx = new int[top];
      for (int a = 0; a < top; a++) {
        idx[a] = order[a];
      }
      for (int a = 0; a < k; a++) {
        int b = a + random.nextInt(top - a);
        int tmp = idx[a];
        idx[a] = idx[b];
        idx[b] = tmp;
      }
      add(pool, Arrays.copyOf(idx, k));
    }
    List<int[]> all = new ArrayList<>(pool.values());
    double[] setFit = new double[all.size()];
    for (int c = 0; c < all.size(); c++) {
      setFit[c] = k == 1 ? singleFit[all.get(c)[0]] : fitError(y, all.get(c), periods);
    }
    Integer[] byFit = new Integer[all.size()];
    for (int c = 0; c < byFit.length; c++) {
      byFit[c] = c;
    }
    Arrays.sort(byFit, Comparator.comparingDouble((Integer c) -> setFit[c]).thenComparing(c -> c));

    for (int r = 0; r < Math.min(options.candidates(), byFit.length); r++) {
      sets.add(all.get(byFit[r]));
      fits.add(setFit[byFit[r]]);
    }
  }

  /**
   * Power and MDE of one given treatment set (e.g. the one a plan chose) at {@code lift}, by the
   * same placebo simulation as {@link #design}; rank 0.
   */
  public static Candidate evaluate(GeoPanel history, List<String> treated, int duration, double lift, Options options) {
    int n = history.locations().size();
    int[] set = new int[treated.size()];
    double total = 0;
    double setTotal = 0;
    double[][] y = history.outcome();
    for (int i = 0; i < n; i++) {
      for (double v : y[i]) {
        total += v;
      }
    }
    for (int a = 0; a < set.length; a++) {
      set[a] = history.locationIndex(treated.get(a));
      if (set[a] < 0) {
        throw new IllegalArgumentException("treated location \"" + treated.get(a) + "\" is not in the history");
      }
      for (double v : y[set[a]]) {
        setTotal += v;
      }
    }
    if (set.length > n - 2) {
      throw new IllegalArgumentException(set.length + " treated locations leave fewer than two donors among " + n);
    }
    int periods = history.dates().size();
    if (periods < duration + minimumPre(duration)) {
      throw new IllegalArgumentException("the history has " + periods + " dates; a " + duration + "-period test needs at least "
          + (duration + minimumPre(duration)));
    }
    Arrays.sort(set);
    Options at = new Options(List.of(duration), lift, set.length, 1, options.windows(), options.confidence(),
        options.method(), Double.NaN, options.iroas(), options.seed(), options.windowStride());
    return powerOf(history, set, List.copyOf(treated), setTotal / total, fitError(y, set, periods), duration, at,
        1 - options.confidence());
  }

  static int minimumPre(int duration) {
    return Math.max(GeoAnalyzer.MIN_PRE_PERIODS, Math.max(14, 2 * duration));
  }

  private static Candidate powerOf(
      GeoPanel history, int[] set, List<String> ids, double share, double fit, int duration, Options options, double alpha) {
    double[][] y = history.outcome();
    int periods = history.dates().size();
    int[] donors = complement(set, y.length);
    double[] treatedMean = mean(y, set, periods);
    // Baseline: the treated total over the last `duration` periods of history.
    double baseline = 0;
    for (int t = periods - duration; t < periods; t++) {
      baseline += treatedMean[t] * set.length;
    }
    double lift = !Double.isNaN(options.spend()) && !Double.isNaN(options.iroas()) && baseline > 0
        ? options.spend() * options.iroas() / baseline
        : options.lift();

    List<ConformalInference> tests = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    for (int w = 0; w < options.windows(); w++) {
      int end = periods - w * options.windowStride();
      int pre = end - duration;
      if (pre < minimumPre(duration)) {
        break;
      }
      double[][] donorRows = new double[donors.length][];
      for (int j = 0; j < donors.length; j++) {
        donorRows[j] = Arrays.copyOf(y[donors[j]], end);
      }
      double[] target = Arrays.copyOf(treatedMean, end);
      double lambda = options.method() == GeoMethod.AUGSC
          ? SyntheticControl.chooseLambda(Arrays.copyOf(target, pre), cut(donorRows, pre), true)
          : Double.NaN;
      tests.add(new ConformalInference(target, donorRows, pre, options.method(), true, lambda));
      targets.add(target);
    }
    double power = power(tests, targets, duration, lift, alpha);
    double mde = Double.NaN;
    for (double l : LIFT_GRID) {
      if (power(tests, targets, duration, l, alpha) >= TARGET_POWER) {
        mde = l;
        break;
      }
    }
    double mdeIncremental = mde * baseline;
    double cost = Double.isNaN(options.iroas()) || !(options.iroas() > 0) ? Double.NaN : mdeIncremental / options.iroas();
    return new Candidate(0, List.copyOf(ids), share, fit, duration, tests.size(), lift, power, mde, baseline, mdeIncremental, cost);
  }

  private static double power(List<ConformalInference> tests, List<double[]> targets, int duration, double lift, double alpha) {
    int rejected = 0;
    for (int w = 0; w < tests.size(); w++) {
      double[] target = targets.get(w).clone();
      for (int t = target.length - duration; t < target.length; t++) {
        target[t] *= 1 + lift;
      }
      if (tests.get(w).pValue(target, 0) <= alpha) {
        rejected++;
      }
    }
    return tests.isEmpty() ? Double.NaN : (double) rejected / tests.size();
  }

  /** Leave-out synthetic-control fit of the set's mean on all periods: RMSE over mean |level|. */
  static double fitError(double[][] y, int[] set, int periods) {
    double[] target = mean(y, set, periods);
    int[] donors = complement(set, y.length);
    double[][] donorRows = new double[donors.length][];
    for (int j = 0; j < donors.length; j++) {
      donorRows[j] = Arrays.copyOf(y[donors[j]], periods);
    }
    SyntheticControl model = new SyntheticControl(donorRows, GeoMethod.SC, true, 1);
    double[] fitted = model.fitted(model.fit(target));
    double sse = 0;
    double level = 0;
    for (int t = 0; t < periods; t++) {
      sse += (target[t] - fitted[t]) * (target[t] - fitted[t]);
      level += Math.abs(target[t]);
    }
    return level > 0 ? Math.sqrt(sse / periods) / (level / periods) : Double.NaN;
  }

  private static void add(Map<String, int[]> pool, int[] set) {
    int[] sorted = set.clone();
    Arrays.sort(sorted);
    pool.putIfAbsent(Arrays.toString(sorted), sorted);
  }

  private static int[] complement(int[] set, int n) {
    boolean[] in = new boolean[n];
    for (int i : set) {
      in[i] = true;
    }
    int[] out = new int[n - set.length];
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (!in[i]) {
        out[d++] = i;
      }
    }
    return out;
  }

  private static double[] mean(double[][] y, int[] set, int periods) {
    double[] m = new double[periods];
    for (int i : set) {
      for (int t = 0; t < periods; t++) {
        m[t] += y[i][t] / set.length;
      }
    }
    return m;
  }

  private static double[][] cut(double[][] m, int periods) {
    double[][] out = new double[m.length][];
    for (int j = 0; j < m.length; j++) {
      out[j] = Arrays.copyOf(m[j], periods);
    }
    return out;
  }
}

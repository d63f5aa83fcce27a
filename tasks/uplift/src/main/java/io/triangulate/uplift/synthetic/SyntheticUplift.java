package io.triangulate.uplift.synthetic;

import java.util.SplittableRandom;

/**
 * A seeded randomised campaign whose per-member effect is known. Five features x1..x5 ~ U(0, 1);
 * half the members are treated at random. Conversion probability without treatment
 * p₀ = 0.05 + 0.15·x3 + 0.05·x4 (x3 and x4 move the baseline only); the true uplift depends on x1
 * and x2 only: τ = 0.20·x1 + 0.10·[x2 &gt; 0.5] − 0.08, from −0.08 (treatment hurts) to +0.22, mean
 * 0.07. x5 is noise. Outcome ~ Bernoulli(p₀ + t·τ).
 */
public final class SyntheticUplift {

  public static final String[] FEATURES = {"x1", "x2", "x3", "x4", "x5"};

  private SyntheticUplift() {}

  public record Population(double[][] x, int[] t, int[] y, double[] trueUplift) {
    public int size() {
      return y.length;
    }
  }

  public static double baseline(double[] x) {
    return 0.05 + 0.15 * x[2] + 0.05 * x[3];
  }

  public static double trueUplift(double[] x) {
    return 0.20 * x[0] + (x[1] > 0.5 ? 0.10 : 0) - 0.08;
  }

  public static Population generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    int[] t = new int[n];
    int[] y = new int[n];
    double[] tau = new double[n];
    for (int i = 0; i < n; i++) {
      Member m = member(random);
      x[i] = m.x;
      t[i] = m.t;
      y[i] = m.y;
      tau[i] = m.tau;
    }
    return new Population(x, t, y, tau);
  }

  /** One member: features, arm, outcome and true uplift (for streaming large files). */
  public record Member(double[] x, int t, int y, double tau) {}

  public static Member member(SplittableRandom random) {
    double[] x = new double[FEATURES.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = random.nextDouble();
    }
    int t = random.nextBoolean() ? 1 : 0;
    double tau = trueUplift(x);
    double p = baseline(x) + t * tau;
    int y = random.nextDouble() < p ? 1 : 0;
    return new Member(x, t, y, tau);
  }
}

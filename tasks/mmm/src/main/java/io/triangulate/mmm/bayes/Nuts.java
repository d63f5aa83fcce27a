package io.triangulate.mmm.bayes;

import java.util.SplittableRandom;

/**
 * One No-U-Turn transition (Hoffman and Gelman 2014) in the multinomial form Stan uses (Betancourt
 * 2017): the trajectory doubles in a random direction until it turns back on itself, each doubling
 * is accepted by biased progressive sampling, draws within a subtree are chosen in proportion to
 * {@code exp(−H)}, and the generalised U-turn criterion is also checked across the seams of merged
 * subtrees. The metric is the identity: callers precondition the density (see
 * {@link AffineDensity}). A trajectory whose energy error exceeds 1000 is divergent and stops.
 */
final class Nuts {

  static final double DIVERGENCE_LIMIT = 1000;

  /** Position, momentum, log density and gradient at one point of a trajectory. */
  static final class State {
    final double[] q;
    final double[] p;
    final double[] grad;
    double logp;

    State(int d) {
      q = new double[d];
      p = new double[d];
      grad = new double[d];
    }

    State copy() {
      State s = new State(q.length);
      System.arraycopy(q, 0, s.q, 0, q.length);
      System.arraycopy(p, 0, s.p, 0, p.length);
      System.arraycopy(grad, 0, s.grad, 0, grad.length);
      s.logp = logp;
      return s;
    }
  }

  /** What one transition did. */
  record Transition(double[] q, double logp, double[] grad, double acceptance, int leapfrogs, int depth, boolean divergent) {}

  private static final class Subtree {
    State first;
    State last;
    double[] rho;
    double logWeight;
    double[] sample;
    double sampleLogp;
    double[] sampleGrad;
    boolean valid = true;
  }

  private final LogDensity density;
  private final int maxDepth;
  private final SplittableRandom random;
  private double step;
  private double h0;
  private double acceptanceSum;
  private int leapfrogs;
  private boolean divergent;

  Nuts(LogDensity density, int maxDepth, SplittableRandom random) {
    this.density = density;
    this.maxDepth = maxDepth;
    this.random = random;
  }

  Transition transition(double[] q0, double logp0, double[] grad0, double stepSize) {
    int d = q0.length;
    this.step = stepSize;
    State start = new State(d);
    System.arraycopy(q0, 0, start.q, 0, d);
    System.arraycopy(grad0, 0, start.grad, 0, d);
    start.logp = logp0;
    for (int i = 0; i < d; i++) {
      start.p[i] = random.nextGaussian();
    }
    h0 = hamiltonian(start);
    acceptanceSum = 0;
    leapfrogs = 0;
    divergent = false;

    State left = start;
    State right = start;
    double[] rho = start.p.clone();
    double logWeight = 0;
    double[] sample = start.q.clone();
    double sampleLogp = start.logp;
    double[] sampleGrad = start.grad.clone();
    int depth = 0;
    while (depth < maxDepth) {
      boolean forward = random.nextBoolean();
      State from = forward ? right : left;
      State oldLeft = left;
      State oldRight = right;
      double[] oldRho = rho;
      Subtree subtree = build(from, forward, depth);
      depth++;
      if (!subtree.valid) {
        break;
      }
      if (forward) {
        right = subtree.last;
      } else {
        left = subtree.last;
      }
      // Biased progressive sampling: favour the new half when it carries more weight.
      if (subtree.logWeight > logWeight || Math.log(random.nextDouble()) < subtree.logWeight - logWeight) {
        sample = subtree.sample;
        sampleLogp = subtree.sampleLogp;
        sampleGrad = subtree.sampleGrad;
      }
      logWeight = logAddExp(logWeight, subtree.logWeight);
      rho = add(oldRho, subtree.rho);
      boolean persist = noUturn(rho, left.p, right.p);
      // Seams between the old trajectory and the new subtree, in time order A then B.
      double[] rhoA = forward ? oldRho : subtree.rho;
      double[] rhoB = forward ? subtree.rho : oldRho;
      State aLeft = forward ? oldLeft : subtree.last;
      State aRight = forward ? oldRight : subtree.first;
      State bLeft = forward ? subtree.first : oldLeft;
      State bRight = forward ? subtree.last : oldRight;
      persist &= noUturn(add(rhoA, bLeft.p), aLeft.p, bLeft.p);
      persist &= noUturn(add(rhoB, aRight.p), aRight.p, bRight.p);
      if (!persist) {
        break;
      }
    }
    double acceptance = leapfrogs == 0 ? 0 : acceptanceSum / leapfrogs;
    return new Transition(sample, sampleLogp, sampleGrad, acceptance, leapfrogs, depth, divergent);
  }

  private Subtree build(State from, boolean forward, int depth) {
    if (depth == 0) {
      State next = leapfrog(from, forward ? step : -step);
      double h = hamiltonian(next);
      leapfrogs++;
      Subtree leaf = new Subtree();
      if (!Double.isFinite(h) || h - h0 > DIVERGENCE_LIMIT) {
        divergent = true;
        leaf.valid = false;
        return leaf;
      }
      acceptanceSum += Math.min(1, Math.exp(h0 - h));
      leaf.first = next;
      leaf.last = next;
      leaf.rho = next.p.clone();
      leaf.logWeight = h0 - h;
      leaf.sample = next.q;
      leaf.sampleLogp = next.logp;
      leaf.sampleGrad = next.grad;
      return leaf;
    }
    Subtree a = build(from, forward, depth - 1);
    if (!a.valid) {
      return a;
    }
    Subtree b = build(a.last, forward, depth - 1);
    if (!b.valid) {
      return b;
    }
    Subtree merged = new Subtree();
    merged.first = a.first;
    merged.last = b.last;
    merged.logWeight = logAddExp(a.logWeight, b.logWeight);
    // Within a subtree, pick uniformly in proportion to weight.
    if (Math.log(random.nextDouble()) < b.logWeight - merged.logWeight) {
      merged.sample = b.sample;
      merged.sampleLogp = b.sampleLogp;
      merged.sampleGrad = b.sampleGrad;
    } else {
      merged.sample = a.sample;
      merged.sampleLogp = a.sampleLogp;
      merged.sampleGrad = a.sampleGrad;
    }
    merged.rho = add(a.rho, b.rho);
    State leftmost = forward ? a.first : b.last;
    State rightmost = forward ? b.last : a.first;
    boolean valid = noUturn(merged.rho, leftmost.p, rightmost.p);
    Subtree early = forward ? a : b;
    Subtree late = forward ? b : a;
    State earlyLeft = forward ? a.first : b.last;
    State earlyRight = forward ? a.last : b.first;
    State lateLeft = forward ? b.first : a.last;
    State lateRight = forward ? b.last : a.first;
    valid &= noUturn(add(early.rho, lateLeft.p), earlyLeft.p, lateLeft.p);
    valid &= noUturn(add(late.rho, earlyRight.p), earlyRight.p, lateRight.p);
    merged.valid = valid;
    return merged;
  }

  State leapfrog(State from, double epsilon) {
    int d = from.q.length;
    State next = new State(d);
    for (int i = 0; i < d; i++) {
      next.p[i] = from.p[i] + 0.5 * epsilon * from.grad[i];
      next.q[i] = from.q[i] + epsilon * next.p[i];
    }
    next.logp = density.evaluate(next.q, next.grad);
    for (int i = 0; i < d; i++) {
      next.p[i] += 0.5 * epsilon * next.grad[i];
    }
    return next;
  }

  static double hamiltonian(State s) {
    double kinetic = 0;
    for (double v : s.p) {
      kinetic += v * v;
    }
    return -s.logp + 0.5 * kinetic;
  }

  private static boolean noUturn(double[] rho, double[] pLeft, double[] pRight) {
    return dot(rho, pLeft) > 0 && dot(rho, pRight) > 0;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }

  static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(-Math.abs(a - b)));
  }

  /**
   * Hoffman and Gelman's heuristic for a first step size: double or halve until one leapfrog
   * step's acceptance probability crosses 1/2.
   */
  double initialStep(double[] q0, double logp0, double[] grad0) {
    int d = q0.length;
    State s = new State(d);
    System.arraycopy(q0, 0, s.q, 0, d);
    System.arraycopy(grad0, 0, s.grad, 0, d);
    s.logp = logp0;
    double epsilon = 0.1;
    for (int i = 0; i < d; i++) {
      s.p[i] = random.nextGaussian();
    }
    double h = hamiltonian(s);
    State next = leapfrog(s, epsilon);
    double delta = h - hamiltonian(next);
    int direction = !Double.isFinite(delta) || delta < Math.log(0.5) ? -1 : 1;
    for (int i = 0; i < 60; i++) {
      next = leapfrog(s, epsilon);
      delta = h - hamiltonian(next);
      if (!Double.isFinite(delta)) {
        delta = Double.NEGATIVE_INFINITY;
      }
      if (direction == 1 && !(delta > Math.log(0.5))) {
        break;
      }
      if (direction == -1 && !(delta < Math.log(0.5))) {
        break;
      }
      epsilon = direction == 1 ? 2 * epsilon : 0.5 * epsilon;
    }
    return epsilon;
  }
}

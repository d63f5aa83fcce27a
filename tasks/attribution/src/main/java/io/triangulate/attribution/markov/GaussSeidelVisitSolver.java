package io.triangulate.attribution.markov;

/**
 * Sparse Gauss–Seidel on {@code (I − Qᵀ) v = e_start}. The matrix is a non-singular M-matrix
 * (every state drains into an absorbing state), for which Gauss–Seidel converges; self-loops sit on
 * the diagonal and are divided out exactly in each update. States are numbered in order of first
 * appearance along paths, close to a topological order, so each sweep carries visits far forward.
 * Iterates to a relative change of 1e-15, i.e. to the limit of double precision.
 */
public final class GaussSeidelVisitSolver implements VisitSolver {

  private static final double TOLERANCE = 1e-15;
  private static final int MAX_SWEEPS = 1_000_000;

  @Override
  public double[] visits(MarkovChain chain, boolean[] blocked) {
    int states = chain.stateCount();
    double[] visits = new double[states];
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double largestChange = 0;
      double largestVisit = 0;
      for (int s = 0; s < states; s++) {
        if (blocked[s]) {
          continue; // stays 0: entering a removed channel's state ends the journey in null
        }
        double inflow = s == 0 ? 1.0 : 0.0;
        for (int slot = chain.incomingStart(s); slot < chain.incomingEnd(s); slot++) {
          inflow += visits[chain.incomingFrom(slot)] * chain.incomingProbability(slot);
        }
        double updated = inflow / (1.0 - chain.selfLoop(s));
        largestChange = Math.max(largestChange, Math.abs(updated - visits[s]));
        largestVisit = Math.max(largestVisit, updated);
        visits[s] = updated;
      }
      if (largestChange <= TOLERANCE * largestVisit) {
        return visits;
      }
    }
    throw new IllegalStateException("Gauss-Seidel did not converge in " + MAX_SWEEPS + " sweeps");
  }
}

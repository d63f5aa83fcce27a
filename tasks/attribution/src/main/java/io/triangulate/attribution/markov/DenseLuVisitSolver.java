package io.triangulate.attribution.markov;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Builds {@code I − Qᵀ} on the unblocked transient states and solves it by LU decomposition. */
public final class DenseLuVisitSolver implements VisitSolver {

  @Override
  public double[] visits(MarkovChain chain, boolean[] blocked) {
    int states = chain.stateCount();
    int[] position = new int[states];
    int free = 0;
    for (int s = 0; s < states; s++) {
      position[s] = blocked[s] ? -1 : free++;
    }
    double[][] system = new double[free][free];
    for (int s = 0; s < states; s++) {
      int row = position[s];
      if (row < 0) {
        continue;
      }
      system[row][row] = 1.0 - chain.selfLoop(s);
      for (int slot = chain.incomingStart(s); slot < chain.incomingEnd(s); slot++) {
        int column = position[chain.incomingFrom(slot)];
        if (column >= 0) {
          system[row][column] -= chain.incomingProbability(slot);
        }
      }
    }
    double[] rhs = new double[free];
    rhs[position[0]] = 1.0; // every journey visits the start state once
    RealVector solution = new LUDecomposition(new Array2DRowRealMatrix(system, false))
        .getSolver()
        .solve(new ArrayRealVector(rhs, false));
    double[] visits = new double[states];
    for (int s = 0; s < states; s++) {
      visits[s] = position[s] < 0 ? 0.0 : solution.getEntry(position[s]);
    }
    return visits;
  }
}

package io.triangulate.attribution.markov;

/**
 * Solves the absorbing chain's visit equations exactly: the expected number of visits v to each
 * transient state per journey satisfies {@code v = e_start + Qᵀ v}, i.e. {@code (I − Qᵀ) v = e_start},
 * with Q the transient-to-transient transition probabilities. Blocked states (those of a removed
 * channel) are absorbed into null on entry, so their rows and columns drop out and their visits are 0.
 *
 * <p>From the visits, P(conversion) = Σ v_s · P(s → conversion); one solve serves both the
 * conversion and the value removal effect.
 */
public interface VisitSolver {

  /** States up to which a dense LU factorisation is cheaper than iterating. */
  int DENSE_LIMIT = 300;

  double[] visits(MarkovChain chain, boolean[] blocked);

  /** Dense LU for small chains (exact to rounding), sparse Gauss–Seidel for large ones. */
  static VisitSolver suitedTo(MarkovChain chain) {
    return chain.stateCount() <= DENSE_LIMIT ? new DenseLuVisitSolver() : new GaussSeidelVisitSolver();
  }
}

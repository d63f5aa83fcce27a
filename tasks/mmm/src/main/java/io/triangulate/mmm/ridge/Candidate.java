package io.triangulate.mmm.ridge;

/**
 * One evaluated point of the search: its unit-cube coordinates and objectives (all minimised):
 * NRMSE, DECOMP.RSSD and, when lift tests are given, MAPE.LIFT (else 0).
 */
public record Candidate(double[] unit, double nrmse, double decompRssd, double liftError) {

  public double objective(int k) {
    return switch (k) {
      case 0 -> nrmse;
      case 1 -> decompRssd;
      case 2 -> liftError;
      default -> throw new IllegalArgumentException("objective " + k);
    };
  }

  /** Pareto dominance: no worse in every objective and better in at least one. */
  public boolean dominates(Candidate other, int objectives) {
    boolean better = false;
    for (int k = 0; k < objectives; k++) {
      double a = objective(k);
      double b = other.objective(k);
      if (a > b) {
        return false;
      }
      better |= a < b;
    }
    return better;
  }
}

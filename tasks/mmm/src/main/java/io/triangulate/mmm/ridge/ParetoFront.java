package io.triangulate.mmm.ridge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The non-dominated candidates of a search, and the rule that picks one model from them.
 *
 * <p><b>Selection rule.</b> Fit comes first, plausibility second: among Pareto-optimal candidates
 * whose NRMSE is within {@code tolerance} (relative) of the best NRMSE, take the one with the
 * smallest sum of the other objectives (DECOMP.RSSD, and MAPE.LIFT when lift tests are given),
 * each min–max normalised over those eligible candidates; ties go to the lower NRMSE. The tolerance
 * is the price in fit we accept for a decomposition closer to spend shares or to the experiments.
 * Note that DECOMP.RSSD is a plausibility prior, not truth: a channel that really is far more
 * efficient than its budget share is penalised by it, so the tolerance should stay small.
 */
public final class ParetoFront {

  private ParetoFront() {}

  /** Non-dominated subset, sorted by NRMSE. */
  public static List<Candidate> of(List<Candidate> candidates, int objectives) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    Comparator<Candidate> lexicographic = Comparator.comparingDouble(Candidate::nrmse)
        .thenComparingDouble(Candidate::decompRssd)
        .thenComparingDouble(Candidate::liftError);
    sorted.sort(lexicographic);
    // In lexicographic order a later candidate can never dominate an earlier one, so one pass
    // against the front built so far is enough.
    List<Candidate> front = new ArrayList<>();
    for (Candidate candidate : sorted) {
      if (!Double.isFinite(candidate.nrmse())) {
        continue;
      }
      boolean dominated = false;
      for (Candidate member : front) {
        if (member.dominates(candidate, objectives) || sameObjectives(member, candidate, objectives)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(candidate);
      }
    }
    return front;
  }

  public static Candidate select(List<Candidate> front, int objectives, double tolerance) {
    if (front.isEmpty()) {
      throw new IllegalStateException("no finite candidate in the search");
    }
    double best = front.stream().mapToDouble(Candidate::nrmse).min().orElseThrow();
    List<Candidate> eligible = front.stream().filter(c -> c.nrmse() <= best * (1 + tolerance)).toList();
    double[] min = new double[objectives];
    double[] max = new double[objectives];
    for (int k = 1; k < objectives; k++) {
      final int objective = k;
      min[k] = eligible.stream().mapToDouble(c -> c.objective(objective)).min().orElse(0);
      max[k] = eligible.stream().mapToDouble(c -> c.objective(objective)).max().orElse(0);
    }
    Candidate chosen = null;
    double chosenScore = Double.POSITIVE_INFINITY;
    for (Candidate candidate : eligible) {
      double score = 0;
      for (int k = 1; k < objectives; k++) {
        double range = max[k] - min[k];
        score += range > 0 ? (candidate.objective(k) - min[k]) / range : 0;
      }
      if (score < chosenScore || (score == chosenScore && candidate.nrmse() < chosen.nrmse())) {
        chosen = candidate;
        chosenScore = score;
      }
    }
    return chosen;
  }

  private static boolean sameObjectives(Candidate a, Candidate b, int objectives) {
    for (int k = 0; k < objectives; k++) {
      if (a.objective(k) != b.objective(k)) {
        return false;
      }
    }
    return true;
  }
}

package io.triangulate.experiments.stats;

import java.util.List;

/**
 * Outcome of a sample-ratio-mismatch check.
 *
 * @param chiSquare Pearson's statistic Σ (observed − expected)² / expected
 * @param degreesOfFreedom arms − 1
 * @param pValue P(χ² ≥ statistic) if units were assigned with the expected shares; NaN with a note
 *     when there are no units
 */
public record SampleRatioResult(double chiSquare, int degreesOfFreedom, double pValue, List<String> notes) {

  /**
   * The conventional threshold for calling a mismatch. It is far stricter than 0.05 because the
   * check runs on every experiment, and a false alarm throws away a valid experiment.
   */
  public static final double DEFAULT_ALPHA = 0.001;

  public SampleRatioResult {
    notes = List.copyOf(notes);
  }

  /** True when the counts are too unlikely under the planned split: assignment or logging is broken. */
  public boolean isMismatch(double alpha) {
    return pValue < alpha;
  }
}

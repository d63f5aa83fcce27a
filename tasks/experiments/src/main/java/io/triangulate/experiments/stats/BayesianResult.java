package io.triangulate.experiments.stats;

import java.util.List;

/**
 * Bayesian read-out of treated versus control, beside the frequentist one.
 *
 * @param prior the prior used, for people (e.g. {@code Beta(1, 1)}, {@code flat})
 * @param chanceToBeatControl posterior P(treated &gt; control)
 * @param expectedLossChoosingTreated E[max(control − treated, 0)]: what shipping the treatment
 *     costs on average if it is in fact worse (in outcome units: rate points or currency per unit)
 * @param expectedLossChoosingControl E[max(treated − control, 0)]: the symmetric loss of keeping
 *     the control
 * @param posteriorMeanDifference E[treated − control]
 * @param credibleInterval central credible interval of treated − control at the requested level
 *     (normal approximation of the posterior for binary arms, exact for the normal model)
 * @param notes reasons for NaN values; empty when everything is regular
 */
public record BayesianResult(
    String prior,
    double chanceToBeatControl,
    double expectedLossChoosingTreated,
    double expectedLossChoosingControl,
    double posteriorMeanDifference,
    Interval credibleInterval,
    List<String> notes) {

  public BayesianResult {
    notes = List.copyOf(notes);
  }
}

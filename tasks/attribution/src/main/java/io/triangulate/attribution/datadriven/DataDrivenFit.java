package io.triangulate.attribution.datadriven;

import io.triangulate.attribution.ModelCredits;
import java.util.List;

/**
 * The data-driven model's credit and how well its conversion model fits.
 *
 * @param heldOutAuc AUC of predicted conversion probability on the held-out journeys
 * @param featureNames names of {@code coefficients} (the intercept comes last, named "intercept")
 * @param coefficients logistic regression coefficients on the log-odds scale
 */
public record DataDrivenFit(
    ModelCredits credits,
    double heldOutAuc,
    long trainingJourneys,
    long heldOutJourneys,
    List<String> featureNames,
    List<Double> coefficients) {

  public DataDrivenFit {
    featureNames = List.copyOf(featureNames);
    coefficients = List.copyOf(coefficients);
  }
}

package io.triangulate.attribution;

import io.triangulate.attribution.datadriven.DataDrivenFit;
import io.triangulate.attribution.markov.MarkovAttribution;
import java.util.Optional;

/** One model's credits, plus the model-specific detail that Markov and data-driven models report. */
public record ModelOutcome(
    AttributionModel model, ModelCredits credits, Optional<MarkovAttribution> markov, Optional<DataDrivenFit> dataDriven) {

  static ModelOutcome of(AttributionModel model, ModelCredits credits) {
    return new ModelOutcome(model, credits, Optional.empty(), Optional.empty());
  }
}

package io.triangulate.attribution;

import io.triangulate.attribution.datadriven.DataDrivenFit;
import io.triangulate.attribution.markov.MarkovAttribution;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Every model that ran, in the order asked for, and a note for each model that could not run
 * (e.g. time decay without timestamps).
 */
public record AttributionReport(List<ModelOutcome> outcomes, List<String> skipped) {

  public AttributionReport {
    outcomes = List.copyOf(outcomes);
    skipped = List.copyOf(skipped);
  }

  public List<ModelCredits> credits() {
    return outcomes.stream().map(ModelOutcome::credits).toList();
  }

  public List<MarkovAttribution> markov() {
    return outcomes.stream().flatMap(outcome -> outcome.markov().stream()).toList();
  }

  public Optional<DataDrivenFit> dataDriven() {
    return outcomes.stream().flatMap(outcome -> outcome.dataDriven().stream()).findFirst();
  }

  public ModelCredits credits(String model) {
    return credits().stream()
        .filter(credits -> credits.model().equals(model))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("model " + model + " did not run"));
  }
}

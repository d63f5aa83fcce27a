package io.triangulate.attribution;

import io.triangulate.attribution.datadriven.DataDrivenAttribution;
import io.triangulate.attribution.datadriven.DataDrivenFit;
import io.triangulate.attribution.markov.MarkovAttribution;
import io.triangulate.attribution.markov.MarkovModel;
import io.triangulate.attribution.rules.FirstTouch;
import io.triangulate.attribution.rules.LastTouch;
import io.triangulate.attribution.rules.Linear;
import io.triangulate.attribution.rules.PositionBased;
import io.triangulate.attribution.rules.RuleBasedAttribution;
import io.triangulate.attribution.rules.TimeDecay;
import io.triangulate.attribution.rules.TouchWeighting;
import io.triangulate.attribution.shapley.ShapleyAttribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs attribution models by name over one path set: the single entry point of the pure core. */
public final class AttributionSuite {

  private final PathSet paths;
  private final AttributionSettings settings;

  public AttributionSuite(PathSet paths, AttributionSettings settings) {
    this.paths = paths;
    this.settings = settings;
  }

  /** Why the model cannot run on this path set, if it cannot. */
  public Optional<String> reasonToSkip(AttributionModel model) {
    if (model.needsTouchAges() && !paths.hasTouchAges()) {
      return Optional.of(model.id() + " skipped: it needs per-touch timestamps and the paths have none");
    }
    return Optional.empty();
  }

  public ModelOutcome run(AttributionModel model) {
    reasonToSkip(model).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    return switch (model) {
      case LAST_TOUCH -> rule(model, new LastTouch());
      case FIRST_TOUCH -> rule(model, new FirstTouch());
      case LINEAR -> rule(model, new Linear());
      case TIME_DECAY -> rule(model, new TimeDecay(settings.halfLifeDays(), settings.lookbackDays()));
      case POSITION_BASED -> rule(model, new PositionBased(settings.positionWeights()));
      case MARKOV_1, MARKOV_2, MARKOV_3, MARKOV_4 -> markov(model);
      case SHAPLEY -> ModelOutcome.of(model, ShapleyAttribution.exact(paths));
      case SHAPLEY_SIMPLIFIED -> ModelOutcome.of(model, ShapleyAttribution.simplified(paths));
      case DATA_DRIVEN -> dataDriven(model);
    };
  }

  /** Runs the models that can run and notes the ones that cannot. */
  public AttributionReport runAll(List<AttributionModel> models) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (AttributionModel model : models) {
      Optional<String> reason = reasonToSkip(model);
      if (reason.isPresent()) {
        skipped.add(reason.get());
      } else {
        outcomes.add(run(model));
      }
    }
    return new AttributionReport(outcomes, skipped);
  }

  private ModelOutcome rule(AttributionModel model, TouchWeighting weighting) {
    return ModelOutcome.of(model, RuleBasedAttribution.attribute(model.id(), paths, weighting));
  }

  private ModelOutcome markov(AttributionModel model) {
    MarkovAttribution markov = MarkovModel.attribute(paths, model.markovOrder());
    return new ModelOutcome(model, markov.credits(), Optional.of(markov), Optional.empty());
  }

  private ModelOutcome dataDriven(AttributionModel model) {
    DataDrivenFit fit = DataDrivenAttribution.attribute(paths, settings.dataDriven());
    return new ModelOutcome(model, fit.credits(), Optional.empty(), Optional.of(fit));
  }
}

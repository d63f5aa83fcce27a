package io.triangulate.attribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The models Triangulate runs, under the names used in every output. */
public enum AttributionModel {
  LAST_TOUCH("last_touch"),
  FIRST_TOUCH("first_touch"),
  LINEAR("linear"),
  TIME_DECAY("time_decay"),
  POSITION_BASED("position_based"),
  MARKOV_1("markov_1"),
  MARKOV_2("markov_2"),
  MARKOV_3("markov_3"),
  MARKOV_4("markov_4"),
  SHAPLEY("shapley"),
  SHAPLEY_SIMPLIFIED("shapley_simplified"),
  DATA_DRIVEN("data_driven");

  private final String id;

  AttributionModel(String id) {
    this.id = id;
  }

  /** The output name, e.g. {@code markov_2}. */
  public String id() {
    return id;
  }

  /** Models that weigh touches by their age need per-touch timestamps. */
  public boolean needsTouchAges() {
    return this == TIME_DECAY;
  }

  /** The Markov chain order, or 0 for models that are not Markov chains. */
  public int markovOrder() {
    return switch (this) {
      case MARKOV_1 -> 1;
      case MARKOV_2 -> 2;
      case MARKOV_3 -> 3;
      case MARKOV_4 -> 4;
      default -> 0;
    };
  }

  public static AttributionModel fromId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (AttributionModel model : values()) {
      if (model.id.equals(wanted)) {
        return model;
      }
    }
    throw new IllegalArgumentException("unknown model '" + id + "'; allowed: " + allIds());
  }

  public static String allIds() {
    return Arrays.stream(values()).map(AttributionModel::id).collect(Collectors.joining(", "));
  }
}

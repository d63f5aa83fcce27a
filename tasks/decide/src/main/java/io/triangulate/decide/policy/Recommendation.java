package io.triangulate.decide.policy;

import java.util.Locale;

/** What to do with the campaign's budget. */
public enum Recommendation {
  INCREASE_BUDGET,
  MAINTAIN,
  MONITOR,
  REDUCE_BUDGET;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

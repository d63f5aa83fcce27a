package io.triangulate.decide.policy;

import java.util.Locale;

/** How efficiently a campaign turns spend into incremental revenue, judged with its uncertainty. */
public enum EfficiencyFlag {
  HIGH_IMPACT,
  MODERATE,
  LOW_IMPACT,
  INEFFICIENT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.triangulate.mmm.warehouse;

import java.util.Locale;

/** The period of one row of the modelling table built from the warehouse. */
public enum Grain {
  DAILY,
  /** Weeks starting on Monday; only complete weeks (7 built days) are modelled. */
  WEEKLY;

  public static Grain parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--grain must be daily or weekly, got '" + text + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Periods per calendar day, e.g. to turn a horizon in days into periods. */
  public int days() {
    return this == DAILY ? 1 : 7;
  }
}

package io.triangulate.geo.stats;

import java.util.Locale;

/** How the counterfactual of the treated unit is built from the donor markets. */
public enum GeoMethod {
  /** Synthetic control: convex donor weights (Abadie, Diamond and Hainmueller 2010). */
  SC,
  /** Ridge-augmented synthetic control (Ben-Michael, Feller and Rothstein 2021). */
  AUGSC;

  /** The lower-case name used on the command line and in output files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static GeoMethod parse(String text) {
    for (GeoMethod m : values()) {
      if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException("method must be sc or augsc, got \"" + text + "\"");
  }
}

package io.triangulate.mmm.transform;

import java.util.List;
import java.util.Locale;

/** The diminishing-returns curves Triangulate supports, with parameter names and CLI spelling. */
public enum SaturationKind {
  /** {@code x^s / (x^s + K^s)}: half-saturation K, shape s (s &gt; 1 is S-shaped). */
  HILL("hill", List.of("half_saturation", "shape")),
  /** {@code (1 − e^{−λx}) / (1 + e^{−λx})}: PyMC-Marketing's logistic saturation. */
  LOGISTIC("logistic", List.of("lambda")),
  /** {@code x / (K + x)}: concave everywhere, half-saturation K. */
  MICHAELIS_MENTEN("michaelis_menten", List.of("half_saturation"));

  private final String cliName;
  private final List<String> parameterNames;

  SaturationKind(String cliName, List<String> parameterNames) {
    this.cliName = cliName;
    this.parameterNames = parameterNames;
  }

  public String cliName() {
    return cliName;
  }

  public List<String> parameterNames() {
    return parameterNames;
  }

  public int parameterCount() {
    return parameterNames.size();
  }

  public Saturation create(double[] parameters) {
    if (parameters.length != parameterCount()) {
      throw new IllegalArgumentException(
          cliName + " saturation takes " + parameterNames + ", got " + parameters.length + " values");
    }
    return switch (this) {
      case HILL -> new HillSaturation(parameters[0], parameters[1]);
      case LOGISTIC -> new LogisticSaturation(parameters[0]);
      case MICHAELIS_MENTEN -> new MichaelisMentenSaturation(parameters[0]);
    };
  }

  /**
   * Converts parameters fitted on spend divided by {@code spendScale} to parameters on raw spend
   * (the same curve, read in the channel's own currency units).
   */
  public double[] toRawSpendUnits(double[] scaledParameters, double spendScale) {
    double[] raw = scaledParameters.clone();
    switch (this) {
      case HILL, MICHAELIS_MENTEN -> raw[0] = scaledParameters[0] * spendScale;
      case LOGISTIC -> raw[0] = scaledParameters[0] / spendScale;
    }
    return raw;
  }

  public static SaturationKind parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (SaturationKind kind : values()) {
      if (kind.cliName.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown saturation '" + text + "'; allowed: hill, logistic, michaelis_menten");
  }
}

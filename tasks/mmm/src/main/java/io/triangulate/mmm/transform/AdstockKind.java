package io.triangulate.mmm.transform;

import java.util.List;
import java.util.Locale;

/** The carryover shapes Triangulate supports, with their parameter names and CLI spelling. */
public enum AdstockKind {
  /** Weights ∝ θ^l: the effect peaks in the spend period and decays by θ per period. */
  GEOMETRIC("geometric", List.of("decay")),
  /** Weights ∝ Weibull survival S(l): flexible decay (fast-then-long-tail for shape < 1). */
  WEIBULL_CDF("weibull_cdf", List.of("shape", "scale")),
  /** Weights ∝ Weibull mass in [l, l+1): a delayed peak when shape > 1 (e.g. TV, OOH). */
  WEIBULL_PDF("weibull_pdf", List.of("shape", "scale"));

  private final String cliName;
  private final List<String> parameterNames;

  AdstockKind(String cliName, List<String> parameterNames) {
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

  public Adstock create(double[] parameters, int maxLag) {
    if (parameters.length != parameterCount()) {
      throw new IllegalArgumentException(
          cliName + " adstock takes " + parameterNames + ", got " + parameters.length + " values");
    }
    return switch (this) {
      case GEOMETRIC -> new GeometricAdstock(parameters[0], maxLag);
      case WEIBULL_CDF -> new WeibullAdstock(WeibullAdstock.Form.SURVIVAL, parameters[0], parameters[1], maxLag);
      case WEIBULL_PDF -> new WeibullAdstock(WeibullAdstock.Form.MASS, parameters[0], parameters[1], maxLag);
    };
  }

  public static AdstockKind parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (AdstockKind kind : values()) {
      if (kind.cliName.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown adstock '" + text + "'; allowed: geometric, weibull_cdf, weibull_pdf");
  }
}

package io.triangulate.attribution.seed;

import java.util.List;

/**
 * The seed analysis: OLS of purchase value per resolved person on time-decayed linear TV and
 * streaming exposure credit, with the person's platform ad touches as a control, plus residual
 * quantiles for a Q-Q plot.
 */
public record SeedAnalysis(OlsFit fit, List<QqPoint> qq, double halfLifeDays) {

  public static final List<String> PREDICTORS = List.of("tv_credit", "streaming_credit", "platform_touches");

  public SeedAnalysis {
    qq = List.copyOf(qq);
  }
}

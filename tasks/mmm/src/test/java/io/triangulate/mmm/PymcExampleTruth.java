package io.triangulate.mmm;

/**
 * The generating process of PyMC-Marketing's example dataset, as published in its "MMM Example"
 * notebook: geometric adstock with l_max = 8 (lags 0–7) and normalised weights, logistic
 * saturation, then y = amplitude·(2 + trend + seasonality + 1.5·event_1 + 2.5·event_2
 * + 3·sat(x1) + 2·sat(x2) + ε), ε ~ N(0, 0.25²). The notebook prints amplitude = 1 but the shipped
 * CSV is on a scale 1000 times larger (regressing y on the published mean gives a slope of 1002
 * and a residual sd of 242 ≈ 1000 × 0.25), so the betas here are 3000 and 2000.
 *
 * <p>True contributions were computed independently (plain Python over the CSV's x1, x2 with the
 * formulas above), not with Triangulate's own transforms.
 */
public final class PymcExampleTruth {

  public static final double DECAY_X1 = 0.4;
  public static final double DECAY_X2 = 0.2;
  public static final double LAMBDA_X1 = 4.0;
  public static final double LAMBDA_X2 = 3.0;
  public static final double BETA_X1 = 3000;
  public static final double BETA_X2 = 2000;
  public static final double NOISE_SD = 250;
  public static final double CONTRIBUTION_X1 = 275_516.80;
  public static final double CONTRIBUTION_X2 = 66_066.28;
  public static final double SPEND_X1 = 55.325602516213266;
  public static final double SPEND_X2 = 28.971148350907363;

  private PymcExampleTruth() {}

  public static double roasX1() {
    return CONTRIBUTION_X1 / SPEND_X1;
  }

  public static double roasX2() {
    return CONTRIBUTION_X2 / SPEND_X2;
  }
}

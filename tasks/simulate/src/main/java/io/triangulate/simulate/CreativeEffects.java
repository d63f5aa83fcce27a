package io.triangulate.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The world's true creative model: how a creative's features move its click-through rate and its
 * lift, on the log scale, plus an idiosyncratic part no feature explains (execution quality).
 * Multipliers are normalised to mean 1 within each campaign, so a campaign's average CTR and lift
 * stay what its channel and lift kind say and only the split between its creatives changes; the
 * creative-insights analysis has to recover the ranking and the feature effects from the logs.
 *
 * <p>The coefficients are the truth the creative-insights regression is scored against
 * ({@code truth.creative_params} records every creative's multipliers).
 */
final class CreativeEffects {

  /** Calls to action, in the order of their draw. */
  static final List<String> CALLS_TO_ACTION = List.of("Shop now", "Get the offer", "Learn more", "Add to basket");

  static final Map<String, Double> CTA_CTR = Map.of("Shop now", 0.0, "Get the offer", 0.25, "Learn more", -0.2, "Add to basket", 0.1);
  static final Map<String, Double> CTA_LIFT = Map.of("Shop now", 0.1, "Get the offer", -0.1, "Learn more", -0.2, "Add to basket", 0.15);
  /** By the primary image tag: discounts are clicked, product shots convert. */
  static final Map<String, Double> TAG_CTR = Map.of("discount", 0.2, "lifestyle", -0.1, "product", 0.0);
  static final Map<String, Double> TAG_LIFT = Map.of("discount", -0.15, "lifestyle", 0.05, "product", 0.25);
  /** Per second of video beyond 15 s: longer videos are clicked less but persuade more. */
  static final double LENGTH_CTR_PER_SECOND = -0.015;
  static final double LENGTH_LIFT_PER_SECOND = 0.01;
  /** Video lengths a video creative draws from. */
  static final int[] VIDEO_LENGTHS = {6, 15, 30};
  /** Log-scale SD of the part of a creative's effect that its features do not explain. */
  static final double IDIOSYNCRATIC_SD = 0.1;

  private CreativeEffects() {}

  static boolean video(String format) {
    return format.contains("video");
  }

  static double logCtr(String cta, String primaryTag, int lengthSeconds, double noise) {
    double length = lengthSeconds > 0 ? LENGTH_CTR_PER_SECOND * (lengthSeconds - 15) : 0.0;
    return CTA_CTR.get(cta) + TAG_CTR.get(primaryTag) + length + IDIOSYNCRATIC_SD * noise;
  }

  static double logLift(String cta, String primaryTag, int lengthSeconds, double noise) {
    double length = lengthSeconds > 0 ? LENGTH_LIFT_PER_SECOND * (lengthSeconds - 15) : 0.0;
    return CTA_LIFT.get(cta) + TAG_LIFT.get(primaryTag) + length + IDIOSYNCRATIC_SD * noise;
  }

  /** exp of each value, divided by their mean: multipliers of mean exactly 1. */
  static double[] normalised(double[] logValues) {
    double[] result = new double[logValues.length];
    double sum = 0;
    for (int k = 0; k < logValues.length; k++) {
      result[k] = StrictMath.exp(logValues[k]);
      sum += result[k];
    }
    for (int k = 0; k < result.length; k++) {
      result[k] = result[k] * result.length / sum;
    }
    return result;
  }

  static List<Creative> withMultipliers(List<Creative> drafts, double[] logCtr, double[] logLift) {
    double[] ctr = normalised(logCtr);
    double[] lift = normalised(logLift);
    List<Creative> result = new ArrayList<>();
    for (int k = 0; k < drafts.size(); k++) {
      Creative d = drafts.get(k);
      result.add(new Creative(d.id(), d.campaignId(), d.name(), d.format(), d.headline(), d.tags(), d.callToAction(),
          d.lengthSeconds(), ctr[k], lift[k]));
    }
    return List.copyOf(result);
  }
}

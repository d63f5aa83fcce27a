package io.triangulate.evaluate;

import java.util.List;

/** Summary of how often intervals contain the truth, and how far point estimates are from it. */
public record Coverage(int campaigns, int covered, int revenueCovered, double meanAbsoluteError) {

  public static Coverage of(List<CampaignScore> scores) {
    int covered = (int) scores.stream().filter(CampaignScore::covered).count();
    int revenue = (int) scores.stream().filter(CampaignScore::revenueCovered).count();
    double mae = scores.stream().mapToDouble(s -> Math.abs(s.error())).average().orElse(Double.NaN);
    return new Coverage(scores.size(), covered, revenue, mae);
  }

  public double share() {
    return campaigns == 0 ? Double.NaN : (double) covered / campaigns;
  }

  public double revenueShare() {
    return campaigns == 0 ? Double.NaN : (double) revenueCovered / campaigns;
  }
}

package io.triangulate.evaluate;

/** One campaign's estimate against the simulator's truth. */
public record CampaignScore(
    String campaignId,
    double trueIncrementalOrders,
    double estIncrementalOrders,
    double ciLow,
    double ciHigh,
    double trueIncrementalRevenue,
    double estIncrementalRevenue,
    double revenueCiLow,
    double revenueCiHigh) {

  public boolean covered() {
    return ciLow <= trueIncrementalOrders && trueIncrementalOrders <= ciHigh;
  }

  public boolean revenueCovered() {
    return revenueCiLow <= trueIncrementalRevenue && trueIncrementalRevenue <= revenueCiHigh;
  }

  public double error() {
    return estIncrementalOrders - trueIncrementalOrders;
  }
}

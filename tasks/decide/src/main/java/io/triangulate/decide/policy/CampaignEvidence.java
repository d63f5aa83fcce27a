package io.triangulate.decide.policy;

/**
 * What is known about one campaign at the decision date: delivery and attributed results to date,
 * and the experiment's measured lift with its interval. Lift fields are NaN when no experiment
 * estimate exists.
 */
public record CampaignEvidence(
    String campaignId,
    String campaignName,
    String channel,
    double spend,
    double attributedRevenue,
    long treatedMembers,
    double absLift,
    double absLiftCiLow,
    double absLiftCiHigh,
    double pValue,
    double incrementalRevenue,
    double incrementalRoas,
    double incrementalRoasCiLow,
    double incrementalRoasCiHigh,
    double srmPValue) {

  /** Evidence without a sample-ratio check. */
  public CampaignEvidence(
      String campaignId, String campaignName, String channel, double spend, double attributedRevenue,
      long treatedMembers, double absLift, double absLiftCiLow, double absLiftCiHigh, double pValue,
      double incrementalRevenue, double incrementalRoas, double incrementalRoasCiLow, double incrementalRoasCiHigh) {
    this(campaignId, campaignName, channel, spend, attributedRevenue, treatedMembers, absLift, absLiftCiLow,
        absLiftCiHigh, pValue, incrementalRevenue, incrementalRoas, incrementalRoasCiLow, incrementalRoasCiHigh,
        Double.NaN);
  }

  /** True when the arms' sizes are too unlikely under the planned split: the experiment is broken. */
  public boolean sampleRatioMismatch(double maxPValue) {
    return srmPValue < maxPValue;
  }

  public double attributedRoas() {
    return spend > 0 ? attributedRevenue / spend : Double.NaN;
  }

  /** Attributed revenue per unit of incremental revenue; NaN when nothing incremental was measured. */
  public double overAttribution() {
    return incrementalRevenue > 0 ? attributedRevenue / incrementalRevenue : Double.NaN;
  }

  public boolean liftSignificantlyPositive() {
    return absLiftCiLow > 0;
  }

  public boolean liftSignificantlyNegative() {
    return absLiftCiHigh < 0;
  }
}

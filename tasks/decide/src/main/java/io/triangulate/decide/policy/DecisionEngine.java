package io.triangulate.decide.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns campaign evidence into ranked decisions. Everything rests on the experiment's interval:
 * a campaign is only called high impact or moderate when its lift is significantly positive, and
 * budget is never increased on a lift whose interval includes zero, nor on an experiment whose arms
 * fail the sample-ratio check (its randomisation or logging is broken, so its lift is not evidence).
 */
public final class DecisionEngine {

  private final DecisionPolicy policy;

  public DecisionEngine(DecisionPolicy policy) {
    this.policy = policy;
  }

  public DecisionPolicy policy() {
    return policy;
  }

  public List<CampaignDecision> decide(List<CampaignEvidence> campaigns) {
    List<CampaignEvidence> ranked = new ArrayList<>(campaigns);
    ranked.sort(BY_INCREMENTAL_ROAS);
    List<CampaignDecision> decisions = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      decisions.add(decideOne(ranked.get(i), i + 1));
    }
    return decisions;
  }

  /** Highest incremental ROAS first; campaigns without an estimate last; id breaks ties. */
  static final Comparator<CampaignEvidence> BY_INCREMENTAL_ROAS =
      Comparator.<CampaignEvidence>comparingInt(e -> Double.isNaN(e.incrementalRoas()) ? 1 : 0)
          .thenComparing(e -> Double.isNaN(e.incrementalRoas()) ? 0 : -e.incrementalRoas())
          .thenComparing(CampaignEvidence::campaignId);

  CampaignDecision decideOne(CampaignEvidence e, int rank) {
    CampaignDecision decision = decideOnLift(e, rank);
    if (e.sampleRatioMismatch(policy.srmMaxPValue()) && decision.recommendation() == Recommendation.INCREASE_BUDGET) {
      return new CampaignDecision(
          e, rank, decision.flag(), Recommendation.MONITOR, 0,
          String.format(Locale.ROOT, "Sample-ratio mismatch (p = %.2g < %s): the exposed arms do not match the planned"
              + " holdout, so the measured lift is not trustworthy; fix assignment or ghost-ad logging before scaling."
              + " Without it: %s", e.srmPValue(), policy.srmMaxPValue(), decision.reason()));
    }
    return decision;
  }

  private CampaignDecision decideOnLift(CampaignEvidence e, int rank) {
    String lift = describeLift(e);
    if (Double.isNaN(e.absLift()) || e.treatedMembers() < policy.minTreatedMembers()) {
      return new CampaignDecision(
          e, rank, EfficiencyFlag.LOW_IMPACT, Recommendation.MONITOR, 0,
          String.format(Locale.ROOT, "Too early to judge: %,d exposed treated members (need %,d); keep the holdout running.",
              e.treatedMembers(), policy.minTreatedMembers()));
    }
    if (e.liftSignificantlyNegative()) {
      return new CampaignDecision(
          e, rank, EfficiencyFlag.INEFFICIENT, Recommendation.REDUCE_BUDGET, -policy.reduceShareHarmful() * e.spend(),
          "Ads reduce purchases: " + lift + "; cut spend and review targeting and creative.");
    }
    if (e.liftSignificantlyPositive()) {
      String roas = describeRoas(e);
      if (e.incrementalRoas() >= policy.highImpactMinIroas()) {
        return new CampaignDecision(
            e, rank, EfficiencyFlag.HIGH_IMPACT, Recommendation.INCREASE_BUDGET, policy.increaseShare() * e.spend(),
            "Proven incremental and efficient: " + lift + ", " + roas + "; scale up.");
      }
      if (e.incrementalRoas() >= policy.breakevenIroas()) {
        return new CampaignDecision(
            e, rank, EfficiencyFlag.MODERATE, Recommendation.MAINTAIN, 0,
            "Incremental but near breakeven: " + lift + ", " + roas + "; keep spend as is.");
      }
      return new CampaignDecision(
          e, rank, EfficiencyFlag.INEFFICIENT, Recommendation.REDUCE_BUDGET, -policy.reduceShare() * e.spend(),
          "Incremental but returns less than it costs: " + lift + ", " + roas + "; reduce spend.");
    }
    if (e.incrementalRoasCiHigh() < policy.inefficientMaxIroasHigh()) {
      return new CampaignDecision(
          e, rank, EfficiencyFlag.INEFFICIENT, Recommendation.REDUCE_BUDGET, -policy.reduceShare() * e.spend(),
          "No measurable lift: " + lift + "; even the interval's best case returns "
              + fmt(e.incrementalRoasCiHigh()) + " per unit spent; reduce spend.");
    }
    return new CampaignDecision(
        e, rank, EfficiencyFlag.LOW_IMPACT, Recommendation.MONITOR, 0,
        "Lift not distinguishable from zero: " + lift + "; do not scale, keep measuring.");
  }

  private static String describeLift(CampaignEvidence e) {
    return String.format(
        Locale.ROOT, "lift %+.2f pp (95%% CI %+.2f to %+.2f)", 100 * e.absLift(), 100 * e.absLiftCiLow(), 100 * e.absLiftCiHigh());
  }

  private static String describeRoas(CampaignEvidence e) {
    return String.format(
        Locale.ROOT, "incremental ROAS %s (95%% CI %s to %s) vs attributed %s",
        fmt(e.incrementalRoas()), fmt(e.incrementalRoasCiLow()), fmt(e.incrementalRoasCiHigh()), fmt(e.attributedRoas()));
  }

  private static String fmt(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
  }
}

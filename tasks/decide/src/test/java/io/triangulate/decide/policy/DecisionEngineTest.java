package io.triangulate.decide.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  private static final DecisionPolicy POLICY = new DecisionPolicy(500, 1.5, 1.0, 0.5, 0.20, 0.30, 0.50, 0.001);
  private final DecisionEngine engine = new DecisionEngine(POLICY);

  /** Evidence with spend 1000 and attributed revenue 5000 (attributed ROAS 5). */
  private static CampaignEvidence campaign(
      String id, long treated, double lift, double lo, double hi, double iroas, double iroasLo, double iroasHi) {
    return new CampaignEvidence(id, "name " + id, "email", 1000, 5000, treated, lift, lo, hi, 0.01,
        iroas * 1000, iroas, iroasLo, iroasHi);
  }

  @Test
  void significantEfficientLiftIsHighImpactAndScalesByTheIncreaseShare() {
    CampaignDecision d = engine.decideOne(campaign("C1", 5000, 0.01, 0.004, 0.016, 2.5, 1.0, 4.0), 1);
    assertEquals(EfficiencyFlag.HIGH_IMPACT, d.flag());
    assertEquals(Recommendation.INCREASE_BUDGET, d.recommendation());
    assertEquals(200.0, d.budgetChange(), 1e-12); // 0.20 × 1000
  }

  @Test
  void liftIntervalStraddlingZeroNeverIncreasesBudgetEvenWithAHighPointEstimate() {
    CampaignDecision d = engine.decideOne(campaign("C2", 5000, 0.01, -0.001, 0.021, 3.0, -0.3, 6.3), 1);
    assertEquals(EfficiencyFlag.LOW_IMPACT, d.flag());
    assertEquals(Recommendation.MONITOR, d.recommendation());
    assertEquals(0.0, d.budgetChange());
  }

  @Test
  void significantButBelowBreakevenIsInefficient() {
    CampaignDecision d = engine.decideOne(campaign("C3", 5000, 0.002, 0.0005, 0.0035, 0.6, 0.15, 1.05), 1);
    assertEquals(EfficiencyFlag.INEFFICIENT, d.flag());
    assertEquals(-300.0, d.budgetChange(), 1e-12); // -0.30 × 1000
  }

  @Test
  void significantNegativeLiftCutsByTheHarmfulShare() {
    CampaignDecision d = engine.decideOne(campaign("C4", 5000, -0.006, -0.01, -0.002, -1.5, -2.5, -0.5), 1);
    assertEquals(EfficiencyFlag.INEFFICIENT, d.flag());
    assertEquals(Recommendation.REDUCE_BUDGET, d.recommendation());
    assertEquals(-500.0, d.budgetChange(), 1e-12);
  }

  @Test
  void flatLiftWhoseBestCaseCannotPayIsInefficient() {
    CampaignDecision d = engine.decideOne(campaign("C5", 5000, 0.0, -0.002, 0.002, 0.0, -0.4, 0.4), 1);
    assertEquals(EfficiencyFlag.INEFFICIENT, d.flag());
  }

  @Test
  void moderateWhenSignificantBetweenBreakevenAndHighImpact() {
    CampaignDecision d = engine.decideOne(campaign("C6", 5000, 0.005, 0.001, 0.009, 1.2, 0.3, 2.1), 1);
    assertEquals(EfficiencyFlag.MODERATE, d.flag());
    assertEquals(Recommendation.MAINTAIN, d.recommendation());
  }

  /** The evidence of {@link #campaign} with a sample-ratio p-value. */
  private static CampaignEvidence withSrm(CampaignEvidence e, double srmPValue) {
    return new CampaignEvidence(e.campaignId(), e.campaignName(), e.channel(), e.spend(), e.attributedRevenue(),
        e.treatedMembers(), e.absLift(), e.absLiftCiLow(), e.absLiftCiHigh(), e.pValue(), e.incrementalRevenue(),
        e.incrementalRoas(), e.incrementalRoasCiLow(), e.incrementalRoasCiHigh(), srmPValue);
  }

  @Test
  void aSampleRatioMismatchIsNeverScaledUpHoweverGoodTheLift() {
    CampaignEvidence good = campaign("C8", 5000, 0.01, 0.004, 0.016, 2.5, 1.0, 4.0);
    // p = 0.0009 is below the policy's 0.001: flagged, monitor instead of +20%.
    CampaignDecision flagged = engine.decideOne(withSrm(good, 0.0009), 1);
    assertEquals(Recommendation.MONITOR, flagged.recommendation());
    assertEquals(0.0, flagged.budgetChange());
    assertTrue(flagged.reason().startsWith("Sample-ratio mismatch (p = 0.00090 < 0.001)"), flagged.reason());
    // p = 0.001 is not below it, and an unchecked campaign (NaN) is not flagged: both scale up.
    assertEquals(Recommendation.INCREASE_BUDGET, engine.decideOne(withSrm(good, 0.001), 1).recommendation());
    assertEquals(Recommendation.INCREASE_BUDGET, engine.decideOne(good, 1).recommendation());
    // A flagged harmful campaign is still cut: the check only blocks scaling up.
    CampaignEvidence harmful = campaign("C9", 5000, -0.006, -0.01, -0.002, -1.5, -2.5, -0.5);
    assertEquals(Recommendation.REDUCE_BUDGET, engine.decideOne(withSrm(harmful, 1e-9), 1).recommendation());
  }

  @Test
  void tooFewTreatedMembersIsMonitorWhateverTheLift() {
    CampaignDecision d = engine.decideOne(campaign("C7", 499, 0.05, 0.03, 0.07, 9.0, 5.0, 13.0), 1);
    assertEquals(Recommendation.MONITOR, d.recommendation());
  }

  @Test
  void rankingIsByIncrementalRoasWithMissingEstimatesLast() {
    List<CampaignDecision> ranked =
        engine.decide(
            List.of(
                campaign("A", 5000, 0.01, 0.004, 0.016, 1.1, 0.4, 1.8),
                campaign("B", 5000, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                campaign("C", 5000, 0.01, 0.004, 0.016, 2.5, 1.0, 4.0)));
    assertEquals(List.of("C", "A", "B"), ranked.stream().map(d -> d.evidence().campaignId()).toList());
    assertEquals(List.of(1, 2, 3), ranked.stream().map(CampaignDecision::incrementalityRank).toList());
  }

  @Test
  void overAttributionIsAttributedOverIncrementalRevenue() {
    CampaignEvidence e = campaign("C", 5000, 0.01, 0.004, 0.016, 2.5, 1.0, 4.0); // incremental 2500
    assertEquals(2.0, e.overAttribution(), 1e-12);
    assertEquals(5.0, e.attributedRoas(), 1e-12);
  }
}

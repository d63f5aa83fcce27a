package io.triangulate.decide.policy;

/** The decision for one campaign: its rank by incrementality, flag, recommendation and why. */
public record CampaignDecision(
    CampaignEvidence evidence,
    int incrementalityRank,
    EfficiencyFlag flag,
    Recommendation recommendation,
    double budgetChange,
    String reason) {}

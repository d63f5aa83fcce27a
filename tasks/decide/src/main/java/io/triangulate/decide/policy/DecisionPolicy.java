package io.triangulate.decide.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigLoader;

/** {@code configs/decisions.yaml}, validated: the thresholds behind flags and recommendations. */
public record DecisionPolicy(
    int minTreatedMembers,
    double highImpactMinIroas,
    double breakevenIroas,
    double inefficientMaxIroasHigh,
    double increaseShare,
    double reduceShare,
    double reduceShareHarmful,
    // Jackson's snake_case would spell it srm_max_pvalue.
    @JsonProperty("srm_max_p_value") double srmMaxPValue) {

  public static final String FILE = "decisions.yaml";

  public DecisionPolicy {
    Check.range("min_treated_members", minTreatedMembers, 0, 100_000_000);
    Check.range("high_impact_min_iroas", highImpactMinIroas, 0, 1000);
    Check.range("breakeven_iroas", breakevenIroas, 0, 1000);
    Check.range("inefficient_max_iroas_high", inefficientMaxIroasHigh, 0, 1000);
    Check.that(
        breakevenIroas <= highImpactMinIroas,
        "breakeven_iroas (" + breakevenIroas + ") must not exceed high_impact_min_iroas (" + highImpactMinIroas + ")");
    Check.range("increase_share", increaseShare, 0, 10);
    Check.range("reduce_share", reduceShare, 0, 1);
    Check.range("reduce_share_harmful", reduceShareHarmful, 0, 1);
    Check.range("srm_max_p_value", srmMaxPValue, 0, 0.5);
  }

  public static DecisionPolicy load(ConfigLoader loader) {
    return loader.load(FILE, DecisionPolicy.class);
  }
}

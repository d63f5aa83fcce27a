package io.triangulate.simulate;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the simulated world yields over a period when each channel's spend is scaled: the expected
 * orders and revenue of all advertisers (platform transactions plus brand-site web purchases, no
 * purchase sampling noise) and the spend per channel. See {@link Simulator#expectedOutcome}.
 *
 * @param from first day of the period
 * @param to last day of the period, inclusive
 * @param orders expected orders: Σ over days, advertisers and members of the purchase probability
 * @param revenue expected revenue: the same weighted by each member's expected order value
 * @param spendByChannel spend per channel over the period (every configured onsite channel and
 *     every brand channel, 0 where nothing was bought), in channel order
 */
public record ExpectedOutcome(LocalDate from, LocalDate to, double orders, double revenue, Map<String, Double> spendByChannel) {

  public ExpectedOutcome {
    spendByChannel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spendByChannel));
  }

  /** Spend over every channel. */
  public double totalSpend() {
    return spendByChannel.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}

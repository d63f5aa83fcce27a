package io.triangulate.experiments.lift;

import io.triangulate.experiments.stats.BinaryArm;
import io.triangulate.experiments.stats.ContinuousArm;

/**
 * Sufficient statistics of one experiment arm as the warehouse aggregates them: members, members who
 * converted, and sums (and sums of squares over members) of orders and revenue.
 */
public record ArmTotals(
    long members, long converters, long orders, long ordersSquared, double revenue, double revenueSquared) {

  /** Rejects totals no real arm can have, so a broken aggregate fails before any lift is written. */
  public ArmTotals {
    if (members < 0 || converters < 0 || converters > members) {
      throw new IllegalArgumentException(
          "impossible arm: members=" + members + ", converters=" + converters + " (need 0 <= converters <= members)");
    }
    if (orders < 0 || ordersSquared < 0 || !Double.isFinite(revenue) || !(revenueSquared >= 0)) {
      throw new IllegalArgumentException(
          "impossible arm: orders=" + orders + ", orders_sq=" + ordersSquared + ", revenue=" + revenue
              + ", revenue_sq=" + revenueSquared);
    }
  }

  /** An arm with no members, standing in for an arm the warehouse has no row for. */
  public static final ArmTotals EMPTY = new ArmTotals(0, 0, 0, 0, 0, 0);

  public BinaryArm conversions() {
    return new BinaryArm(members, converters);
  }

  public ContinuousArm ordersPerMember() {
    return new ContinuousArm(members, orders, ordersSquared);
  }

  public ContinuousArm revenuePerMember() {
    return new ContinuousArm(members, revenue, revenueSquared);
  }
}

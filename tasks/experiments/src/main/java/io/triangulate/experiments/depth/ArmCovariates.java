package io.triangulate.experiments.depth;

/**
 * One arm's sums beyond {@link io.triangulate.experiments.lift.ArmTotals}, as
 * marts.fct_experiment_stats aggregates them: the CUPED covariate X (a member's orders of the
 * advertiser in the pre-period) with its square and its cross-products with the outcomes, and
 * Σ revenue·orders for the delta method's revenue per order.
 */
public record ArmCovariates(
    long preOrders, long preOrdersSquared, long preOrdersTimesConverted, long preOrdersTimesOrders, double revenueTimesOrders) {

  public static final ArmCovariates EMPTY = new ArmCovariates(0, 0, 0, 0, 0);

  public ArmCovariates {
    if (preOrders < 0 || preOrdersSquared < 0 || preOrdersTimesConverted < 0 || preOrdersTimesOrders < 0
        || !(revenueTimesOrders >= 0) || Double.isInfinite(revenueTimesOrders)) {
      throw new IllegalArgumentException(
          "impossible covariate sums: pre_orders=" + preOrders + ", pre_orders_sq=" + preOrdersSquared
              + ", pre_orders_x_converted=" + preOrdersTimesConverted + ", pre_orders_x_orders=" + preOrdersTimesOrders
              + ", revenue_x_orders=" + revenueTimesOrders + " (all must be >= 0)");
    }
  }
}

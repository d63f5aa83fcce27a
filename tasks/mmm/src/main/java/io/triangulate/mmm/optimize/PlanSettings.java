package io.triangulate.mmm.optimize;

import java.util.Map;

/**
 * How a plan is framed.
 *
 * @param referencePeriods current spend = mean spend per period over this many latest periods
 * @param horizonPeriods the plan's length; budgets and revenues are totals over it
 * @param bounds per-channel bounds; channels not listed get {@code defaultBounds}
 */
public record PlanSettings(int referencePeriods, int horizonPeriods, Map<String, ChannelBounds> bounds, ChannelBounds defaultBounds) {

  public PlanSettings {
    if (referencePeriods < 1 || horizonPeriods < 1) {
      throw new IllegalArgumentException("reference and horizon periods must be ≥ 1");
    }
    bounds = Map.copyOf(bounds);
  }

  public static PlanSettings defaults() {
    return new PlanSettings(52, 52, Map.of(), ChannelBounds.defaults());
  }
}

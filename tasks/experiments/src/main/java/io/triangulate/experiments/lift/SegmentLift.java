package io.triangulate.experiments.lift;

import io.triangulate.experiments.stats.MeanComparison;
import io.triangulate.experiments.stats.ProportionComparison;
import io.triangulate.experiments.stats.RoasEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measured effect of a campaign (segment): on conversion, on orders and on revenue, scaled to
 * the members it treated, and per unit of spend.
 *
 * @param incrementalConversions absolute conversion lift × treated members
 * @param orders orders per member; its incremental total is the campaign's incremental orders
 * @param revenue revenue per member; its incremental total is the campaign's incremental revenue
 * @param spend campaign spend to date; only for the whole campaign (a segment's share of spend is
 *     not known)
 * @param incrementalRoas incremental revenue / spend; empty without spend or when spend is 0
 */
public record SegmentLift(
    SegmentKey key,
    ArmTotals treated,
    ArmTotals control,
    ProportionComparison conversions,
    double incrementalConversions,
    MeanComparison orders,
    MeanComparison revenue,
    OptionalDouble spend,
    Optional<RoasEstimate> incrementalRoas) {

  /** Why some values are undefined, each prefixed with the measure it concerns. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    conversions.notes().forEach(n -> notes.add("conversions: " + n));
    orders.notes().forEach(n -> notes.add("orders: " + n));
    revenue.notes().forEach(n -> notes.add("revenue: " + n));
    return notes;
  }
}

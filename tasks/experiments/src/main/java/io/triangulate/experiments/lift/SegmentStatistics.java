package io.triangulate.experiments.lift;

/** Both arms of one campaign segment: the input of a lift estimate. */
public record SegmentStatistics(SegmentKey key, ArmTotals treated, ArmTotals control) {}

package io.triangulate.geo.stats;

import java.time.LocalDate;

/**
 * One period of a geo analysis, in totals over the treated locations: observed and synthetic
 * outcome, their difference, and (test periods only) the effect cumulated from the test start. Bands
 * are pointwise: see {@link GeoAnalyzer} for how they are built. Pre-period rows have NaN
 * cumulative values and bands from the same residual quantile as the test rows.
 */
public record PeriodEffect(
    LocalDate date,
    boolean test,
    double treated,
    double synthetic,
    double effect,
    double effectLow,
    double effectHigh,
    double cumulative,
    double cumulativeLow,
    double cumulativeHigh) {}

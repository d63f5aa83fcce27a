package io.triangulate.geo.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of one geo test analysis. The treated locations are analysed as one unit, their mean
 * per period; totals (incremental outcome, the per-period series) are that mean times the number of
 * treated locations, i.e. sums over them.
 *
 * @param att average effect per treated location and test period, with its conformal interval
 * @param incremental total effect over the treated locations and the test window
 * @param lift incremental over the synthetic (counterfactual) total, 0.05 = +5%
 * @param incrementalSpend spend change behind the effect (NaN when unknown)
 * @param iroas incremental outcome per unit of incremental spend (null when spend is unknown or ≤ 0)
 * @param pValue conformal p-value of "no effect in any test period"
 * @param lambda ridge penalty of AUGSC (NaN for SC)
 * @param intervalBounded false when the interval search hit its limit (the set may be wider)
 */
public record GeoAnalysis(
    GeoMethod method,
    double confidence,
    List<String> treated,
    LocalDate testStart,
    LocalDate testEnd,
    int prePeriods,
    int testPeriods,
    Estimate att,
    Estimate incremental,
    Estimate lift,
    double incrementalSpend,
    Estimate iroas,
    double pValue,
    double lambda,
    boolean intervalBounded,
    PreFit preFit,
    List<PeriodEffect> periods) {}

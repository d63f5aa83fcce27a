package io.triangulate.experiments.stats;

/**
 * A planned two-arm test: how many units each arm needs, the effect it can detect and how long it
 * runs.
 *
 * @param treatedN units in the treated arm
 * @param controlN units in the control (holdout) arm
 * @param mdeAbsolute minimum detectable effect (rate points for proportions, outcome units for
 *     means) at the stated power and alpha for these arm sizes
 * @param mdeRelative mdeAbsolute / baseline (NaN when the baseline is 0)
 * @param days whole days to reach treatedN + controlN at the given eligible units per day; NaN when
 *     no daily volume was given
 * @param baseline baseline rate or mean of the control
 * @param alpha two-sided significance level
 * @param power probability of rejecting when the true effect is mdeAbsolute
 * @param controlShare holdout share of the units (as planned; from the sizes for an MDE of given sizes)
 */
public record DesignResult(
    long treatedN,
    long controlN,
    double mdeAbsolute,
    double mdeRelative,
    double days,
    double baseline,
    double alpha,
    double power,
    double controlShare) {}

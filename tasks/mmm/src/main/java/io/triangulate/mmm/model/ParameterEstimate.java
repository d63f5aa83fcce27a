package io.triangulate.mmm.model;

/**
 * One fitted parameter for {@code parameters.csv}. Saturation parameters are reported on the
 * channel's raw spend (e.g. logistic λ per currency unit); {@code beta} in target units per
 * period. {@code rhat}/{@code ess} are NaN for ridge; {@code low}/{@code high} bound a 90% interval
 * where one exists.
 */
public record ParameterEstimate(
    String model, String parameter, double estimate, double low, double high, double rhat, double ess) {}

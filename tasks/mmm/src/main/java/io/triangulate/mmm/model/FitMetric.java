package io.triangulate.mmm.model;

/** One row of {@code fit_metrics.csv}: {@code model, metric, value}. */
public record FitMetric(String model, String metric, double value) {}

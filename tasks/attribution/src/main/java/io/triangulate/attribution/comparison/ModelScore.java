package io.triangulate.attribution.comparison;

/**
 * How far one model is from the experiments over every experimented campaign.
 *
 * @param meanAbsError mean over campaigns of |credited conversions − incremental orders|
 * @param attributionRatio total credited / total incremental orders
 * @param withinInterval campaigns whose credit lies inside the experiment's interval
 * @param rank 1 for the model with the smallest mean absolute error
 */
public record ModelScore(
    String model,
    int campaigns,
    double meanAbsError,
    double creditedTotal,
    double incrementalTotal,
    double attributionRatio,
    int withinInterval,
    int rank) {}

package io.triangulate.attribution.datadriven;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.CreditTally;
import io.triangulate.attribution.PathSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.classification.LogisticRegression;

/**
 * Data-driven attribution: a logistic regression of conversion on touchpoint features (Smile),
 * fitted on a seeded share of the journeys and scored (AUC) on the rest, then credit by
 * counterfactual removal.
 *
 * <p>For each converting path, the lift of channel c is p(path) − p(path without c's touches),
 * floored at 0 (a channel the model finds harmful earns nothing rather than negative credit). The
 * path's conversions and value are split over its channels in proportion to those lifts, so credit
 * adds up to observed conversions. When no channel of a path shows lift, the path's outcome is split
 * equally among its distinct channels, as the model has nothing to say about it.
 */
public final class DataDrivenAttribution {

  private static final double TOLERANCE = 1e-6;
  private static final int MAX_ITERATIONS = 500;

  private DataDrivenAttribution() {}

  public static DataDrivenFit attribute(PathSet paths, DataDrivenSettings settings) {
    TouchFeatures touchFeatures = new TouchFeatures(paths.channelCount());
    List<double[]> features = new ArrayList<>(paths.size());
    for (ConversionPath path : paths.paths()) {
      features.add(touchFeatures.of(path));
    }
    JourneySplit split = JourneySplit.of(paths, features, settings);
    LogisticRegression.Binomial model = fit(split, settings);

    double[] scores = new double[paths.size()];
    for (int p = 0; p < scores.length; p++) {
      scores[p] = model.score(features.get(p));
    }
    double auc = WeightedAuc.of(scores, split.heldOutConversions, split.heldOutNulls);

    CreditTally tally = new CreditTally(paths.channelCount());
    for (int p = 0; p < scores.length; p++) {
      ConversionPath path = paths.paths().get(p);
      if (path.conversions() > 0 || path.value() > 0) {
        creditPath(path, features.get(p), scores[p], model, touchFeatures, tally);
      }
    }

    List<String> names = new ArrayList<>(TouchFeatures.names(paths.channels()));
    names.add("intercept");
    List<Double> coefficients = new ArrayList<>();
    for (double w : model.coefficients()) {
      coefficients.add(w);
    }
    return new DataDrivenFit(tally.toCredits("data_driven", paths), auc, split.trainingFeatures.size(),
        split.heldOutJourneys, names, coefficients);
  }

  private static LogisticRegression.Binomial fit(JourneySplit split, DataDrivenSettings settings) {
    int rows = split.trainingFeatures.size();
    int[] labels = new int[rows];
    boolean anyPositive = false;
    boolean anyNegative = false;
    for (int i = 0; i < rows; i++) {
      labels[i] = split.trainingLabels.get(i);
      anyPositive |= labels[i] == 1;
      anyNegative |= labels[i] == 0;
    }
    if (!anyPositive || !anyNegative) {
      throw new IllegalArgumentException(
          "data_driven needs converting and non-converting journeys in training; got " + rows + " journeys of one kind");
    }
    double[][] x = split.trainingFeatures.toArray(new double[0][]);
    return LogisticRegression.binomial(x, labels, settings.ridge(), TOLERANCE, MAX_ITERATIONS);
  }

  private static void creditPath(ConversionPath path, double[] features, double score,
      LogisticRegression.Binomial model, TouchFeatures touchFeatures, CreditTally tally) {
    int[] channels = distinct(path.channels());
    double[] lift = new double[channels.length];
    double totalLift = 0;
    for (int i = 0; i < channels.length; i++) {
      lift[i] = Math.max(0.0, score - model.score(touchFeatures.without(features, channels[i])));
      totalLift += lift[i];
    }
    for (int i = 0; i < channels.length; i++) {
      double fraction = totalLift > 0 ? lift[i] / totalLift : 1.0 / channels.length;
      tally.credit(channels[i], fraction, path);
    }
  }

  private static int[] distinct(int[] channels) {
    return Arrays.stream(channels).distinct().toArray();
  }
}

package io.triangulate.attribution.datadriven;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expands aggregated paths into journeys and splits them, at random with a fixed seed, into
 * training rows (one per journey, sharing the path's feature array) and held-out counts per path.
 * Counts are rounded to whole journeys. When training would exceed the row cap, training journeys
 * are kept with a common probability; thinning both classes alike leaves the coefficients unbiased.
 */
final class JourneySplit {

  final List<double[]> trainingFeatures = new ArrayList<>();
  final List<Integer> trainingLabels = new ArrayList<>();
  /** Per path: the held-out journeys that converted and that did not. */
  final double[] heldOutConversions;
  final double[] heldOutNulls;
  long heldOutJourneys;

  private JourneySplit(int paths) {
    heldOutConversions = new double[paths];
    heldOutNulls = new double[paths];
  }

  static JourneySplit of(PathSet paths, List<double[]> features, DataDrivenSettings settings) {
    JourneySplit split = new JourneySplit(paths.size());
    double journeys = 0;
    for (ConversionPath path : paths.paths()) {
      journeys += Math.round(path.conversions()) + Math.round(path.nulls());
    }
    double expectedTraining = journeys * (1 - settings.heldOutFraction());
    double keep = Math.min(1.0, settings.maxTrainingRows() / Math.max(1.0, expectedTraining));
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (int p = 0; p < paths.size(); p++) {
      ConversionPath path = paths.paths().get(p);
      split.assign(p, features.get(p), 1, Math.round(path.conversions()), random, settings.heldOutFraction(), keep);
      split.assign(p, features.get(p), 0, Math.round(path.nulls()), random, settings.heldOutFraction(), keep);
    }
    return split;
  }

  private void assign(int path, double[] features, int label, long journeys, SplittableRandom random,
      double heldOutFraction, double keep) {
    for (long j = 0; j < journeys; j++) {
      if (random.nextDouble() < heldOutFraction) {
        if (label == 1) {
          heldOutConversions[path]++;
        } else {
          heldOutNulls[path]++;
        }
        heldOutJourneys++;
      } else if (keep >= 1.0 || random.nextDouble() < keep) {
        trainingFeatures.add(features);
        trainingLabels.add(label);
      }
    }
  }
}

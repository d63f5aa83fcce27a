package io.triangulate.mmm.synthetic;

import io.triangulate.mmm.data.MmmDataset;
import io.triangulate.mmm.transform.GeometricAdstock;
import io.triangulate.mmm.transform.LogisticSaturation;
import io.triangulate.mmm.transform.MediaTransform;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded weekly MMM dataset with known truth, for benchmarks and recovery tests: flighted spend
 * (on in most weeks, log-normal amounts), geometric adstock over lags 0–7 with decays spread from
 * 0.1 to 0.7, logistic saturation on spend scaled by its peak, a trending, seasonal baseline, a
 * promotion control and Gaussian noise.
 */
public final class SyntheticMmm {

  /** The data and the parameters that generated them. */
  public record Generated(
      MmmDataset data, double[] decay, double[] lambdaScaled, double[] beta, double[] contribution, double noiseSd) {}

  private SyntheticMmm() {}

  public static Generated generate(int weeks, int channels, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate[] dates = new LocalDate[weeks];
    for (int t = 0; t < weeks; t++) {
      dates[t] = LocalDate.of(2021, 1, 4).plusWeeks(t);
    }
    double[][] spend = new double[channels][weeks];
    double[] decay = new double[channels];
    double[] lambda = new double[channels];
    double[] beta = new double[channels];
    double[] contribution = new double[channels];
    List<String> names = new ArrayList<>();
    double[] y = new double[weeks];
    double noiseSd = 400;
    double[] promo = new double[weeks];
    for (int t = 0; t < weeks; t++) {
      promo[t] = random.nextDouble() < 0.06 ? 1 : 0;
      double seasonal = 1500 * Math.sin(2 * Math.PI * dates[t].toEpochDay() / 365.25)
          + 600 * Math.cos(4 * Math.PI * dates[t].toEpochDay() / 365.25);
      y[t] = 10_000 + 2_000.0 * t / Math.max(1, weeks - 1) + seasonal + 2_500 * promo[t]
          + noiseSd * random.nextGaussian();
    }
    for (int c = 0; c < channels; c++) {
      names.add("channel_" + (c + 1));
      decay[c] = channels == 1 ? 0.4 : 0.1 + 0.6 * c / (channels - 1);
      lambda[c] = 1.5 + 3.0 * ((c * 0.37) % 1.0);
      beta[c] = 1_500 + 500 * (c % 3);
      double level = 1_000 * (1 + c);
      double onProbability = 0.6 + 0.3 * ((c * 0.53) % 1.0);
      double max = 0;
      for (int t = 0; t < weeks; t++) {
        spend[c][t] = random.nextDouble() < onProbability ? level * Math.exp(0.4 * random.nextGaussian()) : 0;
        max = Math.max(max, spend[c][t]);
      }
      double[] scaled = new double[weeks];
      for (int t = 0; t < weeks; t++) {
        scaled[t] = spend[c][t] / max;
      }
      double[] response = new MediaTransform(new GeometricAdstock(decay[c], 7), new LogisticSaturation(lambda[c]))
          .response(scaled);
      for (int t = 0; t < weeks; t++) {
        double effect = beta[c] * response[t];
        y[t] += effect;
        contribution[c] += effect;
      }
    }
    MmmDataset data = new MmmDataset(dates, "revenue", y, names, spend, List.of("promo"), new double[][] {promo});
    return new Generated(data, decay, lambda, beta, contribution, noiseSd);
  }
}

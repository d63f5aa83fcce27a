package io.triangulate.mmm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaTransformTest {

  @Test
  void adstockComesBeforeSaturation() {
    MediaTransform transform = new MediaTransform(new GeometricAdstock(0.5, 2), new MichaelisMentenSaturation(1));
    double[] response = transform.response(new double[] {1, 0, 0, 2});
    // Adstock 4/7, 2/7, 1/7, 8/7, then x / (1 + x): 4/11, 2/9, 1/8, 8/15.
    assertArrayEquals(new double[] {4.0 / 11, 2.0 / 9, 1.0 / 8, 8.0 / 15}, response, 1e-12);
  }

  @Test
  void jacobianMatchesFiniteDifferencesForEveryCombination() {
    double[] spend = {0.2, 0.0, 0.9, 0.4, 0.0, 0.0, 1.0, 0.3, 0.6, 0.1};
    double h = 1e-6;
    for (AdstockKind adstockKind : AdstockKind.values()) {
      for (SaturationKind saturationKind : SaturationKind.values()) {
        double[] a = adstockKind == AdstockKind.GEOMETRIC ? new double[] {0.45} : new double[] {1.6, 2.2};
        double[] s = switch (saturationKind) {
          case HILL -> new double[] {0.4, 1.3};
          case LOGISTIC -> new double[] {2.5};
          case MICHAELIS_MENTEN -> new double[] {0.3};
        };
        MediaTransform transform = MediaTransform.of(adstockKind, a, 4, saturationKind, s);
        int p = transform.parameterCount();
        double[] value = new double[spend.length];
        double[][] jacobian = new double[p][spend.length];
        transform.responseWithGradient(spend, value, jacobian);
        assertArrayEquals(transform.response(spend), value, 1e-15);
        for (int k = 0; k < p; k++) {
          double[] aUp = a.clone();
          double[] aDown = a.clone();
          double[] sUp = s.clone();
          double[] sDown = s.clone();
          if (k < a.length) {
            aUp[k] += h;
            aDown[k] -= h;
          } else {
            sUp[k - a.length] += h;
            sDown[k - a.length] -= h;
          }
          double[] up = MediaTransform.of(adstockKind, aUp, 4, saturationKind, sUp).response(spend);
          double[] down = MediaTransform.of(adstockKind, aDown, 4, saturationKind, sDown).response(spend);
          for (int t = 0; t < spend.length; t++) {
            assertEquals((up[t] - down[t]) / (2 * h), jacobian[k][t], 1e-7,
                adstockKind + "/" + saturationKind + " parameter " + k + " period " + t);
          }
        }
      }
    }
  }
}

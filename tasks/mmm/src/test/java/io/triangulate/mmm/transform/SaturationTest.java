package io.triangulate.mmm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SaturationTest {

  private static final double EXACT = 1e-12;

  @Test
  void hillIsHalfAtTheHalfSaturationPoint() {
    Saturation hill = new HillSaturation(2, 2);
    assertEquals(0.5, hill.value(2), EXACT);
    assertEquals(0.2, hill.value(1), EXACT); // 1 / (1 + 4)
    assertEquals(0.32, hill.derivative(1), EXACT); // 8x / (x² + 4)² at x = 1
    assertEquals(0, hill.value(0), EXACT);
    assertEquals(0, hill.derivative(0), EXACT); // S-shaped: flat at zero
  }

  @Test
  void logisticIsTanhOfHalfLambdaX() {
    Saturation logistic = new LogisticSaturation(2);
    assertEquals((1 - Math.exp(-2)) / (1 + Math.exp(-2)), logistic.value(1), EXACT);
    assertEquals(0.7615941559557649, logistic.value(1), EXACT);
    assertEquals(1 - Math.pow(Math.tanh(1), 2), logistic.derivative(1), EXACT);
    assertEquals(1, logistic.derivative(0), EXACT); // λ/2
  }

  @Test
  void michaelisMentenIsAConcaveRatio() {
    Saturation mm = new MichaelisMentenSaturation(3);
    assertEquals(0.25, mm.value(1), EXACT);
    assertEquals(3.0 / 16, mm.derivative(1), EXACT);
    assertEquals(1.0 / 3, mm.derivative(0), EXACT);
  }

  @Test
  void derivativesAndParameterGradientsMatchFiniteDifferences() {
    double h = 1e-6;
    double[] xs = {0.05, 0.3, 1.0, 2.5};
    for (SaturationKind kind : SaturationKind.values()) {
      double[] parameters = switch (kind) {
        case HILL -> new double[] {0.7, 1.8};
        case LOGISTIC -> new double[] {3.5};
        case MICHAELIS_MENTEN -> new double[] {0.4};
      };
      Saturation saturation = kind.create(parameters);
      for (double x : xs) {
        double numeric = (saturation.value(x + h) - saturation.value(x - h)) / (2 * h);
        assertEquals(numeric, saturation.derivative(x), 1e-7, kind + " d/dx at " + x);
        double[] gradient = new double[parameters.length];
        saturation.parameterGradient(x, gradient);
        for (int p = 0; p < parameters.length; p++) {
          double[] up = parameters.clone();
          double[] down = parameters.clone();
          up[p] += h;
          down[p] -= h;
          double expected = (kind.create(up).value(x) - kind.create(down).value(x)) / (2 * h);
          assertEquals(expected, gradient[p], 1e-7, kind + " d/dθ" + p + " at " + x);
        }
      }
    }
  }

  @Test
  void rawSpendUnitsRescaleTheParametersThatCarryUnits() {
    // Fitted on spend / 200: a half-saturation of 0.5 is 100 currency units; λ = 4 is 0.02 per unit.
    assertArrayEquals(new double[] {100, 1.5}, SaturationKind.HILL.toRawSpendUnits(new double[] {0.5, 1.5}, 200), EXACT);
    assertArrayEquals(new double[] {0.02}, SaturationKind.LOGISTIC.toRawSpendUnits(new double[] {4}, 200), EXACT);
    double scaled = new LogisticSaturation(4).value(50.0 / 200);
    double raw = new LogisticSaturation(0.02).value(50.0);
    assertEquals(scaled, raw, EXACT);
  }
}

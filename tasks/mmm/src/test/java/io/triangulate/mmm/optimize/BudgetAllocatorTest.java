package io.triangulate.mmm.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetAllocatorTest {

  /** R(s) = β·s/(K + s). */
  private record MichaelisMenten(double beta, double k) implements ResponseCurve {
    public double value(double s) {
      return beta * s / (k + s);
    }

    public double slope(double s) {
      return beta * k / ((k + s) * (k + s));
    }
  }

  /** R(s) = β·s³/(s³ + K³): S-shaped. */
  private record Hill3(double beta, double k) implements ResponseCurve {
    public double value(double s) {
      double r = Math.pow(s / k, 3);
      return beta * r / (1 + r);
    }

    public double slope(double s) {
      double r = Math.pow(s / k, 3);
      return s == 0 ? 0 : beta * 3 * r / (s * (1 + r) * (1 + r));
    }
  }

  @Test
  void equalMarginalReturnsGiveTheClosedFormForTwoMichaelisMentenCurves() {
    // β₁K₁/(K₁+s₁)² = β₂K₂/(K₂+s₂)² = μ ⇒ s_c = √(β_cK_c)·(B + ΣK)/Σ√(β_jK_j) − K_c.
    // β = (100, 50), K = (10, 5), B = 30: √1000 : √250 = 2 : 1, so s = 2/3·45 − 10 = 20 and 1/3·45 − 5 = 10.
    List<ResponseCurve> curves = List.of(new MichaelisMenten(100, 10), new MichaelisMenten(50, 5));
    BudgetAllocator.Allocation allocation = BudgetAllocator.allocate(curves, 30, new double[] {0, 0}, new double[] {100, 100});
    assertArrayEquals(new double[] {20, 10}, allocation.spend(), 1e-9);
    // μ = 100·10/30² = 50·5/15² = 10/9.
    assertEquals(10.0 / 9, allocation.multiplier(), 1e-9);
  }

  @Test
  void boundsBindAndTheRestIsSharedAtEqualMargins() {
    List<ResponseCurve> curves = List.of(new MichaelisMenten(100, 10), new MichaelisMenten(50, 5));
    BudgetAllocator.Allocation allocation = BudgetAllocator.allocate(curves, 30, new double[] {0, 0}, new double[] {15, 100});
    assertArrayEquals(new double[] {15, 15}, allocation.spend(), 1e-9);
    assertTrue(curves.get(0).slope(15) > curves.get(1).slope(15)); // channel 1 would take more if allowed
  }

  @Test
  void budgetsOutsideTheBoundsAreRefused() {
    List<ResponseCurve> curves = List.of(new MichaelisMenten(100, 10), new MichaelisMenten(50, 5));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BudgetAllocator.allocate(curves, 300, new double[] {0, 0}, new double[] {100, 100}));
    assertEquals("budget 300 is outside what the channel bounds allow (0 to 200)", error.getMessage());
  }

  @Test
  void sShapedCurvesAreNotSplitBelowTheirThreshold() {
    // Two identical S-curves and a small budget: one channel past its threshold beats two below it
    // (10 + 0 gives 0.5β; 5 + 5 gives 2·β/9 ≈ 0.22β). Equal margins would wrongly split it.
    List<ResponseCurve> curves = List.of(new Hill3(1, 10), new Hill3(1, 10));
    BudgetAllocator.Allocation allocation = BudgetAllocator.allocate(curves, 10, new double[] {0, 0}, new double[] {50, 50});
    double revenue = curves.get(0).value(allocation.spend()[0]) + curves.get(1).value(allocation.spend()[1]);
    assertEquals(10, allocation.spend()[0] + allocation.spend()[1], 1e-9);
    assertTrue(revenue >= 0.5 - 1e-6, "revenue " + revenue + " at " + allocation.spend()[0] + " / " + allocation.spend()[1]);
  }
}

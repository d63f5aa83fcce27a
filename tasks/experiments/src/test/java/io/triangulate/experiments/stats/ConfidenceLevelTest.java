package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfidenceLevelTest {

  @Test
  void criticalValues() {
    assertEquals(1.959963984540054, ConfidenceLevel.NINETY_FIVE.criticalValue(), 1e-9);
    assertEquals(2.5758293035489, new ConfidenceLevel(0.99).criticalValue(), 1e-9);
    assertEquals("95%", ConfidenceLevel.NINETY_FIVE.label());
    assertEquals("99.5%", new ConfidenceLevel(0.995).label());
    assertEquals("99.9%", new ConfidenceLevel(0.999).label());
  }

  @Test
  void levelsOutsideTheOpenUnitIntervalAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ConfidenceLevel(1.0));
    assertThrows(IllegalArgumentException.class, () -> new ConfidenceLevel(0.0));
    assertThrows(IllegalArgumentException.class, () -> new ConfidenceLevel(Double.NaN));
  }
}

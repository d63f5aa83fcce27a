package io.triangulate.experiments.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.experiments.lift.SegmentKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdjustedPValuesTest {

  @Test
  void segmentsAreAFamilyPerCampaignAndWholeCampaignsAnotherFamily() {
    Map<SegmentKey, Double> p = new LinkedHashMap<>();
    p.put(new SegmentKey("A", "region", "north"), 0.01);
    p.put(new SegmentKey("A", "region", "south"), 0.04);
    p.put(new SegmentKey("A", "age_band", "18-24"), 0.03);
    p.put(new SegmentKey("B", "region", "north"), 0.04); // alone in its family: unadjusted
    p.put(new SegmentKey("A", "all", "all"), 0.02);
    p.put(new SegmentKey("B", "all", "all"), 0.03);
    p.put(new SegmentKey("C", "all", "all"), Double.NaN); // left out of the family

    Map<SegmentKey, AdjustedPValues.Adjusted> a = AdjustedPValues.adjust(p, 0.05);

    // By hand, campaign A's segments: sorted 0.01, 0.03, 0.04 (m = 3).
    // BH: 3·0.01/1 = 0.03, 3·0.03/2 = 0.045, 3·0.04/3 = 0.04, step-up minima 0.03, 0.04, 0.04.
    // Holm: 3·0.01 = 0.03, 2·0.03 = 0.06, 1·0.04 = 0.04, running maxima 0.03, 0.06, 0.06.
    assertEquals(0.03, a.get(new SegmentKey("A", "region", "north")).bh(), 1e-15);
    assertEquals(0.04, a.get(new SegmentKey("A", "region", "south")).bh(), 1e-15);
    assertEquals(0.04, a.get(new SegmentKey("A", "age_band", "18-24")).bh(), 1e-15);
    assertEquals(0.03, a.get(new SegmentKey("A", "region", "north")).holm(), 1e-15);
    assertEquals(0.06, a.get(new SegmentKey("A", "region", "south")).holm(), 1e-15);
    assertEquals(0.06, a.get(new SegmentKey("A", "age_band", "18-24")).holm(), 1e-15);
    assertTrue(a.get(new SegmentKey("A", "region", "south")).significant());
    assertEquals(0.04, a.get(new SegmentKey("B", "region", "north")).bh(), 1e-15);

    // Campaigns: 0.02, 0.03 (m = 2; C's NaN does not count). BH: 0.04, 0.03 → 0.03, 0.03. Holm: 0.04, 0.04.
    assertEquals(0.03, a.get(new SegmentKey("A", "all", "all")).bh(), 1e-15);
    assertEquals(0.03, a.get(new SegmentKey("B", "all", "all")).bh(), 1e-15);
    assertEquals(0.04, a.get(new SegmentKey("A", "all", "all")).holm(), 1e-15);
    assertEquals(0.04, a.get(new SegmentKey("B", "all", "all")).holm(), 1e-15);
    assertTrue(Double.isNaN(a.get(new SegmentKey("C", "all", "all")).bh()));
    assertFalse(a.get(new SegmentKey("C", "all", "all")).significant());
  }
}

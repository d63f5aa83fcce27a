package io.triangulate.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.evaluate.CalibrationScores.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationScoresTest {

  @Test
  void withinTwentyPercentIsRelativeToTheTruthsMagnitude() {
    assertTrue(CalibrationScores.within(120, 100));
    assertFalse(CalibrationScores.within(120.01, 100));
    assertTrue(CalibrationScores.within(-24, -20)); // |−24 − (−20)| = 4 = 20% of 20
    assertFalse(CalibrationScores.within(1, 0)); // truth 0: only an exact 0 is within
    assertTrue(CalibrationScores.within(0, 0));
    assertFalse(CalibrationScores.within(Double.NaN, 10));
    assertEquals(-0.5, CalibrationScores.relativeError(-30, -20), 1e-12);
    assertTrue(Double.isNaN(CalibrationScores.relativeError(3, 0)));
  }

  @Test
  void summarisesTotalsRanksAndChannelsPerModel() {
    List<Row> campaigns = List.of(
        new Row("m", "campaign", "C1", "a", 10, 50, 12, 8, 16, 9),
        new Row("m", "campaign", "C2", "a", 20, 40, 18, 14, 22, 30),
        new Row("m", "campaign", "C3", "b", 30, 30, 33, 25, 40, 15));
    List<Row> channels = List.of(
        new Row("m", "channel", "a", "a", 30, 90, 30, 22, 38, 39),
        new Row("m", "channel", "b", "b", 30, 30, 33, 25, 40, 15),
        new Row("m", "channel", "tv", "tv", 40, 100, 20, 10, 30, 20));
    CalibrationScores.Summary s = CalibrationScores.summarise(campaigns, channels).get(0);
    assertEquals(60, s.campaignsTruth(), 1e-12);
    assertEquals(120, s.campaignsCredited(), 1e-12);
    assertEquals(63, s.campaignsCalibrated(), 1e-12);
    assertEquals(54, s.campaignsLoo(), 1e-12);
    assertEquals(100, s.mediaTruth(), 1e-12);
    assertEquals(83, s.mediaCalibrated(), 1e-12);
    // Truth ranks 1 2 3; credited 3 2 1 (rho −1); calibrated 1 2 3 (rho 1); LOO 1 3 2 (rho 1 − 6·2/24 = 0.5).
    assertEquals(-1, s.spearmanCredited(), 1e-12);
    assertEquals(1, s.spearmanCalibrated(), 1e-12);
    assertEquals(0.5, s.spearmanLoo(), 1e-12);
    // Channels within 20%: calibrated a (30) and b (33 vs 30); LOO b? 15 vs 30 no, a 39 vs 30 no; credited b.
    assertEquals(3, s.channels());
    assertEquals(2, s.channelsWithin());
    assertEquals(0, s.channelsWithinLoo());
    assertEquals(1, s.channelsWithinCredited());
  }
}

package io.triangulate.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.triangulate.experiments.pipeline.CampaignPlanReader.CampaignPlan;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LtvHorizonTest {

  private static final CampaignPlan PLAN =
      new CampaignPlan("C01", "A01", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-31"), 0.2);

  @Test
  void theHorizonIsTheObservedPartOfTheOutcomeWindowCappedAtTheLtvWindow() {
    // Day 1 of the flight: 1 day observed.
    assertEquals(1, ExperimentsTaskCommand.ltvHorizonDays(PLAN, LocalDate.parse("2026-01-05"), 7, 90));
    // 2026-01-05 .. 2026-02-01: 28 days.
    assertEquals(28, ExperimentsTaskCommand.ltvHorizonDays(PLAN, LocalDate.parse("2026-02-01"), 7, 90));
    // After end + 7 days (2026-02-07) the window is closed: 34 days, however late the look.
    assertEquals(34, ExperimentsTaskCommand.ltvHorizonDays(PLAN, LocalDate.parse("2026-06-01"), 7, 90));
    // A 30-day LTV window caps it.
    assertEquals(30, ExperimentsTaskCommand.ltvHorizonDays(PLAN, LocalDate.parse("2026-06-01"), 7, 30));
  }
}

package io.triangulate.experiments.depth;

import io.triangulate.experiments.stats.DesignResult;
import io.triangulate.experiments.stats.ExperimentDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's design at launch from the warehouse's own baseline: the MDE its planned holdout
 * detects at the configured power, and the sizes and days a target relative lift needs. Pure.
 *
 * <p>The baseline is the share of the campaign's assigned audience that bought from its advertiser
 * in the {@code windowDays} before the start (the pre-period the covariate uses; the simulator's
 * 28-day control conversion is calibrated on the same window length), so the targeting's selection
 * of likely buyers is in it. The assigned audience is an upper bound of the exposed members the
 * experiment will analyse (not every assigned member gets an ad opportunity): the MDE is the best
 * case, and the days assume the audience enters evenly over the flight.
 */
public final class LaunchDesign {

  /** What is known about a campaign on its start day. */
  public record Inputs(
      String campaignId, String advertiserId, double controlShare, long assigned, long baselineBuyers,
      int windowDays, int plannedDays) {}

  /** A row of marts.experiment_design. */
  public record Design(
      Inputs inputs, double baselineRate, double alpha, double power, double targetRelativeLift,
      double mdeAbsolute, double mdeRelative, long requiredTreated, long requiredControl, double requiredDays,
      List<String> notes) {}

  private LaunchDesign() {}

  public static Design design(Inputs in, ExperimentsConfig.Design settings) {
    List<String> notes = new ArrayList<>();
    double alpha = settings.alpha();
    double power = settings.power();
    double target = settings.targetRelativeLift();
    double rate = in.assigned() == 0 ? Double.NaN : (double) in.baselineBuyers() / in.assigned();
    double mde = Double.NaN;
    double mdeRel = Double.NaN;
    long requiredTreated = -1;
    long requiredControl = -1;
    double days = Double.NaN;
    if (!(rate > 0 && rate < 1)) {
      notes.add("baseline rate " + rate + " of " + in.assigned() + " assigned members is not strictly between 0 and 1");
    } else if (!(in.controlShare() > 0 && in.controlShare() < 1)) {
      notes.add("planned holdout share " + in.controlShare() + " is not strictly between 0 and 1");
    } else {
      double daily = in.plannedDays() > 0 ? (double) in.assigned() / in.plannedDays() : Double.NaN;
      long control = Math.round(in.assigned() * in.controlShare());
      long treated = in.assigned() - control;
      try {
        DesignResult m = ExperimentDesign.mdeForProportion(treated, control, rate, alpha, power, daily);
        mde = m.mdeAbsolute();
        mdeRel = m.mdeRelative();
      } catch (IllegalArgumentException e) {
        notes.add("mde: " + e.getMessage());
      }
      if (rate * (1 + target) < 1) {
        DesignResult r = ExperimentDesign.forProportion(rate, rate * target, alpha, power, in.controlShare(), daily);
        requiredTreated = r.treatedN();
        requiredControl = r.controlN();
        days = r.days();
      } else {
        notes.add("target lift pushes the rate past 100%");
      }
      notes.add("sizes count assigned members, an upper bound of the exposed ones");
    }
    return new Design(in, rate, alpha, power, target, mde, mdeRel, requiredTreated, requiredControl, days, notes);
  }
}

package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.experiments.stats.BayesianReadout;
import io.triangulate.experiments.stats.BayesianResult;
import io.triangulate.experiments.stats.BetaPrior;
import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.Cuped;
import io.triangulate.experiments.stats.CupedEstimate;
import io.triangulate.experiments.stats.MeanComparison;
import io.triangulate.experiments.stats.MeanDifferenceTest;
import io.triangulate.experiments.stats.MultipleTesting;
import io.triangulate.experiments.stats.NormalPrior;
import io.triangulate.experiments.stats.ProportionComparison;
import io.triangulate.experiments.stats.SampleRatioCheck;
import io.triangulate.experiments.stats.SampleRatioResult;
import io.triangulate.experiments.stats.TwoProportionTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns per-arm sums into one comparison per treatment arm and segment: proportion formulas for a
 * 0/1 outcome, mean-difference formulas otherwise; CUPED when a covariate was read; the Bayesian
 * read-out (uniform Beta(1, 1) prior on rates, flat prior on a difference of means); a sample-ratio
 * check of all arms of each segment against the planned shares; and Benjamini–Hochberg and Holm
 * adjusted p-values across every row. Rows come out sorted by segment, then arm.
 */
final class ArmLiftCalculator {

  private final String controlArm;
  private final ConfidenceLevel level;
  private final OptionalDouble expectedControlShare;
  private final Map<String, Double> plannedShares; // empty: equal shares
  private final boolean covariate;

  ArmLiftCalculator(String controlArm, ConfidenceLevel level, OptionalDouble expectedControlShare) {
    this(controlArm, level, expectedControlShare, Map.of(), false);
  }

  /**
   * @param plannedShares arm → planned share of all units (from --planned-shares), empty for equal
   * @param covariate true when the sums carry a pre-period covariate (--covariate)
   */
  ArmLiftCalculator(
      String controlArm,
      ConfidenceLevel level,
      OptionalDouble expectedControlShare,
      Map<String, Double> plannedShares,
      boolean covariate) {
    this.controlArm = controlArm;
    this.level = level;
    this.expectedControlShare = expectedControlShare;
    this.plannedShares = plannedShares;
    this.covariate = covariate;
  }

  List<ArmLift> compare(ArmOutcomes data, boolean segmented) {
    if (!data.armValues().contains(controlArm)) {
      throw new TaskFailure(
          String.format(
              "%s: control value \"%s\" does not occur in the arm column; values found: %s",
              data.file(), controlArm, String.join(", ", data.armValues())));
    }
    List<String> arms = new ArrayList<>(data.armValues());
    double[] shares = shares(data, arms);
    List<ArmLift> lifts = new ArrayList<>();
    for (String segment : data.bySegment().keySet()) {
      long[] counts = new long[arms.size()];
      for (int i = 0; i < arms.size(); i++) {
        counts[i] = data.sums(segment, arms.get(i)).n();
      }
      SampleRatioResult srm = arms.size() < 2 ? null : SampleRatioCheck.test(counts, shares);
      OutcomeSums control = data.sums(segment, controlArm);
      for (String arm : arms) {
        if (!arm.equals(controlArm)) {
          lifts.add(
              compare(segmented ? segment : null, arm, data.sums(segment, arm), control, data.binary(), srm));
        }
      }
    }
    return adjust(lifts);
  }

  /** The planned share of each arm, in the order of {@code arms}; equal when none were given. */
  private double[] shares(ArmOutcomes data, List<String> arms) {
    double[] shares = new double[arms.size()];
    if (plannedShares.isEmpty()) {
      Arrays.fill(shares, 1.0 / arms.size());
      return shares;
    }
    Set<String> unplanned = new LinkedHashSet<>(arms);
    unplanned.removeAll(plannedShares.keySet());
    if (!unplanned.isEmpty()) {
      throw new TaskFailure(
          String.format(
              "%s: arm value(s) %s have no planned share in --planned-shares; give one share per arm (%s)",
              data.file(), quoted(unplanned), quoted(arms)));
    }
    Set<String> absent = new LinkedHashSet<>(plannedShares.keySet());
    absent.removeAll(arms);
    if (!absent.isEmpty()) {
      throw new TaskFailure(
          String.format(
              "%s: arm(s) %s from --planned-shares have zero units in the arm column; every planned arm needs"
                  + " units (values found: %s)",
              data.file(), quoted(absent), quoted(arms)));
    }
    for (int i = 0; i < arms.size(); i++) {
      shares[i] = plannedShares.get(arms.get(i));
    }
    return shares;
  }

  private static String quoted(Iterable<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add("\"" + v + "\""));
    return String.join(", ", out);
  }

  private List<ArmLift> adjust(List<ArmLift> lifts) {
    double[] p = new double[lifts.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = lifts.get(i).primaryPValue();
    }
    double[] bh = MultipleTesting.benjaminiHochberg(p);
    double[] holm = MultipleTesting.holm(p);
    List<ArmLift> adjusted = new ArrayList<>(lifts.size());
    for (int i = 0; i < p.length; i++) {
      adjusted.add(lifts.get(i).withAdjustedPValues(bh[i], holm[i]));
    }
    return adjusted;
  }

  private ArmLift compare(
      String segment, String arm, OutcomeSums treated, OutcomeSums control, boolean binary, SampleRatioResult srm) {
    double srmPair = srmPValue(treated.n(), control.n());
    boolean bothArms = treated.n() > 0 && control.n() > 0;
    CupedEstimate cuped = covariate ? Cuped.estimate(treated.asCovariate(), control.asCovariate(), level) : null;
    List<String> notes = new ArrayList<>();
    if (binary) {
      ProportionComparison c = TwoProportionTest.compare(treated.asBinary(), control.asBinary(), level);
      BayesianResult bayes =
          bothArms ? BayesianReadout.binary(treated.asBinary(), control.asBinary(), BetaPrior.UNIFORM, level) : null;
      notes.addAll(c.notes());
      addCupedNotes(cuped, notes);
      return new ArmLift(
          segment, arm, treated.n(), control.n(), c.treatedRate(), c.controlRate(), c.absoluteLift(),
          c.absoluteLiftInterval(), c.relativeLift(), c.pValue(), srmPair, cuped, bayes, Double.NaN, Double.NaN, srm,
          notes);
    }
    MeanComparison c = MeanDifferenceTest.compare(treated.asContinuous(), control.asContinuous(), level);
    BayesianResult bayes =
        bothArms ? BayesianReadout.continuous(treated.asContinuous(), control.asContinuous(), NormalPrior.FLAT, level) : null;
    notes.addAll(c.notes());
    if (bayes != null) {
      bayes.notes().forEach(n -> add(notes, n));
    }
    addCupedNotes(cuped, notes);
    return new ArmLift(
        segment, arm, treated.n(), control.n(), c.treatedMean(), c.controlMean(), c.difference(),
        c.differenceInterval(), c.relativeDifference(), c.pValue(), srmPair, cuped, bayes, Double.NaN, Double.NaN, srm,
        notes);
  }

  private static void addCupedNotes(CupedEstimate cuped, List<String> notes) {
    if (cuped != null) {
      cuped.notes().forEach(n -> add(notes, n.startsWith("covariate") ? "CUPED: " + n : n));
    }
  }

  private static void add(List<String> notes, String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  private double srmPValue(long treatedN, long controlN) {
    if (expectedControlShare.isEmpty()) {
      return Double.NaN;
    }
    return SampleRatioCheck.twoArms(treatedN, controlN, expectedControlShare.getAsDouble()).pValue();
  }
}

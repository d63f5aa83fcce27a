package io.triangulate.decide.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the report's marketing-mix section shows of one warehouse MMM fit, as plain values.
 *
 * @param primaryModel the model whose decomposition, fit and curves are drawn (Bayesian if fitted)
 */
public record MmmReportData(
    LocalDate periodStart,
    LocalDate periodEnd,
    String grain,
    String primaryModel,
    List<Roas> roas,
    List<Metric> metrics,
    List<LocalDate> dates,
    List<Component> decomposition,
    double[] actual,
    double[] fitted,
    double[] fittedLow,
    double[] fittedHigh,
    List<Curve> curves,
    List<Loop> closedLoop,
    List<Truth> truth) {

  /**
   * One channel's estimate beside the simulator's truth, as `evaluate` stored it in
   * marts.mmm_evaluation (empty for real data).
   */
  public record Truth(String model, String channel, double trueRoas, double roas, double low, double high, boolean covered,
      double trueShare, double share) {}

  /** One channel's ROAS of one model, with its 90% interval. */
  public record Roas(String model, String channel, double spend, double contributionShare, double roas, double low,
      double high, double mroas) {}

  public record Metric(String model, String metric, double value) {}

  /** One decomposition component over the dates. */
  public record Component(String name, double[] values) {}

  /** One channel's steady-state response curve of the primary model. */
  public record Curve(String channel, double[] spend, double[] revenue, double[] low, double[] high, double currentSpend) {}

  /** One re-simulated budget scenario (simulation only). */
  public record Loop(String scenario, double currentSpend, double plannedSpend, double realizedChange,
      double predictedChange, double predictedLow, double predictedHigh) {}
}

package io.triangulate.mmm;

import io.triangulate.core.csv.CsvWriter;
import io.triangulate.mmm.model.ChannelSummary;
import io.triangulate.mmm.model.Decomposition;
import io.triangulate.mmm.model.FitMetric;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ParameterEstimate;
import io.triangulate.mmm.optimize.ResponseCurveTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the files of {@code mmm fit --out DIR} and prints the human summary. */
final class FitOutputs {

  static final List<String> CHANNEL_SUMMARY_HEADER = List.of(
      "model", "channel", "spend", "contribution", "contribution_share", "roas", "roas_low", "roas_high", "mroas");

  private FitOutputs() {}

  static void write(Path dir, ModelInputs inputs, List<ModelResult> results) {
    List<List<Object>> summary = new ArrayList<>();
    List<List<Object>> metrics = new ArrayList<>();
    List<List<Object>> parameters = new ArrayList<>();
    List<List<Object>> fit = new ArrayList<>();
    List<List<Object>> curves = new ArrayList<>();
    for (ModelResult result : results) {
      for (ChannelSummary s : result.channelSummaries()) {
        summary.add(List.of(s.model(), s.channel(), s.spend(), s.contribution(), s.contributionShare(), s.roas(),
            s.roasLow(), s.roasHigh(), s.mroas()));
      }
      for (FitMetric m : result.metrics()) {
        metrics.add(List.of(m.model(), m.metric(), m.value()));
      }
      for (ParameterEstimate p : result.parameters()) {
        parameters.add(List.of(p.model(), p.parameter(), p.estimate(), p.low(), p.high(), p.rhat(), p.ess()));
      }
      for (int t = 0; t < inputs.periods(); t++) {
        fit.add(List.of(result.model(), inputs.dates()[t].toString(), inputs.target()[t], result.fitted()[t],
            result.fittedLow()[t], result.fittedHigh()[t]));
      }
      for (ResponseCurveTable.Point p : ResponseCurveTable.build(result.response(), 41)) {
        curves.add(List.of(p.model(), p.channel(), p.spendPerPeriod(), p.revenuePerPeriod(), p.revenueLow(),
            p.revenueHigh(), p.mroas()));
      }
    }
    CsvWriter.write(dir.resolve("channel_summary.csv"), CHANNEL_SUMMARY_HEADER, summary);
    CsvWriter.write(dir.resolve("fit_metrics.csv"), List.of("model", "metric", "value"), metrics);
    CsvWriter.write(dir.resolve("parameters.csv"),
        List.of("model", "parameter", "estimate", "low", "high", "rhat", "ess"), parameters);
    CsvWriter.write(dir.resolve("fit.csv"),
        List.of("model", "date", "actual", "fitted", "fitted_low", "fitted_high"), fit);
    CsvWriter.write(dir.resolve("response_curves.csv"), List.of("model", "channel", "spend_per_period",
        "revenue_per_period", "revenue_low", "revenue_high", "mroas"), curves);
    ModelResult primary = primary(results);
    writeDecomposition(dir.resolve("decomposition.csv"), primary.decomposition());
    for (ModelResult result : results) {
      if (result != primary) {
        writeDecomposition(dir.resolve("decomposition_" + result.model() + ".csv"), result.decomposition());
      }
    }
    try {
      ModelJson.write(dir, results.stream().map(ModelResult::response).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(ModelJson.FILE) + ": " + e.getMessage(), e);
    }
  }

  /** The Bayesian model when fitted (it carries the fuller uncertainty), else ridge. */
  static ModelResult primary(List<ModelResult> results) {
    return results.stream().filter(r -> r.model().equals("bayesian")).findFirst().orElse(results.get(0));
  }

  private static void writeDecomposition(Path file, Decomposition decomposition) {
    List<List<Object>> rows = new ArrayList<>();
    for (int t = 0; t < decomposition.dates().length; t++) {
      for (int k = 0; k < decomposition.components().size(); k++) {
        rows.add(List.of(decomposition.dates()[t].toString(), decomposition.components().get(k),
            decomposition.values()[k][t]));
      }
    }
    CsvWriter.write(file, List.of("date", "component", "value"), rows);
  }

  static void print(List<ModelResult> results, PrintStream out) {
    out.printf("%-9s %-16s %14s %14s %7s %12s %25s %12s%n",
        "model", "channel", "spend", "contribution", "share", "roas", "roas 90% interval", "mroas");
    for (ModelResult result : results) {
      for (ChannelSummary s : result.channelSummaries()) {
        out.printf("%-9s %-16s %14s %14s %6.1f%% %12s %25s %12s%n", s.model(), s.channel(),
            ConsoleNumbers.significant(s.spend(), 6), ConsoleNumbers.significant(s.contribution(), 6), 100 * s.contributionShare(),
            ConsoleNumbers.significant(s.roas(), 4),
            "[" + ConsoleNumbers.significant(s.roasLow(), 4) + ", " + ConsoleNumbers.significant(s.roasHigh(), 4) + "]",
            ConsoleNumbers.significant(s.mroas(), 4));
      }
    }
    for (ModelResult result : results) {
      StringBuilder line = new StringBuilder(result.model() + ":");
      for (FitMetric m : result.metrics()) {
        if (List.of("r_squared", "nrmse", "mape", "decomp_rssd", "cv_r_squared", "cv_mape", "rhat_max", "ess_min",
            "divergences", "ppc_coverage_90", "mape_lift").contains(m.metric())) {
          line.append(' ').append(m.metric()).append('=').append(ConsoleNumbers.significant(m.value(), 4));
        }
      }
      out.println(line);
    }
  }

}

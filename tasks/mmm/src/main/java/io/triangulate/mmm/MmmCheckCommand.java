package io.triangulate.mmm;

import io.triangulate.mmm.data.DataIssue;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triangulate mmm check}: the data-quality report without fitting. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the table as `mmm fit` would and reports what needs attention:",
      "  missing values     spend and controls count as 0; a missing target is",
      "                     an error (it cannot be imputed without bias)",
      "  negative spend     clamped to 0",
      "  date order         rows are sorted; duplicate dates are an error",
      "  gaps in dates      periods missing from the regular spacing",
      "  outliers           robust z-score |0.6745(x - median)/MAD| > 3.5",
      "  collinear channels pairwise correlation > 0.8, VIF > 10",
      "Exit code 0 when the data can be modelled, 1 when not; errors name the",
      "file, line and column.",
      ""
    })
public final class MmmCheckCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/data_quality.csv.")
  Path out;

  @Override
  public Integer call() {
    DataOptions.Checked checked = data.load();
    DataReport.print(checked.issues(), System.out);
    if (out != null) {
      DataReport.write(out.resolve("data_quality.csv"), checked.issues());
    }
    return checked.issues().stream().anyMatch(i -> i.severity() == DataIssue.Severity.ERROR) ? 1 : 0;
  }
}

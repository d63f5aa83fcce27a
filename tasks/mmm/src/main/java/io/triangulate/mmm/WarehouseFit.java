package io.triangulate.mmm;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.mmm.data.DataIssue;
import io.triangulate.mmm.data.DataQualityChecker;
import io.triangulate.mmm.data.LiftTestReader;
import io.triangulate.mmm.model.LiftTest;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.warehouse.ChannelMatrixReader;
import io.triangulate.mmm.warehouse.ExperimentLiftTests;
import io.triangulate.mmm.warehouse.FitKey;
import io.triangulate.mmm.warehouse.Grain;
import io.triangulate.mmm.warehouse.MmmResultStore;
import io.triangulate.mmm.warehouse.WarehouseTarget;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell of {@code mmm fit --warehouse}: reads the channel matrix and the experiments from the
 * marts, fits with the same core as a CSV fit, and replaces the fit's rows in the result marts.
 */
final class WarehouseFit {

  private final MmmFitCommand options;

  WarehouseFit(MmmFitCommand options) {
    this.options = options;
  }

  void run(CommonOptions common) {
    MartsConfig marts = MartsConfig.load(common.configs());
    Grain grain = Grain.parse(options.grain());
    WarehouseTarget target = WarehouseTarget.parse(options.target() != null ? options.target() : "revenue");
    String advertiser = options.advertiser();
    try (Database db = common.openDatabase()) {
      ChannelMatrixReader reader = new ChannelMatrixReader(db.dsl());
      LocalDate to = options.to() != null ? options.to() : reader.latestDay().orElseThrow(() ->
          new IllegalArgumentException("the MMM marts are empty; run the pipeline (e.g. `triangulate run`) first"));
      LocalDate firstDay = options.from() != null ? options.from() : reader.firstDay().orElseThrow();
      if (options.from() == null && grain == Grain.WEEKLY) {
        // Weekly fits reach back over the market history when one was loaded: two years of weeks
        // identify what a few weeks of daily data cannot.
        LocalDate history = reader.firstHistoryDay().orElse(firstDay);
        firstDay = history.isBefore(firstDay) ? history : firstDay;
      }
      LocalDate from = firstDay;
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("--to " + to + " is before --from " + from);
      }
      FitKey key = new FitKey(to, grain);
      new TaskRunLog(db.dsl()).record("mmm", to, () -> fit(db, reader, key, from, target, advertiser, marts));
    }
  }

  private TaskRunLog.Counts fit(Database db, ChannelMatrixReader reader, FitKey key, LocalDate from,
      WarehouseTarget target, String advertiser, MartsConfig marts) {
    Progress.info("mmm: reading the " + key.grain().label() + " channel matrix " + from + " to " + key.ds()
        + (advertiser.equals(ChannelMatrixReader.ALL) ? " (all advertisers)" : " for " + advertiser));
    ChannelMatrixReader.Matrix matrix = reader.read(from, key.ds(), key.grain(), target, advertiser);
    matrix.notes().forEach(note -> Progress.info("mmm: " + note));
    var dataset = options.withEventControls(matrix.dataset());
    List<DataIssue> issues = new ArrayList<>(DataQualityChecker.check(dataset));
    DataReport.print(issues, System.err);

    long spanDays = ChronoUnit.DAYS.between(dataset.dates()[0], dataset.dates()[dataset.periods() - 1]) + key.grain().days();
    int lag = options.maxLag() != null ? options.maxLag() : key.grain() == Grain.DAILY ? 7 : 3;
    int fourier = options.fourierOrder() != null ? options.fourierOrder() : spanDays >= 365 ? 2 : 0;
    ModelInputs inputs = ModelInputs.prepare(dataset, options.spec(lag, fourier));
    Progress.info(String.format("mmm: %d %s periods, channels %s, fourier order %d, max lag %d",
        inputs.periods(), key.grain().label(), inputs.channels(), fourier, lag));

    List<LiftTest> tests = List.of();
    if (options.useExperiments()) {
      ExperimentLiftTests.Read read = new ExperimentLiftTests(db.dsl()).read(
          from, key.ds(), marts.experiments().postCampaignDays(), target, advertiser, inputs.channels());
      tests = read.tests();
      Progress.info("mmm: calibrating with " + tests.size() + " experiment(s)"
          + (read.skipped().isEmpty() ? "" : "; not used: " + String.join(", ", read.skipped())));
    }
    List<PreparedLiftTest> lifts = PreparedLiftTest.prepare(tests, inputs);
    List<ModelResult> results = options.fitModels(inputs, lifts);

    int rows = new MmmResultStore(db.dsl()).replaceFit(key, inputs, results, advertiser);
    DataReport.write(options.out.resolve("data_quality.csv"), issues);
    writeLiftTests(tests);
    options.report(inputs, results);
    Progress.info("mmm: replaced the " + key + " in the marts (" + rows + " rows)");
    return TaskRunLog.Counts.of(inputs.periods(), rows, results.size() + " models, " + tests.size() + " lift tests");
  }

  private void writeLiftTests(List<LiftTest> tests) {
    List<List<Object>> rows = new ArrayList<>();
    for (LiftTest t : tests) {
      rows.add(List.of(t.channel(), t.start().toString(), t.end().toString(), t.spendChange(), t.incrementalRevenue(),
          t.standardError()));
    }
    CsvWriter.write(options.out.resolve("lift_tests.csv"), LiftTestReader.COLUMNS, rows);
  }
}

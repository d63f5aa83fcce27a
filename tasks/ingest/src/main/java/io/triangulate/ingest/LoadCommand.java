package io.triangulate.ingest;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.IntervalOption;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.TaskRole;
import io.triangulate.core.run.TaskRunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the interval's landing files and COPY them into the raw tables.",
      "",
      "Reads <home>/landing/<ds>/{advertisers,campaigns,creatives,members,experiment_assignments,",
      "ad_events,transactions}.csv (formats: docs/input-formats.md). Rows that break a rule go to",
      "raw.load_quarantine with file, line, field, reason and raw text; every file gets a row in",
      "raw.load_reconciliation (read = loaded + quarantined + duplicate). The interval is replaced in",
      "one transaction: loading twice equals loading once, and a failure writes nothing."
    })
public final class LoadCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;
  @Mixin private IntervalOption interval;

  @Option(names = "--landing-dir", paramLabel = "DIR", description = "Load from DIR instead of <home>/landing/<ds>.")
  private Path landingDir;

  @Override
  public Integer call() {
    try (Database db = common.openDatabase(TaskRole.LOADER)) {
      new TaskRunLog(db.dsl()).record("load", interval.ds(), () -> load(db));
    }
    return 0;
  }

  private TaskRunLog.Counts load(Database db) {
    Path dir = landingDir != null ? landingDir : common.home().landing(interval.ds());
    if (!Files.isDirectory(dir)) {
      throw new TaskFailure(
          "no landing folder " + dir + " for " + interval.ds()
              + "; run `triangulate simulate --ds " + interval.ds() + "` or put the day's CSV files there");
    }
    long start = System.nanoTime();
    List<FileReconciliation> files =
        new IntervalLoader(db.dataSource())
            .load(
                dir,
                interval.ds(),
                r ->
                    Progress.info(
                        String.format(
                            "%-24s read %,d  loaded %,d  quarantined %,d  duplicate %,d",
                            r.file(), r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined(), r.rowsDuplicate())));
    double seconds = (System.nanoTime() - start) / 1e9;
    long read = files.stream().mapToLong(FileReconciliation::rowsRead).sum();
    long loaded = files.stream().mapToLong(FileReconciliation::rowsLoaded).sum();
    long quarantined = files.stream().mapToLong(FileReconciliation::rowsQuarantined).sum();
    Progress.info(
        String.format(
            "load %s: %d files, %,d rows in %.1f s (%,.0f rows/s)%s",
            interval.ds(), files.size(), read, seconds, read / Math.max(seconds, 1e-9),
            quarantined > 0 ? "; " + quarantined + " rows quarantined (see raw.load_quarantine)" : ""));
    return TaskRunLog.Counts.of(read, loaded, quarantined + " quarantined");
  }
}

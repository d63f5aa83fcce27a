package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.IntervalOption;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.core.sql.SqlModelMaterializer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the interval's marts from the SQL models in sql/marts/models.",
      "",
      "Runs the models listed in configs/marts.yaml, in order, in one transaction: for each,",
      "delete the rows of --ds from marts.<model> and insert the model's SELECT. Re-running a day",
      "leaves identical tables; a failure leaves the previous rows in place."
    })
public final class BuildCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;
  @Mixin private IntervalOption interval;

  @Override
  public Integer call() {
    MartsConfig config = MartsConfig.load(common.configs());
    try (Database db = common.openDatabase(io.triangulate.core.db.TaskRole.TRANSFORMER)) {
      new TaskRunLog(db.dsl()).record("build", interval.ds(), () -> build(db, config));
    }
    return 0;
  }

  private TaskRunLog.Counts build(Database db, MartsConfig config) {
    long start = System.nanoTime();
    List<SqlModelMaterializer.Result> results =
        new SqlModelMaterializer(db.dsl())
            .materialize(
                config.sqlModels(),
                interval.ds(),
                config.parameters(),
                r -> Progress.info(String.format("%-26s %,8d rows  %,6d ms", r.model(), r.rows(), r.millis())));
    long rows = results.stream().mapToLong(SqlModelMaterializer.Result::rows).sum();
    Progress.info(
        String.format("build %s: %d models, %,d rows in %.2f s", interval.ds(), results.size(), rows, (System.nanoTime() - start) / 1e9));
    return new TaskRunLog.Counts(null, rows, results.size() + " models");
  }
}

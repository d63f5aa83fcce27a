package io.triangulate.serve;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Drain the activation changes feed: hand every due, unapplied change (scheduled ones once their",
      "effective_at has passed) to a platform connector, oldest first, and mark it applied with an",
      "audit row. The only connector is `log`, which prints each change and calls no platform."
    })
public final class ApplyChangesCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;
  @Spec private CommandSpec spec;

  @Option(names = "--connector", paramLabel = "NAME", defaultValue = "log",
      description = "Connector to apply changes through (default: ${DEFAULT-VALUE}; the only one).")
  private String connector;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
      description = "At most this many changes (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Override
  public Integer call() {
    if (!connector.equals("log")) {
      throw new ParameterException(spec.commandLine(), "--connector must be log (got '" + connector + "')");
    }
    if (limit < 1 || limit > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--limit must be from 1 to 1000000 (got " + limit + ")");
    }
    try (Database db = common.openDatabase()) {
      ActivationStore store = new ActivationStore(db.dsl(), JsonMapper.builder().build());
      ChangeApplier.Result r =
          new ChangeApplier(store, new LoggingConnector(spec.commandLine().getOut()), () -> OffsetDateTime.now(ZoneOffset.UTC))
              .drain(limit);
      Progress.info("applied " + r.applied() + " change(s) through connector " + connector
          + (r.failed() > 0 ? "; " + r.failed() + " failed and stay pending" : ""));
      return r.failed() > 0 ? 1 : 0;
    }
  }
}

package io.triangulate.serve;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {"Revoke an API token by its id (the 12 hex digits after trg_); a running server stops",
      "accepting it within 30 seconds."})
public final class TokenRevokeCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Option(names = "--id", required = true, paramLabel = "ID", description = "The token's id.")
  private String id;

  @Override
  public Integer call() {
    try (Database db = common.openDatabase()) {
      if (!new TokenStore(db.dsl()).revoke(id)) {
        throw new TaskFailure("no live token with id " + id);
      }
    }
    return 0;
  }
}

package io.triangulate.serve;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create an API token and print it on standard output, once: only its hash is kept.",
      "",
      "A reader may call every GET endpoint; an operator may also POST activation changes."
    })
public final class TokenCreateCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;
  @Spec private CommandSpec spec;

  @Option(names = "--role", required = true, paramLabel = "ROLE", description = "reader or operator.")
  private String role;

  @Option(names = "--name", required = true, paramLabel = "NAME",
      description = "Who holds the token (recorded as requested_by on its changes).")
  private String name;

  @Override
  public Integer call() {
    Role r;
    try {
      r = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--role: " + e.getMessage());
    }
    TokenStore.Created created;
    try (Database db = common.openDatabase()) {
      created = new TokenStore(db.dsl()).create(r, name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().println(created.token());
    Progress.info("token " + created.principal().tokenId() + " (" + r.label() + ", " + name
        + ") created; it is shown only now — store it safely");
    return 0;
  }
}

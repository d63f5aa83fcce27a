package io.triangulate.serve;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Manage API tokens (stored as salted SHA-256 hashes in activation.api_tokens).",
      "",
      "  triangulate serve token create --role reader --name dashboard",
      "  triangulate serve token revoke --id 3f2a9c01b7de"
    },
    subcommands = {TokenCreateCommand.class, TokenRevokeCommand.class})
public final class TokenCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: name a subcommand: create or revoke");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}

package io.triangulate.serve;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the warehouse marts and the activation API over HTTP (Javalin), until Ctrl-C.",
      "",
      "Read endpoints under /api/v1 (campaigns, kpis, lift, attribution, mmm, recommendations, alerts)",
      "answer JSON pages filtered by ds or from/to and campaign_id; activation endpoints (budget,",
      "bid-multiplier, creative-rotation, schedule) store changes in the activation schema for",
      "`serve apply` to hand to the ad platforms. The API is described at /openapi.json. Every /api call",
      "needs `Authorization: Bearer <token>`:",
      "",
      "  triangulate serve token create --role operator --name alice   # prints the token once",
      "  triangulate serve --port 8080",
      "  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/v1/lift"
    },
    subcommands = {TokenCommand.class, ApplyChangesCommand.class, ServeBenchmarkCommand.class})
public final class ServeCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;
  @Spec private CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  private int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  private String bind;

  @Option(names = "--write-rate", paramLabel = "N", defaultValue = "10",
      description = "Activation requests allowed per second per token, and the burst size (default: ${DEFAULT-VALUE}).")
  private double writeRate;

  @Override
  public Integer call() throws InterruptedException {
    checkPort(spec, port, "--port");
    checkAddress(spec, bind);
    if (!(writeRate >= 1 && writeRate <= 10_000)) {
      throw new ParameterException(spec.commandLine(), "--write-rate must be from 1 to 10000 (got " + writeRate + ")");
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "serve-shutdown");
    try (Database db = common.openDatabase();
        Warehouse wh = new Warehouse(db, 8);
        ApiServer server = new ApiServer(wh.dsl(), new TokenBucket(writeRate, writeRate, System::nanoTime))) {
      int bound = server.start(bind, port);
      server.warmUpPlans();
      Progress.info("serving http://" + bind + ":" + bound + "/ (API under " + ApiServer.PREFIX
          + ", description at /openapi.json); Ctrl-C stops");
      Runtime.getRuntime().addShutdownHook(hook);
      stop.await();
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  static void checkPort(CommandSpec spec, int port, String option) {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), option + " must be from 0 to 65535 (got " + port + ")");
    }
  }

  static void checkAddress(CommandSpec spec, String bind) {
    // Literal addresses only: a host name would need a lookup and could bind somewhere unexpected.
    if (!bind.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      throw new ParameterException(spec.commandLine(), "--bind must be a literal IP address such as 127.0.0.1 (got '" + bind + "')");
    }
    try {
      InetAddress address = InetAddress.getByName(bind);
      if (!address.isLoopbackAddress()) {
        Progress.info("warning: listening on " + bind + " exposes the API beyond this machine; tokens travel in clear over HTTP");
      }
    } catch (java.net.UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind is not an IP address: " + bind);
    }
  }
}

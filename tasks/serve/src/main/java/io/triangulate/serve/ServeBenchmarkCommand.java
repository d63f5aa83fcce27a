package io.triangulate.serve;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the read API: start the server on 127.0.0.1 (a free port) over the warehouse, send a",
      "bounded number of GET requests from --concurrency closed-loop clients (java.net.http, loopback",
      "only) cycling through the read endpoints, and print requests/s and p50/p95/p99 latency.",
      "Run `triangulate demo` first so the marts hold the demo world. Uses a temporary reader token,",
      "revoked at the end."
    })
public final class ServeBenchmarkCommand implements Callable<Integer> {

  static final List<String> PATHS = List.of(
      "/api/v1/campaigns", "/api/v1/kpis?limit=100", "/api/v1/lift?segment_type=all", "/api/v1/recommendations",
      "/api/v1/attribution?scope=campaign&limit=50", "/api/v1/mmm", "/api/v1/alerts", "/api/v1/kpis?grain=channel&limit=50");

  @Mixin private CommonOptions common;
  @Spec private CommandSpec spec;

  @Option(names = "--requests", paramLabel = "N", defaultValue = "20000",
      description = "Requests to time, after --warmup untimed ones (default: ${DEFAULT-VALUE}).")
  private int requests;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
      description = "Clients sending at once, each waiting for its answer (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
      description = "Untimed requests first, for the JIT and the pool (default: ${DEFAULT-VALUE}).")
  private int warmup;

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || requests > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--requests must be from 1 to 1000000 (got " + requests + ")");
    }
    if (concurrency < 1 || concurrency > 256) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be from 1 to 256 (got " + concurrency + ")");
    }
    if (warmup < 0 || warmup > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--warmup must be from 0 to 1000000 (got " + warmup + ")");
    }
    try (Database db = common.openDatabase();
        Warehouse wh = new Warehouse(db, 8);
        ApiServer server = new ApiServer(wh.dsl(), new TokenBucket(10, 10, System::nanoTime))) {
      TokenStore.Created token = server.tokens().create(Role.READER, "benchmark");
      try {
        int port = server.start("127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(pool).build();
        String base = "http://127.0.0.1:" + port;
        Progress.info("warming up: " + warmup + " requests");
        run(client, base, token.token(), warmup);
        Progress.info("timing " + requests + " requests from " + concurrency + " clients");
        long t0 = System.nanoTime();
        long[] nanos = run(client, base, token.token(), requests);
        double seconds = (System.nanoTime() - t0) / 1e9;
        LatencySummary s = LatencySummary.of(nanos, seconds);
        spec.commandLine().getOut().printf(Locale.ROOT,
            "%d requests, %d clients, %.2f s: %.0f requests/s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            s.requests(), concurrency, s.seconds(), s.perSecond(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs());
        pool.shutdownNow();
      } finally {
        server.tokens().revoke(token.principal().tokenId());
      }
    }
    return 0;
  }

  private long[] run(HttpClient client, String base, String token, int total) throws Exception {
    long[] nanos = new long[total];
    if (total == 0) {
      return nanos;
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        done.add(clients.submit(() -> {
          for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + PATHS.get(i % PATHS.size())))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
            long t = System.nanoTime();
            HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - t;
            if (res.statusCode() != 200) {
              throw new TaskFailure("GET " + req.uri() + " answered " + res.statusCode() + ": "
                  + new String(res.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof TaskFailure tf) {
            throw tf;
          }
          if (e.getCause() instanceof IOException io) {
            throw new TaskFailure("benchmark request failed: " + io);
          }
          throw e;
        }
      }
    } finally {
      clients.shutdownNow();
    }
    return nanos;
  }
}

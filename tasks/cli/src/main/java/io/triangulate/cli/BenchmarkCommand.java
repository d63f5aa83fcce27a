package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.Migrations;
import io.triangulate.core.run.Home;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.core.sql.SqlModelMaterializer;
import io.triangulate.ingest.FileReconciliation;
import io.triangulate.ingest.IntervalLoader;
import io.triangulate.simulate.DayResult;
import io.triangulate.simulate.SimulationConfig;
import io.triangulate.simulate.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the data path at scale: simulate, load (COPY) and build marts for a large world.",
      "",
      "Uses a fresh embedded PostgreSQL in a temporary folder (or --home). Prints, per day, the rows",
      "loaded and rows/s, and the seconds of the day's mart build, so you can see whether the build",
      "grows with the day's rows or with history; then totals and the JVM's peak heap."
    })
public final class BenchmarkCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Option(names = "--members", defaultValue = "1000000", description = "Members in the world (default: ${DEFAULT-VALUE}).")
  private int members;

  @Option(names = "--days", defaultValue = "10", description = "Days to simulate, load and build from the world's start (default: ${DEFAULT-VALUE}).")
  private int days;

  @Override
  public Integer call() throws IOException {
    Simulator simulator = new Simulator(SimulationConfig.load(common.configs()).withMembers(members));
    List<LocalDate> period = simulator.days().subList(0, Math.min(days, simulator.days().size()));
    Path root = Files.createTempDirectory("triangulate-benchmark");
    Home home = new Home(root);
    MartsConfig marts = MartsConfig.load(common.configs());
    Progress.info("benchmark in " + root + ": " + members + " members, " + period.size() + " days");
    System.out.printf(Locale.ROOT, "%-10s %12s %9s %12s %9s %9s%n", "day", "rows loaded", "load s", "rows/s", "build s", "sim s");
    long totalRows = 0;
    double totalLoad = 0;
    double totalBuild = 0;
    double totalSim = 0;
    try (Database db = Database.embedded(root.resolve("pgdata"), 0)) {
      Migrations.migrate(db.dataSource());
      IntervalLoader loader = new IntervalLoader(db.dataSource());
      SqlModelMaterializer materializer = new SqlModelMaterializer(db.dsl());
      for (LocalDate ds : period) {
        long t0 = System.nanoTime();
        DayResult day = simulator.generateDay(ds, home.landing(ds), home.truth(ds));
        long t1 = System.nanoTime();
        List<FileReconciliation> files = loader.load(home.landing(ds), ds, r -> {});
        long t2 = System.nanoTime();
        materializer.materialize(marts.sqlModels(), ds, marts.parameters(), r -> {});
        long t3 = System.nanoTime();
        long rows = files.stream().mapToLong(FileReconciliation::rowsRead).sum();
        double sim = (t1 - t0) / 1e9;
        double load = (t2 - t1) / 1e9;
        double build = (t3 - t2) / 1e9;
        System.out.printf(Locale.ROOT, "%-10s %,12d %9.2f %,12.0f %9.2f %9.2f%n", ds, rows, load, rows / load, build, sim);
        totalRows += rows;
        totalLoad += load;
        totalBuild += build;
        totalSim += sim;
        deleteLanding(home.landing(ds));
        if (day.rows().isEmpty()) {
          break;
        }
      }
    } finally {
      deleteLanding(root);
    }
    System.out.printf(Locale.ROOT, "total: %,d rows loaded in %.1f s (%,.0f rows/s); builds %.1f s (%.2f s/day); simulation %.1f s%n",
        totalRows, totalLoad, totalRows / totalLoad, totalBuild, totalBuild / period.size(), totalSim);
    System.out.printf(Locale.ROOT, "peak JVM heap: %,d MB (PostgreSQL runs in its own processes)%n", peakHeapBytes() / (1024 * 1024));
    return 0;
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static void deleteLanding(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

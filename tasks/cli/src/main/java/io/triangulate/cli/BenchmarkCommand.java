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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
      "Uses a fresh embedded PostgreSQL in a new folder under <home>/benchmark (deleted afterwards).",
      "Prints, per day, the rows loaded and rows/s, and the seconds of the day's mart build, so you",
      "can see whether the build grows with the day's rows or with history; then totals and the",
      "JVM's peak heap. Beside wall-clock seconds it prints CPU seconds (this JVM plus PostgreSQL's",
      "processes, read from /proc on Linux): on a shared machine they show the work done, whatever",
      "else is running. --detail adds the seconds of every file loaded and every model built."
    })
public final class BenchmarkCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Option(names = "--members", defaultValue = "1000000", description = "Members in the world (default: ${DEFAULT-VALUE}).")
  private int members;

  @Option(names = "--days", defaultValue = "10", description = "Days to simulate, load and build from the world's start (default: ${DEFAULT-VALUE}).")
  private int days;

  @Option(names = "--detail", description = "Also print each file's load seconds and each model's build seconds.")
  private boolean detail;

  @Override
  public Integer call() throws IOException {
    Simulator simulator = new Simulator(SimulationConfig.load(common.configs()).withMembers(members));
    List<LocalDate> period = simulator.days().subList(0, Math.min(days, simulator.days().size()));
    Path parent = Files.createDirectories(common.home().root().resolve("benchmark"));
    Path root = Files.createTempDirectory(parent, "run-");
    Home home = new Home(root);
    MartsConfig marts = MartsConfig.load(common.configs());
    Progress.info("benchmark in " + root + ": " + members + " members, " + period.size() + " days");
    System.out.printf(
        Locale.ROOT, "%-10s %12s %9s %12s %9s %10s %9s %9s %11s %9s%n",
        "day", "rows loaded", "load s", "rows/s", "load cpu", "ad events", "build s", "build cpu", "build us/ev", "sim s");
    long totalRows = 0;
    double totalLoad = 0;
    double totalBuild = 0;
    double totalSim = 0;
    CpuMeter.Reading loadCpu = new CpuMeter.Reading(0, 0);
    CpuMeter.Reading buildCpu = new CpuMeter.Reading(0, 0);
    BuildPerEvent perEvent = new BuildPerEvent();
    try (Database db = Database.embedded(root.resolve("pgdata"), 0)) {
      Migrations.migrate(db.dataSource());
      CpuMeter cpu = cpuMeter(db);
      IntervalLoader loader = new IntervalLoader(db.dataSource());
      SqlModelMaterializer materializer = new SqlModelMaterializer(db.dsl());
      for (LocalDate ds : period) {
        long t0 = System.nanoTime();
        DayResult day = simulator.generateDay(ds, home.landing(ds), home.truth(ds));
        long t1 = System.nanoTime();
        CpuMeter.Reading c1 = cpu.read();
        FileTimer files = new FileTimer();
        List<FileReconciliation> loaded = loader.load(home.landing(ds), ds, files::done);
        long t2 = System.nanoTime();
        CpuMeter.Reading c2 = cpu.read();
        List<SqlModelMaterializer.Result> built = materializer.materialize(marts.sqlModels(), ds, marts.parameters(), r -> {});
        long t3 = System.nanoTime();
        CpuMeter.Reading c3 = cpu.read();
        long rows = loaded.stream().mapToLong(FileReconciliation::rowsRead).sum();
        double sim = (t1 - t0) / 1e9;
        double load = (t2 - t1) / 1e9;
        double build = (t3 - t2) / 1e9;
        CpuMeter.Reading dayLoadCpu = c2.minus(c1);
        CpuMeter.Reading dayBuildCpu = c3.minus(c2);
        long events = loaded.stream().filter(r -> r.source().equals("ad_events")).mapToLong(FileReconciliation::rowsLoaded).sum();
        perEvent.add(events, build);
        System.out.printf(
            Locale.ROOT, "%-10s %,12d %9.2f %,12.0f %9.2f %,10d %9.2f %9.2f %11s %9.2f%n",
            ds, rows, load, rows / load, dayLoadCpu.total(), events, build, dayBuildCpu.total(),
            events > 0 ? String.format(Locale.ROOT, "%.1f", build / events * 1e6) : "-", sim);
        if (detail) {
          files.print();
          for (SqlModelMaterializer.Result r : built) {
            System.out.printf(Locale.ROOT, "    build %-34s %,12d rows %9.2f s%n", r.model(), r.rows(), r.millis() / 1e3);
          }
        }
        totalRows += rows;
        totalLoad += load;
        totalBuild += build;
        totalSim += sim;
        loadCpu = plus(loadCpu, dayLoadCpu);
        buildCpu = plus(buildCpu, dayBuildCpu);
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
    System.out.printf(
        Locale.ROOT, "cpu: load %.1f s (JVM %.1f, PostgreSQL %.1f; %,.0f rows per cpu-second); builds %.1f s (JVM %.1f, PostgreSQL %.1f)%n",
        loadCpu.total(), loadCpu.jvm(), loadCpu.postgres(), totalRows / loadCpu.total(),
        buildCpu.total(), buildCpu.jvm(), buildCpu.postgres());
    perEvent.print();
    System.out.printf(Locale.ROOT, "peak JVM heap: %,d MB (PostgreSQL runs in its own processes)%n", peakHeapBytes() / (1024 * 1024));
    return 0;
  }

  /** Finds the server through a backend that stays open while it is looked up. */
  private static CpuMeter cpuMeter(Database db) {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return CpuMeter.forServerOf(rs.getInt(1));
    } catch (SQLException e) {
      throw new IllegalStateException("could not find the PostgreSQL server process", e);
    }
  }

  private static CpuMeter.Reading plus(CpuMeter.Reading a, CpuMeter.Reading b) {
    return new CpuMeter.Reading(a.jvm() + b.jvm(), a.postgres() + b.postgres());
  }

  /**
   * The marts are built from the day's ad events (first exposures, attribution windows, campaign
   * days), so a build that scales with the day and not with history costs the same per event early
   * and late in the run. Compares the two halves of the days that had events.
   */
  private static final class BuildPerEvent {
    private final List<double[]> days = new java.util.ArrayList<>();

    void add(long events, double buildSeconds) {
      if (events > 0) {
        days.add(new double[] {events, buildSeconds});
      }
    }

    void print() {
      if (days.size() < 2) {
        return;
      }
      int half = days.size() / 2;
      System.out.printf(
          Locale.ROOT, "build per ad event: %.1f us over the first %d days with events, %.1f us over the last %d%n",
          microsPerEvent(days.subList(0, half)), half, microsPerEvent(days.subList(half, days.size())), days.size() - half);
    }

    private static double microsPerEvent(List<double[]> part) {
      double events = part.stream().mapToDouble(d -> d[0]).sum();
      double seconds = part.stream().mapToDouble(d -> d[1]).sum();
      return seconds / events * 1e6;
    }
  }

  /** Seconds between the loader's per-file reports: each file's validate, COPY, reconcile and analyze. */
  private static final class FileTimer {
    private long last = System.nanoTime();
    private final List<String> lines = new java.util.ArrayList<>();

    void done(FileReconciliation r) {
      long now = System.nanoTime();
      double seconds = (now - last) / 1e9;
      last = now;
      lines.add(String.format(
          Locale.ROOT, "    load  %-34s %,12d rows %9.2f s %,12.0f rows/s", r.file(), r.rowsRead(), seconds, r.rowsRead() / seconds));
    }

    void print() {
      lines.forEach(System.out::println);
    }
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

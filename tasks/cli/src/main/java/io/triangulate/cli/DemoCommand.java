package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.WarehouseReset;
import io.triangulate.core.run.Home;
import io.triangulate.core.run.Pipeline;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.decide.DecideCommand;
import io.triangulate.decide.DecisionStore;
import io.triangulate.decide.policy.DecisionEngine;
import io.triangulate.decide.policy.DecisionPolicy;
import io.triangulate.evaluate.AttributionEvaluation;
import io.triangulate.evaluate.CampaignScore;
import io.triangulate.evaluate.Coverage;
import io.triangulate.evaluate.EvaluateCommand;
import io.triangulate.evaluate.ExperimentDepthEvaluation;
import io.triangulate.evaluate.GeoEvaluation;
import io.triangulate.evaluate.MmmEvaluation;
import io.triangulate.evaluate.TruthComparison;
import io.triangulate.simulate.SimulationConfig;
import io.triangulate.simulate.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a fresh retail-media world and run the whole pipeline on it, end to end.",
      "",
      "Empties the warehouse and the local landing and truth folders, simulates every day of",
      "configs/simulation.yaml, runs configs/pipeline.yaml day by day (days overlapping, as with",
      "run --overlap-days), then writes to DIR:",
      "campaign_recommendations.csv, experiment_lift.csv, kpi_summary.csv, daily_trends.csv,",
      "evaluation.csv and report.html, and prints the decisions and how often the intervals",
      "cover the simulator's truth."
    })
public final class DemoCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Simulator simulator = new Simulator(SimulationConfig.load(common.configs()));
    List<LocalDate> days = simulator.days();
    LocalDate first = days.get(0);
    LocalDate last = days.get(days.size() - 1);
    Pipeline pipeline = Pipeline.load(common.configs());
    try (Database db = common.openDatabase()) {
      Progress.info("fresh world: emptying the warehouse and local landing files");
      WarehouseReset.truncateAll(db.dsl());
      Home home = common.home();
      deleteTree(home.root().resolve("landing"));
      deleteTree(home.root().resolve("truth"));

      Progress.info("running the pipeline for " + days.size() + " days, " + first + " to " + last);
      RunCommand.runInSession(db, pipeline, common, Set.of(), first, last, true);

      CommonOptions.beginSession(db);
      try {
        PipelineRunner runner = new PipelineRunner(pipeline, RunCommand.sharedArgs(common), Set.of());
        // Marketing mix model on the weekly history plus the simulated weeks (two years of market
        // weeks aggregated: 42 daily periods alone cannot identify eight channels), a short ridge
        // search, 4 × 1,000 NUTS draws with signed channel effects (this world has zero- and
        // negative-lift channels), its budget plans and their closed loop in simulation.
        // The market history's simulated geo tests (synthetic control), read out before the MMM.
        Progress.info("geo test designs of the planned tests (power on the history before each test)");
        runner.runCommand("geo-design", List.of("geo", "design", "--warehouse"), last);
        Progress.info("geo tests of the market history (augmented synthetic control)");
        runner.runCommand("geo-test", List.of("geo", "test"), last);
        Progress.info("marketing mix model on the warehouse (weekly, ridge and Bayesian)");
        runner.runCommand("mmm", List.of("mmm", "fit", "--warehouse", "--grain", "weekly", "--signed-effects", "--out", out.resolve("mmm").toString(),
            "--iterations", "200", "--trials", "2", "--chains", "4", "--warmup", "1000", "--draws", "1000"), last);
        runner.runCommand("optimize", List.of("optimize", "--warehouse", "--grain", "weekly", "--out", out.resolve("mmm").toString()), last);
        runner.runCommand("closed-loop", List.of("closed-loop", "--grain", "weekly", "--out", out.resolve("mmm").toString(),
            "--scenario", "100%,120%"), last);
        new MmmEvaluation(db.dsl()).store(); // the report's MMM vs truth table (evaluation output)
        runner.runCommand("export", List.of("decide", "--out", out.toString()), last);
      } finally {
        CommonOptions.endSession();
      }

      var decisions = new DecisionEngine(DecisionPolicy.load(common.configs())).decide(new DecisionStore(db.dsl()).evidence(last));
      System.out.println();
      System.out.println("Campaign decisions on " + last + " (ranked by incremental ROAS):");
      System.out.print(DecideCommand.table(decisions));

      List<CampaignScore> scores = new TruthComparison(db.dsl(), MartsConfig.load(common.configs())).scores(last);
      Path evaluation = out.resolve(EvaluateCommand.FILE);
      EvaluateCommand.write(scores, evaluation);
      System.out.println();
      System.out.println(EvaluateCommand.summary(last, scores, Coverage.of(scores)));
      String depth = new ExperimentDepthEvaluation(db.dsl(), MartsConfig.load(common.configs()))
          .report(out, last, DecisionPolicy.load(common.configs()).srmMaxPValue());
      if (!depth.isEmpty()) {
        System.out.println(depth);
      }
      new GeoEvaluation(db.dsl()).report(out);
      new MmmEvaluation(db.dsl()).report(out);
      new AttributionEvaluation(db.dsl()).report(out, last);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Demo finished in %.0f s. Outputs in %s (open report.html).%n",
        (System.nanoTime() - start) / 1e9, out.toAbsolutePath());
    return 0;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clear " + dir, e);
    } catch (RuntimeException e) {
      throw new TaskFailure("could not clear " + dir + ": " + e.getMessage(), e);
    }
  }
}

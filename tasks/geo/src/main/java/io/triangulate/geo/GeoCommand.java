package io.triangulate.geo;

import io.triangulate.geo.analyze.GeoAnalyzeCommand;
import io.triangulate.geo.design.GeoCoverageStudyCommand;
import io.triangulate.geo.design.GeoDesignCommand;
import io.triangulate.geo.warehouse.GeoTestCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code triangulate geo}: design and analyse geo experiments (synthetic control) from your own files. */
@Command(
    name = "geo",
    mixinStandardHelpOptions = true,
    description = {
      "Geo experiments: choose which markets to treat and for how long (design), and measure the lift of a"
          + " finished test with synthetic control or augmented synthetic control (analyze); the warehouse's"
          + " simulated geo tests into marts.geo_results (test).",
      ""
    },
    subcommands = {GeoDesignCommand.class, GeoAnalyzeCommand.class, GeoCoverageStudyCommand.class, GeoTestCommand.class})
public final class GeoCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

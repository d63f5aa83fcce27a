package io.triangulate.attribution.bench;

import io.triangulate.attribution.AttributionModel;
import io.triangulate.attribution.AttributionSettings;
import io.triangulate.attribution.AttributionSuite;
import io.triangulate.attribution.PathSet;
import io.triangulate.core.cli.Progress;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Prints seconds per step — a benchmark, not a test: generates touchpoints in PostgreSQL with
 * generate_series (an unlogged table; each of touchpoints / 5 persons gets five touches on twelve
 * channels, channel and time from integer hashes, so every run makes the same rows), aggregates them
 * into journeys and distinct paths in SQL as the journeys mart does, reads the paths and times
 * every model on them. Run with {@code triangulate attribute --benchmark-sql [--benchmark-touchpoints N]}.
 */
public final class PathAggregationBenchmark {

  private static final int TOUCHES_PER_PERSON = 5;

  private PathAggregationBenchmark() {}

  public static void run(PrintWriter out, DSLContext dsl, long touchpoints) {
    long persons = Math.max(1, touchpoints / TOUCHES_PER_PERSON);
    out.printf(Locale.ROOT, "SQL path aggregation: %,d touchpoints, %,d persons, 12 channels%n", touchpoints, persons);
    step(out, "generate touchpoints (generate_series)", () -> {
      dsl.execute("drop table if exists bench_touchpoints");
      dsl.execute("""
          create unlogged table bench_touchpoints as
          select i % ?::bigint                                                             as person,
                 (array['search','display','social','ctv','email','linear_tv','streaming','web_direct',
                        'web_organic','web_search','web_social','web_email'])[1 + abs(hashint8(i)) % 12] as channel,
                 timestamptz '2026-01-01' + make_interval(secs => abs(hashint8(i * 7 + 3)) % 2592000) as touch_ts
          from generate_series(1::bigint, ?::bigint) as g(i)""", persons, touchpoints);
      return dsl.fetchSingle("select count(*) from bench_touchpoints").get(0, Long.class) + " rows";
    });
    step(out, "aggregate journeys into distinct paths (SQL)", () -> {
      dsl.execute("drop table if exists bench_paths");
      dsl.execute("""
          create unlogged table bench_paths as
          select path, count(*) filter (where converted) as conversions, count(*) filter (where not converted) as nulls
          from (
              select person, string_agg(channel, ' > ' order by touch_ts) as path,
                     abs(hashint8(person)) % 20 = 0 as converted
              from bench_touchpoints
              group by person
          ) journeys
          group by path""");
      return dsl.fetchSingle("select count(*) from bench_paths").get(0, Long.class) + " distinct paths";
    });
    PathSet[] paths = new PathSet[1];
    step(out, "read paths into the models' input", () -> {
      PathSet.Builder builder = PathSet.builder();
      for (Record r : dsl.fetch("select path, conversions, nulls from bench_paths order by path")) {
        builder.add(Arrays.asList(r.get(0, String.class).split(" > ")), r.get(1, Long.class), 0, r.get(2, Long.class));
      }
      paths[0] = builder.build();
      return paths[0].size() + " paths";
    });
    AttributionSuite suite = new AttributionSuite(paths[0], AttributionSettings.DEFAULT);
    for (AttributionModel model : AttributionModel.values()) {
      if (suite.reasonToSkip(model).isPresent()) {
        out.printf(Locale.ROOT, "  %-44s %10s%n", model.id(), "skipped (no timestamps)");
        continue;
      }
      step(out, model.id(), () -> {
        suite.run(model);
        return "";
      });
    }
    dsl.execute("drop table if exists bench_paths");
    dsl.execute("drop table if exists bench_touchpoints");
  }

  private interface Step {
    String run();
  }

  private static void step(PrintWriter out, String name, Step step) {
    Progress.info("benchmark: " + name);
    long started = System.nanoTime();
    String detail = step.run();
    out.printf(Locale.ROOT, "  %-44s %10.3f s  %s%n", name, (System.nanoTime() - started) / 1e9, detail);
    out.flush();
  }
}

package io.triangulate.geo.analyze;

import io.triangulate.core.csv.CsvWriter;
import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.PeriodEffect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The per-period CSV of a geo analysis: one row per analysed date, totals over the treated locations. */
final class GeoResultCsv {

  static final List<String> HEADER = List.of(
      "date", "period", "treated", "synthetic", "effect", "effect_low", "effect_high",
      "cumulative_effect", "cumulative_low", "cumulative_high");

  private GeoResultCsv() {}

  static void write(Path out, GeoAnalysis analysis) {
    List<List<?>> rows = new ArrayList<>();
    for (PeriodEffect p : analysis.periods()) {
      rows.add(List.of(p.date().toString(), p.test() ? "test" : "pre", p.treated(), p.synthetic(), p.effect(),
          p.effectLow(), p.effectHigh(), p.cumulative(), p.cumulativeLow(), p.cumulativeHigh()));
    }
    CsvWriter.write(out, HEADER, rows);
  }
}

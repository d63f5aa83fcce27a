package io.triangulate.attribution.warehouse;

import io.triangulate.attribution.PathSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads the path counts of a window of days from {@code marts.path_counts}, summed per distinct path
 * and touch ages by SQL, as the models' {@link PathSet}. Rows come in a fixed order so channel
 * numbering, and with it every model's output, is the same on every run.
 */
public final class PathCountsReader {

  private static final String SQL =
      """
      select path, days_before_conversion,
             sum(conversions)::double precision as conversions,
             sum(value order by ds)             as value,
             sum(nulls)::double precision       as nulls
      from marts.path_counts
      where level = ? and ds between ? and ?
      group by path, days_before_conversion
      order by path, days_before_conversion""";

  private static final String SEPARATOR = " > ";

  private PathCountsReader() {}

  public static PathSet read(DSLContext dsl, String level, LocalDate from, LocalDate to) {
    PathSet.Builder builder = PathSet.builder();
    for (Record r : dsl.fetch(SQL, level, from, to)) {
      List<String> channels = Arrays.asList(r.get("path", String.class).split(SEPARATOR));
      double[] ages = Arrays.stream(r.get("days_before_conversion", String.class).split(SEPARATOR))
          .mapToDouble(Double::parseDouble)
          .toArray();
      builder.add(channels, r.get("conversions", Double.class), r.get("value", Double.class), r.get("nulls", Double.class), ages);
    }
    return builder.build();
  }
}

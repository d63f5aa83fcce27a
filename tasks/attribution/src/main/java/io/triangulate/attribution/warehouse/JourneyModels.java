package io.triangulate.attribution.warehouse;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.sql.SqlModel;
import io.triangulate.core.sql.SqlModelMaterializer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * The SQL models behind attribution, in dependency order: identity graph, resolved touchpoints and
 * conversions, match rates, journeys, path counts. They run here rather than in {@code build}
 * because their parameters (lookback, path length) belong to {@code configs/attribution.yaml};
 * like {@code build}, one transaction replaces the day's rows of every table.
 */
public final class JourneyModels {

  public static final List<String> NAMES = List.of(
      "identity_edges",
      "identity_resolution",
      "journey_touchpoints",
      "journey_conversions",
      "identity_match_daily",
      "journeys",
      "path_counts");

  private JourneyModels() {}

  /** Returns the rows written per model. */
  public static List<SqlModelMaterializer.Result> build(DSLContext dsl, LocalDate ds, AttributionConfig config) {
    List<SqlModel> models = NAMES.stream().map(SqlModel::load).toList();
    return new SqlModelMaterializer(dsl).materialize(models, ds, config.sqlParameters(),
        r -> Progress.info(String.format(Locale.ROOT, "%-26s %,8d rows  %,6d ms", r.model(), r.rows(), r.millis())));
  }
}

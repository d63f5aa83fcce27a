package io.triangulate.attribution.warehouse;

import io.triangulate.attribution.comparison.ExperimentResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** The day's experiment results per campaign (segment 'all') with incremental orders defined. */
final class ExperimentReader {

  private static final String SQL =
      """
      select l.campaign_id, c.channel,
             l.incremental_orders, l.incremental_orders_ci_low, l.incremental_orders_ci_high,
             l.incremental_revenue, l.incremental_revenue_ci_low, l.incremental_revenue_ci_high
      from marts.experiment_lift l
      join staging.stg_campaigns c on c.campaign_id = l.campaign_id
      where l.ds = ?
        and l.segment_type = 'all'
        and l.incremental_orders is not null
        and l.incremental_orders_ci_low is not null
        and l.incremental_revenue is not null
        and l.incremental_revenue_ci_low is not null
      order by l.campaign_id""";

  private ExperimentReader() {}

  /** Every campaign's channel. */
  static Map<String, String> campaignChannels(DSLContext dsl) {
    Map<String, String> channels = new LinkedHashMap<>();
    dsl.fetch("select campaign_id, channel from staging.stg_campaigns order by campaign_id")
        .forEach(r -> channels.put(r.get(0, String.class), r.get(1, String.class)));
    return channels;
  }

  static List<ExperimentResult> read(DSLContext dsl, LocalDate ds) {
    return dsl.fetch(SQL, ds).map(r -> new ExperimentResult(
        r.get(0, String.class), r.get(1, String.class),
        r.get(2, Double.class), r.get(3, Double.class), r.get(4, Double.class),
        r.get(5, Double.class), r.get(6, Double.class), r.get(7, Double.class)));
  }
}

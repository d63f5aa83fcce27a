package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record2;

/** Reads each campaign's spend from its start to the day: the denominator of incremental ROAS. */
public final class CampaignSpendReader {

  private CampaignSpendReader() {}

  /** campaign id → spend to date. */
  public static Map<String, Double> read(DSLContext dsl, LocalDate ds) {
    Map<String, Double> spend = new TreeMap<>();
    for (Record2<String, java.math.BigDecimal> row :
        dsl.select(FCT_CAMPAIGN_TO_DATE.CAMPAIGN_ID, FCT_CAMPAIGN_TO_DATE.SPEND)
            .from(FCT_CAMPAIGN_TO_DATE)
            .where(FCT_CAMPAIGN_TO_DATE.DS.eq(ds))
            .fetch()) {
      spend.put(row.value1(), row.value2().doubleValue());
    }
    return spend;
  }
}

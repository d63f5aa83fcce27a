package io.triangulate.simulate;

import static io.triangulate.db.truth.Tables.CAMPAIGN_DAILY;
import static io.triangulate.db.truth.Tables.CAMPAIGN_PARAMS;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Loads one day's truth files into the {@code truth} schema, replacing that day in one
 * transaction: loading a day twice leaves the same rows as loading it once. The campaign
 * parameters (first day only) replace the whole table.
 */
final class TruthLoader {

  private final DSLContext dsl;

  TruthLoader(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** @return rows inserted into truth.campaign_daily */
  int loadDay(LocalDate ds, Path truthDir) {
    List<TruthFiles.DailyRow> daily = TruthFiles.campaignTruth(truthDir);
    for (TruthFiles.DailyRow row : daily) {
      if (!row.ds().equals(ds)) {
        throw new IllegalStateException(truthDir + " holds a truth row for " + row.ds() + ", expected only " + ds);
      }
    }
    Optional<List<TruthFiles.ParamsRow>> params = TruthFiles.campaignParams(truthDir);
    dsl.transaction(configuration -> {
      DSLContext tx = DSL.using(configuration);
      tx.deleteFrom(CAMPAIGN_DAILY).where(CAMPAIGN_DAILY.DS.eq(ds)).execute();
      if (!daily.isEmpty()) {
        var insert = tx.insertInto(CAMPAIGN_DAILY, CAMPAIGN_DAILY.DS, CAMPAIGN_DAILY.CAMPAIGN_ID,
            CAMPAIGN_DAILY.TRUE_INCREMENTAL_ORDERS, CAMPAIGN_DAILY.TRUE_INCREMENTAL_REVENUE);
        for (TruthFiles.DailyRow row : daily) {
          insert = insert.values(row.ds(), row.campaignId(), row.incrementalOrders(), row.incrementalRevenue());
        }
        insert.execute();
      }
      if (params.isPresent()) {
        tx.deleteFrom(CAMPAIGN_PARAMS).execute();
        var insert = tx.insertInto(CAMPAIGN_PARAMS, CAMPAIGN_PARAMS.CAMPAIGN_ID, CAMPAIGN_PARAMS.TRUE_RELATIVE_LIFT,
            CAMPAIGN_PARAMS.ADSTOCK_DECAY, CAMPAIGN_PARAMS.SATURATION_K, CAMPAIGN_PARAMS.TARGETING_BIAS,
            CAMPAIGN_PARAMS.LIFT_KIND);
        for (TruthFiles.ParamsRow row : params.get()) {
          insert = insert.values(row.campaignId(), row.relativeLift(), row.adstockDecay(), row.saturationK(),
              row.targetingBias(), row.liftKind());
        }
        insert.execute();
      }
    });
    return daily.size();
  }
}

package io.triangulate.simulate;

import static io.triangulate.db.truth.Tables.CAMPAIGN_DAILY;
import static io.triangulate.db.truth.Tables.CAMPAIGN_PARAMS;
import static io.triangulate.db.truth.Tables.CHANNEL_DAILY;
import static io.triangulate.db.truth.Tables.CHANNEL_PARAMS;
import static io.triangulate.db.truth.Tables.IDENTITY;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * Loads one day's truth files into the {@code truth} schema, replacing that day in one
 * transaction: loading a day twice leaves the same rows as loading it once. The campaign and
 * channel parameters and the identity truth (first day only) replace their whole tables; the
 * identity file, millions of rows in a big world, is streamed with COPY.
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
    List<TruthFiles.ChannelDailyRow> channelDaily = TruthFiles.channelDaily(truthDir);
    for (TruthFiles.ChannelDailyRow row : channelDaily) {
      if (!row.ds().equals(ds)) {
        throw new IllegalStateException(truthDir + " holds a channel truth row for " + row.ds() + ", expected only " + ds);
      }
    }
    Optional<List<TruthFiles.ChannelParamsRow>> channelParams = TruthFiles.channelParams(truthDir);
    Optional<Path> identity = TruthFiles.identity(truthDir);
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
      tx.deleteFrom(CHANNEL_DAILY).where(CHANNEL_DAILY.DS.eq(ds)).execute();
      if (!channelDaily.isEmpty()) {
        var insert = tx.insertInto(CHANNEL_DAILY, CHANNEL_DAILY.DS, CHANNEL_DAILY.ADVERTISER_ID, CHANNEL_DAILY.CHANNEL,
            CHANNEL_DAILY.SPEND, CHANNEL_DAILY.TRUE_INCREMENTAL_ORDERS, CHANNEL_DAILY.TRUE_INCREMENTAL_REVENUE);
        for (TruthFiles.ChannelDailyRow row : channelDaily) {
          insert = insert.values(row.ds(), row.advertiserId(), row.channel(), row.spend(), row.incrementalOrders(),
              row.incrementalRevenue());
        }
        insert.execute();
      }
      if (channelParams.isPresent()) {
        tx.deleteFrom(CHANNEL_PARAMS).execute();
        if (!channelParams.get().isEmpty()) {
          var insert = tx.insertInto(CHANNEL_PARAMS, CHANNEL_PARAMS.ADVERTISER_ID, CHANNEL_PARAMS.CHANNEL,
              CHANNEL_PARAMS.ADSTOCK_DECAY, CHANNEL_PARAMS.SATURATION_K, CHANNEL_PARAMS.MAX_RELATIVE_LIFT);
          for (TruthFiles.ChannelParamsRow row : channelParams.get()) {
            insert = insert.values(row.advertiserId(), row.channel(), row.adstockDecay(), row.saturationK(),
                row.maxRelativeLift());
          }
          insert.execute();
        }
      }
      if (identity.isPresent()) {
        tx.deleteFrom(IDENTITY).execute();
        tx.connection(connection -> copyIdentity(connection.unwrap(PGConnection.class), identity.get()));
      }
    });
    return daily.size();
  }

  /** Replaces truth.market_weekly from the first day's history truth file, if present. */
  boolean loadHistory(Path truthDir) {
    return HistoryFiles.loadTruth(dsl, truthDir);
  }

  private static void copyIdentity(PGConnection connection, Path file) throws java.sql.SQLException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      connection.getCopyAPI().copyIn(
          "copy truth.identity (id_type, id, member_id, household_id) from stdin with (format csv, header true)", in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }
}

package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;

import io.triangulate.db.marts.tables.records.ExperimentLiftRecord;
import io.triangulate.experiments.lift.SegmentLift;
import io.triangulate.experiments.stats.Interval;
import io.triangulate.experiments.stats.MeanComparison;
import io.triangulate.experiments.stats.ProportionComparison;
import io.triangulate.experiments.stats.RoasEstimate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Replaces the day's rows of {@code marts.experiment_lift} in one transaction (delete the day, insert
 * the new rows), so a re-run leaves exactly what one run leaves and readers never see half a day.
 * Undefined values (NaN) are stored as SQL NULL.
 */
public final class ExperimentLiftWriter {

  private ExperimentLiftWriter() {}

  /** Returns the number of rows written. */
  public static int replace(DSLContext dsl, LocalDate ds, List<SegmentLift> lifts) {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          tx.deleteFrom(EXPERIMENT_LIFT).where(EXPERIMENT_LIFT.DS.eq(ds)).execute();
          List<ExperimentLiftRecord> rows = new ArrayList<>(lifts.size());
          for (SegmentLift lift : lifts) {
            rows.add(toRow(tx.newRecord(EXPERIMENT_LIFT), ds, lift));
          }
          if (!rows.isEmpty()) {
            tx.batchInsert(rows).execute();
          }
          return rows.size();
        });
  }

  private static ExperimentLiftRecord toRow(ExperimentLiftRecord row, LocalDate ds, SegmentLift lift) {
    row.setDs(ds);
    row.setCampaignId(lift.key().campaignId());
    row.setSegmentType(lift.key().segmentType());
    row.setSegmentValue(lift.key().segmentValue());
    row.setTreatedN(lift.treated().members());
    row.setControlN(lift.control().members());
    row.setTreatedConverters(lift.treated().converters());
    row.setControlConverters(lift.control().converters());

    ProportionComparison conversions = lift.conversions();
    row.setTreatedRate(value(conversions.treatedRate()));
    row.setControlRate(value(conversions.controlRate()));
    row.setAbsLift(value(conversions.absoluteLift()));
    row.setAbsLiftCiLow(low(conversions.absoluteLiftInterval()));
    row.setAbsLiftCiHigh(high(conversions.absoluteLiftInterval()));
    row.setRelLift(value(conversions.relativeLift()));
    row.setRelLiftCiLow(low(conversions.relativeLiftInterval()));
    row.setRelLiftCiHigh(high(conversions.relativeLiftInterval()));
    row.setPValue(value(conversions.pValue()));
    row.setIncrementalConversions(value(lift.incrementalConversions()));

    MeanComparison orders = lift.orders();
    row.setIncrementalOrders(value(orders.incrementalTotal()));
    row.setIncrementalOrdersCiLow(low(orders.incrementalTotalInterval()));
    row.setIncrementalOrdersCiHigh(high(orders.incrementalTotalInterval()));

    MeanComparison revenue = lift.revenue();
    row.setIncrementalRevenue(value(revenue.incrementalTotal()));
    row.setIncrementalRevenueCiLow(low(revenue.incrementalTotalInterval()));
    row.setIncrementalRevenueCiHigh(high(revenue.incrementalTotalInterval()));

    row.setSpend(lift.spend().isPresent() ? value(lift.spend().getAsDouble()) : null);
    RoasEstimate roas = lift.incrementalRoas().orElse(null);
    row.setIncrementalRoas(roas == null ? null : value(roas.value()));
    row.setIncrementalRoasCiLow(roas == null ? null : low(roas.interval()));
    row.setIncrementalRoasCiHigh(roas == null ? null : high(roas.interval()));
    return row;
  }

  private static Double value(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Double low(Interval interval) {
    return value(interval.low());
  }

  private static Double high(Interval interval) {
    return value(interval.high());
  }
}

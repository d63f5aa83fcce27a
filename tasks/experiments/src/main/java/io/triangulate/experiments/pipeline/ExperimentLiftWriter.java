package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;

import io.triangulate.db.marts.tables.records.ExperimentLiftRecord;
import io.triangulate.experiments.depth.AdjustedPValues;
import io.triangulate.experiments.depth.SegmentReadout;
import io.triangulate.experiments.lift.SegmentKey;
import io.triangulate.experiments.lift.SegmentLift;
import io.triangulate.experiments.stats.Interval;
import io.triangulate.experiments.stats.MeanComparison;
import io.triangulate.experiments.stats.ProportionComparison;
import io.triangulate.experiments.stats.RoasEstimate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return replace(dsl, ds, lifts, Map.of(), Map.of());
  }

  /**
   * With the read-outs beside each lift (a key without one leaves those columns null) and the
   * multiple-testing adjustment of the day's p-values.
   */
  public static int replace(
      DSLContext dsl, LocalDate ds, List<SegmentLift> lifts, Map<SegmentKey, SegmentReadout> readouts,
      Map<SegmentKey, AdjustedPValues.Adjusted> adjusted) {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          tx.deleteFrom(EXPERIMENT_LIFT).where(EXPERIMENT_LIFT.DS.eq(ds)).execute();
          List<ExperimentLiftRecord> rows = new ArrayList<>(lifts.size());
          for (SegmentLift lift : lifts) {
            ExperimentLiftRecord row = toRow(tx.newRecord(EXPERIMENT_LIFT), ds, lift);
            SegmentReadout readout = readouts.get(lift.key());
            if (readout != null) {
              withReadout(row, lift, readout);
            }
            AdjustedPValues.Adjusted a = adjusted.get(lift.key());
            if (a != null) {
              withAdjusted(row, lift.key(), a);
            }
            rows.add(row);
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

  private static void withReadout(ExperimentLiftRecord row, SegmentLift lift, SegmentReadout r) {
    row.setPlannedControlShare(value(r.plannedControlShare()));
    r.sampleRatio().ifPresent(srm -> {
      row.setSrmChiSquare(value(srm.chiSquare()));
      row.setSrmPValue(value(srm.pValue()));
    });
    r.cupedConversion().ifPresent(c -> {
      row.setCupedAbsLift(value(c.difference()));
      row.setCupedAbsLiftCiLow(low(c.interval()));
      row.setCupedAbsLiftCiHigh(high(c.interval()));
      row.setCupedPValue(value(c.pValue()));
      row.setCupedVarianceReduction(value(c.varianceReduction()));
    });
    long treated = lift.treated().members();
    r.cupedOrders().ifPresent(c -> {
      row.setCupedIncrementalOrders(value(c.difference() * treated));
      row.setCupedIncrementalOrdersCiLow(low(c.interval().scaled(treated)));
      row.setCupedIncrementalOrdersCiHigh(high(c.interval().scaled(treated)));
      row.setCupedOrdersVarianceReduction(value(c.varianceReduction()));
    });
    r.sequential().ifPresent(v -> {
      row.setSeqAbsLiftCiLow(low(v.interval()));
      row.setSeqAbsLiftCiHigh(high(v.interval()));
      row.setSeqPValue(value(v.pValue()));
    });
    row.setSeqStatus(r.sequentialStatus());
    r.bayesian().ifPresent(b -> {
      row.setBayesProbBeatControl(value(b.chanceToBeatControl()));
      row.setBayesExpectedLoss(value(b.expectedLossChoosingTreated()));
    });
    r.revenuePerOrder().ifPresent(x -> {
      row.setTreatedRevenuePerOrder(value(x.treated().ratio()));
      row.setControlRevenuePerOrder(value(x.control().ratio()));
      row.setRevenuePerOrderDiff(value(x.difference()));
      row.setRevenuePerOrderDiffCiLow(low(x.interval()));
      row.setRevenuePerOrderDiffCiHigh(high(x.interval()));
    });
    r.ordersPerMember().ifPresent(x -> {
      row.setOrdersPerMemberDiff(value(x.difference()));
      row.setOrdersPerMemberDiffCiLow(low(x.interval()));
      row.setOrdersPerMemberDiffCiHigh(high(x.interval()));
    });
    row.setLtvHorizonDays(r.ltvHorizonDays());
    MeanComparison revenue = lift.revenue();
    row.setLtvUplift(value(revenue.difference()));
    row.setLtvUpliftCiLow(low(revenue.differenceInterval()));
    row.setLtvUpliftCiHigh(high(revenue.differenceInterval()));
  }

  private static void withAdjusted(ExperimentLiftRecord row, SegmentKey key, AdjustedPValues.Adjusted a) {
    if (key.isWholeCampaign()) {
      row.setPValueBhCampaigns(value(a.bh()));
      row.setPValueHolmCampaigns(value(a.holm()));
    } else {
      row.setPValueBh(value(a.bh()));
      row.setPValueHolm(value(a.holm()));
    }
    row.setBhSignificant(a.significant());
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

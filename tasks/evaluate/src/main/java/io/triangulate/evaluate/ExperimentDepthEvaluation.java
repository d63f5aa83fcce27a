package io.triangulate.evaluate;

import io.triangulate.core.csv.CsvWriter;
import io.triangulate.core.sql.MartsConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Scores the experiments' issue-11 read-outs against the simulator's truth, per campaign (whole
 * campaign): the CUPED interval of incremental orders, and the LTV uplift (revenue per exposed
 * treated member over the observed horizon) against the true incremental revenue per treated
 * member on the same horizon. Both truths are summed over the window the estimates use (campaign
 * start to min(ds, end + post-campaign days)); the LTV window is 90 days after each member's first
 * exposure, and since the simulator's effects stop at the campaign end plus its adstock lag (≤ the
 * post-campaign days), the truth over that window equals the truth over the observed horizon
 * whenever the flight plus lag is shorter than 90 days, as in every configured world.
 *
 * <p>Campaigns whose sample-ratio check failed are scored but reported apart: their estimates are
 * biased by construction (the SRM trap), and nobody should act on them.
 */
public final class ExperimentDepthEvaluation {

  public static final String FILE = "experiment_depth_evaluation.csv";

  /** One campaign's read-outs against the truth. */
  public record Score(
      String campaignId, double srmPValue, double trueOrders, double cupedOrders, double cupedLow, double cupedHigh,
      double unadjustedLow, double unadjustedHigh, double varianceReduction, double trueLtv, double ltv,
      double ltvLow, double ltvHigh, int horizonDays) {

    public boolean cupedCovered() {
      return cupedLow <= trueOrders && trueOrders <= cupedHigh;
    }

    public boolean ltvCovered() {
      return ltvLow <= trueLtv && trueLtv <= ltvHigh;
    }

    public boolean srmFlagged(double maxPValue) {
      return srmPValue < maxPValue;
    }

    /** CUPED interval width / unadjusted width; √(1 − variance reduction) by construction. */
    public double widthRatio() {
      return (cupedHigh - cupedLow) / (unadjustedHigh - unadjustedLow);
    }
  }

  private static final String SQL =
      """
      with windows as (
          select campaign_id, start_date, least(?::date, end_date + ?::int) as outcome_end
          from staging.stg_campaigns
      )
      select l.campaign_id, l.srm_p_value, l.treated_n,
             coalesce(sum(t.true_incremental_orders), 0)  as true_orders,
             coalesce(sum(t.true_incremental_revenue), 0) as true_revenue,
             l.cuped_incremental_orders, l.cuped_incremental_orders_ci_low, l.cuped_incremental_orders_ci_high,
             l.incremental_orders_ci_low, l.incremental_orders_ci_high, l.cuped_orders_variance_reduction,
             l.ltv_uplift, l.ltv_uplift_ci_low, l.ltv_uplift_ci_high, l.ltv_horizon_days
      from marts.experiment_lift l
      join windows w on w.campaign_id = l.campaign_id
      left join truth.campaign_daily t
        on t.campaign_id = l.campaign_id and t.ds between w.start_date and w.outcome_end
      where l.ds = ? and l.segment_type = 'all' and l.cuped_incremental_orders is not null
        and l.ltv_uplift is not null and l.treated_n > 0
      group by l.campaign_id, l.srm_p_value, l.treated_n, l.cuped_incremental_orders, l.cuped_incremental_orders_ci_low,
               l.cuped_incremental_orders_ci_high, l.incremental_orders_ci_low, l.incremental_orders_ci_high,
               l.cuped_orders_variance_reduction, l.ltv_uplift, l.ltv_uplift_ci_low, l.ltv_uplift_ci_high,
               l.ltv_horizon_days
      order by l.campaign_id""";

  private final DSLContext dsl;
  private final MartsConfig marts;

  public ExperimentDepthEvaluation(DSLContext dsl, MartsConfig marts) {
    this.dsl = dsl;
    this.marts = marts;
  }

  public List<Score> scores(LocalDate ds) {
    return dsl.fetch(SQL, ds, marts.experiments().postCampaignDays(), ds).map(ExperimentDepthEvaluation::score);
  }

  private static Score score(Record r) {
    long treated = r.get("treated_n", Long.class);
    Double srm = r.get("srm_p_value", Double.class);
    return new Score(r.get("campaign_id", String.class), srm == null ? Double.NaN : srm,
        r.get("true_orders", Double.class), r.get("cuped_incremental_orders", Double.class),
        r.get("cuped_incremental_orders_ci_low", Double.class), r.get("cuped_incremental_orders_ci_high", Double.class),
        r.get("incremental_orders_ci_low", Double.class), r.get("incremental_orders_ci_high", Double.class),
        r.get("cuped_orders_variance_reduction", Double.class), r.get("true_revenue", Double.class) / treated,
        r.get("ltv_uplift", Double.class), r.get("ltv_uplift_ci_low", Double.class),
        r.get("ltv_uplift_ci_high", Double.class), r.get("ltv_horizon_days", Integer.class));
  }

  /** Writes the scores and returns a printable summary (coverage over campaigns that pass the SRM check). */
  public String report(Path out, LocalDate ds, double srmMaxPValue) {
    List<Score> scores = scores(ds);
    if (scores.isEmpty()) {
      return "";
    }
    try (CsvWriter w = CsvWriter.open(out.resolve(FILE), List.of(
        "campaign_id", "srm_p_value", "srm_flag", "true_incremental_orders", "cuped_incremental_orders", "cuped_ci_low",
        "cuped_ci_high", "cuped_covered", "cuped_variance_reduction", "width_ratio", "true_ltv_uplift", "ltv_uplift",
        "ltv_ci_low", "ltv_ci_high", "ltv_covered", "ltv_horizon_days"))) {
      for (Score s : scores) {
        w.row(s.campaignId(), s.srmPValue(), s.srmFlagged(srmMaxPValue), s.trueOrders(), s.cupedOrders(), s.cupedLow(),
            s.cupedHigh(), s.cupedCovered(), s.varianceReduction(), s.widthRatio(), s.trueLtv(), s.ltv(), s.ltvLow(),
            s.ltvHigh(), s.ltvCovered(), s.horizonDays());
      }
    }
    List<Score> clean = scores.stream().filter(s -> !s.srmFlagged(srmMaxPValue)).toList();
    List<String> flagged = scores.stream().filter(s -> s.srmFlagged(srmMaxPValue)).map(Score::campaignId).toList();
    long cuped = clean.stream().filter(Score::cupedCovered).count();
    long ltv = clean.stream().filter(Score::ltvCovered).count();
    double reduction = clean.stream().mapToDouble(Score::varianceReduction).average().orElse(Double.NaN);
    return String.format(Locale.ROOT,
        "  CUPED intervals of incremental orders covering the truth: %d of %d (mean variance reduction %.1f%%);"
            + " LTV uplift intervals covering the true revenue per treated member: %d of %d; sample-ratio flagged"
            + " (left out): %s",
        cuped, clean.size(), 100 * reduction, ltv, clean.size(), flagged.isEmpty() ? "none" : String.join(", ", flagged));
  }
}

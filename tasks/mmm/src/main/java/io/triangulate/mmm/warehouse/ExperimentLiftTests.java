package io.triangulate.mmm.warehouse;

import io.triangulate.mmm.model.LiftTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The platform's own experiments as MMM calibration: each campaign's overall lift (segment
 * {@code all}) from the latest {@code marts.experiment_lift} day up to the fit's end becomes a
 * lift test on the campaign's channel. The holdout says what removing the campaign's spend would
 * have lost, so the test is written as a spend change of minus the campaign's spend over its
 * outcome window (start to end + the post-campaign days, capped at the fit's end) and an
 * incremental target of minus the measured incremental revenue (or orders). The standard error is
 * the 95% interval's half-width over 1.96, the normal approximation the experiment task uses.
 */
public final class ExperimentLiftTests {

  private static final double Z95 = 1.959963984540054;

  private static final String SQL =
      """
      select c.campaign_id, c.channel, c.start_date, c.end_date, l.spend,
             l.incremental_revenue, l.incremental_revenue_ci_low, l.incremental_revenue_ci_high,
             l.incremental_orders, l.incremental_orders_ci_low, l.incremental_orders_ci_high
      from marts.experiment_lift l
      join marts.fct_campaign_to_date c on c.ds = l.ds and c.campaign_id = l.campaign_id
      where l.ds = (select max(ds) from marts.experiment_lift where ds <= ?)
        and l.segment_type = 'all'
        and (? = 'all' or c.advertiser_id = ?)
      order by c.campaign_id""";

  /** The tests plus the campaigns that could not be used and why. */
  public record Read(List<LiftTest> tests, List<String> skipped) {}

  private final DSLContext dsl;

  public ExperimentLiftTests(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Read read(LocalDate from, LocalDate to, int postCampaignDays, WarehouseTarget target, String advertiser,
      List<String> channels) {
    List<LiftTest> tests = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Record r : dsl.fetch(SQL, to, advertiser, advertiser)) {
      String campaign = r.get("campaign_id", String.class);
      String channel = r.get("channel", String.class);
      LocalDate start = r.get("start_date", LocalDate.class);
      LocalDate end = r.get("end_date", LocalDate.class).plusDays(postCampaignDays);
      if (end.isAfter(to)) {
        end = to;
      }
      String prefix = target == WarehouseTarget.REVENUE ? "incremental_revenue" : "incremental_orders";
      Double estimate = r.get(prefix, Double.class);
      Double low = r.get(prefix + "_ci_low", Double.class);
      Double high = r.get(prefix + "_ci_high", Double.class);
      Double spend = r.get("spend", Double.class);
      if (!channels.contains(channel)) {
        skipped.add(campaign + " (channel " + channel + " not modelled)");
      } else if (start.isBefore(from)) {
        skipped.add(campaign + " (started " + start + ", before the fitted window)");
      } else if (estimate == null || low == null || high == null || !(high > low)) {
        skipped.add(campaign + " (no interval yet)");
      } else if (spend == null || !(spend > 0)) {
        skipped.add(campaign + " (no spend)");
      } else {
        double standardError = (high - low) / (2 * Z95);
        tests.add(new LiftTest(channel, start, end, -spend, -estimate, standardError));
      }
    }
    return new Read(tests, skipped);
  }
}

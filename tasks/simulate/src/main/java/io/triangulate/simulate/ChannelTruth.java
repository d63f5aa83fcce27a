package io.triangulate.simulate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of the channel-level files: the brand media's daily spend ({@code channel_spend.csv}, what
 * the advertisers' media vendors report), and the truth per channel and advertiser
 * ({@code channel_daily.csv}, {@code channel_params.csv}).
 *
 * <p>Truth rows exist for every advertiser and channel with activity that day: an onsite channel
 * when one of the advertiser's campaigns on it is in flight or in its adstock tail (its spend and
 * incremental orders are the sums of those campaigns'), a brand channel the advertiser buys when
 * it spends or still has an effect. Brand channels' incremental orders and revenue cover the
 * platform's transactions and the brand site's purchases.
 */
final class ChannelTruth {

  private final World world;

  ChannelTruth(World world) {
    this.world = world;
  }

  /** Brand channels only: onsite channels' parameters are per campaign, in campaign_params.csv. */
  long params(Writer out) throws IOException {
    BrandPlan plan = world.brandPlan;
    StringBuilder sb = new StringBuilder();
    long rows = 0;
    for (Advertiser a : world.advertisers) {
      for (int k = 0; k < BrandPlan.CHANNELS; k++) {
        if (!plan.buys[k][a.index()]) {
          continue;
        }
        sb.append(a.id()).append(',').append(BrandPlan.channel(k)).append(',');
        Csv.fixed(sb, plan.adstockDecay[k][a.index()], 6);
        sb.append(',');
        Csv.fixed(sb, plan.saturationK[k][a.index()], 6);
        sb.append(',');
        Csv.fixed(sb, plan.maxLift[k][a.index()], 6);
        sb.append('\n');
        rows++;
      }
    }
    out.append(sb);
    return rows;
  }

  /** One row per advertiser and brand channel that spent today; impressions empty for OOH. */
  long spendRows(Writer out, LocalDate ds, List<BrandDelivery.Day> brandDays) throws IOException {
    StringBuilder sb = new StringBuilder();
    long rows = 0;
    for (BrandDelivery.Day day : brandDays) {
      for (int k = 0; k < BrandPlan.CHANNELS; k++) {
        if (day.spend()[k] <= 0) {
          continue;
        }
        sb.append(ds).append(',').append(day.advertiser().id()).append(',').append(BrandPlan.channel(k)).append(',');
        Csv.fixed(sb, day.spend()[k], 2);
        sb.append(',');
        if (k != BrandPlan.OOH) {
          sb.append(day.impressions()[k]);
        }
        sb.append('\n');
        rows++;
      }
    }
    out.append(sb);
    return rows;
  }

  long dailyRows(Writer out, LocalDate ds, List<CampaignDay> campaignDays, List<BrandDelivery.Day> brandDays)
      throws IOException {
    List<String> onsite = new ArrayList<>(world.config.channels().keySet());
    StringBuilder sb = new StringBuilder();
    long rows = 0;
    for (BrandDelivery.Day brand : brandDays) {
      Advertiser a = brand.advertiser();
      for (String channel : onsite) {
        boolean active = false;
        double spend = 0;
        double orders = 0;
        double revenue = 0;
        for (CampaignDay c : campaignDays) {
          if (c.campaign().advertiser().index() == a.index() && c.campaign().channel().equals(channel)) {
            active = true;
            spend += c.spend();
            orders += c.trueOrders();
            revenue += c.trueRevenue();
          }
        }
        if (active) {
          row(sb, ds, a, channel, spend, orders, revenue);
          rows++;
        }
      }
      for (int k = 0; k < BrandPlan.CHANNELS; k++) {
        if (brand.spend()[k] > 0 || brand.trueOrders()[k] != 0) {
          row(sb, ds, a, BrandPlan.channel(k), brand.spend()[k], brand.trueOrders()[k], brand.trueRevenue()[k]);
          rows++;
        }
      }
    }
    out.append(sb);
    return rows;
  }

  private static void row(StringBuilder sb, LocalDate ds, Advertiser a, String channel, double spend, double orders,
      double revenue) {
    sb.append(ds).append(',').append(a.id()).append(',').append(channel).append(',');
    Csv.fixed(sb, spend, 6);
    sb.append(',');
    Csv.fixed(sb, orders, 6);
    sb.append(',');
    Csv.fixed(sb, revenue, 6);
    sb.append('\n');
  }
}

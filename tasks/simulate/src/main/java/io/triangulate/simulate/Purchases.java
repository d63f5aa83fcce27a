package io.triangulate.simulate;

import io.triangulate.simulate.config.OrderConfig;
import java.time.LocalDate;

/**
 * Simulates one advertiser's orders on one day: one Bernoulli per member with
 * {@code p = p0 × (1 + Σ_c r_c)}, where p0 = s × propensity × advertiser share × weekday factor
 * and r_c are the campaigns' effects on that member today. So a member orders from an advertiser
 * at most once a day, and the expected incremental orders of campaign c are exactly Σ p0 × r_c.
 */
final class Purchases {

  /** One advertiser-day of transactions rows (no header). */
  record Day(Advertiser advertiser, StringBuilder rows, long orders, double revenue) {}

  private static final int SECONDS_PER_DAY = 86_400;

  private final World world;
  private final long purchaseKey;

  Purchases(World world) {
    this.world = world;
    this.purchaseKey = Draws.key(world.config.seed(), Draws.PURCHASE);
  }

  /** @param effects Σ_c r_c per member for this advertiser's campaigns, or null when none has an effect today */
  Day simulate(Advertiser advertiser, double[] effects, LocalDate day) {
    Members members = world.members;
    OrderConfig orders = world.config.orders();
    double baseline = world.dayFactor(day) * advertiser.purchaseShare();
    long dayKey = Draws.then(Draws.then(purchaseKey, advertiser.index()), day.toEpochDay());
    String idPrefix = "O" + AdDelivery.compact(day) + "-" + advertiser.id() + "-";
    String dayPrefix = day + "T";
    StringBuilder text = new StringBuilder(1 << 12);
    long count = 0;
    double revenueTotal = 0;
    for (int i = 0; i < members.count; i++) {
      double p = baseline * members.propensity[i] * (effects == null ? 1.0 : 1.0 + effects[i]);
      long h = Draws.then(dayKey, i);
      if (Draws.uniform(h) >= p) {
        continue;
      }
      count++;
      int second = Draws.below(Draws.then(h, 1), SECONDS_PER_DAY);
      double revenue =
          Math.round(members.orderValue[i] * Draws.meanOneLognormal(Draws.then(h, 2), orders.orderNoiseSigma()) * 100.0)
              / 100.0;
      double itemPrice = orders.meanItemPrice() * (0.6 + 0.8 * Draws.uniform(Draws.then(h, 3)));
      long items = Math.max(1, Math.round(revenue / itemPrice));
      revenueTotal += revenue;

      text.append(idPrefix);
      Csv.padded(text, count, 6);
      text.append(',');
      Csv.timestamp(text, dayPrefix, second);
      text.append(",M");
      Csv.padded(text, i + 1L, Ids.MEMBER_DIGITS);
      text.append(',').append(advertiser.id()).append(',');
      Csv.fixed(text, revenue, 2);
      text.append(',').append(items).append('\n');
    }
    return new Day(advertiser, text, count, revenueTotal);
  }
}

package io.triangulate.evaluate;

/**
 * One channel's MMM ROAS against the simulator's true ROAS over the fitted window (Σ true
 * incremental revenue ÷ Σ spend from truth.channel_daily and, for weeks of the market history,
 * truth.market_weekly; orders per unit of spend when the model explains orders), and its share of
 * the target: the model's contribution share beside the true incremental target ÷ the summed target.
 */
public record ChannelRoasScore(
    String model, String channel, double spend, double trueRoas, double roas, double roasLow, double roasHigh,
    double trueShare, double share) {

  /** Absolute error of the contribution share, in percentage points. */
  public double shareErrorPoints() {
    return 100 * Math.abs(share - trueShare);
  }

  public boolean covered() {
    return roasLow <= trueRoas && trueRoas <= roasHigh;
  }

  public double width() {
    return roasHigh - roasLow;
  }
}

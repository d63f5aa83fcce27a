package io.triangulate.evaluate;

/**
 * One channel's MMM ROAS against the simulator's true ROAS over the fitted window (Σ true
 * incremental revenue ÷ Σ spend from truth.channel_daily; orders per unit of spend when the model
 * explains orders).
 */
public record ChannelRoasScore(
    String model, String channel, double spend, double trueRoas, double roas, double roasLow, double roasHigh) {

  public boolean covered() {
    return roasLow <= trueRoas && trueRoas <= roasHigh;
  }

  public double width() {
    return roasHigh - roasLow;
  }
}

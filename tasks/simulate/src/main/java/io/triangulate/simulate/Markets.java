package io.triangulate.simulate;

/**
 * The markets members live in (DMA-like geographies). Sizes follow Zipf's law, as the populations
 * of US DMAs roughly do: the market of rank r (1-based) holds a share r^-s / Σ_q q^-s of members.
 * Members are assigned by a seeded draw per member against those shares, so the counts vary
 * binomially around them. Each market also gets a yearly seasonality amplitude and phase (used by
 * the aggregate history only; the member-level period is short enough to treat as one season).
 */
final class Markets {

  private static final int PURPOSE = 101;

  final int count;
  /** Expected share of members per market, rank order (market 0 is the largest). */
  final double[] share;
  /** Market of each member. */
  final int[] marketOf;
  final double[] seasonalityAmplitude;
  final double[] seasonalityPhase;

  private Markets(int count, double[] share, int[] marketOf, double[] amplitude, double[] phase) {
    this.count = count;
    this.share = share;
    this.marketOf = marketOf;
    this.seasonalityAmplitude = amplitude;
    this.seasonalityPhase = phase;
  }

  static Markets assign(int members, int count, double sizeExponent, double amplitudeMax, long seed) {
    double[] share = zipfShares(count, sizeExponent);
    double[] cumulative = new double[count];
    double sum = 0;
    for (int m = 0; m < count; m++) {
      sum += share[m];
      cumulative[m] = sum;
    }
    cumulative[count - 1] = 1.0;
    long key = Draws.key(seed, PURPOSE);
    int[] marketOf = new int[members];
    for (int i = 0; i < members; i++) {
      marketOf[i] = Draws.category(cumulative, Draws.uniform(Draws.then(key, i)));
    }
    double[] amplitude = new double[count];
    double[] phase = new double[count];
    for (int m = 0; m < count; m++) {
      long h = Draws.then(Draws.then(key, -1), m);
      amplitude[m] = amplitudeMax * Draws.uniform(Draws.then(h, 0));
      phase[m] = 2.0 * Math.PI * Draws.uniform(Draws.then(h, 1));
    }
    return new Markets(count, share, marketOf, amplitude, phase);
  }

  /** Zipf shares r^-s / Σ q^-s for ranks r = 1..count. */
  static double[] zipfShares(int count, double exponent) {
    double[] share = new double[count];
    double total = 0;
    for (int r = 1; r <= count; r++) {
      share[r - 1] = Math.pow(r, -exponent);
      total += share[r - 1];
    }
    for (int m = 0; m < count; m++) {
      share[m] /= total;
    }
    return share;
  }

  static String id(int market) {
    return String.format(java.util.Locale.ROOT, "M%02d", market + 1);
  }

  /**
   * Yearly seasonality of market m on a day {@code daysFromStart} after the member-level start:
   * {@code 1 + a (cos(2π t / 365.25 + φ) − cos φ)}, which is exactly 1 on the start day of every
   * year and stays within ±2a, so the history joins the member-level period without a jump.
   */
  double seasonality(int market, long daysFromStart) {
    double a = seasonalityAmplitude[market];
    double phi = seasonalityPhase[market];
    return 1.0 + a * (Math.cos(2.0 * Math.PI * daysFromStart / 365.25 + phi) - Math.cos(phi));
  }
}

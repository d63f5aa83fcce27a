package io.triangulate.simulate;

/**
 * Counter-based random numbers: every draw is a hash of (seed, purpose, entity, day, …), so any
 * draw can be recomputed alone, in any order, on any thread. That is what lets day {@code d} be
 * generated without days before it and still match a sequential run byte for byte.
 *
 * <p>Keys are chained with the SplitMix64 finaliser: {@code key(seed, purpose)} then
 * {@code then(key, entity)}, {@code then(…, day)}. Floating-point transforms use {@link StrictMath}
 * so results do not depend on the CPU or JIT intrinsics.
 */
final class Draws {

  // One purpose per kind of decision, so that e.g. the audience draw and the arm draw of the same
  // member and campaign are independent.
  static final int MEMBER = 1;
  static final int ADVERTISER = 2;
  static final int CAMPAIGN = 3;
  static final int CREATIVE = 4;
  static final int AUDIENCE = 5;
  static final int ARM = 6;
  static final int OPPORTUNITY = 7;
  static final int PURCHASE = 8;
  static final int LIFT_KINDS = 9;
  static final int FLIGHT_SLOTS = 10;
  static final int HOUSEHOLD = 11;
  static final int IDENTITY = 12;
  static final int IDENTITY_LINK = 13;
  static final int BRAND_PLAN = 14;
  static final int TV = 15;
  static final int STREAMING = 16;
  static final int WEB_VISIT = 17;
  static final int WEB_PURCHASE = 18;
  static final int CLICK_VISIT = 19;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Draws() {}

  static long key(long seed, int purpose) {
    return mix(mix(seed) + purpose * GOLDEN);
  }

  static long then(long key, long value) {
    return mix(key + (value + 1) * GOLDEN);
  }

  /** Uniform in [0, 1) from the top 53 bits of a hash. */
  static double uniform(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /**
   * One of four 16-bit uniforms in [0, 1) packed in a hash ({@code slot} 0..3): for daily
   * exposure draws of millions of ids, where one hash per four days quarters the hashing and a
   * resolution of 2^-16 is far below the probabilities drawn against.
   */
  static double quarter(long hash, int slot) {
    return ((hash >>> (16 * slot)) & 0xFFFF) * 0x1.0p-16;
  }

  /** Integer in [0, bound). */
  static int below(long hash, int bound) {
    return (int) (uniform(hash) * bound);
  }

  /** Standard normal (Box–Muller) from a hash and its successor. */
  static double normal(long hash) {
    double u1 = 1.0 - uniform(hash); // (0, 1]: the logarithm stays finite
    double u2 = uniform(mix(hash + GOLDEN));
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
  }

  /** Lognormal with mean 1: {@code exp(sigma z - sigma²/2)}. */
  static double meanOneLognormal(long hash, double sigma) {
    return StrictMath.exp(sigma * normal(hash) - sigma * sigma / 2.0);
  }

  /** The category a uniform draw {@code u} falls in, given cumulative shares ending at 1. */
  static int category(double[] cumulative, double u) {
    for (int k = 0; k < cumulative.length - 1; k++) {
      if (u < cumulative[k]) {
        return k;
      }
    }
    return cumulative.length - 1;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

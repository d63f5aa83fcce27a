package io.triangulate.simulate;

/**
 * Keeps the last built simulator: {@code triangulate run} calls {@code simulate --ds D} once per
 * day in one process, and rebuilding the world (members, audiences, calibration) every day would
 * cost more than generating the day. Configs are records, so equal settings find the same world.
 */
final class SimulatorCache {

  private static Simulator last;

  private SimulatorCache() {}

  static synchronized Simulator get(SimulationConfig config) {
    if (last == null || !last.config().equals(config)) {
      last = null; // let the old world go before building the new one
      last = new Simulator(config);
    }
    return last;
  }
}

package io.triangulate.simulate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Spend multipliers per channel over a range of days, for the closed-loop
 * {@link Simulator#expectedOutcome}: outside the range, or for a channel not named, the multiplier
 * is 1 and the world is exactly the generated one.
 */
final class SpendScenario {

  static final SpendScenario ACTUAL = new SpendScenario(Map.of(), 0, -1);

  private final Map<String, Double> multipliers;
  private final long fromDay;
  private final long toDay;

  private SpendScenario(Map<String, Double> multipliers, long fromDay, long toDay) {
    this.multipliers = multipliers;
    this.fromDay = fromDay;
    this.toDay = toDay;
  }

  /** @throws IllegalArgumentException for an unknown channel or a negative or non-finite multiplier */
  static SpendScenario of(Map<String, Double> multipliers, LocalDate from, LocalDate to, List<String> channels) {
    Map<String, Double> checked = new HashMap<>();
    for (Map.Entry<String, Double> e : multipliers.entrySet()) {
      if (!channels.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown channel '" + e.getKey() + "' in spend multipliers; allowed: " + new TreeSet<>(channels));
      }
      Double m = e.getValue();
      if (m == null || !Double.isFinite(m) || m < 0) {
        throw new IllegalArgumentException("spend multiplier of " + e.getKey() + " must be a finite number >= 0, got " + m);
      }
      checked.put(e.getKey(), m);
    }
    return new SpendScenario(Map.copyOf(checked), from.toEpochDay(), to.toEpochDay());
  }

  double multiplier(String channel, long epochDay) {
    if (epochDay < fromDay || epochDay > toDay) {
      return 1.0;
    }
    return multipliers.getOrDefault(channel, 1.0);
  }
}

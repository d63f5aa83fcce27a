package io.triangulate.mmm.model;

import io.triangulate.mmm.transform.MediaTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * A lift test mapped onto the model's periods. The spend change is spread evenly over the periods
 * whose date falls in the test window; the model-implied incremental target is
 * {@code β · Σ_{t in window} [f(adstock(x + Δ))_t − f(adstock(x))_t]}, i.e. what the test could
 * observe inside its window (carryover spilling past the end is not counted, as the test did not
 * measure it).
 *
 * @param scaledDelta spend change per period on the channel's scaled spend, zero outside the window
 */
public record PreparedLiftTest(LiftTest test, int channel, int from, int to, double[] scaledDelta) {

  public static List<PreparedLiftTest> prepare(List<LiftTest> tests, ModelInputs inputs) {
    List<PreparedLiftTest> prepared = new ArrayList<>();
    for (LiftTest test : tests) {
      int channel = inputs.channels().indexOf(test.channel());
      if (channel < 0) {
        throw new IllegalArgumentException(
            "lift test names channel '" + test.channel() + "', which is not among --channels " + inputs.channels());
      }
      int from = -1;
      int to = -1;
      for (int t = 0; t < inputs.periods(); t++) {
        boolean inside = !inputs.dates()[t].isBefore(test.start()) && !inputs.dates()[t].isAfter(test.end());
        if (inside) {
          if (from < 0) {
            from = t;
          }
          to = t;
        }
      }
      if (from < 0) {
        throw new IllegalArgumentException("lift test on " + test.channel() + " (" + test.start() + " to " + test.end()
            + ") covers no period of the data (" + inputs.dates()[0] + " to " + inputs.dates()[inputs.periods() - 1] + ")");
      }
      double[] delta = new double[inputs.periods()];
      double perPeriod = test.spendChange() / (to - from + 1) / inputs.spendScale()[channel];
      for (int t = from; t <= to; t++) {
        // A decrease cannot take spend below zero.
        delta[t] = Math.max(perPeriod, -inputs.scaledSpend()[channel][t]);
      }
      prepared.add(new PreparedLiftTest(test, channel, from, to, delta));
    }
    return prepared;
  }

  /** Saturated response (without β) summed over the window, after minus before the change. */
  public double responseChange(MediaTransform transform, double[] scaledSpend) {
    double[] shifted = new double[scaledSpend.length];
    for (int t = 0; t < shifted.length; t++) {
      shifted[t] = scaledSpend[t] + scaledDelta[t];
    }
    double[] before = transform.response(scaledSpend);
    double[] after = transform.response(shifted);
    double change = 0;
    for (int t = from; t <= to; t++) {
      change += after[t] - before[t];
    }
    return change;
  }
}

package io.triangulate.attribution.markov;

import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Markov-chain attribution by removal effects: a channel's credit is the share of conversions the
 * chain loses when the channel is removed, normalised so credits add up to observed conversions.
 * Value is credited the same way with the value removal effect (expected conversion value lost),
 * so channels that close larger baskets earn more value than conversions.
 */
public final class MarkovModel {

  private MarkovModel() {}

  public static MarkovAttribution attribute(PathSet paths, int order) {
    MarkovChain chain = MarkovChain.fit(paths, order);
    return attribute(paths, chain, VisitSolver.suitedTo(chain));
  }

  public static MarkovAttribution attribute(PathSet paths, MarkovChain chain, VisitSolver solver) {
    Outcome base = outcome(chain, solver.visits(chain, new boolean[chain.stateCount()]));
    int channels = paths.channelCount();
    // Removals are independent solves; run them side by side. Each result lands in its own slot,
    // so the answer does not depend on scheduling.
    Outcome[] removed = new Outcome[channels];
    IntStream range = IntStream.range(0, channels);
    if (chain.transitionCount() > 20_000) {
      range = range.parallel();
    }
    range.forEach(c -> removed[c] = outcome(chain, solver.visits(chain, statesOf(chain, c))));

    double[] conversionEffect = new double[channels];
    double[] valueEffect = new double[channels];
    List<RemovalEffect> effects = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      conversionEffect[c] = effect(base.conversions, removed[c].conversions);
      valueEffect[c] = effect(base.value, removed[c].value);
      effects.add(new RemovalEffect(paths.channel(c), conversionEffect[c], valueEffect[c]));
    }
    ModelCredits credits = ModelCredits.of("markov_" + chain.order(), paths.channels(),
        normalise(conversionEffect, paths.totalConversions()), normalise(valueEffect, paths.totalValue()));
    return new MarkovAttribution(chain.order(), credits, base.conversions, base.value, effects, chain.transitions());
  }

  /**
   * The states a removed channel takes with it: every tuple containing it. (Since each such state
   * is reached only through the state entered when the channel was touched, blocking those alone
   * would give the same answer; "contains" is the definition, so that is what is blocked.)
   */
  private static boolean[] statesOf(MarkovChain chain, int channel) {
    boolean[] blocked = new boolean[chain.stateCount()];
    for (int s = 1; s < blocked.length; s++) {
      blocked[s] = chain.touches(s, channel);
    }
    return blocked;
  }

  private static Outcome outcome(MarkovChain chain, double[] visits) {
    double conversions = 0;
    double value = 0;
    for (int s = 0; s < visits.length; s++) {
      conversions += visits[s] * chain.conversionRate(s);
      value += visits[s] * chain.valueRate(s);
    }
    return new Outcome(conversions, value);
  }

  private static double effect(double base, double withoutChannel) {
    if (base <= 0) {
      return 0;
    }
    // Removing states can only lose conversions; clamp the last-digit noise of the solve.
    return Math.min(1.0, Math.max(0.0, 1.0 - withoutChannel / base));
  }

  /** Scales effects to add up to {@code total}; all zero when no channel has an effect. */
  private static double[] normalise(double[] effects, double total) {
    double sum = 0;
    for (double e : effects) {
      sum += e;
    }
    double[] credit = new double[effects.length];
    if (sum > 0) {
      for (int i = 0; i < effects.length; i++) {
        credit[i] = total * effects[i] / sum;
      }
    }
    return credit;
  }

  private record Outcome(double conversions, double value) {}
}

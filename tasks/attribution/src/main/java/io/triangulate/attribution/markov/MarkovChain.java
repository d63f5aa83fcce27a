package io.triangulate.attribution.markov;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An order-k Markov chain fitted to a path set by counting transitions (maximum likelihood).
 *
 * <p>Transient states are the start state (index 0) and tuples of the last k channels touched;
 * the first k−1 touches of a journey give shorter tuples, so no journey is cut. Conversion and
 * null are absorbing. Every journey contributes its count (conversions + nulls) to each
 * transition along its path, and its conversions/nulls to the final absorbing transition.
 */
public final class MarkovChain {

  /** Target of transitions into the absorbing conversion state. */
  public static final int CONVERSION = -1;
  /** Target of transitions into the absorbing null state. */
  public static final int NULL = -2;

  public static final String START_NAME = "(start)";
  public static final String CONVERSION_NAME = "(conversion)";
  public static final String NULL_NAME = "(null)";

  private final int order;
  private final List<String> channelNames;
  private final int[][] tuples;
  private final int[] edgeFrom;
  private final int[] edgeTo;
  private final double[] edgeCount;
  private final double[] outTotal;
  private final double[] conversionRate;
  private final double[] valueRate;
  private final double journeys;
  // Incoming transitions per transient target (self-loops kept apart), for the visit equations.
  private final int[] incomingStart;
  private final int[] incomingFrom;
  private final double[] incomingProbability;
  private final double[] selfLoop;

  private MarkovChain(int order, List<String> channelNames, int[][] tuples, int[] edgeFrom, int[] edgeTo,
      double[] edgeCount, double[] conversions, double[] conversionValue, double journeys) {
    this.order = order;
    this.channelNames = channelNames;
    this.tuples = tuples;
    this.edgeFrom = edgeFrom;
    this.edgeTo = edgeTo;
    this.edgeCount = edgeCount;
    this.journeys = journeys;
    int states = tuples.length;
    outTotal = new double[states];
    for (int e = 0; e < edgeFrom.length; e++) {
      outTotal[edgeFrom[e]] += edgeCount[e];
    }
    conversionRate = new double[states];
    valueRate = new double[states];
    for (int s = 0; s < states; s++) {
      if (outTotal[s] > 0) {
        conversionRate[s] = conversions[s] / outTotal[s];
        valueRate[s] = conversionValue[s] / outTotal[s];
      }
    }
    selfLoop = new double[states];
    incomingStart = new int[states + 1];
    for (int e = 0; e < edgeFrom.length; e++) {
      int to = edgeTo[e];
      if (to >= 0 && to != edgeFrom[e]) {
        incomingStart[to + 1]++;
      }
    }
    for (int s = 0; s < states; s++) {
      incomingStart[s + 1] += incomingStart[s];
    }
    incomingFrom = new int[incomingStart[states]];
    incomingProbability = new double[incomingStart[states]];
    int[] fill = Arrays.copyOf(incomingStart, states);
    for (int e = 0; e < edgeFrom.length; e++) {
      int from = edgeFrom[e];
      int to = edgeTo[e];
      if (to < 0) {
        continue;
      }
      double probability = edgeCount[e] / outTotal[from];
      if (to == from) {
        selfLoop[to] = probability;
      } else {
        incomingFrom[fill[to]] = from;
        incomingProbability[fill[to]] = probability;
        fill[to]++;
      }
    }
  }

  /** Counts every transition of every path in one pass. */
  public static MarkovChain fit(PathSet paths, int order) {
    StateKeys keys = new StateKeys(paths.channelCount(), order);
    LongIndex states = new LongIndex(1024);
    states.indexOf(keys.start()); // the start state is index 0
    LongIndex edges = new LongIndex(4096);
    GrowableDoubles edgeCounts = new GrowableDoubles();
    GrowableDoubles conversions = new GrowableDoubles();
    GrowableDoubles conversionValue = new GrowableDoubles();
    double journeys = 0;
    for (ConversionPath path : paths.paths()) {
      double weight = path.journeys();
      if (weight == 0) {
        continue;
      }
      journeys += weight;
      long key = keys.start();
      int state = 0;
      for (int channel : path.channels()) {
        key = keys.append(key, channel);
        int next = states.indexOf(key);
        edgeCounts.add(edges.indexOf(edgeKey(state, next)), weight);
        state = next;
      }
      if (path.conversions() > 0) {
        edgeCounts.add(edges.indexOf(edgeKey(state, CONVERSION)), path.conversions());
        conversions.add(state, path.conversions());
        conversionValue.add(state, path.value());
      }
      if (path.nulls() > 0) {
        edgeCounts.add(edges.indexOf(edgeKey(state, NULL)), path.nulls());
      }
    }
    long[] stateKeys = states.keysByIndex();
    int[][] tuples = new int[stateKeys.length][];
    for (int s = 0; s < stateKeys.length; s++) {
      tuples[s] = keys.decode(stateKeys[s]);
    }
    long[] edgeKeys = edges.keysByIndex();
    int[] from = new int[edgeKeys.length];
    int[] to = new int[edgeKeys.length];
    for (int e = 0; e < edgeKeys.length; e++) {
      from[e] = (int) (edgeKeys[e] >>> 32);
      to[e] = (int) (edgeKeys[e] & 0xFFFFFFFFL) - 2;
    }
    return new MarkovChain(order, paths.channels(), tuples, from, to, edgeCounts.toArray(edgeKeys.length),
        conversions.toArray(tuples.length), conversionValue.toArray(tuples.length), journeys);
  }

  private static long edgeKey(int from, int to) {
    return ((long) from << 32) | (to + 2L);
  }

  public int order() {
    return order;
  }

  /** Transient states, the start state included. */
  public int stateCount() {
    return tuples.length;
  }

  public int transitionCount() {
    return edgeFrom.length;
  }

  /** Journeys the chain was fitted on (conversions + nulls). */
  public double journeys() {
    return journeys;
  }

  /** The channels of a transient state, oldest first; empty for the start state. */
  public int[] tuple(int state) {
    return tuples[state].clone();
  }

  /** True when the state's tuple contains the channel, i.e. the state disappears with it. */
  boolean touches(int state, int channel) {
    for (int c : tuples[state]) {
      if (c == channel) {
        return true;
      }
    }
    return false;
  }

  /** P(next = conversion | state). */
  double conversionRate(int state) {
    return conversionRate[state];
  }

  /** Expected conversion value realised on leaving the state: P(conversion | state) × mean value. */
  double valueRate(int state) {
    return valueRate[state];
  }

  double selfLoop(int state) {
    return selfLoop[state];
  }

  int incomingStart(int state) {
    return incomingStart[state];
  }

  int incomingEnd(int state) {
    return incomingStart[state + 1];
  }

  int incomingFrom(int slot) {
    return incomingFrom[slot];
  }

  double incomingProbability(int slot) {
    return incomingProbability[slot];
  }

  /** A transient state's name: its channels joined by {@code " > "}, or {@code (start)}. */
  public String stateName(int state) {
    int[] tuple = tuples[state];
    if (tuple.length == 0) {
      return START_NAME;
    }
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < tuple.length; i++) {
      if (i > 0) {
        name.append(" > ");
      }
      name.append(channelNames.get(tuple[i]));
    }
    return name.toString();
  }

  private String targetName(int to) {
    return switch (to) {
      case CONVERSION -> CONVERSION_NAME;
      case NULL -> NULL_NAME;
      default -> stateName(to);
    };
  }

  /** The transition matrix's non-zero entries, ordered by from-state then to-state index. */
  public List<Transition> transitions() {
    Integer[] order = new Integer[edgeFrom.length];
    for (int e = 0; e < order.length; e++) {
      order[e] = e;
    }
    // Absorbing targets (negative) sort after transient ones: conversion, then null.
    Arrays.sort(order, (a, b) -> edgeFrom[a] != edgeFrom[b]
        ? Integer.compare(edgeFrom[a], edgeFrom[b])
        : Integer.compare(sortableTarget(edgeTo[a]), sortableTarget(edgeTo[b])));
    List<Transition> transitions = new ArrayList<>(order.length);
    for (int e : order) {
      transitions.add(new Transition(stateName(edgeFrom[e]), targetName(edgeTo[e]), edgeCount[e] / outTotal[edgeFrom[e]]));
    }
    return transitions;
  }

  private static int sortableTarget(int to) {
    return to >= 0 ? to : Integer.MAX_VALUE + to;
  }

  /** A double array that grows on demand and adds into slots. */
  private static final class GrowableDoubles {
    private double[] values = new double[1024];

    void add(int index, double amount) {
      if (index >= values.length) {
        values = Arrays.copyOf(values, Math.max(index + 1, values.length * 2));
      }
      values[index] += amount;
    }

    double[] toArray(int length) {
      return Arrays.copyOf(values, length);
    }
  }
}

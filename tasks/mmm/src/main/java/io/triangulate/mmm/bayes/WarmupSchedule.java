package io.triangulate.mmm.bayes;

import java.util.ArrayList;
import java.util.List;

/**
 * Stan's windowed warm-up: a fast initial phase (step size only, 75 iterations), then metric
 * windows that double in length starting at 25 (the last stretched to fill), then a final phase of
 * 50 iterations that tunes the step size for the last metric. Short warm-ups scale the phases to
 * 15% / 75% / 10%.
 */
final class WarmupSchedule {

  private final List<Integer> windowEnds = new ArrayList<>();
  private final int firstCollected;

  WarmupSchedule(int warmup) {
    int initBuffer = 75;
    int termBuffer = 50;
    int baseWindow = 25;
    if (warmup < 20) {
      firstCollected = warmup;
      return;
    }
    if (initBuffer + baseWindow + termBuffer > warmup) {
      initBuffer = (int) (0.15 * warmup);
      termBuffer = (int) (0.1 * warmup);
      baseWindow = warmup - initBuffer - termBuffer;
    }
    int end = warmup - termBuffer;
    int start = initBuffer;
    int size = baseWindow;
    while (start < end) {
      int next = start + size;
      // Stretch the last window if the one after it would not fit.
      if (next + 2 * size > end) {
        next = end;
      }
      windowEnds.add(next);
      start = next;
      size *= 2;
    }
    this.firstCollected = initBuffer;
  }

  /** Is iteration {@code i} (0-based) inside a metric window, so its draw should be collected? */
  boolean collects(int i) {
    return !windowEnds.isEmpty() && i >= firstCollected && i < windowEnds.get(windowEnds.size() - 1);
  }

  /** Does a metric window end after iteration {@code i} (0-based)? */
  boolean endsWindow(int i) {
    return windowEnds.contains(i + 1);
  }

  List<Integer> windowEnds() {
    return List.copyOf(windowEnds);
  }
}

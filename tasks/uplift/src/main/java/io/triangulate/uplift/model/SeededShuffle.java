package io.triangulate.uplift.model;

import java.util.SplittableRandom;

/** A seeded Fisher–Yates permutation of 0..n−1: the one source of random row splits (holdout, folds). */
public final class SeededShuffle {

  private SeededShuffle() {}

  public static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }
}

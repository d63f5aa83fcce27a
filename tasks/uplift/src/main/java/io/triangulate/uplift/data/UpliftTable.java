package io.triangulate.uplift.data;

import java.util.List;

/**
 * An uplift problem in memory: one row per member kept, {@code x} the encoded features (names in
 * {@code featureNames}: numeric columns as they are, categorical ones one-hot as {@code col=level}),
 * arm {@code t} and outcome {@code y} (0/1), and the file line of each row. Memory: n × (8·p + 16)
 * bytes for x plus 12·n for t, y and the line numbers.
 */
public record UpliftTable(
    String source, List<String> featureNames, double[][] x, int[] t, int[] y, int[] lines, int skipped,
    List<String> warnings) {

  public int size() {
    return y.length;
  }
}

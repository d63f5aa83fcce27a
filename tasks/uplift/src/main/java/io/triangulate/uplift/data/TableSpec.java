package io.triangulate.uplift.data;

import java.util.List;

/**
 * Which columns of a user's CSV make the uplift problem. {@code treatmentValue} null: the treatment
 * column holds 0/1. Otherwise rows equal to it are treated and, when {@code controlValue} is null,
 * every other row is a control; with {@code controlValue} set, rows matching neither are skipped
 * (e.g. Hillstrom's third arm).
 */
public record TableSpec(
    String treatmentColumn, String treatmentValue, String controlValue, String outcomeColumn, List<String> features) {

  public TableSpec {
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("need at least one feature column");
    }
  }
}

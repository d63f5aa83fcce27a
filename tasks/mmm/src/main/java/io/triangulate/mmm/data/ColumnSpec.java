package io.triangulate.mmm.data;

import java.util.List;

/**
 * Which columns of the user's CSV play which role. {@code datePattern} is a
 * {@link java.time.format.DateTimeFormatter} pattern, or null for ISO dates ({@code 2021-09-06},
 * optionally followed by a time, which is ignored).
 */
public record ColumnSpec(
    String dateColumn, String target, List<String> channels, List<String> controls, String datePattern) {

  public ColumnSpec {
    channels = List.copyOf(channels);
    controls = List.copyOf(controls);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("at least one channel column is required (--channels)");
    }
  }
}

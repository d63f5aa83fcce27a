package io.triangulate.attribution;

import java.util.Arrays;
import java.util.List;

/** Hand-built path sets for tests, written the way path files write them: {@code "A > B > C"}. */
public final class TestPaths {

  private final PathSet.Builder builder = PathSet.builder();

  public static TestPaths paths() {
    return new TestPaths();
  }

  /** Declares channels up front so their index order is known (A = 0, B = 1, …). */
  public TestPaths channels(String... names) {
    for (String name : names) {
      builder.channel(name);
    }
    return this;
  }

  public TestPaths path(String path, double conversions, double value, double nulls) {
    builder.add(split(path), conversions, value, nulls);
    return this;
  }

  public TestPaths path(String path, double conversions, double value, double nulls, double... touchAgesDays) {
    builder.add(split(path), conversions, value, nulls, touchAgesDays);
    return this;
  }

  public PathSet build() {
    return builder.build();
  }

  private static List<String> split(String path) {
    return Arrays.stream(path.split(">")).map(String::trim).toList();
  }
}

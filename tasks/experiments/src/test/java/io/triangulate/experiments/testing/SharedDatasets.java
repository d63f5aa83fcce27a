package io.triangulate.experiments.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the public reference data sets, which live in {@code shared/datasets} beside the repository
 * and are never copied into it. Tests that need one skip when it is absent.
 */
public final class SharedDatasets {

  private SharedDatasets() {}

  /** Walks up from the working directory until some ancestor has {@code shared/datasets/<name>}. */
  public static Optional<Path> find(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("datasets").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

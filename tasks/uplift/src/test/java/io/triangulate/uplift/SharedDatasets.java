package io.triangulate.uplift;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the public reference data sets in {@code shared/datasets} beside the repository (never
 * copied into it); as the experiments module's helper of the same name. Tests skip when absent.
 */
final class SharedDatasets {

  private SharedDatasets() {}

  static Optional<Path> find(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("datasets").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

package io.triangulate.attribution.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the public reference data that lives beside the repository ({@code ../shared/datasets}),
 * walking up from the working directory so tests and benchmarks work from any module folder. The
 * data is never copied into the repository.
 */
public final class ReferenceDatasets {

  public static final String CHANNEL_ATTRIBUTION_PATHS = "channel_attribution_paths.csv";

  private ReferenceDatasets() {}

  public static Optional<Path> find(String fileName) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("datasets").resolve(fileName);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

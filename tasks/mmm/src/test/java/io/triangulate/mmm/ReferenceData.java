package io.triangulate.mmm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.triangulate.mmm.data.ColumnSpec;
import io.triangulate.mmm.data.CsvTable;
import io.triangulate.mmm.data.DatasetReader;
import io.triangulate.mmm.data.MmmDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The public reference datasets live in {@code shared/datasets} beside the repository, never in
 * it. Tests find the folder by walking up from the working directory and skip when it is absent.
 */
public final class ReferenceData {

  private ReferenceData() {}

  public static Optional<Path> find(String fileName) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("datasets").resolve(fileName);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** The file, or a skipped test when the reference data are not on this machine. */
  public static Path require(String fileName) {
    Optional<Path> path = find(fileName);
    assumeTrue(path.isPresent(), "shared/datasets/" + fileName + " not found beside the repository; skipping");
    return path.get();
  }

  /** PyMC-Marketing's example: weekly y on channels x1, x2 with controls event_1, event_2. */
  public static MmmDataset pymcExample() {
    Path path = require("pymc_mmm_example.csv");
    try {
      CsvTable table = CsvTable.read(path);
      ColumnSpec spec = new ColumnSpec("date_week", "y", List.of("x1", "x2"), List.of("event_1", "event_2"), null);
      return DatasetReader.read(table, spec).dataset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

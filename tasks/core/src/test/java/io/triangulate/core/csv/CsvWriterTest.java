package io.triangulate.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  @Test
  void formatsNumbersPlainlyAndQuotesText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.csv");
    try (CsvWriter w = CsvWriter.open(file, List.of("a", "b", "c", "d", "e"))) {
      w.row(1.0, 0.000123456789012, Double.NaN, "x, \"y\"", null);
      w.row(12345678.25, -2.5e-7, 7L, "plain", 1.0 / 3);
    }
    assertEquals(
        "a,b,c,d,e\n1,0.000123456789,,\"x, \"\"y\"\"\",\n12345678.25,-0.00000025,7,plain,0.3333333333\n",
        Files.readString(file));
  }
}

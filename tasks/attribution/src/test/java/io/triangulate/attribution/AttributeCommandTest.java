package io.triangulate.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AttributeCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  @Test
  void writesCreditsRemovalEffectsAndTransitionMatrices() throws IOException {
    Path paths = write("path;total_conversions;total_conversion_value;total_null",
        "A > B;1;10;0",
        "A > C;0;0;1",
        "B;1;20;0");
    Path outDir = dir.resolve("out");
    int exit = run("--paths", paths.toString(), "--out", outDir.toString(), "--models", "last_touch,markov_1,time_decay");
    assertEquals(0, exit, err.toString());

    assertEquals(List.of(
        "model,channel,conversions,value,share",
        "last_touch,A,0.000000,0.000000,0.0000000000",
        "last_touch,B,2.000000,30.000000,1.0000000000",
        "last_touch,C,0.000000,0.000000,0.0000000000",
        "markov_1,A,0.666667,10.000000,0.3333333333",
        "markov_1,B,1.333333,20.000000,0.6666666667",
        "markov_1,C,0.000000,0.000000,0.0000000000"), Files.readAllLines(outDir.resolve("attribution.csv")));
    assertEquals(List.of(
        "order,channel,removal_effect",
        "1,A,0.5000000000",
        "1,B,1.0000000000",
        "1,C,0.0000000000"), Files.readAllLines(outDir.resolve("removal_effects.csv")));
    List<String> matrix = Files.readAllLines(outDir.resolve("transition_matrix_1.csv"));
    assertEquals("from_state,to_state,probability", matrix.get(0));
    assertTrue(matrix.contains("(start),A,0.6666666667"), matrix.toString());
    assertTrue(matrix.contains("B,(conversion),1.0000000000"), matrix.toString());
    assertTrue(out.toString().contains("note: time_decay skipped"), out.toString());
    assertTrue(out.toString().contains("markov_1"), out.toString());
  }

  @Test
  void badRowFailsWithFileLineAndColumn() throws IOException {
    Path paths = write("path;total_conversions;total_null", "A;1;0", "B;2;-4");
    int exit = run("--paths", paths.toString(), "--out", dir.resolve("out").toString());
    assertEquals(1, exit);
    assertTrue(err.toString().contains(paths + " line 3, column 'total_null' (field 3): negative number -4"), err.toString());
  }

  @Test
  void unknownModelIsAnOptionError() throws IOException {
    Path paths = write("path;total_conversions;total_null", "A;1;0");
    int exit = run("--paths", paths.toString(), "--models", "markov_9");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("unknown model 'markov_9'; allowed: last_touch"), err.toString());
  }

  @Test
  void helpDocumentsTheFileFormat() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("total_conversions"), out.toString());
    assertTrue(out.toString().contains("--position-weights"), out.toString());
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new AttributeCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "paths", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }
}

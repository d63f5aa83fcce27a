package io.triangulate.attribution.pathfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathFileReaderTest {

  @TempDir Path dir;

  @Test
  void readsTheChannelAttributionFormat() throws IOException {
    Path file = write("path;total_conversions;total_conversion_value;total_null",
        "eta > iota > alpha > eta;1;0.244;3",
        "",
        "iota;2;3.5;6");
    PathFile read = PathFileReader.read(file, ';');
    PathSet paths = read.paths();
    assertEquals(List.of("eta", "iota", "alpha"), paths.channels());
    assertEquals(2, read.rows());
    ConversionPath first = paths.paths().get(0);
    assertArrayEquals(new int[] {0, 1, 2, 0}, first.channels());
    assertEquals(1, first.conversions());
    assertEquals(0.244, first.value());
    assertEquals(3, first.nulls());
    assertTrue(read.hadValueColumn());
    assertFalse(read.hadTouchAgeColumn());
    assertFalse(paths.hasTouchAges());
  }

  @Test
  void acceptsOtherHeaderSpellingsQuotesAndTouchAges() throws IOException {
    Path file = write("Conversions,nulls,PATH,value,days_before_conversion",
        "3,1,\"search>social, paid\",12.5,9 > 0");
    PathSet paths = PathFileReader.read(file, ',').paths();
    assertEquals(List.of("search", "social, paid"), paths.channels());
    ConversionPath path = paths.paths().get(0);
    assertEquals(3, path.conversions());
    assertEquals(1, path.nulls());
    assertEquals(12.5, path.value());
    assertArrayEquals(new double[] {9, 0}, path.touchAgesDays());
    assertTrue(paths.hasTouchAges());
  }

  @Test
  void valueColumnIsOptional() throws IOException {
    PathFile read = PathFileReader.read(write("path;conversions;nulls", "a > b;1;2"), ';');
    assertFalse(read.hadValueColumn());
    assertEquals(0.0, read.paths().totalValue());
  }

  @Test
  void namesTheMissingColumn() throws IOException {
    Path file = write("path;total_conversions;total_conversion_value", "a;1;2");
    String error = failure(file, ';');
    assertTrue(error.contains("missing column(s) total_null"), error);
    assertTrue(error.contains(file.toString()), error);
  }

  @Test
  void hintsAtTheDelimiterWhenTheHeaderHasOneColumn() throws IOException {
    Path file = write("path;total_conversions;total_null", "a;1;2");
    String error = failure(file, ',');
    assertTrue(error.contains("--delimiter"), error);
  }

  @Test
  void negativeCountNamesFileLineAndColumn() throws IOException {
    Path file = write("path;total_conversions;total_conversion_value;total_null", "a > b;1;2;0", "b;-1;0;3");
    String error = failure(file, ';');
    assertEquals(file + " line 3, column 'total_conversions' (field 2): negative number -1", error);
  }

  @Test
  void emptyPathAndEmptyChannelAreErrors() throws IOException {
    Path empty = write("path;total_conversions;total_null", " ;1;0");
    assertEquals(empty + " line 2, column 'path' (field 1): empty path", failure(empty, ';'));
    Path gap = write("path;total_conversions;total_null", "a >  > b;1;0");
    assertTrue(failure(gap, ';').contains("line 2, column 'path' (field 1): empty channel name at touch 2"));
  }

  @Test
  void badNumberAndWrongFieldCountAreErrors() throws IOException {
    Path text = write("path;total_conversions;total_null", "a;one;0");
    assertEquals(text + " line 2, column 'total_conversions' (field 2): 'one' is not a number", failure(text, ';'));
    Path fields = write("path;total_conversions;total_null", "a;1");
    assertEquals(fields + " line 2: expected 3 fields separated by ';', found 2", failure(fields, ';'));
  }

  @Test
  void quotedPathsMaySpanLinesAndBadQuotingNamesFileAndLine() throws IOException {
    Path multi = write("\uFEFFpath;conversions;nulls", "\"a > b\n > c\";1;0", "  ", "d;2;0");
    PathFile read = PathFileReader.read(multi, ';');
    assertEquals(List.of("a", "b", "c", "d"), read.paths().channels());
    assertEquals(2, read.rows(), "the line of spaces is skipped like a blank line");

    Path unclosed = write("path;conversions;nulls", "a;1;0", "\"b;2;0");
    assertEquals(unclosed + " line 3: quoted field never closed (missing \")", failure(unclosed, ';'));
    Path trailing = write("path;conversions;nulls", "\"a\"b;1;0");
    assertEquals(trailing + " line 2: unexpected 'b' after a closing quote", failure(trailing, ';'));
  }

  @Test
  void missingFileIsAClearError() {
    Path missing = dir.resolve("nope.csv");
    assertEquals("path file not found: " + missing, failure(missing, ';'));
  }

  /** The message of the error reading {@code file} must fail with. */
  private static String failure(Path file, char delimiter) {
    return assertThrows(PathFileException.class, () -> PathFileReader.read(file, delimiter)).getMessage();
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "paths", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }
}

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
        "a,b,c,d,e\n1,0.000123456789,,\"x, \"\"y\"\"\",\n12345678.25,-2.5e-7,7,plain,0.3333333333\n",
        Files.readString(file));
  }

  @Test
  void tinyAndHugeNumbersUseScientificNotationWithTenSignificantDigits() {
    assertEquals("5.7e-112", CsvWriter.format(5.7e-112));
    assertEquals("5.685421301e-112", CsvWriter.format(5.68542130098765e-112));
    assertEquals("-1.23456789e-7", CsvWriter.format(-1.2345678901e-7));
    assertEquals("1e-300", CsvWriter.format(1e-300));
    assertEquals("4.940656458e-324", CsvWriter.format(Double.MIN_VALUE), "the exact binary value, rounded");
    assertEquals("1e+15", CsvWriter.format(1e15));
    assertEquals("-2.5e+20", CsvWriter.format(-2.5e20));
    assertEquals("1.797693135e+308", CsvWriter.format(Double.MAX_VALUE));
  }

  @Test
  void numbersInsideThePlainRangeStayPlain() {
    assertEquals("0.000001", CsvWriter.format(1e-6));
    assertEquals("-0.00000123456789", CsvWriter.format(-1.23456789e-6));
    assertEquals("12345678900", CsvWriter.format(12345678901.5), "rounded to ten digits, still plain");
    assertEquals("999999999999999", CsvWriter.format(999999999999999.0));
    assertEquals("0", CsvWriter.format(0.0));
    assertEquals("0", CsvWriter.format(-0.0));
    assertEquals("", CsvWriter.format(Double.POSITIVE_INFINITY));
  }

  @Test
  void writesAWholeTableAndReplacesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/table.csv");
    CsvWriter.write(file, List.of("k", "v"), List.of(List.of("old", 1)));
    CsvWriter.write(file, List.of("k", "v"), List.of(List.of("a", 0.5), List.of("b, c", 2L)));
    assertEquals("k,v\na,0.5\n\"b, c\",2\n", Files.readString(file));
    assertEquals(List.of(file), Files.list(file.getParent()).toList(), "no temporary file is left behind");
  }

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsNeutralisedButNumbersAreNot(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("names.csv");
    CsvWriter.write(file, List.of("name", "value"), List.of(
        List.of("=HYPERLINK(\"http://evil.example\",\"click\")", -1.5),
        List.of("+cmd|' /C calc'!A0", -7L),
        List.of("-2+3", "-0.250000"),
        List.of("@SUM(1+1)", "-2.5e-7"),
        List.of("\t=1", "+3"),
        List.of("Acme - spring", "-"),
        List.of("a=b", "")));
    assertEquals(
        "name,value\n"
            + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",-1.5\n"
            + "'+cmd|' /C calc'!A0,-7\n"
            + "'-2+3,-0.250000\n"
            + "'@SUM(1+1),-2.5e-7\n"
            + "'\t=1,+3\n"
            + "Acme - spring,'-\n"
            + "a=b,\n",
        Files.readString(file));
  }
}

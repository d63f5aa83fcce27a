package io.triangulate.mmm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  @Test
  void rowsKeepTheLineTheyStartOnAcrossQuotedBreaksAndSkippedLines() {
    CsvTable table = CsvTable.parse("f.csv", List.of("\uFEFF week , note", "2024-01-01,\"two", "lines\"", "   ", "2024-01-08,x"));
    assertEquals(List.of("week", "note"), table.header());
    assertEquals(List.of(new CsvTable.Row(2, List.of("2024-01-01", "two\nlines")), new CsvTable.Row(5, List.of("2024-01-08", "x"))),
        table.rows());
  }

  @Test
  void malformedQuotingNamesFileAndLine() {
    assertEquals("f.csv:3: quoted field never closed (missing \")",
        assertThrows(DataException.class, () -> CsvTable.parse("f.csv", List.of("a,b", "1,2", "3,\"4"))).getMessage());
    assertEquals("f.csv:2: unexpected ' ' after a closing quote",
        assertThrows(DataException.class, () -> CsvTable.parse("f.csv", List.of("a,b", "\"1\" ,2"))).getMessage());
    assertEquals("f.csv: the file is empty; expected a header line",
        assertThrows(DataException.class, () -> CsvTable.parse("f.csv", List.of("", " "))).getMessage());
  }
}

package io.triangulate.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsQuotedFieldsLineNumbersAndRawText() throws IOException {
    String text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"multi\nline\",z\n3,,\n";
    try (CsvReader r = new CsvReader(new StringReader(text))) {
      assertEquals(List.of("a", "b", "c"), r.next().fields());
      CsvReader.Row row = r.next();
      assertEquals(List.of("1", "x, y", "say \"hi\""), row.fields());
      assertEquals(2, row.line());
      assertEquals("1,\"x, y\",\"say \"\"hi\"\"\"", row.rawText());
      CsvReader.Row multi = r.next();
      assertEquals(4, multi.line(), "blank line 3 is skipped");
      assertEquals(List.of("2", "multi\nline", "z"), multi.fields());
      CsvReader.Row empties = r.next();
      assertEquals(6, empties.line());
      assertEquals(List.of("3", "", ""), empties.fields());
      assertNull(r.next());
    }
  }

  @Test
  void otherDelimiterAndNoTrailingNewline() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("p;q\nA > B;3"), ';')) {
      r.next();
      assertEquals(List.of("A > B", "3"), r.next().fields());
      assertNull(r.next());
    }
  }

  @Test
  void unclosedQuoteNamesTheLine() {
    CsvReader r = new CsvReader(new StringReader("a\n\"oops\n"));
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> { r.next(); r.next(); });
    assertEquals(2, e.line());
  }
}

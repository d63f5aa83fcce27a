package io.triangulate.experiments.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
    String text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n";
    CsvReader csv = new CsvReader(new StringReader(text));
    assertEquals(List.of("a", "b", "c"), csv.next());
    assertEquals(1, csv.line());
    assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), csv.next());
    assertEquals(2, csv.line());
    assertEquals(List.of("1", "", "3"), csv.next());
    assertEquals(4, csv.line(), "the quoted line break moves the next record to line 4");
    assertNull(csv.next());
  }

  @Test
  void handlesMissingFinalNewlineBlankLinesTrailingEmptyFieldAndByteOrderMark() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("\uFEFFid,v\n\n1,\r2,\"\"\r\n\n3,z"));
    assertEquals(List.of("id", "v"), csv.next());
    assertEquals(List.of("1", ""), csv.next());
    assertEquals(3, csv.line());
    assertEquals(List.of("2", ""), csv.next());
    assertEquals(4, csv.line(), "a lone CR ends a line too");
    assertEquals(List.of("3", "z"), csv.next());
    assertEquals(6, csv.line());
    assertNull(csv.next());
  }

  @Test
  void keepsAQuoteInsideAnUnquotedField() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("5\" screen,x\n"));
    assertEquals(List.of("5\" screen", "x"), csv.next());
  }

  @Test
  void reportsUnterminatedQuoteAtTheLineItOpened() {
    CsvReader csv = new CsvReader(new StringReader("a,b\n1,\"open\n\n\n"));
    CsvFormatException e =
        assertThrows(
            CsvFormatException.class,
            () -> {
              while (csv.next() != null) {
                // read to the error
              }
            });
    assertEquals(2, e.line());
  }

  @Test
  void rejectsTextAfterAClosingQuote() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("a\n\"x\"y\n"));
    csv.next();
    CsvFormatException e = assertThrows(CsvFormatException.class, csv::next);
    assertEquals("line 2: unexpected 'y' after a closing quote", e.getMessage());
  }

  @Test
  void readsRecordsLongerThanTheBuffer() throws IOException {
    String longField = "x".repeat(200_000);
    CsvReader csv = new CsvReader(new StringReader("\"" + longField + "\",2\n3,4\n"));
    assertEquals(List.of(longField, "2"), csv.next());
    assertEquals(List.of("3", "4"), csv.next());
  }

  @Test
  void writerOutputReadsBackToTheSameFields() throws IOException {
    List<List<String>> records = List.of(List.of("plain", "with,comma", "with \"quote\""), List.of("multi\nline", ""));
    StringWriter text = new StringWriter();
    CsvWriter writer = new CsvWriter(text);
    for (List<String> record : records) {
      writer.writeRecord(record);
    }
    assertEquals("plain,\"with,comma\",\"with \"\"quote\"\"\"\n\"multi\nline\",\n", text.toString());
    CsvReader reader = new CsvReader(new StringReader(text.toString()));
    List<List<String>> read = new ArrayList<>();
    for (List<String> r = reader.next(); r != null; r = reader.next()) {
      read.add(r);
    }
    assertEquals(records, read);
  }
}

package io.triangulate.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertEquals("line 2: quoted field never closed (missing \")", e.getMessage());
    assertEquals("quoted field never closed (missing \")", e.problem());
  }

  @Test
  void unclosedQuoteNamesTheLineWhereTheQuoteOpensNotWhereTheRecordStarts() throws IOException {
    CsvReader r = new CsvReader(new StringReader("a,b\n\"two\nlines\",\"open\n\n\n"));
    r.next();
    assertEquals(3, assertThrows(CsvFormatException.class, r::next).line());
  }

  @Test
  void skipsAByteOrderMarkAtTheStartOnly() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("\uFEFFid,v\n1,\uFEFF\n"))) {
      CsvReader.Row header = r.next();
      assertEquals(List.of("id", "v"), header.fields());
      assertEquals("id,v", header.rawText(), "the mark is not part of the first record");
      assertEquals(1, header.line());
      assertEquals(List.of("1", "\uFEFF"), r.next().fields(), "a mark elsewhere is data");
    }
    assertNull(new CsvReader(new StringReader("\uFEFF")).next());
  }

  @Test
  void skipsAByteOrderMarkDeliveredAloneAndToleratesEmptyReads() throws IOException {
    // The mark arrives as a block of its own, and the reader returns 0 chars between blocks.
    try (CsvReader r = new CsvReader(new TrickleReader("\uFEFFa,\"b\"\r\nc,d"))) {
      assertEquals(List.of("a", "b"), r.next().fields());
      assertEquals(List.of("c", "d"), r.next().fields());
      assertNull(r.next());
    }
  }

  @Test
  void loneCarriageReturnEndsALine() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("id,v\r1,\r\r2,\"\"\r\n3,\"x\ry\"\r4,z"))) {
      r.next();
      CsvReader.Row one = r.next();
      assertEquals(List.of("1", ""), one.fields());
      assertEquals(2, one.line());
      assertEquals("1,", one.rawText());
      CsvReader.Row two = r.next();
      assertEquals(List.of("2", ""), two.fields());
      assertEquals(4, two.line(), "the lone CR on line 3 is a blank line");
      CsvReader.Row three = r.next();
      assertEquals(List.of("3", "x\ry"), three.fields());
      assertEquals(5, three.line());
      CsvReader.Row four = r.next();
      assertEquals(7, four.line(), "a lone CR inside quotes moves to the next line too");
      assertEquals(List.of("4", "z"), four.fields());
      assertNull(r.next());
    }
  }

  @Test
  void textAfterAClosingQuoteIsAnError() throws IOException {
    CsvReader r = new CsvReader(new StringReader("a\n\"x\"y\n"));
    r.next();
    CsvFormatException e = assertThrows(CsvFormatException.class, r::next);
    assertEquals("line 2: unexpected 'y' after a closing quote", e.getMessage());
    assertEquals(2, e.line());

    CsvReader spaced = new CsvReader(new StringReader("a;b\n\"multi\nline\" ;2\n"), ';');
    spaced.next();
    assertEquals(3, assertThrows(CsvFormatException.class, spaced::next).line(), "the line of the quote, not the record");
  }

  @Test
  void keepsAQuoteInsideAnUnquotedField() throws IOException {
    CsvReader r = new CsvReader(new StringReader("5\" screen,x\n"));
    assertEquals(List.of("5\" screen", "x"), r.next().fields());
  }

  @Test
  void readsRecordsLongerThanTheBuffer() throws IOException {
    String longField = "x".repeat(200_000);
    CsvReader r = new CsvReader(new StringReader("\"" + longField + "\",2\n3,4\n"));
    CsvReader.Row row = r.next();
    assertEquals(List.of(longField, "2"), row.fields());
    assertEquals("\"" + longField + "\",2", row.rawText());
    assertEquals(List.of("3", "4"), r.next().fields());
  }

  @Test
  void fieldsCutByABlockEndReadTheSameAsWhole() throws IOException {
    // Unquoted fields are taken a block at a time; a block end inside a field, a line end, a CRLF
    // or a quote must not change what is read.
    String text = "id,name,note\r\nE1,plain,5\" screen\nE22,\"quoted, with comma\",\"\"\r\n\nE333,,end";
    List<List<String>> expected = List.of(
        List.of("id", "name", "note"),
        List.of("E1", "plain", "5\" screen"),
        List.of("E22", "quoted, with comma", ""),
        List.of("E333", "", "end"));
    for (Reader in : List.of(new StringReader(text), new TrickleReader(text))) {
      List<List<String>> read = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      CsvReader r = new CsvReader(in);
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        read.add(row.fields());
        lines.add(row.line());
      }
      assertEquals(expected, read);
      assertEquals(List.of(1L, 2L, 3L, 5L), lines);
    }
  }

  @Test
  void aLineOfSpacesIsOneBlankField() throws IOException {
    CsvReader r = new CsvReader(new StringReader("a,b\n  \t\n,\n"));
    assertFalse(r.next().isBlank());
    assertTrue(r.next().isBlank());
    assertFalse(r.next().isBlank(), "two empty fields are a record");
  }

  @Test
  void opensUtf8FilesAndRejectsOtherEncodings(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, "\uFEFFname;city\nZoë;Köln\n");
    try (CsvReader r = CsvReader.open(file, ';')) {
      r.next();
      assertEquals(List.of("Zoë", "Köln"), r.next().fields());
    }
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
    try (CsvReader r = CsvReader.open(latin1, ',')) {
      assertThrows(MalformedInputException.class, () -> { r.next(); r.next(); });
    }
  }

  @Test
  void readsBackWhatTheWriterWrites(@TempDir Path dir) throws IOException {
    List<List<String>> records =
        List.of(List.of("plain", "with,comma", "with \"quote\""), List.of("multi\nline", "cr\rinside", ""));
    Path file = dir.resolve("round.csv");
    CsvWriter.write(file, List.of("a", "b", "c"), records);
    List<List<String>> read = new ArrayList<>();
    try (CsvReader r = CsvReader.open(file, ',')) {
      r.next();
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        read.add(row.fields());
      }
    }
    assertEquals(records, read);
  }

  /** Hands out one character per read, with an empty read in between, as slow streams may. */
  private static final class TrickleReader extends Reader {
    private final String text;
    private int next;
    private boolean idle;

    TrickleReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (next == text.length()) {
        return -1;
      }
      idle = !idle;
      if (idle) {
        return 0;
      }
      buffer[offset] = text.charAt(next++);
      return 1;
    }

    @Override
    public void close() {}
  }
}

package io.triangulate.ingest;

import io.triangulate.core.csv.CsvFormatException;
import io.triangulate.core.csv.CsvReader;
import io.triangulate.ingest.copy.BinaryRows;
import io.triangulate.ingest.copy.ColumnRejected;
import io.triangulate.ingest.copy.CopyBuffer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads one landing file inside the caller's transaction: validates each row, streams the good ones
 * with binary COPY into raw (or, if an id collides with another interval's row, into a temporary table
 * moved into raw skipping ids that raw already holds), and records the bad ones in quarantine and
 * the counts in reconciliation.
 */
final class FileLoader {

  /** Sources other files reference; their accepted ids must be visible to later files of the load. */
  private static final Set<String> REFERENCED = Set.of("advertisers", "campaigns", "creatives", "members");

  private record Quarantined(long line, String field, String reason, String rawText) {}

  /** Lines that are not CSV a file may have before it counts as not being a CSV file at all. */
  static final int MAX_MALFORMED_LINES = 100;

  /** Characters of a bad row's text kept in quarantine. */
  static final int MAX_RAW_TEXT = 10_000;

  private final Connection connection;
  private final CopyManager copy;
  private final KnownIds known;

  FileLoader(Connection connection, CopyManager copy, KnownIds known) {
    this.connection = connection;
    this.copy = copy;
    this.known = known;
  }

  /**
   * Copies the good rows straight into raw (the interval's rows were just deleted, and repeats
   * inside the file are dropped here, so an id can only collide with another interval's row). Only
   * if raw already holds one of the ids does COPY fail; then the file is loaded again through a
   * temporary table that skips the ids raw already holds. Straight COPY saves writing every row
   * twice; the savepoint keeps the load all-or-nothing either way.
   */
  FileReconciliation load(SourceSpec spec, Path file, LocalDate ds) throws IOException, SQLException {
    boolean direct = true;
    Map<Long, String> malformed = new TreeMap<>();
    while (true) {
      Savepoint savepoint = connection.setSavepoint();
      try {
        FileReconciliation r = load(spec, file, ds, direct, malformed);
        connection.releaseSavepoint(savepoint);
        return r;
      } catch (MalformedLine m) {
        // A structural CSV error (an unclosed quote) hides where the next record starts: load the
        // file again with that physical line set aside for quarantine, so one broken line costs one
        // row instead of the interval.
        connection.rollback(savepoint);
        if (m.line() == 1) {
          throw new LoadFailure(file + ": line 1 (header): " + m.problem());
        }
        if (malformed.size() >= MAX_MALFORMED_LINES) {
          throw new LoadFailure(file + ": more than " + MAX_MALFORMED_LINES + " lines are not valid CSV (last: line "
              + m.line() + ": " + m.problem() + "); is it a CSV file?");
        }
        malformed.put(m.line(), m.problem());
      } catch (IOException | SQLException e) {
        if (!direct || !isUniqueViolation(e)) {
          throw e;
        }
        connection.rollback(savepoint);
        direct = false;
      }
    }
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private FileReconciliation load(SourceSpec spec, Path file, LocalDate ds, boolean direct, Map<Long, String> malformed)
      throws IOException, SQLException {
    String fileName = file.getFileName().toString();
    List<Quarantined> quarantine = new ArrayList<>();
    Set<String> keysInFile = new HashSet<>(expectedRows(file));
    long read = 0;
    long valid = 0;
    long duplicatesInFile = 0;
    String tmp = "tmp_load_" + spec.table();
    String target = direct ? spec.qualifiedTable() : tmp;
    if (!direct) {
      try (Statement st = connection.createStatement()) {
        st.execute("create temp table " + tmp + " (like " + spec.qualifiedTable() + ") on commit drop");
      }
    }
    // Read every id set this file needs now: the connection cannot run queries once COPY is open.
    if (REFERENCED.contains(spec.name())) {
      known.track(spec.name());
    }
    for (Field f : spec.fields()) {
      if (f.references() != null) {
        known.ids(f.references());
      }
    }
    List<String> columns = new ArrayList<>(spec.fieldNames());
    columns.add("load_ds");
    BinaryRows encoder = BinaryRows.forColumns(connection, spec.qualifiedTable(), columns);
    String copySql = "copy " + target + " (" + String.join(", ", columns) + ") from stdin with (format binary)";
    // This thread parses, validates and encodes while the pipe's thread sends the rows to COPY.
    long[] setAside = {0};
    LandingLines lines = new LandingLines(Files.newInputStream(file), malformed, (line, text, reason) -> {
      if (line == 1) {
        throw new LoadFailure(file + ": line 1 (header): " + reason);
      }
      quarantine.add(new Quarantined(line, null, reason, text));
      setAside[0]++;
    });
    try (CsvReader csv = new CsvReader(lines);
        CopyPipe out = new CopyPipe(copy.copyIn(copySql), spec.name())) {
      out.write(BinaryRows.header());
      int[] position = headerPositions(spec, csv.next(), file);
      int[] keyIdx = spec.key().stream().mapToInt(spec::indexOf).toArray();
      int width = spec.fields().size();
      String dsText = ds.toString();
      String[] values = new String[width + 1];
      values[width] = dsText;
      StringBuilder keyText = new StringBuilder(64);
      CopyBuffer encoded = new CopyBuffer(256);
      CsvReader.Row row;
      while ((row = readRow(csv, file)) != null) {
        read++;
        Quarantined bad = validate(spec, row, position, values, ds);
        if (bad == null) {
          bad = encode(spec, row, values, encoder, encoded);
        }
        if (bad != null) {
          quarantine.add(bad);
          continue;
        }
        String key = key(values, keyIdx, keyText);
        if (!keysInFile.add(key)) {
          duplicatesInFile++;
          continue;
        }
        if (REFERENCED.contains(spec.name())) {
          known.add(spec.name(), key);
        }
        out.write(encoded.array(), 0, encoded.length());
        valid++;
      }
      out.write(BinaryRows.trailer());
      out.finish();
    }
    read += setAside[0];
    long inserted = valid;
    if (!direct) {
      try (Statement st = connection.createStatement()) {
        inserted = st.executeUpdate("insert into " + spec.qualifiedTable() + " select * from " + tmp + " on conflict do nothing");
        st.execute("drop table " + tmp);
      }
    }
    writeQuarantine(spec, fileName, ds, quarantine);
    return new FileReconciliation(
        spec.name(), fileName, read, inserted, quarantine.size(), duplicatesInFile + (valid - inserted));
  }

  /** The row's key: its key columns joined by a character that no valid value contains. */
  private static String key(String[] values, int[] keyIdx, StringBuilder buffer) {
    if (keyIdx.length == 1) {
      return values[keyIdx[0]];
    }
    buffer.setLength(0);
    for (int i = 0; i < keyIdx.length; i++) {
      if (i > 0) {
        buffer.append('\u0001');
      }
      buffer.append(values[keyIdx[i]]);
    }
    return buffer.toString();
  }

  /**
   * A generous guess of the file's rows (landing rows are at least 24 bytes), so the set of keys
   * seen is sized once instead of rehashing a million keys as it grows.
   */
  private static int expectedRows(Path file) throws IOException {
    return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(16, Files.size(file) / 24));
  }

  private static CsvReader.Row readRow(CsvReader csv, Path file) throws IOException {
    try {
      return csv.next();
    } catch (CsvFormatException e) {
      throw new MalformedLine(e.line(), e.problem());
    }
  }

  /** A line the CSV reader cannot get past; {@link #load} retries the file without it. */
  private static final class MalformedLine extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String problem;

    MalformedLine(long line, String problem) {
      super("line " + line + ": " + problem, null, false, false);
      this.line = line;
      this.problem = problem;
    }

    long line() {
      return line;
    }

    String problem() {
      return problem;
    }
  }

  /**
   * PostgreSQL text cannot hold NUL, so a row rejected for one would fail its own quarantine insert (and
   * with it the interval): quarantine shows each NUL as the visible symbol for it, U+2400.
   */
  static String printable(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\u2400');
  }

  /**
   * Quarantine keeps the start of a huge row (a 10 MB field, a binary file with no line ends): enough to
   * recognise it, without copying megabytes into the database for every bad line.
   */
  static String clip(String rawText) {
    if (rawText == null || rawText.length() <= MAX_RAW_TEXT) {
      return rawText;
    }
    return rawText.substring(0, MAX_RAW_TEXT) + "… (" + rawText.length() + " characters in all)";
  }

  /** Maps each spec field to its column in the file; the header must name exactly the spec's fields. */
  private static int[] headerPositions(SourceSpec spec, CsvReader.Row header, Path file) {
    if (header == null) {
      throw new LoadFailure(file + ": the file is empty; expected a header line " + spec.fieldNames());
    }
    List<String> names = header.fields().stream().map(String::strip).toList();
    Set<String> expected = new TreeSet<>(spec.fieldNames());
    Set<String> found = new TreeSet<>(names);
    if (!expected.equals(found) || names.size() != found.size()) {
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(found);
      Set<String> extra = new TreeSet<>(found);
      extra.removeAll(expected);
      throw new LoadFailure(
          file + ": line 1: header does not match the " + spec.name() + " format (docs/input-formats.md)"
              + (missing.isEmpty() ? "" : "; missing columns " + missing)
              + (extra.isEmpty() ? "" : "; unknown columns " + extra)
              + (names.size() != found.size() ? "; a column is repeated" : ""));
    }
    int[] position = new int[spec.fields().size()];
    for (int i = 0; i < position.length; i++) {
      position[i] = names.indexOf(spec.fields().get(i).name());
    }
    return position;
  }

  private Quarantined validate(SourceSpec spec, CsvReader.Row row, int[] position, String[] values, LocalDate ds) {
    List<String> fields = row.fields();
    if (fields.size() != position.length) {
      return new Quarantined(
          row.line(), null, "has " + fields.size() + " fields, the header has " + position.length, row.rawText());
    }
    for (int i = 0; i < position.length; i++) {
      Field f = spec.fields().get(i);
      String value;
      try {
        value = f.rule().apply(fields.get(position[i]), ds);
      } catch (RowRejected r) {
        return new Quarantined(row.line(), f.name(), f.name() + " " + r.getMessage(), row.rawText());
      }
      if (value != null && f.references() != null && !known.contains(f.references(), value)) {
        return new Quarantined(
            row.line(), f.name(), f.name() + " '" + value + "' does not exist in " + f.references(), row.rawText());
      }
      values[i] = value;
    }
    if (spec.rowCheck() != null) {
      String reason = spec.rowCheck().apply(values, ds);
      if (reason != null) {
        return new Quarantined(row.line(), null, reason, row.rawText());
      }
    }
    return null;
  }

  /**
   * Encodes the validated row for binary COPY; a value its column cannot hold (a numeric beyond the
   * column's precision, say) is quarantined like any other broken rule instead of failing the COPY.
   */
  private static Quarantined encode(
      SourceSpec spec, CsvReader.Row row, String[] values, BinaryRows encoder, CopyBuffer encoded) {
    try {
      encoder.encode(values, encoded);
      return null;
    } catch (ColumnRejected r) {
      String field = r.column() < spec.fields().size() ? spec.fields().get(r.column()).name() : "load_ds";
      return new Quarantined(row.line(), field, field + " " + r.getMessage(), row.rawText());
    }
  }

  private void writeQuarantine(SourceSpec spec, String fileName, LocalDate ds, List<Quarantined> rows)
      throws SQLException, IOException {
    if (rows.isEmpty()) {
      return;
    }
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new PGCopyOutputStream(
                    copy.copyIn(
                        "copy raw.load_quarantine (load_ds, source, file, line, field, reason, raw_text)"
                            + " from stdin with (format csv)")),
                StandardCharsets.UTF_8))) {
      for (Quarantined q : rows) {
        CopyCsv.writeRow(
            out,
            new String[] {ds.toString(), spec.name(), fileName, Long.toString(q.line()), q.field(), printable(q.reason()), printable(clip(q.rawText()))});
      }
    }
  }
}

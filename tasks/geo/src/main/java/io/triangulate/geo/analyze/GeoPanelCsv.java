package io.triangulate.geo.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvFormatException;
import io.triangulate.core.csv.CsvReader;
import io.triangulate.geo.stats.GeoPanel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a long-format location × date CSV (one row per location and date, header row) into a
 * balanced {@link GeoPanel}. Every problem is reported as {@code file:line[:column]: what}:
 * missing columns, unparsable dates, non-numeric values, duplicate location-date rows and
 * locations missing some dates.
 */
public final class GeoPanelCsv {

  private final Path file;
  private final String locationColumn;
  private final String dateColumn;
  private final String outcomeColumn;
  private final String spendColumn; // null: no spend

  public GeoPanelCsv(Path file, String locationColumn, String dateColumn, String outcomeColumn, String spendColumn) {
    this.file = file;
    this.locationColumn = locationColumn;
    this.dateColumn = dateColumn;
    this.outcomeColumn = outcomeColumn;
    this.spendColumn = spendColumn;
  }

  private record Cell(double outcome, double spend, long line) {}

  public GeoPanel read() {
    try (CsvReader csv = new CsvReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      return read(csv);
    } catch (CsvFormatException e) {
      throw new TaskFailure(file + ":" + e.line() + ": " + e.problem());
    } catch (NoSuchFileException e) {
      throw new TaskFailure(file + ": no such file");
    } catch (IOException e) {
      throw new TaskFailure(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private GeoPanel read(CsvReader csv) throws IOException {
    CsvReader.Row headerRow = csv.next();
    if (headerRow == null) {
      throw new TaskFailure(file + ": the file is empty; expected a header row naming the columns");
    }
    List<String> header = headerRow.fields();
    int locationIndex = columnIndex(header, locationColumn, "--location-col");
    int dateIndex = columnIndex(header, dateColumn, "--date-col");
    int outcomeIndex = columnIndex(header, outcomeColumn, "--outcome");
    int spendIndex = spendColumn == null ? -1 : columnIndex(header, spendColumn, "--spend-col");

    Map<String, Map<LocalDate, Cell>> cells = new TreeMap<>();
    TreeSet<LocalDate> allDates = new TreeSet<>();
    long rows = 0;
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      if (row.isBlank()) {
        continue;
      }
      rows++;
      List<String> record = row.fields();
      if (record.size() != header.size()) {
        throw new TaskFailure(String.format(
            "%s:%d: row has %d fields but the header has %d", file, row.line(), record.size(), header.size()));
      }
      String location = record.get(locationIndex).strip();
      if (location.isEmpty()) {
        throw new TaskFailure(String.format(
            "%s:%d:%d: location column \"%s\" is empty", file, row.line(), locationIndex + 1, locationColumn));
      }
      LocalDate date = parseDate(record.get(dateIndex), row.line(), dateIndex);
      double outcome = parseNumber(record.get(outcomeIndex), row.line(), outcomeIndex, outcomeColumn);
      double spend = spendIndex < 0 ? Double.NaN : parseNumber(record.get(spendIndex), row.line(), spendIndex, spendColumn);
      Cell previous = cells.computeIfAbsent(location, l -> new HashMap<>()).putIfAbsent(date, new Cell(outcome, spend, row.line()));
      if (previous != null) {
        throw new TaskFailure(String.format(
            "%s:%d: duplicate row for location \"%s\" on %s (first at line %d); aggregate to one row per location and date",
            file, row.line(), location, date, previous.line()));
      }
      allDates.add(date);
    }
    if (rows == 0) {
      throw new TaskFailure(file + ": the file has a header but no data rows");
    }
    if (cells.size() < 2) {
      throw new TaskFailure(file + ": only one location (\"" + cells.keySet().iterator().next()
          + "\"); a geo test needs treated and untreated locations");
    }
    List<LocalDate> dates = new ArrayList<>(allDates);
    List<String> locations = new ArrayList<>(cells.keySet());
    double[][] outcome = new double[locations.size()][dates.size()];
    double[][] spend = spendIndex < 0 ? null : new double[locations.size()][dates.size()];
    for (int i = 0; i < locations.size(); i++) {
      Map<LocalDate, Cell> byDate = cells.get(locations.get(i));
      if (byDate.size() != dates.size()) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d : dates) {
          if (!byDate.containsKey(d)) {
            missing.add(d);
          }
        }
        throw new TaskFailure(String.format(
            "%s: location \"%s\" has no row for %s%s; every location needs every date (%d dates from %s to %s)",
            file, locations.get(i), missing.get(0),
            missing.size() > 1 ? " and " + (missing.size() - 1) + " other date(s)" : "",
            dates.size(), dates.get(0), dates.get(dates.size() - 1)));
      }
      for (int t = 0; t < dates.size(); t++) {
        Cell c = byDate.get(dates.get(t));
        outcome[i][t] = c.outcome();
        if (spend != null) {
          spend[i][t] = c.spend();
        }
      }
    }
    return new GeoPanel(locations, dates, outcome, spend);
  }

  private int columnIndex(List<String> header, String column, String option) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new TaskFailure(String.format(
          "%s:1: no column \"%s\" (from %s); the header has: %s", file, column, option, String.join(", ", header)));
    }
    return index;
  }

  private LocalDate parseDate(String text, long line, int index) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new TaskFailure(String.format(
          "%s:%d:%d: date column \"%s\" must hold dates as YYYY-MM-DD, found \"%s\"",
          file, line, index + 1, dateColumn, text));
    }
  }

  private double parseNumber(String text, long line, int index, String column) {
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TaskFailure(String.format(
        "%s:%d:%d: column \"%s\" must hold numbers, found \"%s\"", file, line, index + 1, column, text));
  }
}

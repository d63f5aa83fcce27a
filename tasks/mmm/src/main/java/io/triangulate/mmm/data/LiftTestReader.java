package io.triangulate.mmm.data;

import io.triangulate.mmm.model.LiftTest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads lift tests from CSV with header
 * {@code channel,start,end,spend_change,incremental_revenue,standard_error}; dates ISO
 * ({@code YYYY-MM-DD}), spend change in total over the window (negative for a holdout), incremental
 * revenue measured over the same window with the same sign convention.
 */
public final class LiftTestReader {

  public static final List<String> COLUMNS =
      List.of("channel", "start", "end", "spend_change", "incremental_revenue", "standard_error");

  private LiftTestReader() {}

  public static List<LiftTest> read(CsvTable table) {
    int[] index = COLUMNS.stream().mapToInt(table::column).toArray();
    List<LiftTest> tests = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      String where = table.source() + ":" + row.line() + ": ";
      try {
        tests.add(new LiftTest(
            row.cells().get(index[0]).trim(),
            LocalDate.parse(row.cells().get(index[1]).trim()),
            LocalDate.parse(row.cells().get(index[2]).trim()),
            number(row, index[3], where, COLUMNS.get(3)),
            number(row, index[4], where, COLUMNS.get(4)),
            number(row, index[5], where, COLUMNS.get(5))));
      } catch (DateTimeParseException e) {
        throw new DataException(where + "columns 'start'/'end': cannot read '" + e.getParsedString() + "' as a YYYY-MM-DD date");
      } catch (DataException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new DataException(where + e.getMessage());
      }
    }
    if (tests.isEmpty()) {
      throw new DataException(table.source() + ": no lift tests after the header");
    }
    return tests;
  }

  private static double number(CsvTable.Row row, int index, String where, String column) {
    String text = row.cells().get(index).trim();
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new DataException(where + "column '" + column + "': cannot read '" + text + "' as a number");
    }
  }
}

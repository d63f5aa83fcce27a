package io.triangulate.attribution.pathfile;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import io.triangulate.core.csv.CsvFormatException;
import io.triangulate.core.csv.CsvReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the common aggregated path format: a header, then one row per distinct path with
 * {@code path} (channels separated by {@code >}, usually written {@code " > "}), conversions, nulls
 * and optionally conversion value and per-touch ages in days ({@code days_before_conversion},
 * {@code " > "}-separated like the path). Any bad row stops the read with file, line and column
 * named: attribution over silently dropped journeys would be wrong without anyone noticing.
 */
public final class PathFileReader {

  private static final Pattern TOUCH_SEPARATOR = Pattern.compile(">");

  private PathFileReader() {}

  public static PathFile read(Path file, char delimiter) throws IOException {
    try (CsvReader reader = CsvReader.open(file, delimiter)) {
      CsvReader.Row header = next(reader, file);
      if (header == null) {
        throw new PathFileException(file + ": empty file, expected a header line");
      }
      PathFileColumns columns = PathFileColumns.resolve(file, header.fields(), delimiter);
      PathSet.Builder paths = PathSet.builder();
      int rows = 0;
      for (CsvReader.Row row = next(reader, file); row != null; row = next(reader, file)) {
        if (row.isBlank()) {
          continue; // a line of spaces left by hand editing
        }
        paths.add(parseRow(file, row.line(), row.fields(), delimiter, columns, paths));
        rows++;
      }
      if (rows == 0) {
        throw new PathFileException(file + ": no paths after the header");
      }
      return new PathFile(paths.build(), rows, columns.hasValue(), columns.hasTouchAges());
    } catch (NoSuchFileException e) {
      throw new PathFileException("path file not found: " + file);
    }
  }

  private static CsvReader.Row next(CsvReader reader, Path file) throws IOException {
    try {
      return reader.next();
    } catch (CsvFormatException e) {
      throw PathFileException.at(file, e.line(), e.problem());
    }
  }

  private static ConversionPath parseRow(Path file, long line, List<String> fields, char delimiter,
      PathFileColumns columns, PathSet.Builder paths) {
    if (fields.size() != columns.header.size()) {
      throw PathFileException.at(file, line,
          "expected " + columns.header.size() + " fields separated by '" + delimiter + "', found " + fields.size());
    }
    String pathText = fields.get(columns.path).trim();
    if (pathText.isEmpty()) {
      throw PathFileException.at(file, line, columns.name(columns.path), columns.path + 1, "empty path");
    }
    String[] touches = TOUCH_SEPARATOR.split(pathText, -1);
    int[] channels = new int[touches.length];
    for (int i = 0; i < touches.length; i++) {
      String channel = touches[i].trim();
      if (channel.isEmpty()) {
        throw PathFileException.at(file, line, columns.name(columns.path), columns.path + 1,
            "empty channel name at touch " + (i + 1) + " of '" + pathText + "'");
      }
      channels[i] = paths.channel(channel);
    }
    double conversions = count(file, line, columns, columns.conversions, fields);
    double nulls = count(file, line, columns, columns.nulls, fields);
    double value = columns.hasValue() ? count(file, line, columns, columns.value, fields) : 0.0;
    double[] ages = columns.hasTouchAges() ? touchAges(file, line, columns, fields, channels.length) : null;
    return new ConversionPath(channels, conversions, value, nulls, ages);
  }

  private static double count(Path file, long line, PathFileColumns columns, int column, List<String> fields) {
    String text = fields.get(column).trim();
    double number = number(file, line, columns, column, text);
    if (number < 0) {
      throw PathFileException.at(file, line, columns.name(column), column + 1, "negative number " + text);
    }
    return number;
  }

  private static double number(Path file, long line, PathFileColumns columns, int column, String text) {
    if (text.isEmpty()) {
      throw PathFileException.at(file, line, columns.name(column), column + 1, "empty, expected a number");
    }
    try {
      double number = Double.parseDouble(text);
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw PathFileException.at(file, line, columns.name(column), column + 1, "'" + text + "' is not a number");
    }
  }

  /** Per-touch ages; an empty cell means this row has none (time decay is then skipped). */
  private static double[] touchAges(Path file, long line, PathFileColumns columns, List<String> fields, int touches) {
    String text = fields.get(columns.touchAges).trim();
    if (text.isEmpty()) {
      return null;
    }
    String[] parts = TOUCH_SEPARATOR.split(text, -1);
    if (parts.length != touches) {
      throw PathFileException.at(file, line, columns.name(columns.touchAges), columns.touchAges + 1,
          parts.length + " ages for " + touches + " touches");
    }
    double[] ages = new double[touches];
    for (int i = 0; i < touches; i++) {
      ages[i] = number(file, line, columns, columns.touchAges, parts[i].trim());
      if (ages[i] < 0) {
        throw PathFileException.at(file, line, columns.name(columns.touchAges), columns.touchAges + 1,
            "negative age " + parts[i].trim() + " at touch " + (i + 1));
      }
    }
    return ages;
  }
}

package io.triangulate.attribution.pathfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Finds the columns of an aggregated path file by the header spellings in common use
 * (ChannelAttribution's {@code total_conversions}, plain {@code conversions}, …), case-insensitively.
 */
final class PathFileColumns {

  static final List<String> PATH = List.of("path");
  static final List<String> CONVERSIONS = List.of("total_conversions", "conversions", "total_conversion", "conversion");
  static final List<String> VALUE = List.of("total_conversion_value", "conversion_value", "value", "total_value");
  static final List<String> NULLS = List.of("total_null", "total_nulls", "nulls", "null");
  static final List<String> TOUCH_AGES = List.of("days_before_conversion", "touch_age_days", "touch_days");

  final int path;
  final int conversions;
  final int value;
  final int nulls;
  final int touchAges;
  final List<String> header;

  private PathFileColumns(List<String> header, int path, int conversions, int value, int nulls, int touchAges) {
    this.header = header;
    this.path = path;
    this.conversions = conversions;
    this.value = value;
    this.nulls = nulls;
    this.touchAges = touchAges;
  }

  static PathFileColumns resolve(Path file, List<String> header, char delimiter) {
    int path = find(header, PATH);
    int conversions = find(header, CONVERSIONS);
    int nulls = find(header, NULLS);
    StringBuilder missing = new StringBuilder();
    appendMissing(missing, path, PATH);
    appendMissing(missing, conversions, CONVERSIONS);
    appendMissing(missing, nulls, NULLS);
    if (missing.length() > 0) {
      String hint = header.size() == 1
          ? " (the header has a single column: is the delimiter '" + delimiter + "' right? try --delimiter)"
          : "";
      throw new PathFileException(file + " line 1: missing column(s) " + missing + "; header is " + header + hint);
    }
    return new PathFileColumns(header, path, conversions, find(header, VALUE), nulls, find(header, TOUCH_AGES));
  }

  String name(int column) {
    return header.get(column);
  }

  boolean hasValue() {
    return value >= 0;
  }

  boolean hasTouchAges() {
    return touchAges >= 0;
  }

  private static void appendMissing(StringBuilder missing, int index, List<String> spellings) {
    if (index < 0) {
      if (missing.length() > 0) {
        missing.append(", ");
      }
      missing.append(spellings.get(0)).append(" (accepted: ").append(String.join("/", spellings)).append(')');
    }
  }

  private static int find(List<String> header, List<String> spellings) {
    for (String spelling : spellings) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(spelling)) {
          return i;
        }
      }
    }
    return -1;
  }
}

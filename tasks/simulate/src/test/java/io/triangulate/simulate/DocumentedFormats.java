package io.triangulate.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file formats as {@code docs/input-formats.md} documents them: for each landing file the first
 * column of the table under its name, and for the truth files the column list given inline.
 */
final class DocumentedFormats {

  private static final Pattern FILE_NAME = Pattern.compile("^`([a-z_]+\\.csv)`");
  private static final Pattern INLINE_COLUMNS = Pattern.compile("`(?:[^`\\s]*/)?([a-z_]+\\.csv)`\\s*\\(`([^`]+)`\\)");

  private DocumentedFormats() {}

  /** File name → documented columns, in documented order. */
  static Map<String, List<String>> columns() throws IOException {
    String text = Files.readString(RepoFiles.root().resolve("docs").resolve("input-formats.md"));
    Map<String, List<String>> result = new LinkedHashMap<>();
    String current = null;
    boolean inTable = false;
    for (String line : text.split("\n")) {
      Matcher name = FILE_NAME.matcher(line);
      if (name.find()) {
        current = name.group(1);
        inTable = false;
        continue;
      }
      if (current != null && line.startsWith("|")) {
        String cell = line.split("\\|")[1].trim();
        if (cell.equals("column") || cell.startsWith("---")) {
          inTable = true; // header and separator rows
          continue;
        }
        if (inTable) {
          result.computeIfAbsent(current, k -> new ArrayList<>()).add(cell);
        }
      } else if (inTable) {
        current = null;
        inTable = false;
      }
    }
    Matcher inline = INLINE_COLUMNS.matcher(text.replaceAll("\\s+", " "));
    while (inline.find()) {
      List<String> columns = new ArrayList<>();
      for (String column : inline.group(2).split(",")) {
        columns.add(column.trim());
      }
      result.put(inline.group(1), columns);
    }
    return result;
  }
}

package io.triangulate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The "Commands:" list of the top-level help: each command's first sentence whole, wrapped under
 * its description column. Picocli's own list shows only a description's first line, and our
 * descriptions are written as several lines of a paragraph, so it cut some mid-sentence.
 */
final class CommandListRenderer implements CommandLine.IHelpSectionRenderer {

  @Override
  public String render(Help help) {
    Map<String, Help> subcommands = help.subcommands();
    if (subcommands.isEmpty()) {
      return "";
    }
    int nameWidth = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0);
    int usageWidth = help.commandSpec().usageMessage().width();
    // Two spaces, the name column, two spaces; the description wraps in what is left.
    int indent = 2 + nameWidth + 2;
    int textWidth = Math.max(30, usageWidth - indent);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Help> entry : subcommands.entrySet()) {
      CommandSpec spec = entry.getValue().commandSpec();
      if (spec.usageMessage().hidden()) {
        continue;
      }
      // Like picocli's own list: the header when the command has one (picocli's help command), else the description.
      String[] header = spec.usageMessage().header();
      String[] text = header.length > 0 ? header : spec.usageMessage().description();
      List<String> lines = wrap(firstSentence(text), textWidth);
      String name = String.join(", ", spec.names());
      out.append("  ").append(pad(name, nameWidth)).append("  ").append(lines.isEmpty() ? "" : lines.get(0)).append('\n');
      for (int i = 1; i < lines.size(); i++) {
        out.append(" ".repeat(indent)).append(lines.get(i)).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The description's first sentence: its lines up to the first blank one joined with spaces, cut
   * after the first '.', '?' or '!' that ends a word (so "e.g." and "0.5" do not end it).
   */
  static String firstSentence(String[] description) {
    StringBuilder paragraph = new StringBuilder();
    for (String line : description) {
      if (line.isBlank()) {
        if (paragraph.length() > 0) {
          break;
        }
        continue;
      }
      if (paragraph.length() > 0) {
        paragraph.append(' ');
      }
      paragraph.append(line.strip());
    }
    String text = paragraph.toString().replace("%n", " ").replace("%%", "%").strip();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean endsWord = i + 1 == text.length() || text.charAt(i + 1) == ' ';
      if ((c == '.' || c == '?' || c == '!') && endsWord && !abbreviation(text, i)) {
        return text.substring(0, i + 1);
      }
    }
    return text;
  }

  /** "e.g." and "i.e." end with a period that does not end the sentence. */
  private static boolean abbreviation(String text, int period) {
    return period >= 3 && (text.startsWith("e.g", period - 3) || text.startsWith("i.e", period - 3));
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}

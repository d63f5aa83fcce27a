package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help text is the documentation: every command's usage must render. A stray '%' in a
 * description (picocli formats descriptions) prints a warning and loses the line breaks.
 */
class HelpTextTest {

  @Test
  void everyCommandsUsageRendersWithoutFormatWarnings() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Triangulate.commandLine(), commands);
    assertTrue(commands.size() > 20, "expected every subcommand, found " + commands.size());

    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> empty = new ArrayList<>();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine command : commands) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        if (!usage.contains("Usage: triangulate")) {
          empty.add(command.getCommandName());
        }
      }
    } finally {
      System.setErr(original);
    }
    assertEquals(List.of(), empty, "commands whose usage did not render");
    String warnings = captured.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), warnings);
  }

  /** A misspelt command with --help is a mistake, not a request for the top-level help. */
  @Test
  void unknownCommandWithHelpFailsWithExitTwoAndSuggestion() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Triangulate.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("atribute", "--help");

    assertEquals(2, exit, "stdout: " + out + "\nstderr: " + err);
    assertTrue(err.toString().contains("Unmatched argument at index 0: 'atribute'"), err.toString());
    assertTrue(err.toString().contains("Did you mean: triangulate attribute"), err.toString()); // the closest first
    assertEquals("", out.toString(), "no help on stdout");
  }

  @Test
  void knownCommandHelpStillExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine cli = Triangulate.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("attribute", "--help"));
    assertTrue(out.toString().contains("Usage: triangulate attribute"), out.toString());
  }

  /** The command list shows each command's whole first sentence, wrapped, never cut mid-sentence. */
  @Test
  void commandListShowsEachFirstSentenceWhole() {
    String usage = Triangulate.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    String list = usage.substring(usage.indexOf("Commands:"));
    String flat = list.replaceAll("\\s+", " ");
    assertTrue(flat.contains("attribute Credits conversions and conversion value to channels under every attribution "
        + "model, from a file of aggregated paths (yours, or the journeys mart exported), and prints shares by channel "
        + "and model."), list);
    assertTrue(flat.contains("mmm Marketing mix modelling: which channels drive the target (revenue or orders), their "
        + "ROAS with uncertainty and their response curves, from a weekly or daily table of spend, target and controls."),
        list);
    assertTrue(flat.contains("help Display help information about the specified command."), list); // its header
    for (String line : list.split("\n")) {
      assertTrue(line.length() <= 110, "wider than the help width: " + line);
    }
  }

  @Test
  void firstSentenceStopsAtTheFirstFullStopOfTheFirstParagraph() {
    // Hand-made: two lines of one sentence, then a second sentence and a second paragraph.
    assertEquals("Fits a model to your data, e.g. a weekly table.",
        CommandListRenderer.firstSentence(new String[] {"Fits a model to your", "data, e.g. a weekly table. Then more.", "", "x."}));
    assertEquals("No full stop at all", CommandListRenderer.firstSentence(new String[] {"No full stop", "at all"}));
    assertEquals("Shares of 0.5 and 95% intervals.",
        CommandListRenderer.firstSentence(new String[] {"Shares of 0.5 and 95%% intervals."}));
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }
}

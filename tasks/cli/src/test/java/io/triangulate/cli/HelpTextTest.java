package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }
}

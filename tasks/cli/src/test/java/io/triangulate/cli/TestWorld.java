package io.triangulate.cli;

import io.triangulate.core.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A throw-away Triangulate home with a copy of the repository's configs in which chosen top-level
 * simulation settings are replaced, so a test can run the real CLI on a small world.
 */
final class TestWorld {

  final Path home;
  final Path configs;

  private TestWorld(Path home, Path configs) {
    this.home = home;
    this.configs = configs;
  }

  /** {@code overrides} replace whole lines {@code key: …} of simulation.yaml (keys must exist). */
  static TestWorld create(Path dir, Map<String, String> overrides) {
    try {
      Path repoConfigs = repoRoot().resolve("configs");
      Path configs = Files.createDirectories(dir.resolve("configs"));
      try (var files = Files.list(repoConfigs)) {
        for (Path f : files.toList()) {
          Files.copy(f, configs.resolve(f.getFileName()));
        }
      }
      Path sim = configs.resolve("simulation.yaml");
      String text = Files.readString(sim);
      for (var e : overrides.entrySet()) {
        String replaced = text.replaceFirst("(?m)^(\\s*)" + java.util.regex.Pattern.quote(e.getKey()) + ":.*$",
            "$1" + e.getKey() + ": " + e.getValue());
        if (replaced.equals(text)) {
          throw new IllegalArgumentException("simulation.yaml has no line for " + e.getKey());
        }
        text = replaced;
      }
      Files.writeString(sim, text);
      return new TestWorld(Files.createDirectories(dir.resolve("home")), configs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the real CLI in this process; returns the exit code. */
  int cli(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config-dir";
    all[args.length + 1] = configs.toString();
    all[args.length + 2] = "--home";
    all[args.length + 3] = home.toString();
    return Triangulate.commandLine().execute(all);
  }

  Database open() {
    return Database.embedded(home.resolve("pgdata"), 0);
  }

  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("configs/pipeline.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("run tests from inside the repository");
  }
}

package io.triangulate.simulate;

import io.triangulate.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests check against (the real config, the documented formats). */
final class RepoFiles {

  private RepoFiles() {}

  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("configs").resolve(SimulationConfig.FILE))) {
        return dir;
      }
    }
    throw new IllegalStateException("no configs/" + SimulationConfig.FILE + " above " + Path.of("").toAbsolutePath());
  }

  static SimulationConfig defaultConfig() {
    return SimulationConfig.load(new ConfigLoader(root().resolve("configs")));
  }
}

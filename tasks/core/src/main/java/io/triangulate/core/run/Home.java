package io.triangulate.core.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where Triangulate keeps its local state: {@code ./.triangulate} unless {@code TRIANGULATE_HOME}
 * says otherwise. Landing files for interval {@code ds} live in {@code landing/<ds>/}, the
 * simulator's truth files in {@code truth/<ds>/}, the embedded database in {@code pgdata/}.
 */
public record Home(Path root) {

  public static final String VARIABLE = "TRIANGULATE_HOME";

  public static Home fromEnvironment(Map<String, String> env) {
    String configured = env.get(VARIABLE);
    return new Home(Path.of(configured == null || configured.isBlank() ? ".triangulate" : configured).toAbsolutePath());
  }

  public Path landing(LocalDate ds) {
    return root.resolve("landing").resolve(ds.toString());
  }

  public Path truth(LocalDate ds) {
    return root.resolve("truth").resolve(ds.toString());
  }
}

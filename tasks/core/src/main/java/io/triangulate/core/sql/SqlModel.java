package io.triangulate.core.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A mart model: one SELECT in {@code sql/marts/models/<name>.sql} whose rows, for one data interval,
 * become the rows of table {@code marts.<name>} with that {@code ds}.
 */
public record SqlModel(String name, String select) {

  public static SqlModel load(String name) {
    String resource = "/sql/marts/models/" + name + ".sql";
    try (InputStream in = SqlModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no mart model " + name + " (expected " + resource.substring(1) + ")");
      }
      return new SqlModel(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read mart model " + name, e);
    }
  }

  public String table() {
    return "marts." + name;
  }
}

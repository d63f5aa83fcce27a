package io.triangulate.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code :name} parameters in a model's SQL into JDBC {@code ?} placeholders with their values
 * in order, so models stay readable while every value is bound, never spliced into the text.
 * PostgreSQL casts ({@code ::date}), quoted strings and comments (which may mention parameters
 * when documenting them) are left alone.
 */
public final class NamedParameters {

  private static final Pattern TOKEN = Pattern.compile("--[^\n]*|/\\*.*?\\*/|'(?:[^']|'')*'|::|:([a-z_][a-z0-9_]*)", Pattern.DOTALL);

  private NamedParameters() {}

  public record Bound(String sql, List<Object> values) {}

  public static Bound bind(String sql, Map<String, ?> parameters, String modelName) {
    Matcher m = TOKEN.matcher(sql);
    StringBuilder out = new StringBuilder();
    List<Object> values = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      if (name == null) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      if (!parameters.containsKey(name)) {
        throw new IllegalArgumentException(
            "model " + modelName + " uses parameter :" + name + " but only " + parameters.keySet() + " are defined");
      }
      values.add(parameters.get(name));
      m.appendReplacement(out, "?");
    }
    m.appendTail(out);
    return new Bound(out.toString(), values);
  }
}

package io.triangulate.serve;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** What a token may do: readers read the marts and the changes feed; operators may also activate. */
public enum Role implements RouteRole {
  READER,
  OPERATOR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String label) {
    for (Role r : values()) {
      if (r.label().equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + label + "' (expected reader or operator)");
  }
}

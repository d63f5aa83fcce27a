package io.triangulate.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");

  @Test
  void bindsInOrderOfUseAndLeavesCastsStringsAndCommentsAlone() {
    String sql =
        "-- uses :window before :ds\n"
            + "select :ds::date as ds, ':ds' as text /* :window */\n"
            + "from t where d > :ds::date - :window::int and d <= :ds";
    NamedParameters.Bound b = NamedParameters.bind(sql, Map.of("ds", DS, "window", 7), "m");
    assertEquals(
        "-- uses :window before :ds\n"
            + "select ?::date as ds, ':ds' as text /* :window */\n"
            + "from t where d > ?::date - ?::int and d <= ?",
        b.sql());
    assertEquals(List.of(DS, DS, 7, DS), b.values());
  }

  @Test
  void anUnknownParameterNamesTheModelAndTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NamedParameters.bind("select :nope", Map.of("ds", DS), "fct_x"));
    assertEquals("model fct_x uses parameter :nope but only [ds] are defined", e.getMessage());
  }
}

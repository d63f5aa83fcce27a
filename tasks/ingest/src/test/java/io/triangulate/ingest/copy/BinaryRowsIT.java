package io.triangulate.ingest.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.triangulate.core.testing.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * Binary COPY stores exactly what PostgreSQL's own text input stores for the same text: every value
 * below goes in both ways and the stored rows are compared as PostgreSQL prints them.
 */
class BinaryRowsIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  private static final List<String> COLUMNS = List.of("n", "d", "t", "i", "b", "s");

  private static final String[][] ROWS = {
    {"0.01", "2026-01-05", "2026-01-05T10:00:00Z", "1", "0", "M0000001"},
    {"12.5", "1999-12-31", "1999-12-31T23:59:59.999999Z", "2147483647", "-9223372036854775808", "Acme, spring"},
    {"-0.0000005", "0001-01-01", "2026-01-05T14:03:00.123456789Z", "-2147483648", "9223372036854775807", "aé\"\\,\n"},
    {"0.0000005", "9999-12-31", "2026-01-05T14:03:00.000000500Z", "0", "42", ""},
    {"99999999.999999", "2024-02-29", "2026-01-05T14:03:00.999999500Z", "7", "7", "ünïcødé ✓"},
    {"1.5e4", "2000-01-01", "2000-01-01T00:00:00Z", "3", "3", "x"},
    {"0", "2000-01-02", "1970-01-01T00:00:00.5Z", "3", "3", "y"},
    {null, null, null, null, null, null},
  };

  @Test
  void binaryCopyStoresWhatTextInputStores() throws Exception {
    try (Connection c = DB.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("create table public.binary_probe (n numeric(14, 6), d date, t timestamptz, i integer, b bigint, s text)");
      BinaryRows rows = BinaryRows.forColumns(c, "public.binary_probe", COLUMNS);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.write(BinaryRows.header());
      CopyBuffer row = new CopyBuffer(64);
      for (String[] values : ROWS) {
        rows.encode(values, row);
        bytes.write(row.array(), 0, row.length());
      }
      bytes.write(BinaryRows.trailer());
      long copied = c.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("copy public.binary_probe (n, d, t, i, b, s) from stdin with (format binary)",
              new ByteArrayInputStream(bytes.toByteArray()));
      assertEquals(ROWS.length, copied);

      List<String> stored = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select binary_probe::text from public.binary_probe")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
      List<String> parsed = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "select row(?::numeric(14, 6), ?::date, ?::timestamptz, ?::integer, ?::bigint, ?::text)::text")) {
        for (String[] values : ROWS) {
          for (int i = 0; i < values.length; i++) {
            p.setString(i + 1, values[i]);
          }
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            parsed.add(rs.getString(1));
          }
        }
      }
      assertEquals(parsed, stored);
    }
  }

  @Test
  void aValueTheColumnCannotHoldNamesItsColumn() throws Exception {
    try (Connection c = DB.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("create table public.binary_narrow (id text, cost numeric(6, 2))");
      BinaryRows rows = BinaryRows.forColumns(c, "public.binary_narrow", List.of("id", "cost"));
      ColumnRejected r = assertThrows(ColumnRejected.class, () -> rows.encode(new String[] {"E1", "10000"}, new CopyBuffer(8)));
      assertEquals(1, r.column());
      assertEquals("is 10000, too large for numeric(6,2): the absolute value must round to less than 10^4", r.getMessage());
    }
  }
}

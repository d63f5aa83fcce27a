package io.triangulate.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.triangulate.core.testing.EmbeddedDatabase;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded cluster is the same on every machine, whatever locale the machine runs in. */
class EmbeddedClusterIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  @Test
  void databaseIsUtf8AndCollatesByBytes() {
    Record r = DB.dsl().fetchSingle(
        "select datcollate, pg_encoding_to_char(encoding) from pg_database where datname = current_database()");
    assertEquals("C", r.get(0, String.class));
    assertEquals("UTF8", r.get(1, String.class));
  }

  @Test
  void textSortsInByteOrderNotDictionaryOrder() {
    // Byte order: 'B' (0x42) < '_' (0x5F) < 'a' (0x61) < 'é' (0xC3 0xA9). A dictionary locale such as
    // en_US would give _, a, B, é.
    String sorted = DB.dsl().fetchSingle(
        "select string_agg(x, ',' order by x) from (values ('a'), ('é'), ('B'), ('_')) v(x)").get(0, String.class);
    assertEquals("B,_,a,é", sorted);
  }
}

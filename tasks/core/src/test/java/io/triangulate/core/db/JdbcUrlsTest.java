package io.triangulate.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void turnsLibpqStyleUrlsIntoJdbcUrlsKeepingCredentialsAndParameters() {
    assertEquals("jdbc:postgresql://db.local:5433/warehouse",
        JdbcUrls.toJdbc("postgresql://db.local:5433/warehouse"));
    assertEquals("jdbc:postgresql://localhost/postgres", JdbcUrls.toJdbc("postgres://localhost"));
    assertEquals("jdbc:postgresql://h:1/d?sslmode=require&user=u&password=p",
        JdbcUrls.toJdbc("postgresql://u:p@h:1/d?sslmode=require"));
    assertEquals("jdbc:postgresql://h/d", JdbcUrls.toJdbc("jdbc:postgresql://h/d"));
  }

  @Test
  void rejectsOtherSchemesAndNeverPrintsPasswords() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JdbcUrls.toJdbc("mysql://h/d"));
    assertEquals("DATABASE_URL must start with postgresql:// or jdbc:postgresql://, got scheme 'mysql'", e.getMessage());
    assertEquals("postgresql://u:***@h/d", JdbcUrls.redact("postgresql://u:secret@h/d"));
    assertEquals("jdbc:postgresql://h/d?user=u&password=***", JdbcUrls.redact("jdbc:postgresql://h/d?user=u&password=secret"));
  }
}

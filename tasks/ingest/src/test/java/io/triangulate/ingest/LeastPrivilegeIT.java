package io.triangulate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.db.Database;
import io.triangulate.core.db.TaskRole;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The roles of migration V6_0, used the way the tasks use them, and the embedded server's exposure. */
class LeastPrivilegeIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  private static final Map<String, String> ENV = Map.of(
      "TRIANGULATE_LOADER_PASSWORD", "loader-secret",
      "TRIANGULATE_TRANSFORMER_PASSWORD", "transformer-secret",
      "TRIANGULATE_READER_PASSWORD", "reader-secret");
  private static Database loader;
  private static Database transformer;
  private static Database reader;

  @BeforeAll
  static void connectAsRoles() {
    loader = DB.database().as(TaskRole.LOADER, ENV);
    transformer = DB.database().as(TaskRole.TRANSFORMER, ENV);
    reader = DB.database().as(TaskRole.READER, ENV);
  }

  @Test
  void theLoaderLoadsRawButCannotTouchMartsOrTruth(@TempDir Path landing) throws Exception {
    Files.writeString(landing.resolve("advertisers.csv"), "advertiser_id,advertiser_name,category\nA01,Acme,coffee\nA 2,x,y\n");
    List<FileReconciliation> files = new IntervalLoader(loader.dataSource()).load(landing, LocalDate.parse("2026-01-05"), r -> {});
    assertEquals(List.of(new FileReconciliation("advertisers", "advertisers.csv", 2, 1, 1, 0)), files);
    assertEquals("triangulate_loader", single(loader.dataSource(), "select current_user"));
    assertDenied(loader.dataSource(), "select count(*) from marts.fct_campaign_daily");
    assertDenied(loader.dataSource(), "delete from marts.fct_campaign_daily");
    assertDenied(loader.dataSource(), "select count(*) from truth.campaign_daily");
    assertDenied(loader.dataSource(), "create table raw.sneaky (x int)");
  }

  @Test
  void theReaderReadsMartsButCannotWriteThemOrReadRaw() throws Exception {
    assertEquals("0", single(reader.dataSource(), "select count(*) from marts.fct_campaign_daily where ds = '1999-01-01'"));
    assertDenied(reader.dataSource(), "delete from marts.fct_campaign_daily");
    assertDenied(reader.dataSource(), "insert into marts.fct_campaign_daily (ds) values ('2026-01-05')");
    assertDenied(reader.dataSource(), "update marts.fct_campaign_daily set ds = ds");
    assertDenied(reader.dataSource(), "select count(*) from raw.members");
    assertDenied(reader.dataSource(), "drop table marts.fct_campaign_daily");
  }

  @Test
  void theTransformerWritesMartsReadsStagingButNeitherWritesRawNorReadsTruth() throws Exception {
    single(transformer.dataSource(), "select count(*) from staging.stg_ad_events");
    try (Connection c = transformer.connection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("delete from marts.fct_campaign_daily where ds = '1999-01-01'");
      }
      c.rollback();
    }
    assertDenied(transformer.dataSource(), "delete from raw.members");
    assertDenied(transformer.dataSource(), "select count(*) from truth.campaign_daily");
  }

  @Test
  void withoutAPasswordInTheEnvironmentATaskKeepsTheOwnersConnection() {
    assertSame(DB.database(), DB.database().as(TaskRole.LOADER, Map.of()));
    assertNotSame(DB.database(), loader);
  }

  @Test
  void theRolesMigrationIsIdempotent() throws Exception {
    String sql = new String(
        LeastPrivilegeIT.class.getResourceAsStream("/sql/ops/V6_0__least_privilege_roles.sql").readAllBytes());
    DB.dsl().execute(sql);
    DB.dsl().execute(sql);
    assertEquals(3, DB.dsl().fetchCount(DB.dsl().selectFrom("pg_roles").where("rolname like 'triangulate\\_%'")));
    assertEquals(0, DB.dsl().fetchCount(DB.dsl().selectFrom("pg_roles")
        .where("rolname like 'triangulate\\_%' and rolsuper")), "no role is a superuser");
  }

  @Test
  void theEmbeddedServerListensOnLoopbackOnlyAndTaskRolesNeedTheirPassword() throws Exception {
    assertEquals("localhost", single(DB.dataSource(), "show listen_addresses"));
    int port = Integer.parseInt(single(DB.dataSource(), "show port"));
    SQLException wrong = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "triangulate_reader", "guess").close());
    assertEquals("28P01", wrong.getSQLState(), "password authentication failed: " + wrong.getMessage());
    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "triangulate_reader", "reader-secret").close();
    InetAddress external = externalAddress();
    if (external != null) {
      SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:postgresql://" + external.getHostAddress() + ":" + port + "/postgres?connectTimeout=3", "postgres", "").close());
      assertEquals("08001", refused.getSQLState(), "nothing listens on " + external + ": " + refused.getMessage());
    }
  }

  /** A non-loopback IPv4 address of this machine, if it has one. */
  private static InetAddress externalAddress() throws IOException {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!n.isUp() || n.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return a;
        }
      }
    }
    return null;
  }

  private static String single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void assertDenied(DataSource ds, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> single(ds, sql), sql);
    assertTrue("42501".equals(e.getSQLState()), sql + ": expected permission denied (42501), got " + e.getSQLState() + " " + e.getMessage());
  }
}

package io.triangulate.simulate;

import static io.triangulate.db.truth.Tables.CAMPAIGN_DAILY;
import static io.triangulate.db.truth.Tables.CAMPAIGN_PARAMS;
import static io.triangulate.db.truth.Tables.CHANNEL_DAILY;
import static io.triangulate.db.truth.Tables.CHANNEL_PARAMS;
import static io.triangulate.db.truth.Tables.IDENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command against a real (embedded) PostgreSQL: files written, truth loaded, re-runs idempotent. */
class SimulateCommandTest {

  @TempDir static Path home;
  private static Database db;
  private static final LocalDate START = LocalDate.of(2026, 1, 5);

  @BeforeAll
  static void startDatabase() {
    Progress.setQuiet(true);
    db = Database.open(home, Map.of());
    CommonOptions.beginSession(db);
  }

  @AfterAll
  static void stopDatabase() {
    CommonOptions.endSession();
    db.close();
  }

  @Test
  void writesFilesAndLoadsTruthIdempotently() throws IOException {
    assertEquals(0, simulate("--from", "2026-01-05", "--to", "2026-01-11"));
    for (LocalDate day = START; !day.isAfter(START.plusDays(6)); day = day.plusDays(1)) {
      assertTrue(Files.exists(home.resolve("landing").resolve(day.toString()).resolve("ad_events.csv")), day.toString());
    }
    assertTrue(Files.exists(home.resolve("landing/2026-01-05/members.csv")));
    Result<Record> before = dailyTruth();
    assertEquals(csvTruthRows(START, START.plusDays(6)), before.size());
    assertTrue(before.size() > 0);
    assertEquals(12, db.dsl().fetchCount(CAMPAIGN_PARAMS));

    long channelRows = fileRows(START, START.plusDays(6), "channel_daily.csv");
    long identityRows = fileRows(START, START, "identity.csv");
    assertEquals(channelRows, db.dsl().fetchCount(CHANNEL_DAILY));
    assertEquals(identityRows, db.dsl().fetchCount(IDENTITY));
    assertEquals(fileRows(START, START, "channel_params.csv"), db.dsl().fetchCount(CHANNEL_PARAMS));
    assertTrue(identityRows > 2000, "every id of a 2,000-member world: " + identityRows);

    // Re-running one day replaces exactly that day.
    assertEquals(0, simulate("--ds", "2026-01-08"));
    assertEquals(before, dailyTruth());
    assertEquals(12, db.dsl().fetchCount(CAMPAIGN_PARAMS));
    assertEquals(channelRows, db.dsl().fetchCount(CHANNEL_DAILY));
    assertEquals(0, simulate("--ds", "2026-01-05"));
    assertEquals(identityRows, db.dsl().fetchCount(IDENTITY), "the identity truth is replaced, not appended");
  }

  @Test
  void anotherSeedReplacesTheCampaignParameters() {
    assertEquals(0, simulate("--ds", "2026-01-05"));
    List<Double> lifts = db.dsl().select(CAMPAIGN_PARAMS.TRUE_RELATIVE_LIFT).from(CAMPAIGN_PARAMS)
        .orderBy(CAMPAIGN_PARAMS.CAMPAIGN_ID).fetch(CAMPAIGN_PARAMS.TRUE_RELATIVE_LIFT);
    assertEquals(0, simulate("--ds", "2026-01-05", "--seed", "7"));
    List<Double> other = db.dsl().select(CAMPAIGN_PARAMS.TRUE_RELATIVE_LIFT).from(CAMPAIGN_PARAMS)
        .orderBy(CAMPAIGN_PARAMS.CAMPAIGN_ID).fetch(CAMPAIGN_PARAMS.TRUE_RELATIVE_LIFT);
    assertEquals(12, other.size());
    assertNotEquals(lifts, other);
    assertEquals(0, simulate("--ds", "2026-01-05")); // leave the default world for the other test
  }

  @Test
  void badArgumentsAreUsageErrorsThatNameTheProblem() {
    StringWriter err = new StringWriter();
    assertEquals(2, simulate(err, "--ds", "2026-01-05", "--from", "2026-01-05"));
    assertTrue(err.toString().contains("--ds cannot be combined with --from/--to"), err.toString());
    err = new StringWriter();
    assertEquals(2, simulate(err, "--ds", "2026-03-01"));
    assertTrue(err.toString().contains("outside the simulated period 2026-01-05 to 2026-02-15"), err.toString());
  }

  private Result<Record> dailyTruth() {
    DSLContext dsl = db.dsl();
    return dsl.select().from(CAMPAIGN_DAILY).orderBy(CAMPAIGN_DAILY.DS, CAMPAIGN_DAILY.CAMPAIGN_ID).fetch();
  }

  private static long fileRows(LocalDate from, LocalDate to, String file) throws IOException {
    long rows = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      rows += Files.readAllLines(home.resolve("truth").resolve(day.toString()).resolve(file)).size() - 1;
    }
    return rows;
  }

  private static long csvTruthRows(LocalDate from, LocalDate to) throws IOException {
    long rows = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      rows += Files.readAllLines(home.resolve("truth").resolve(day.toString()).resolve("campaign_truth.csv")).size() - 1;
    }
    return rows;
  }

  private static int simulate(String... args) {
    return simulate(new StringWriter(), args);
  }

  private static int simulate(StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new SimulateCommand());
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 6];
    all[0] = "--home";
    all[1] = home.toString();
    all[2] = "--config-dir";
    all[3] = RepoFiles.root().resolve("configs").toString();
    all[4] = "--members";
    all[5] = "2000";
    System.arraycopy(args, 0, all, 6, args.length);
    return cli.execute(all);
  }
}

package io.triangulate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.TableChecksum;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken landing files in {@code src/test/resources/bad-input}: each case folder holds
 * one broken file (loaded over the valid files of {@code base/}) and {@code expected.txt}, which
 * states the file's exact reconciliation and every quarantine row (line, field, reason), or the
 * file-level failure. Whatever the case, every file reconciles (read = loaded + quarantined +
 * duplicate), every quarantine row keeps its raw text, and a failed load writes nothing.
 */
class BadInputCorpusIT {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");
  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  private static int casesTried;
  private static long rowsQuarantined;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(corpus().resolve("cases"))) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static Path corpus() {
    try {
      return Path.of(BadInputCorpusIT.class.getResource("/bad-input").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyCaseIsQuarantinedOrFailsNamingFileAndLine(String name, @TempDir Path landing) throws IOException {
    Path caseDir = corpus().resolve("cases").resolve(name);
    copyAll(corpus().resolve("base"), landing);
    copyAll(caseDir, landing);
    Files.delete(landing.resolve("expected.txt"));
    check(landing, Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8));
  }

  /** Generated rather than committed: a 10 MB campaign name (a runaway export, a pasted document). */
  @Test
  void aTenMegabyteFieldIsQuarantinedWithItsTextClipped(@TempDir Path landing) throws IOException {
    copyAll(corpus().resolve("base"), landing);
    String huge = "x".repeat(10 * 1024 * 1024);
    Files.writeString(
        landing.resolve("campaigns.csv"),
        "campaign_id,advertiser_id,campaign_name,channel,pricing_model,unit_price,daily_budget,start_date,end_date,holdout_share\n"
            + "C01,A01,Acme spring,email,CPM,10,100,2026-01-01,2026-01-30,0.2\n"
            + "C02,A02,\"" + huge + "\",onsite_search,CPC,0.5,50,2026-01-01,2026-01-30,0.1\n");
    check(landing, List.of(
        "file campaigns.csv read 2 loaded 1 quarantined 1 duplicate 0",
        "3|campaign_name|campaign_name is longer than 10000 characters (10485760)"));
    String kept = DB.dsl().fetchSingle("select raw_text from raw.load_quarantine where source = 'campaigns'").get(0, String.class);
    assertTrue(kept.startsWith("C02,A02,\"xxx") && kept.endsWith("characters in all)"), kept.substring(kept.length() - 40));
    assertTrue(kept.length() < FileLoader.MAX_RAW_TEXT + 100, "clipped to " + kept.length());
  }

  @AfterAll
  static void summary() {
    System.out.printf("bad-input corpus: %d cases tried, %d rows quarantined, 0 rows lost%n", casesTried, rowsQuarantined);
  }

  private void check(Path landing, List<String> expected) {
    DSLContext dsl = DB.dsl();
    IntervalLoader loader = new IntervalLoader(DB.dataSource());
    casesTried++;
    String first = expected.get(0);
    if (first.startsWith("fails ")) {
      loader.load(corpus().resolve("base"), DS, r -> {});
      Map<String, String> before = TableChecksum.ofSchemas(dsl, List.of("raw"));
      TaskFailure failure = assertThrows(TaskFailure.class, () -> loader.load(landing, DS, r -> {}));
      String wanted = first.substring("fails ".length());
      String fileName = wanted.substring(0, wanted.indexOf(':'));
      assertTrue(failure.getMessage().contains(landing.resolve(fileName) + wanted.substring(fileName.length())),
          failure.getMessage());
      assertTrue(failure.getMessage().contains("nothing was written"), failure.getMessage());
      assertEquals(before, TableChecksum.ofSchemas(dsl, List.of("raw")), "a failed load leaves raw as it was");
      return;
    }
    List<FileReconciliation> files = loader.load(landing, DS, r -> {});
    for (FileReconciliation f : files) {
      assertEquals(f.rowsRead(), f.rowsLoaded() + f.rowsQuarantined() + f.rowsDuplicate(), f.toString());
      long loaded = dsl.fetchCount(DSL.table(Sources.byName(f.source()).qualifiedTable()), DSL.field("load_ds").eq(DS));
      assertEquals(f.rowsLoaded(), loaded, f.source() + ": rows in raw");
    }
    String[] counts = first.split(" ");
    String file = counts[1];
    FileReconciliation r = files.stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
    assertEquals(
        new FileReconciliation(r.source(), file, Long.parseLong(counts[3]), Long.parseLong(counts[5]),
            Long.parseLong(counts[7]), Long.parseLong(counts[9])),
        r);
    List<String> wantedQuarantine = new ArrayList<>();
    for (String line : expected.subList(1, expected.size())) {
      if (line.startsWith("verbatim|")) {
        String[] v = line.split("\\|", 5);
        SourceSpec spec = Sources.byName(v[1]);
        String stored = dsl.select(DSL.field(v[3], String.class)).from(DSL.table(spec.qualifiedTable()))
            .where(DSL.field(spec.key().get(0)).eq(v[2])).fetchSingle().value1();
        assertEquals(v[4], stored, "stored verbatim, as data");
      } else if (!line.isBlank()) {
        wantedQuarantine.add(line);
      }
    }
    List<String> quarantine = new ArrayList<>();
    for (Record q : dsl.fetch(
        "select line, coalesce(field, '-') as field, reason, raw_text from raw.load_quarantine where file = ? order by line",
        file)) {
      quarantine.add(q.get("line") + "|" + q.get("field") + "|" + q.get("reason"));
      assertTrue(q.get("raw_text", String.class) != null && !q.get("raw_text", String.class).isEmpty(), "raw text kept");
    }
    assertEquals(wantedQuarantine, quarantine);
    rowsQuarantined += r.rowsQuarantined();
    assertEquals(Long.valueOf(3), dsl.fetchSingle("select count(*) from information_schema.tables where table_schema = 'raw'"
        + " and table_name in ('advertisers', 'members', 'ad_events')").get(0, Long.class), "no text ran as SQL");
  }

  private static void copyAll(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

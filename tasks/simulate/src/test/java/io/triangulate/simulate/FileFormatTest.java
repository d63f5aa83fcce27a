package io.triangulate.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every written file has exactly the documented columns, and every row obeys the documented rules
 * except the two deliberate traps (duplicated ad events, missing creative names).
 */
class FileFormatTest {

  @TempDir static Path dir;
  private static SimulatedRun run;
  private static Map<String, List<String>> documented;

  @BeforeAll
  static void runOnce() throws IOException {
    run = new SimulatedRun(RepoFiles.defaultConfig().withMembers(5_000), dir);
    documented = DocumentedFormats.columns();
  }

  @Test
  void documentationListsEveryFileTheSimulatorWrites() {
    for (OutputFile file : OutputFile.values()) {
      assertEquals(documented.get(file.fileName()), file.columns(), file.fileName());
    }
  }

  @Test
  void everyWrittenFileHasTheDocumentedHeaderAndFullRows() throws IOException {
    Set<String> seen = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.filter(Files::isRegularFile).toList()) {
        String name = path.getFileName().toString();
        assertTrue(documented.containsKey(name), "undocumented file " + path);
        CsvFile csv = CsvFile.read(path);
        assertEquals(documented.get(name), csv.header, "header of " + path);
        for (List<String> row : csv.rows) {
          assertEquals(csv.header.size(), row.size(), path + ": " + row);
        }
        seen.add(name);
      }
    }
    Set<String> all = new TreeSet<>();
    for (OutputFile file : OutputFile.values()) {
      all.add(file.fileName());
    }
    assertEquals(all, seen, "every kind of file is written at least once");
  }

  @Test
  void dimensionRowsFollowTheRules() throws IOException {
    LocalDate first = run.config.startDate();
    Set<String> advertisers = ids(run.path(OutputFile.ADVERTISERS, first), "advertiser_id");
    assertEquals(run.config.advertisers(), advertisers.size());

    CsvFile campaigns = CsvFile.read(run.path(OutputFile.CAMPAIGNS, first));
    Map<String, Integer> perChannel = new HashMap<>();
    campaigns.forEach(row -> {
      assertTrue(advertisers.contains(row.get("advertiser_id")), row.toString());
      assertTrue(Segments.CHANNELS.contains(row.get("channel")), row.toString());
      assertEquals(row.get("channel").equals("onsite_search") ? "CPC" : "CPM", row.get("pricing_model"), row.toString());
      double price = Double.parseDouble(row.get("unit_price"));
      assertTrue(row.get("pricing_model").equals("CPC") ? price >= 0.5 && price <= 2 : price >= 5 && price <= 25, row.toString());
      assertTrue(Double.parseDouble(row.get("daily_budget")) > 0, row.toString());
      LocalDate start = LocalDate.parse(row.get("start_date"));
      LocalDate end = LocalDate.parse(row.get("end_date"));
      long length = end.toEpochDay() - start.toEpochDay() + 1;
      assertTrue(length >= 21 && length <= 35, "flight length " + row);
      assertFalse(start.isBefore(first) || end.isAfter(run.config.endDate()), "flight inside the period: " + row);
      double holdout = Double.parseDouble(row.get("holdout_share"));
      assertTrue(holdout >= 0 && holdout < 1, row.toString());
      assertFalse(row.get("campaign_name").isBlank());
      perChannel.merge(row.get("channel"), 1, Integer::sum);
    });
    assertEquals(run.config.campaigns(), campaigns.rows.size());
    for (String channel : Segments.CHANNELS) {
      assertTrue(perChannel.getOrDefault(channel, 0) >= 2, "channel " + channel + " used at least twice: " + perChannel);
    }

    Set<String> campaignIds = ids(run.path(OutputFile.CAMPAIGNS, first), "campaign_id");
    CsvFile creatives = CsvFile.read(run.path(OutputFile.CREATIVES, first));
    Map<String, Integer> perCampaign = new HashMap<>();
    int[] missingNames = new int[1];
    creatives.forEach(row -> {
      assertTrue(campaignIds.contains(row.get("campaign_id")), row.toString());
      assertFalse(row.get("format").isEmpty(), row.toString());
      missingNames[0] += row.get("creative_name").isEmpty() ? 1 : 0;
      perCampaign.merge(row.get("campaign_id"), 1, Integer::sum);
    });
    perCampaign.values().forEach(n -> assertTrue(n >= 2 && n <= 3, "2-3 creatives per campaign: " + perCampaign));
    assertTrue(missingNames[0] >= 1, "the missing-creative-name trap is present");
    assertTrue(missingNames[0] < creatives.rows.size() / 2, "but most creatives keep their name");

    CsvFile members = CsvFile.read(run.path(OutputFile.MEMBERS, first));
    assertEquals(run.config.members(), members.rows.size());
    members.forEach(row -> {
      assertTrue(row.get("member_id").matches("M\\d{7}"), row.toString());
      assertTrue(Segments.REGIONS.contains(row.get("region")), row.toString());
      assertTrue(Segments.AGE_BANDS.contains(row.get("age_band")), row.toString());
      assertTrue(Segments.LOYALTY_TIERS.contains(row.get("loyalty_tier")), row.toString());
      assertTrue(LocalDate.parse(row.get("signup_date")).isBefore(first), row.toString());
    });
  }

  @Test
  void assignmentsAreUniqueAndDatedOnTheCampaignStart() throws IOException {
    Map<String, Map<String, String>> campaigns = run.campaigns();
    Set<String> seen = new HashSet<>();
    for (LocalDate day : run.simulator.days()) {
      Path path = run.path(OutputFile.EXPERIMENT_ASSIGNMENTS, day);
      if (!Files.exists(path)) {
        continue;
      }
      CsvFile.read(path).forEach(row -> {
        assertEquals(campaigns.get(row.get("campaign_id")).get("start_date"), row.get("assigned_date"), row.toString());
        assertEquals(day.toString(), row.get("assigned_date"));
        assertTrue(Set.of("treatment", "control").contains(row.get("arm")), row.toString());
        assertTrue(Ids.memberIndex(row.get("member_id")) < run.config.members(), row.toString());
        assertTrue(seen.add(row.get("campaign_id") + "/" + row.get("member_id")), "duplicate assignment " + row);
      });
    }
    campaigns.keySet().forEach(c -> assertTrue(seen.stream().anyMatch(k -> k.startsWith(c + "/")), "assignments for " + c));
  }

  @Test
  void adEventsFollowTheRulesApartFromDeliberateDuplicates() throws IOException {
    Map<String, Map<String, String>> campaigns = run.campaigns();
    Set<String> creatives = ids(run.path(OutputFile.CREATIVES, run.config.startDate()), "creative_id");
    Map<String, byte[]> arms = run.arms();
    Map<String, String> firstRowById = new HashMap<>();
    long[] counts = new long[2]; // rows, exact duplicates
    for (LocalDate day : run.simulator.days()) {
      run.forEachRowOf(OutputFile.AD_EVENTS, day, f -> {
        String line = String.join(",", f);
        counts[0]++;
        String previous = firstRowById.putIfAbsent(f[0], line);
        if (previous != null) {
          assertEquals(previous, line, "a repeated event_id is an exact copy");
          counts[1]++;
          return;
        }
        assertTrue(f[1].startsWith(day + "T") && f[1].endsWith("Z"), "timestamp within the day: " + line);
        Map<String, String> campaign = campaigns.get(f[3]);
        LocalDate start = LocalDate.parse(campaign.get("start_date"));
        LocalDate end = LocalDate.parse(campaign.get("end_date"));
        assertFalse(day.isBefore(start) || day.isAfter(end), "events only during the flight: " + line);
        assertTrue(creatives.contains(f[4]), line);
        byte arm = arms.get(f[3])[Ids.memberIndex(f[5])];
        double cost = Double.parseDouble(f[6]);
        assertTrue(cost >= 0, line);
        boolean cpc = "CPC".equals(campaign.get("pricing_model"));
        double price = Double.parseDouble(campaign.get("unit_price"));
        switch (f[2]) {
          case "ghost_impression" -> {
            assertEquals(0, arm, "ghosts only for control members: " + line);
            assertEquals(0.0, cost, line);
          }
          case "impression" -> {
            assertEquals(1, arm, "impressions only for treated members: " + line);
            assertEquals(cpc ? 0.0 : price / 1000, cost, 1e-9, line);
          }
          case "click" -> {
            assertEquals(1, arm, line);
            assertEquals(cpc ? price : 0.0, cost, 1e-9, line);
          }
          default -> throw new AssertionError("event_type " + f[2]);
        }
      });
    }
    double duplicateRate = (double) counts[1] / (counts[0] - counts[1]);
    // 0.2% of ~60,000 events: about 120 duplicates, standard error ~11, so ±0.001 is > 5 SE.
    assertEquals(run.config.dataQuality().duplicateEventRate(), duplicateRate, 0.001, "duplicate rate over " + counts[0] + " rows");
  }

  @Test
  void transactionsFollowTheRules() {
    Set<String> orderIds = new HashSet<>();
    long[] rows = new long[1];
    for (LocalDate day : run.simulator.days()) {
      run.forEachRowOf(OutputFile.TRANSACTIONS, day, f -> {
        rows[0]++;
        assertTrue(orderIds.add(f[0]), "unique order_id " + f[0]);
        assertTrue(f[1].startsWith(day + "T") && f[1].endsWith("Z"), f[1]);
        assertTrue(Ids.memberIndex(f[2]) < run.config.members(), f[2]);
        assertTrue(f[3].matches("A\\d{2}"), f[3]);
        assertTrue(Double.parseDouble(f[4]) >= 0, f[4]);
        assertTrue(Integer.parseInt(f[5]) >= 1, f[5]);
      });
    }
    assertTrue(rows[0] > 100, "orders are simulated: " + rows[0]);
  }

  @Test
  void truthHasOneRowPerActiveCampaignAndDay() {
    List<String> keys = new ArrayList<>();
    run.forEachRow(OutputFile.CAMPAIGN_TRUTH, f -> keys.add(f[0] + "/" + f[1]));
    assertEquals(keys.size(), new HashSet<>(keys).size(), "(ds, campaign_id) unique");
    int lag = run.config.lift().maxLagDays();
    int expected = 0;
    for (Campaign c : run.simulator.world().campaigns) {
      LocalDate lastEffect = c.endDate().plusDays(lag).isAfter(run.config.endDate()) ? run.config.endDate() : c.endDate().plusDays(lag);
      expected += (int) (lastEffect.toEpochDay() - c.startDate().toEpochDay() + 1);
    }
    assertEquals(expected, keys.size(), "a row for every day from start to end + max lag (within the period)");
  }

  private static Set<String> ids(Path file, String column) throws IOException {
    Set<String> ids = new HashSet<>();
    CsvFile.read(file).forEach(row -> {
      assertFalse(row.get(column).contains(" "), "ids without spaces: " + row);
      assertTrue(ids.add(row.get(column)), "unique " + column + ": " + row);
    });
    return ids;
  }
}

package io.triangulate.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-platform and offline sources of a 5,000-member world, read back from the files: the
 * identity graph's coverage, the traps (lower-case ids, re-logged impressions), the rules of every
 * row, brand-media truth recomputed from the exposure logs, and the closed-loop expected outcome.
 */
class CrossPlatformTest {

  private static final int MEMBERS = 5_000;

  @TempDir static Path dir;
  private static SimulatedRun run;
  private static World world;
  /** Truth identity: id → {member index, household id}. */
  private static Map<String, String[]> identity;

  @BeforeAll
  static void runOnce() {
    run = new SimulatedRun(RepoFiles.defaultConfig().withMembers(MEMBERS), dir);
    world = run.simulator.world();
    identity = new HashMap<>();
    run.forEachRow(OutputFile.IDENTITY, f -> identity.put(f[1], new String[] {f[2], f[3], f[0]}));
  }

  @Test
  void identityTruthNamesEveryIdOnceWithItsMemberAndHousehold() {
    Identities ids = world.identities;
    assertEquals(MEMBERS + ids.households + ids.devices + ids.users + ids.cookies, identity.size());
    Map<String, Set<String>> regionsByHousehold = new HashMap<>();
    Map<String, Integer> householdSizes = new HashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      String[] row = identity.get(Ids.member(i));
      assertEquals(Ids.member(i), row[0]);
      regionsByHousehold.computeIfAbsent(row[1], k -> new HashSet<>()).add(Segments.REGIONS.get(world.members.region[i]));
      householdSizes.merge(row[1], 1, Integer::sum);
    }
    regionsByHousehold.forEach((h, regions) -> assertEquals(1, regions.size(), "one region per household " + h));
    householdSizes.values().forEach(n -> assertTrue(n >= 1 && n <= 4, "1-4 members per household: " + n));
    // Mean size from the weights 0.3/0.35/0.2/0.15 is 2.2 (households left open at the end are smaller).
    assertEquals(2.2, (double) MEMBERS / householdSizes.size(), 0.1);
    for (int d = 0; d < ids.devices; d++) {
      String[] row = identity.get(Ids.device(d));
      assertEquals(Ids.household(ids.deviceHousehold[d]), row[1]);
      assertEquals(identity.get(row[0])[1], row[1], "a device's member lives in its household");
    }
    assertEquals(0.5, (double) ids.users / MEMBERS, 4 * Math.sqrt(0.25 / MEMBERS), "streaming user share");
    assertEquals(1.85, (double) ids.cookies / MEMBERS, 0.05, "cookies per member (weights 0.4/0.35/0.25)");
  }

  @Test
  void identityLinksCoverTheConfiguredSharesAndAgreeWithTheTruth() {
    Map<String, Long> links = new HashMap<>();
    Set<String> seen = new HashSet<>();
    long[] lowerCase = new long[2];
    long[] firstDay = new long[1];
    run.forEachRow(OutputFile.IDENTITY_LINKS, f -> {
      String a = f[0].toUpperCase(Locale.ROOT);
      String b = f[2].toUpperCase(Locale.ROOT);
      assertTrue(seen.add(a + "/" + b), "a link is written once over the period: " + String.join(",", f));
      lowerCase[0] += f[0].equals(a) && f[2].equals(b) ? 0 : 1;
      lowerCase[1]++;
      firstDay[0] += f[5].equals(run.config.startDate().toString()) ? 1 : 0;
      String[] truthA = identity.get(a);
      String[] truthB = identity.get(b);
      assertNotNull(truthA, f[0]);
      assertNotNull(truthB, f[2]);
      assertEquals(truthA[2], f[1], "id_a_type " + String.join(",", f));
      assertEquals(truthB[2], f[3], "id_b_type " + String.join(",", f));
      assertEquals(truthA[1], truthB[1], "linked ids share a household: " + String.join(",", f));
      if (f[1].equals("cookie") && f[3].equals("member") || f[1].equals("streaming_user")) {
        assertEquals(truthA[0], truthB[0], "linked ids are the same person: " + String.join(",", f));
      }
      links.merge(f[1] + ">" + f[3] + ":" + f[4], 1L, Long::sum);
    });
    Identities ids = world.identities;
    assertShare(0.6, links.get("cookie>member:login"), ids.cookies, "cookie logins");
    assertShare(0.8, links.get("member>household:household_registration"), MEMBERS, "household registrations");
    assertShare(0.7, links.get("device>household:device_pairing"), ids.devices, "device pairings");
    assertShare(0.5, links.get("streaming_user>member:streaming_login"), ids.users, "streaming logins");
    assertShare(0.1, links.get("cookie>device:device_graph"), ids.cookies, "cookie-device links");
    assertShare(0.5, firstDay[0], lowerCase[1], "links known on the first day");
    assertShare(0.01, lowerCase[0], lowerCase[1], "lower-case ids");
  }

  /** {@code count / n} within 4 binomial standard errors of {@code share}. */
  private static void assertShare(double share, Long count, long n, String what) {
    assertNotNull(count, what);
    double se = Math.sqrt(share * (1 - share) / n);
    assertEquals(share, (double) count / n, 4 * se, what + ": " + count + " of " + n);
  }

  @Test
  void brandSpendVariesByWeekAndMatchesDelivery() {
    Map<String, Long> reached = new HashMap<>();
    Map<String, Set<String>> uniqueImpressions = new HashMap<>();
    long[] streamingRows = new long[1];
    for (LocalDate day : run.simulator.days()) {
      run.forEachRowOf(OutputFile.TV_AIRINGS, day, f -> {
        assertTrue(f[4].startsWith(day + "T") && f[4].endsWith("Z"), f[4]);
        assertTrue(f[1].matches("H\\d{7}"), f[1]);
        reached.merge(day + "/" + f[2], 1L, Long::sum);
      });
      run.forEachRowOf(OutputFile.STREAMING_IMPRESSIONS, day, f -> {
        assertTrue(f[1].isEmpty() != f[2].isEmpty(), "exactly one of device and user: " + String.join(",", f));
        assertTrue(f[5].startsWith(day + "T"), f[5]);
        assertEquals(0.025, Double.parseDouble(f[6]), 1e-12, "CPM 25 per impression");
        streamingRows[0]++;
        uniqueImpressions.computeIfAbsent(day + "/" + f[3], k -> new HashSet<>())
            .add(f[1] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5]);
      });
    }
    Map<String, List<Double>> weeklySpend = new HashMap<>();
    long[] unique = new long[1];
    run.forEachRow(OutputFile.CHANNEL_SPEND, f -> {
      double spend = Double.parseDouble(f[3]);
      assertTrue(spend > 0, String.join(",", f));
      String key = f[0] + "/" + f[1];
      switch (f[2]) {
        case "linear_tv" -> assertEquals(reached.getOrDefault(key, 0L), Long.parseLong(f[4]), "households reached " + key);
        case "streaming" -> {
          long n = uniqueImpressions.get(key).size();
          unique[0] += n;
          assertEquals(n, Long.parseLong(f[4]), "unique impressions " + key);
          assertEquals(Math.round(n * 25.0 / 10) / 100.0, spend, 1e-9, "streaming spend is impressions × CPM " + key);
        }
        case "ooh" -> assertEquals("", f[4]);
        default -> throw new AssertionError(f[2]);
      }
      int week = (int) (LocalDate.parse(f[0]).toEpochDay() - run.config.startDate().toEpochDay()) / 7;
      List<Double> weeks = weeklySpend.computeIfAbsent(f[1] + "/" + f[2], k -> new ArrayList<>(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)));
      weeks.set(week, weeks.get(week) + spend);
    });
    assertEquals(10, weeklySpend.size(), "4 linear TV, 3 streaming and 3 OOH buyers among 6 advertisers");
    // Flights go on and off by week and levels differ between on-weeks, channel by channel: 60
    // buyer-weeks with 60-70% on leave some weeks dark, and levels drawn in [min, max] spread out.
    long dark = weeklySpend.values().stream().flatMap(List::stream).filter(w -> w == 0.0).count();
    assertTrue(dark >= 10 && dark <= 30, "weeks without spend: " + dark + " of 60");
    long varied = weeklySpend.values().stream().filter(weeks -> {
      double max = weeks.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double min = weeks.stream().mapToDouble(Double::doubleValue).filter(w -> w > 0).min().orElse(max);
      return max > 1.3 * min;
    }).count();
    assertTrue(varied >= 7, "buyers whose on-week levels differ by 30% or more: " + varied + " of 10");
    // Re-logs: 3% of impressions; ~6,000 impressions here give a standard error of ~0.2 points.
    double relog = (double) (streamingRows[0] - unique[0]) / unique[0];
    assertEquals(0.03, relog, 4 * Math.sqrt(0.03 * 0.97 / unique[0]), "re-log rate over " + unique[0] + " impressions");
  }

  @Test
  void webFilesFollowTheRulesAndVisitsFollowIntent() {
    long[] purchases = new long[3]; // rows, with member, with a same-day visit from one of the member's cookies
    double[] visitorPropensity = new double[2];
    for (LocalDate day : run.simulator.days()) {
      Set<String> visitedCookies = new HashSet<>();
      run.forEachRowOf(OutputFile.WEB_VISITS, day, f -> {
        assertTrue(f[2].startsWith(day + "T"), f[2]);
        String cookie = f[1].toUpperCase(Locale.ROOT);
        int member = Ids.memberIndex(identity.get(cookie)[0]);
        visitedCookies.add(f[3] + "/" + cookie);
        assertTrue(Set.of("direct", "organic", "social", "email", "display", "search", "streaming").contains(f[4]), f[4]);
        if (!f[5].isEmpty()) {
          Campaign c = world.campaigns.stream().filter(x -> x.id().equals(f[5])).findFirst().orElseThrow();
          assertEquals(c.advertiser().id(), f[3], "a campaign visit lands on its advertiser's site");
          assertEquals(WebActivity.trafficSource(c.channel()), f[4]);
        }
        visitorPropensity[0] += world.members.propensity[member];
        visitorPropensity[1]++;
      });
      run.forEachRowOf(OutputFile.WEB_PURCHASES, day, f -> {
        assertTrue(f[1].startsWith(day + "T"), f[1]);
        assertFalse(f[2].isEmpty(), "the simulator always knows the cookie");
        String[] owner = identity.get(f[2].toUpperCase(Locale.ROOT));
        if (!f[3].isEmpty()) {
          assertEquals(owner[0], f[3], "a logged-in purchase names the cookie's member");
          purchases[1]++;
        }
        purchases[0]++;
        purchases[2] += visitedCookies.contains(f[4] + "/" + f[2].toUpperCase(Locale.ROOT)) ? 1 : 0;
        assertTrue(Double.parseDouble(f[5]) > 0, f[5]);
      });
    }
    assertTrue(purchases[0] > 100, "web purchases are simulated: " + purchases[0]);
    assertShare(0.6, purchases[1], purchases[0], "logged-in web purchases");
    assertTrue(purchases[2] >= 0.8 * purchases[0], "most web purchases follow a visit the same day: " + purchases[2]);
    // Population mean propensity is 1; visits grow with it, so visitors are clearly more likely buyers.
    assertTrue(visitorPropensity[0] / visitorPropensity[1] > 1.3, "visitor propensity " + visitorPropensity[0] / visitorPropensity[1]);
  }

  @Test
  void brandTruthIsTheSumOfP0TimesLiftRecomputedFromTheExposureLogs() {
    Map<String, double[]> params = new HashMap<>();
    run.forEachRow(OutputFile.CHANNEL_PARAMS, f ->
        params.put(f[0] + "/" + f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])}));
    Map<String, double[]> truth = new HashMap<>();
    run.forEachRow(OutputFile.CHANNEL_DAILY, f ->
        truth.put(f[0] + "/" + f[1] + "/" + f[2], new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])}));
    Map<String, List<Integer>> householdMembers = new HashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      householdMembers.computeIfAbsent(identity.get(Ids.member(i))[1], k -> new ArrayList<>()).add(i);
    }
    int lag = run.config.brandMedia().maxLagDays();
    double webShare = run.config.web().purchaseShare();
    double scale = MEMBERS / 10_000.0;
    int checked = 0;
    for (int offset = 3; offset < run.config.days(); offset += 6) {
      LocalDate day = run.config.startDate().plusDays(offset);
      for (Advertiser a : world.advertisers) {
        double[][] lift = new double[3][MEMBERS]; // linear_tv, streaming, ooh
        double[] tv = params.get(a.id() + "/linear_tv");
        double[] streaming = params.get(a.id() + "/streaming");
        double[] ooh = params.get(a.id() + "/ooh");
        Map<String, Double> householdStock = new HashMap<>();
        Map<Integer, Double> memberStock = new HashMap<>();
        double oohStock = 0;
        for (int k = 0; k <= lag; k++) {
          LocalDate d = day.minusDays(k);
          if (d.isBefore(run.config.startDate())) {
            break;
          }
          int back = k;
          if (tv != null) {
            run.forEachRowOf(OutputFile.TV_AIRINGS, d, f -> {
              if (f[2].equals(a.id())) {
                householdStock.merge("tv/" + f[1], Math.pow(tv[0], back), Double::sum);
              }
            });
          }
          if (streaming != null) {
            Set<String> impressions = new HashSet<>();
            run.forEachRowOf(OutputFile.STREAMING_IMPRESSIONS, d, f -> {
              if (!f[3].equals(a.id()) || !impressions.add(f[1] + "," + f[2] + "," + f[4] + "," + f[5])) {
                return; // another advertiser, or a re-log
              }
              double w = Math.pow(streaming[0], back);
              if (!f[1].isEmpty()) {
                householdStock.merge("st/" + identity.get(f[1])[1], w, Double::sum);
              } else {
                memberStock.merge(Ids.memberIndex(identity.get(f[2])[0]), w, Double::sum);
              }
            });
          }
          if (ooh != null) {
            double[] spend = new double[1];
            run.forEachRowOf(OutputFile.CHANNEL_SPEND, d, f -> {
              if (f[1].equals(a.id()) && f[2].equals("ooh")) {
                spend[0] = Double.parseDouble(f[3]);
              }
            });
            oohStock += Math.pow(ooh[0], back) * spend[0] / scale;
          }
        }
        for (Map.Entry<String, Double> e : householdStock.entrySet()) {
          boolean isTv = e.getKey().startsWith("tv/");
          for (int i : householdMembers.get(e.getKey().substring(3))) {
            if (isTv) {
              lift[0][i] = tv[2] * (1 - Math.exp(-e.getValue() / tv[1]));
            }
          }
        }
        if (streaming != null) {
          for (int i = 0; i < MEMBERS; i++) {
            double stock = householdStock.getOrDefault("st/" + identity.get(Ids.member(i))[1], 0.0) + memberStock.getOrDefault(i, 0.0);
            lift[1][i] = stock > 0 ? streaming[2] * (1 - Math.exp(-stock / streaming[1])) : 0.0;
          }
        }
        if (ooh != null) {
          java.util.Arrays.fill(lift[2], ooh[2] * (1 - Math.exp(-oohStock / ooh[1])));
        }
        String[] channels = {"linear_tv", "streaming", "ooh"};
        for (int k = 0; k < 3; k++) {
          double orders = 0;
          double revenue = 0;
          for (int i = 0; i < MEMBERS; i++) {
            double p0 = world.dayFactor(day) * a.purchaseShare() * world.members.propensity[i];
            orders += (1 + webShare) * p0 * lift[k][i];
            revenue += (1 + webShare) * p0 * lift[k][i] * world.members.orderValue[i];
          }
          double[] recorded = truth.get(day + "/" + a.id() + "/" + channels[k]);
          if (recorded == null) {
            assertEquals(0.0, orders, 0.0, day + " " + a.id() + " " + channels[k] + " has no truth row but an effect");
            continue;
          }
          // Truth is written with 6 decimals; the recomputation differs only by float summation order.
          assertEquals(orders, recorded[0], 1e-6 + 1e-9 * orders, day + " " + a.id() + " " + channels[k] + " orders");
          assertEquals(revenue, recorded[1], 1e-6 + 1e-9 * revenue, day + " " + a.id() + " " + channels[k] + " revenue");
          checked += orders > 0 ? 1 : 0;
        }
      }
    }
    assertTrue(checked >= 30, "enough advertiser-days with brand effects checked: " + checked);
  }

  @Test
  void expectedOutcomeAtOneIsBaselinePlusTheTruthAndZeroSpendRemovesIt() {
    LocalDate from = run.config.startDate();
    LocalDate to = run.config.endDate();
    ExpectedOutcome actual = run.simulator.expectedOutcome(from, to, Map.of());
    Map<String, Double> none = new HashMap<>();
    actual.spendByChannel().keySet().forEach(channel -> none.put(channel, 0.0));
    ExpectedOutcome nothing = run.simulator.expectedOutcome(from, to, none);

    Map<String, Double> spend = new HashMap<>();
    double[] incremental = new double[2];
    run.forEachRow(OutputFile.CHANNEL_DAILY, f -> {
      spend.merge(f[2], Double.parseDouble(f[3]), Double::sum);
      incremental[0] += Double.parseDouble(f[4]);
      incremental[1] += Double.parseDouble(f[5]);
    });
    // Rows are rounded to 6 decimals: ~700 rows leave at most ~4e-4 of rounding.
    assertEquals(incremental[0], actual.orders() - nothing.orders(), 1e-3, "incremental orders");
    assertEquals(incremental[1], actual.revenue() - nothing.revenue(), 1e-2, "incremental revenue");
    for (String channel : actual.spendByChannel().keySet()) {
      assertEquals(spend.getOrDefault(channel, 0.0), actual.spendByChannel().get(channel), 1e-3, channel + " spend");
      assertEquals(0.0, nothing.spendByChannel().get(channel), 0.0, channel + " spend at multiplier 0");
    }

    // The files' orders are draws around the expectation (sum of Bernoullis: variance below the mean).
    long[] orders = new long[1];
    run.forEachRow(OutputFile.TRANSACTIONS, f -> orders[0]++);
    run.forEachRow(OutputFile.WEB_PURCHASES, f -> orders[0]++);
    assertEquals(actual.orders(), orders[0], 4 * Math.sqrt(actual.orders()), "realized vs expected orders");
  }

  @Test
  void expectedOutcomeRespondsToEachChannelAlone() {
    LocalDate from = run.config.startDate();
    LocalDate to = run.config.endDate();
    ExpectedOutcome actual = run.simulator.expectedOutcome(from, to, Map.of());
    double[] tv = new double[1];
    run.forEachRow(OutputFile.CHANNEL_DAILY, f -> tv[0] += f[2].equals("linear_tv") ? Double.parseDouble(f[4]) : 0.0);
    double tvTruth = tv[0];
    ExpectedOutcome noTv = run.simulator.expectedOutcome(from, to, Map.of("linear_tv", 0.0));
    assertEquals(tvTruth, actual.orders() - noTv.orders(), 1e-3, "effects add up: removing TV removes exactly its truth");
    ExpectedOutcome doubleTv = run.simulator.expectedOutcome(from, to, Map.of("linear_tv", 2.0));
    double gain = doubleTv.orders() - actual.orders();
    assertTrue(gain > 0 && gain < tvTruth, "doubling TV adds orders, with diminishing returns: " + gain + " vs " + tvTruth);
    assertEquals(2 * actual.spendByChannel().get("linear_tv"), doubleTv.spendByChannel().get("linear_tv"), 1e-6);
    ExpectedOutcome moreDisplay = run.simulator.expectedOutcome(from, to, Map.of("onsite_display", 1.5));
    double displaySpend = actual.spendByChannel().get("onsite_display");
    assertEquals(1.5 * displaySpend, moreDisplay.spendByChannel().get("onsite_display"), 0.05 * displaySpend,
        "more opportunities, about proportionally more spend (a few members hit the cap)");
    assertEquals(actual.spendByChannel().get("email"), moreDisplay.spendByChannel().get("email"), 0.0);

    assertThrows(IllegalArgumentException.class, () -> run.simulator.expectedOutcome(from, to, Map.of("radio", 1.0)));
    assertThrows(IllegalArgumentException.class, () -> run.simulator.expectedOutcome(from, to, Map.of("ooh", -1.0)));
    assertThrows(IllegalArgumentException.class, () -> run.simulator.expectedOutcome(to, from, Map.of()));
  }
}

package io.triangulate.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistical sanity of the default world (with 20,000 members to stay fast), measured from the
 * written files as the pipeline would measure it. The world is deterministic, so these pass or fail
 * the same way every time; thresholds are set in standard errors so a real modelling mistake fails.
 */
class WorldStatisticsTest {

  private static final int MEMBERS = 20_000;

  @TempDir static Path dir;
  private static SimulatedRun run;
  private static Map<String, SimulatedRun.ArmStats[]> experiment;
  private static Map<String, String> kinds;
  private static Map<String, List<double[]>> truth;

  @BeforeAll
  static void runOnce() throws IOException {
    run = new SimulatedRun(RepoFiles.defaultConfig().withMembers(MEMBERS), dir);
    experiment = run.experiment();
    kinds = run.liftKinds();
    truth = run.truthByCampaign();
  }

  @Test
  void strongCampaignsConvertMoreTreatedThanControlMembers() {
    long treatedMembers = 0;
    long treatedConverters = 0;
    long controlMembers = 0;
    long controlConverters = 0;
    for (Map.Entry<String, String> campaign : kinds.entrySet()) {
      if (!campaign.getValue().equals("strong")) {
        continue;
      }
      SimulatedRun.ArmStats[] arms = experiment.get(campaign.getKey());
      assertTrue(arms[0].conversion() > arms[1].conversion(),
          campaign.getKey() + ": treated " + arms[0].conversion() + " vs control " + arms[1].conversion());
      treatedMembers += arms[0].members;
      treatedConverters += arms[0].converters;
      controlMembers += arms[1].members;
      controlConverters += arms[1].converters;
    }
    double pt = (double) treatedConverters / treatedMembers;
    double pc = (double) controlConverters / controlMembers;
    double se = Math.sqrt(pt * (1 - pt) / treatedMembers + pc * (1 - pc) / controlMembers);
    // Strong campaigns are meant to be detectable: pooled, the difference must be clear of noise.
    assertTrue((pt - pc) / se > 3, "pooled strong lift " + pt + " vs " + pc + ", z = " + (pt - pc) / se);
  }

  @Test
  void experimentEstimatesAreCentredOnTheRecordedTruth() {
    // Difference in orders per exposed member, scaled to the treated group, against Σ truth: the
    // estimand the lead's experiment analysis uses. |z| < 3.5 for all 12 campaigns fails if truth
    // and data disagree by more than noise (a per-campaign false alarm has probability ~0.05%).
    double pooledDifference = 0;
    double pooledVariance = 0;
    for (Map.Entry<String, SimulatedRun.ArmStats[]> campaign : experiment.entrySet()) {
      SimulatedRun.ArmStats treated = campaign.getValue()[0];
      SimulatedRun.ArmStats control = campaign.getValue()[1];
      double estimate = treated.orders - treated.members * control.ordersPerMember();
      double se = treated.members * Math.sqrt(treated.ordersVariance() / treated.members + control.ordersVariance() / control.members);
      double recorded = truth.get(campaign.getKey()).stream().mapToDouble(row -> row[1]).sum();
      double z = (estimate - recorded) / se;
      assertTrue(Math.abs(z) < 3.5, campaign.getKey() + ": estimate " + estimate + " ± " + se + " vs truth " + recorded);
      pooledDifference += estimate - recorded;
      pooledVariance += se * se;
    }
    // A systematic bias too small to show per campaign adds up over twelve of them.
    double pooledZ = pooledDifference / Math.sqrt(pooledVariance);
    assertTrue(Math.abs(pooledZ) < 3, "pooled estimate minus truth " + pooledDifference + ", z = " + pooledZ);
  }

  @Test
  void effectsFallOnlyOnTreatedMembersWithARecentImpression() {
    // The estimand's definition: a campaign changes the purchase probability of exactly its treated
    // members who saw an impression within the adstock window, read here from the ad_events files.
    World world = run.simulator.world();
    int maxLag = run.config.lift().maxLagDays();
    for (Campaign c : world.campaigns) {
      if (c.relativeLift() == 0) {
        continue;
      }
      LocalDate day = c.startDate().plusDays(Math.min(maxLag + 2, c.lengthDays() - 1));
      Set<Integer> recentlyShown = new HashSet<>();
      for (LocalDate d = day.minusDays(maxLag); !d.isAfter(day); d = d.plusDays(1)) {
        run.forEachRowOf(OutputFile.AD_EVENTS, d, f -> {
          if (f[3].equals(c.id()) && f[2].equals("impression")) {
            recentlyShown.add(Ids.memberIndex(f[5]));
          }
        });
      }
      CampaignDay result = new AdDelivery(world).simulate(c, world.audiences.get(c.index()), day);
      Set<Integer> affected = new HashSet<>();
      for (int k = 0; k < result.effectCount(); k++) {
        affected.add(result.effectMembers()[k]);
        assertTrue(Math.signum(result.effects()[k]) == Math.signum(c.relativeLift()), c.id());
      }
      Set<Integer> unexplained = new TreeSet<>(affected);
      unexplained.removeAll(recentlyShown);
      Set<Integer> missed = new TreeSet<>(recentlyShown);
      missed.removeAll(affected);
      assertTrue(unexplained.isEmpty() && missed.isEmpty() && !affected.isEmpty(),
          c.id() + " on " + day + ": " + affected.size() + " affected, " + unexplained.size()
              + " without a recent impression, " + missed.size() + " shown but unaffected");
    }
  }

  @Test
  void targetingFavoursLikelyBuyers() {
    Members members = run.simulator.world().members;
    Map<String, byte[]> arms = run.arms();
    Map<String, long[]> exposure = run.firstExposure();
    double populationMean = mean(members.propensity, null);
    for (Map.Entry<String, byte[]> campaign : arms.entrySet()) {
      boolean[] inAudience = new boolean[MEMBERS];
      boolean[] exposed = new boolean[MEMBERS];
      for (int i = 0; i < MEMBERS; i++) {
        inAudience[i] = campaign.getValue()[i] >= 0;
        exposed[i] = exposure.get(campaign.getKey())[i] != Long.MAX_VALUE;
      }
      double audienceMean = mean(members.propensity, inAudience);
      double exposedMean = mean(members.propensity, exposed);
      assertTrue(audienceMean > populationMean * 1.05,
          campaign.getKey() + ": audience propensity " + audienceMean + " vs population " + populationMean);
      assertTrue(exposedMean > audienceMean,
          campaign.getKey() + ": exposed propensity " + exposedMean + " vs audience " + audienceMean);
    }
  }

  @Test
  void truthHasTheSignOfTheLiftKind() {
    for (Map.Entry<String, String> campaign : kinds.entrySet()) {
      List<double[]> rows = truth.get(campaign.getKey());
      double total = rows.stream().mapToDouble(row -> row[1]).sum();
      double revenue = rows.stream().mapToDouble(row -> row[2]).sum();
      switch (campaign.getValue()) {
        case "zero" -> rows.forEach(row -> {
          assertEquals(0.0, row[1], campaign.getKey());
          assertEquals(0.0, row[2], campaign.getKey());
        });
        case "negative" -> {
          rows.forEach(row -> assertTrue(row[1] <= 0, campaign.getKey() + " day " + LocalDate.ofEpochDay((long) row[0])));
          assertTrue(total < 0 && revenue < 0, campaign.getKey() + " total " + total);
        }
        default -> {
          rows.forEach(row -> assertTrue(row[1] >= 0, campaign.getKey() + " day " + LocalDate.ofEpochDay((long) row[0])));
          assertTrue(total > 0 && revenue > 0, campaign.getKey() + " total " + total);
        }
      }
    }
  }

  @Test
  void truthIsZeroBeforeAnyImpression() {
    // On a campaign's first day only that day's impressions count; the recorded effect must come
    // from treated members exposed that day, never from the not-yet-exposed.
    for (Campaign c : run.simulator.world().campaigns) {
      double firstDay = truth.get(c.id()).get(0)[1];
      assertEquals(c.startDate().toEpochDay(), (long) truth.get(c.id()).get(0)[0], c.id());
      if (c.relativeLift() > 0) {
        assertTrue(firstDay > 0, c.id());
      }
    }
  }

  @Test
  void everyLiveCampaignSpendsAboutItsBudget() throws IOException {
    Map<String, Map<String, String>> campaigns = run.campaigns();
    Map<String, Map<LocalDate, Double>> spend = new HashMap<>();
    for (LocalDate day : run.simulator.days()) {
      Set<String> seen = new HashSet<>();
      run.forEachRowOf(OutputFile.AD_EVENTS, day, f -> {
        if (seen.add(f[0])) { // a duplicated event is billed once
          spend.computeIfAbsent(f[3], k -> new HashMap<>()).merge(day, Double.parseDouble(f[6]), Double::sum);
        }
      });
    }
    for (Map.Entry<String, Map<String, String>> campaign : campaigns.entrySet()) {
      LocalDate start = LocalDate.parse(campaign.getValue().get("start_date"));
      LocalDate end = LocalDate.parse(campaign.getValue().get("end_date"));
      double total = 0;
      for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
        double daily = spend.getOrDefault(campaign.getKey(), Map.of()).getOrDefault(day, 0.0);
        assertTrue(daily > 0, campaign.getKey() + " spends on " + day);
        total += daily;
      }
      double average = total / (end.toEpochDay() - start.toEpochDay() + 1);
      double budget = Double.parseDouble(campaign.getValue().get("daily_budget"));
      // Budgets are the expected spend; search (CPC, ~400 clicks a flight here) is the noisiest at ~5%.
      assertEquals(budget, average, budget * 0.15, campaign.getKey() + " average daily spend");
    }
  }

  @Test
  void effectsDifferBySegment() {
    // Young members respond more and gold members less (segment_effects in the config), so
    // segment-level lifts differ: compare each segment's mean effect on one strong campaign's day.
    World world = run.simulator.world();
    Campaign strong = world.campaigns.stream().filter(c -> c.liftKind().equals("strong")).findFirst().orElseThrow();
    LocalDate day = strong.startDate().plusDays(strong.lengthDays() / 2);
    CampaignDay result = new AdDelivery(world).simulate(strong, world.audiences.get(strong.index()), day);
    double[] byTier = new double[Segments.LOYALTY_TIERS.size()];
    int[] tierCount = new int[byTier.length];
    double[] byAge = new double[Segments.AGE_BANDS.size()];
    int[] ageCount = new int[byAge.length];
    for (int k = 0; k < result.effectCount(); k++) {
      int member = result.effectMembers()[k];
      byTier[world.members.loyaltyTier[member]] += result.effects()[k];
      tierCount[world.members.loyaltyTier[member]]++;
      byAge[world.members.ageBand[member]] += result.effects()[k];
      ageCount[world.members.ageBand[member]]++;
    }
    double none = byTier[0] / tierCount[0];
    double gold = byTier[2] / tierCount[2];
    double young = byAge[0] / ageCount[0];
    double old = byAge[4] / ageCount[4];
    assertTrue(gold < 0.7 * none, "gold members respond less: " + gold + " vs " + none);
    assertTrue(young > 1.5 * old, "18-24 respond more than 55+: " + young + " vs " + old);
  }

  private static double mean(double[] values, boolean[] include) {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < values.length; i++) {
      if (include == null || include[i]) {
        sum += values[i];
        n++;
      }
    }
    return sum / n;
  }
}

package io.triangulate.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.config.ConfigException;
import io.triangulate.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationConfigTest {

  @TempDir Path dir;

  @Test
  void defaultConfigHasTheDocumentedWorld() {
    SimulationConfig config = RepoFiles.defaultConfig();
    assertEquals(20260105L, config.seed());
    assertEquals(LocalDate.of(2026, 1, 5), config.startDate());
    assertEquals(42, config.days());
    assertEquals(LocalDate.of(2026, 2, 15), config.endDate());
    assertEquals(40_000, config.members());
    assertEquals(6, config.advertisers());
    assertEquals(12, config.campaigns());
    assertEquals(0.2, config.holdoutShare());
    assertEquals(0.03, config.baseline().controlConversion28d());
    assertEquals(3, config.lift().strong().count());
    assertEquals(4, config.lift().modest().count());
    assertEquals(3, config.lift().zero().count());
    assertEquals(2, config.lift().negative().count());
    assertEquals(0.002, config.dataQuality().duplicateEventRate());
    assertEquals(0.1, config.dataQuality().missingCreativeNameRate());
    assertEquals(Segments.CHANNELS, config.channels().keySet().stream().toList());
  }

  @Test
  void unknownTopLevelKeyIsNamedWithTheAllowedKeys() throws IOException {
    ConfigException e = assertThrows(ConfigException.class, () -> load(defaultText() + "\ncolour: red\n"));
    assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());
    assertTrue(e.getMessage().contains("holdout_share"), "lists the allowed keys: " + e.getMessage());
  }

  @Test
  void unknownNestedKeyIsNamedWithItsPath() throws IOException {
    String text = defaultText().replace("    formats: [email]", "    formats: [email]\n    click_rate: 0.02");
    ConfigException e = assertThrows(ConfigException.class, () -> load(text));
    assertTrue(e.getMessage().contains("unknown key 'click_rate'"), e.getMessage());
    assertTrue(e.getMessage().contains("channels.email"), e.getMessage());
  }

  @Test
  void brandChannelSettingsMustBelongToTheirChannel() throws IOException {
    String text = defaultText().replace("    cpm: 25.0", "    cpm: 25.0\n    max_reach: 0.2");
    ConfigException e = assertThrows(ConfigException.class, () -> load(text));
    assertTrue(e.getMessage().contains("streaming.max_reach does not apply to streaming"), e.getMessage());
    String missing = defaultText().replace("    reach_spend: 8.0 ", "    # no reach_spend ");
    e = assertThrows(ConfigException.class, () -> load(missing));
    assertTrue(e.getMessage().contains("linear_tv.reach_spend"), e.getMessage());
  }

  @Test
  void outOfRangeValueNamesFieldAndAllowedRange() throws IOException {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load(defaultText().replace("holdout_share: 0.2 ", "holdout_share: 1.5 ")));
    assertTrue(e.getMessage().contains("holdout_share must be between 0.0 and 0.95, got 1.5"), e.getMessage());
  }

  @Test
  void outOfRangeNestedValueNamesItsPath() throws IOException {
    String text = defaultText().replace("duplicate_event_rate: 0.002", "duplicate_event_rate: 0.9");
    ConfigException e = assertThrows(ConfigException.class, () -> load(text));
    assertTrue(e.getMessage().contains("data_quality"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate_event_rate must be between 0.0 and 0.5, got 0.9"), e.getMessage());
  }

  @Test
  void negativeLiftBelowTheBoundIsRejected() throws IOException {
    String text = defaultText().replace("negative: {count: 2, min: -0.25", "negative: {count: 2, min: -0.5");
    ConfigException e = assertThrows(ConfigException.class, () -> load(text));
    assertTrue(e.getMessage().contains("negative.min must be between -0.3 and 0.0, got -0.5"), e.getMessage());
  }

  @Test
  void liftCountsMustAddUpToCampaigns() throws IOException {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load(defaultText().replace("campaigns: 12 ", "campaigns: 13 ")));
    assertTrue(e.getMessage().contains("must add up to campaigns (13)"), e.getMessage());
  }

  @Test
  void unknownChannelNamesTheAllowedOnes() throws IOException {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load(defaultText().replace("  ctv_streaming:\n", "  radio:\n")));
    assertTrue(e.getMessage().contains("channels key must be one of " + Segments.CHANNELS + ", got radio"), e.getMessage());
  }

  @Test
  void segmentMapsMustUseTheKnownSegments() throws IOException {
    String text = defaultText().replace("loyalty_tier: {none: 1.2, silver: 1.0, gold: 0.6}", "loyalty_tier: {none: 1.2, silver: 1.0, platinum: 0.6}");
    ConfigException e = assertThrows(ConfigException.class, () -> load(text));
    assertTrue(e.getMessage().contains("loyalty_tier must have exactly the keys [none, silver, gold]; unknown: [platinum]; missing: [gold]"),
        e.getMessage());
  }

  @Test
  void overridesMustNameExistingCampaigns() throws IOException {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load(defaultText().replace("campaign_overrides: {C05: {control_ghost_log_loss: 0.2}}", "campaign_overrides: {C13: {holdout_share: 0.5}}")));
    assertTrue(e.getMessage().contains("unknown campaigns [C13]; allowed: C01 to C12"), e.getMessage());
  }

  @Test
  void perCampaignHoldoutOverridesTheGlobalShare() throws IOException {
    SimulationConfig config =
        load(defaultText().replace("campaign_overrides: {C05: {control_ghost_log_loss: 0.2}}", "campaign_overrides: {C03: {holdout_share: 0.5}}"));
    assertEquals(0.5, config.holdoutShare("C03"));
    assertEquals(0.2, config.holdoutShare("C04"));
  }

  @Test
  void theDemoWorldUnderLogsOneCampaignsControlGhostImpressions() throws IOException {
    SimulationConfig config = load(defaultText());
    assertEquals(0.2, config.controlGhostLogLoss("C05"));
    assertEquals(0.0, config.controlGhostLogLoss("C04"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> load(defaultText().replace("control_ghost_log_loss: 0.2", "control_ghost_log_loss: 1.0")));
    assertTrue(e.getMessage().contains("control_ghost_log_loss"), e.getMessage());
  }

  @Test
  void programmaticOverridesAreValidatedToo() {
    SimulationConfig config = RepoFiles.defaultConfig();
    assertEquals(1_000_000, config.withMembers(1_000_000).members());
    ConfigException e = assertThrows(ConfigException.class, () -> config.withMembers(0));
    assertTrue(e.getMessage().contains("members must be between 1 and 50000000, got 0"), e.getMessage());
  }

  private static String defaultText() throws IOException {
    return Files.readString(RepoFiles.root().resolve("configs").resolve(SimulationConfig.FILE));
  }

  private SimulationConfig load(String text) throws IOException {
    Files.writeString(dir.resolve(SimulationConfig.FILE), text);
    return SimulationConfig.load(new ConfigLoader(dir));
  }
}

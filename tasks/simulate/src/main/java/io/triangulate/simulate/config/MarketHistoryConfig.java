package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigLoader;

/**
 * The markets (DMA-like geographies) members live in and the aggregate market × week history
 * before the member-level period ({@code configs/market_history.yaml}, documented there).
 *
 * @param markets number of markets
 * @param sizeExponent Zipf exponent s of market sizes: market of rank r gets a share ∝ r^-s
 * @param seasonalityAmplitudeMax each market's yearly seasonality amplitude is drawn in [0, this]
 * @param weeks complete Monday-start weeks of history before the week of {@code start_date} (0: none)
 * @param onsiteWeeksOnShare share of history weeks an onsite programme is on, per market
 * @param levelMin lowest weekly spend level of a flight, relative to the member-level spend
 * @param levelMax highest weekly spend level of a flight, relative to the member-level spend
 * @param noise false for the expected values only (no order sampling noise)
 * @param geoTestWeeks a simulated geo test per advertiser that buys linear TV over the history's
 *     last this many weeks (0: no geo tests)
 * @param geoTestMarkets treated markets per geo test, drawn per advertiser by a planner's seeded rule:
 *     a sample stratified by size among the markets other than the largest (which a planner keeps
 *     as a control), so the treated set and its donors both span small and large markets
 * @param geoTestTvMultiplier linear TV spend in the treated markets during the test (0: switched off)
 * @param populationScale the history's sales come from a customer base this many times the member
 *     panel and are reported per panel member (so they join the member-level days): the expected
 *     values are the panel's, the order noise's variance is divided by this (1: the panel's own noise)
 * @param marketLevelWeekJitter a flight's level in a market is {@code (1 − j)} the market's own
 *     persistent weight plus {@code j} a fresh weekly draw (1: independent per market and week)
 */
public record MarketHistoryConfig(
    int markets,
    double sizeExponent,
    double seasonalityAmplitudeMax,
    int weeks,
    double onsiteWeeksOnShare,
    double levelMin,
    double levelMax,
    boolean noise,
    int geoTestWeeks,
    int geoTestMarkets,
    double geoTestTvMultiplier,
    double populationScale,
    double marketLevelWeekJitter) {

  public static final String FILE = "market_history.yaml";

  /** Reads and validates {@code market_history.yaml} from the loader's config directory (or the bundled default). */
  public static MarketHistoryConfig load(ConfigLoader loader) {
    return loader.load(FILE, MarketHistoryConfig.class);
  }

  public MarketHistoryConfig {
    Check.range("markets", markets, 1, 999);
    Check.range("size_exponent", sizeExponent, 0.0, 3.0);
    Check.range("seasonality_amplitude_max", seasonalityAmplitudeMax, 0.0, 0.5);
    Check.range("weeks", weeks, 0, 520);
    Check.range("onsite_weeks_on_share", onsiteWeeksOnShare, 0.0, 1.0);
    Check.range("level_min", levelMin, 0.0, 10.0);
    Check.range("level_max", levelMax, levelMin, 10.0);
    Check.range("geo_test_weeks", geoTestWeeks, 0, weeks);
    Check.range("geo_test_markets", geoTestMarkets, 0, Math.max(0, markets - 1));
    Check.range("geo_test_tv_multiplier", geoTestTvMultiplier, 0.0, 10.0);
    Check.range("population_scale", populationScale, 1.0, 1.0e6);
    Check.range("market_level_week_jitter", marketLevelWeekJitter, 0.0, 1.0);
    if (geoTestWeeks > 0 && geoTestMarkets == 0) {
      throw new IllegalArgumentException("geo_test_markets must be >= 1 when geo_test_weeks > 0, got 0");
    }
  }
}

package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/**
 * The advertisers' own web sites: visits by cookie, which follow purchase intent and exposure but
 * cause nothing, and orders placed there.
 *
 * @param purchaseShare a member's daily brand-site purchase probability as a share of its platform
 *     one (p0_web = share × p0); platform campaigns do not move it, brand media do
 * @param loginShare share of web purchases made logged in, so carrying the member id
 * @param visitRate daily visit probability of a member of propensity 1 to one advertiser's site
 * @param visitIntentElasticity the visit probability grows as propensity^this
 * @param exposedVisitBoost relative increase of the visit probability while brand media affect the member
 * @param clickVisitShare share of clicks on a platform campaign followed by a visit to the advertiser's site
 * @param purchaseVisitShare share of web purchases preceded by a visit the same day
 */
public record WebConfig(
    double purchaseShare,
    double loginShare,
    double visitRate,
    double visitIntentElasticity,
    double exposedVisitBoost,
    double clickVisitShare,
    double purchaseVisitShare) {

  public WebConfig {
    Check.range("purchase_share", purchaseShare, 0.0, 10.0);
    Check.range("login_share", loginShare, 0.0, 1.0);
    Check.range("visit_rate", visitRate, 0.0, 0.5);
    Check.range("visit_intent_elasticity", visitIntentElasticity, 0.0, 3.0);
    Check.range("exposed_visit_boost", exposedVisitBoost, 0.0, 20.0);
    Check.range("click_visit_share", clickVisitShare, 0.0, 1.0);
    Check.range("purchase_visit_share", purchaseVisitShare, 0.0, 1.0);
  }
}

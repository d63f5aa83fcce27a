package io.triangulate.decide.report;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/**
 * The report's section on whom to target and with which creative: per campaign the uplift learner
 * with the best holdout Qini and its "treat the top k%" policy (marts.uplift_results), the creative
 * read-outs with winners, losers and the rotation advice (marts.creative_insights), the creative
 * features' effects (marts.creative_feature_effects) and the behaviour clusters pooled over
 * campaigns (marts.audience_insights). Appears once `uplift run` has written results.
 */
final class UpliftSection {

  private static final String RESULTS_SQL = """
      select campaign_id, learner, base_model, members, qini, auuc, uplift_at_k, top_k, policy_incremental,
             policy_incremental_low, policy_incremental_high, random_incremental
      from marts.uplift_results where best order by campaign_id""";
  private static final String CREATIVES_SQL = """
      select campaign_id, creative_id, impressions, ctr, ctr_low, ctr_high, cvr, abs_lift, abs_lift_low, abs_lift_high,
             lift_vs_rest_p_adj, verdict, recommendation
      from marts.creative_insights order by campaign_id, creative_id""";
  private static final String EFFECTS_SQL = """
      select metric, feature, estimate, ci_low, ci_high from marts.creative_feature_effects order by metric, feature""";
  private static final String AUDIENCE_SQL = """
      select cluster, label, members, abs_lift, abs_lift_low, abs_lift_high, incremental_converters, decision
      from marts.audience_insights where campaign_id = 'all' order by cluster""";

  private UpliftSection() {}

  static Optional<String> load(DSLContext dsl) {
    Result<Record> results = dsl.fetch(RESULTS_SQL);
    if (results.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder h = new StringBuilder();
    h.append("<h2>Whom to target: uplift models per campaign</h2><p class=\"note\">Each campaign's learner with the")
        .append(" highest Qini on a seeded holdout half of its experiment population; the policy treats the top k% by")
        .append(" predicted uplift, its expected incremental converters with a 95% interval, beside random targeting")
        .append(" at the same reach.</p>");
    h.append("<table><tr><th class=\"t\">campaign</th><th class=\"t\">learner</th><th>members</th><th>Qini</th>")
        .append("<th>AUUC</th><th>uplift@k</th><th>policy incremental</th><th>interval</th><th>random</th></tr>");
    for (Record r : results) {
      h.append("<tr><td class=\"t\">").append(Html.esc(r.get("campaign_id", String.class))).append("</td><td class=\"t\">")
          .append(Html.esc(r.get("learner", String.class).toUpperCase(java.util.Locale.ROOT))).append(" / ")
          .append(Html.esc(r.get("base_model", String.class))).append("</td><td>")
          .append(Html.num(num(r, "members"), 0)).append("</td><td>").append(Html.num(num(r, "qini"), 4)).append("</td><td>")
          .append(Html.num(num(r, "auuc"), 4)).append("</td><td>").append(Html.num(100 * num(r, "uplift_at_k"), 2))
          .append(" pp</td><td>").append(Html.num(num(r, "policy_incremental"), 1)).append("</td><td>[")
          .append(Html.num(num(r, "policy_incremental_low"), 1)).append(", ")
          .append(Html.num(num(r, "policy_incremental_high"), 1)).append("]</td><td>")
          .append(Html.num(num(r, "random_incremental"), 1)).append("</td></tr>");
    }
    h.append("</table>");
    Result<Record> creatives = dsl.fetch(CREATIVES_SQL);
    if (!creatives.isEmpty()) {
      h.append("<h3>Creatives</h3><p class=\"note\">CTR and CVR (converting share of the creative's treated members)")
          .append(" with Wilson 95% intervals; lift = treated minus control conversion of the members shown the creative")
          .append(" (each member sees one). Winners and losers beat or trail the campaign's other creatives on lift at")
          .append(" Holm-adjusted p &lt; 0.05.</p>");
      h.append("<table><tr><th class=\"t\">campaign</th><th class=\"t\">creative</th><th>impressions</th><th>CTR</th>")
          .append("<th>CVR</th><th>lift</th><th>interval</th><th>Holm p</th><th class=\"t\">verdict</th></tr>");
      String campaign = null;
      for (Record r : creatives) {
        String c = r.get("campaign_id", String.class);
        if (!c.equals(campaign)) {
          campaign = c;
          h.append("<tr><td class=\"t\" colspan=\"9\"><b>").append(Html.esc(c)).append("</b>: ")
              .append(Html.esc(r.get("recommendation", String.class))).append("</td></tr>");
        }
        h.append("<tr><td class=\"t\">").append(Html.esc(c)).append("</td><td class=\"t\">")
            .append(Html.esc(r.get("creative_id", String.class))).append("</td><td>").append(Html.num(num(r, "impressions"), 0))
            .append("</td><td>").append(Html.num(100 * num(r, "ctr"), 2)).append("% [")
            .append(Html.num(100 * num(r, "ctr_low"), 2)).append(", ").append(Html.num(100 * num(r, "ctr_high"), 2))
            .append("]</td><td>").append(Html.num(100 * num(r, "cvr"), 2)).append("%</td><td>")
            .append(Html.num(100 * num(r, "abs_lift"), 2)).append(" pp</td><td>[")
            .append(Html.num(100 * num(r, "abs_lift_low"), 2)).append(", ").append(Html.num(100 * num(r, "abs_lift_high"), 2))
            .append("]</td><td>").append(Html.num(num(r, "lift_vs_rest_p_adj"), 3)).append("</td><td class=\"t\">")
            .append(Html.esc(r.get("verdict", String.class))).append("</td></tr>");
      }
      h.append("</table>");
    }
    Result<Record> effects = dsl.fetch(EFFECTS_SQL);
    if (!effects.isEmpty()) {
      h.append("<h3>Creative features</h3><p class=\"note\">Ridge regressions over every campaign's creatives with")
          .append(" campaign fixed effects, 95% sandwich intervals: effect on log CTR (0.10 ≈ +10% clicks) and on the")
          .append(" absolute lift, against each feature's reference level.</p>");
      h.append("<table><tr><th class=\"t\">metric</th><th class=\"t\">feature</th><th>estimate</th><th>interval</th></tr>");
      for (Record r : effects) {
        h.append("<tr><td class=\"t\">").append(Html.esc(r.get("metric", String.class))).append("</td><td class=\"t\">")
            .append(Html.esc(r.get("feature", String.class))).append("</td><td>").append(Html.num(num(r, "estimate"), 4))
            .append("</td><td>[").append(Html.num(num(r, "ci_low"), 4)).append(", ").append(Html.num(num(r, "ci_high"), 4))
            .append("]</td></tr>");
      }
      h.append("</table>");
    }
    Result<Record> audience = dsl.fetch(AUDIENCE_SQL);
    if (!audience.isEmpty()) {
      h.append("<h3>Audience segments</h3><p class=\"note\">k-means clusters of members by purchase behaviour before")
          .append(" exposure; lift pooled over campaigns with a 95% interval. target: the interval is above zero;")
          .append(" exclude: below zero, or no gain and measurably under the average.</p>");
      h.append("<table><tr><th>cluster</th><th class=\"t\">profile</th><th>rows</th><th>lift</th><th>interval</th>")
          .append("<th>incremental converters</th><th class=\"t\">decision</th></tr>");
      for (Record r : audience) {
        h.append("<tr><td>").append(Html.num(num(r, "cluster"), 0)).append("</td><td class=\"t\">")
            .append(Html.esc(r.get("label", String.class))).append("</td><td>").append(Html.num(num(r, "members"), 0))
            .append("</td><td>").append(Html.num(100 * num(r, "abs_lift"), 2)).append(" pp</td><td>[")
            .append(Html.num(100 * num(r, "abs_lift_low"), 2)).append(", ").append(Html.num(100 * num(r, "abs_lift_high"), 2))
            .append("]</td><td>").append(Html.num(num(r, "incremental_converters"), 1)).append("</td><td class=\"t\">")
            .append(Html.esc(r.get("decision", String.class))).append("</td></tr>");
      }
      h.append("</table>");
    }
    return Optional.of(h.toString());
  }

  private static double num(Record r, String field) {
    Double v = r.get(field, Double.class);
    return v == null ? Double.NaN : v;
  }
}

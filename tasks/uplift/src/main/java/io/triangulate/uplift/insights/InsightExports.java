package io.triangulate.uplift.insights;

import io.triangulate.core.csv.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The insights as CSV decisions files (campaign, creative and cluster ids only: no member ids). */
final class InsightExports {

  private InsightExports() {}

  static void write(Path dir, CreativeInsights.Result creatives, List<AudienceInsights.Segment> segments) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + dir, e);
    }
    try (CsvWriter w = CsvWriter.open(dir.resolve("creative_insights.csv"), List.of("campaign_id", "creative_id",
        "impressions", "clicks", "ctr", "ctr_low", "ctr_high", "treated_members", "control_members", "cvr", "cvr_low",
        "cvr_high", "abs_lift", "abs_lift_low", "abs_lift_high", "relative_lift", "ctr_vs_rest_p_adj", "lift_vs_rest",
        "lift_vs_rest_p_adj", "verdict", "rotate_to", "recommendation"))) {
      for (CreativeInsights.Insight i : creatives.insights()) {
        w.row(i.campaignId(), i.creativeId(), i.impressions(), i.clicks(), i.ctr(), i.ctrCi()[0], i.ctrCi()[1], i.treated(),
            i.control(), i.cvr(), i.cvrCi()[0], i.cvrCi()[1], i.lift(), i.liftCi()[0], i.liftCi()[1], i.relativeLift(),
            i.ctrPAdj(), i.liftVsRest(), i.liftPAdj(), i.verdict(), creatives.rotateTo().get(i.campaignId()),
            creatives.recommendation().get(i.campaignId()));
      }
    }
    try (CsvWriter w = CsvWriter.open(dir.resolve("creative_feature_effects.csv"),
        List.of("metric", "feature", "estimate", "ci_low", "ci_high"))) {
      for (CreativeInsights.Effect e : creatives.effects()) {
        w.row(e.metric(), e.feature(), e.estimate(), e.low(), e.high());
      }
    }
    try (CsvWriter w = CsvWriter.open(dir.resolve("audience_insights.csv"), List.of("campaign_id", "cluster", "label",
        "members", "treated_members", "control_members", "rate_treated", "rate_control", "abs_lift", "abs_lift_low",
        "abs_lift_high", "incremental_converters", "decision"))) {
      for (AudienceInsights.Segment s : segments) {
        w.row(s.campaignId(), s.cluster(), s.label(), s.members(), s.treated(), s.control(), s.rateTreated(), s.rateControl(),
            s.lift(), s.low(), s.high(), s.incremental(), s.decision());
      }
    }
  }
}

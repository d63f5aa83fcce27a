package io.triangulate.decide;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.IntervalOption;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.decide.policy.CampaignDecision;
import io.triangulate.decide.policy.CampaignEvidence;
import io.triangulate.decide.policy.DecisionEngine;
import io.triangulate.decide.policy.DecisionPolicy;
import io.triangulate.decide.report.ChannelKpi;
import io.triangulate.decide.report.ConversionUniverses;
import io.triangulate.decide.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jooq.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description = {
      "Rank campaigns by measured incrementality, flag their efficiency and recommend budgets.",
      "",
      "Reads marts.experiment_lift and marts.fct_campaign_to_date for --ds, applies the thresholds in",
      "configs/decisions.yaml and replaces marts.campaign_decisions for that day. With --out it also",
      "writes campaign_recommendations.csv, experiment_lift.csv, kpi_summary.csv, daily_trends.csv",
      "and report.html into DIR."
    })
public final class DecideCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;
  @Mixin private IntervalOption interval;

  @Option(names = "--out", paramLabel = "DIR", description = "Also export CSVs and report.html into DIR.")
  private Path out;

  @Override
  public Integer call() {
    DecisionEngine engine = new DecisionEngine(DecisionPolicy.load(common.configs()));
    try (Database db = common.openDatabase()) {
      new TaskRunLog(db.dsl()).record("decide", interval.ds(), () -> decide(db, engine));
    }
    return 0;
  }

  private TaskRunLog.Counts decide(Database db, DecisionEngine engine) {
    DecisionStore store = new DecisionStore(db.dsl());
    List<CampaignEvidence> evidence = store.evidence(interval.ds());
    if (evidence.isEmpty() && out != null) {
      throw new TaskFailure(
          "no campaigns in marts.fct_campaign_to_date for " + interval.ds() + " to report on; run `triangulate build --ds "
              + interval.ds() + "` and `triangulate experiments --ds " + interval.ds() + "` first");
    }
    // A day before any campaign has started has nothing to decide; it still replaces the day's rows.
    List<CampaignDecision> decisions = engine.decide(evidence);
    store.replace(interval.ds(), decisions, engine.policy().srmMaxPValue());
    Progress.info("decide " + interval.ds() + ": " + decisions.size() + " campaigns ranked");
    if (out != null) {
      export(db, decisions);
    }
    return TaskRunLog.Counts.of(evidence.size(), decisions.size());
  }

  private void export(Database db, List<CampaignDecision> decisions) {
    Exports exports = new Exports(db.dsl());
    exports.writeAll(interval.ds(), out);
    List<ChannelKpi> channels = exports.kpiSummary(interval.ds()).map(DecideCommand::channelKpi);
    try {
      Files.writeString(
          out.resolve("report.html"), ReportWriter.render(interval.ds(), decisions, channels,
              io.triangulate.decide.report.ReportSections.load(db.dsl(), interval.ds()), universes(db)),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + out.resolve("report.html"), e);
    }
    Progress.info("wrote " + Exports.RECOMMENDATIONS + ", " + Exports.LIFT + ", " + Exports.KPI_SUMMARY + ", "
        + Exports.DAILY_TRENDS + " and report.html to " + out.toAbsolutePath());
  }

  /** Which conversions the report's numbers count, with the platform's last-touch windows. */
  private ConversionUniverses universes(Database db) {
    MartsConfig.LastTouch windows = MartsConfig.load(common.configs()).lastTouch();
    return ConversionUniverses.load(db.dsl(), interval.ds(), windows.clickWindowDays(), windows.viewWindowDays());
  }

  private static ChannelKpi channelKpi(Record r) {
    return new ChannelKpi(
        r.get("channel", String.class),
        r.get("impressions", Long.class),
        r.get("clicks", Long.class),
        DecisionStore.num(r.get("spend")),
        r.get("attributed_orders", Long.class),
        DecisionStore.num(r.get("attributed_revenue")),
        DecisionStore.num(r.get("ctr")),
        DecisionStore.num(r.get("cpm")),
        DecisionStore.num(r.get("roas")));
  }

  /** A fixed-width table of the decisions, for the terminal. */
  public static String table(List<CampaignDecision> decisions) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-4s %-5s %-16s %10s %9s %9s %-22s %-12s %-16s %11s%n",
        "rank", "id", "channel", "spend", "attr.ROAS", "incr.ROAS", "lift pp (95% CI)", "flag", "recommendation", "budget Δ"));
    for (CampaignDecision d : decisions) {
      CampaignEvidence e = d.evidence();
      b.append(String.format(Locale.ROOT, "%-4d %-5s %-16s %,10.0f %9.2f %9.2f %-22s %-12s %-16s %,11.0f%n",
          d.incrementalityRank(), e.campaignId(), e.channel(), e.spend(), e.attributedRoas(), e.incrementalRoas(),
          String.format(Locale.ROOT, "%+.2f (%+.2f, %+.2f)", 100 * e.absLift(), 100 * e.absLiftCiLow(), 100 * e.absLiftCiHigh()),
          d.flag().label(), d.recommendation().label(), d.budgetChange()));
    }
    return b.toString();
  }
}

package io.triangulate.uplift.warehouse;

import static io.triangulate.db.marts.Tables.UPLIFT_DECILES;
import static io.triangulate.db.marts.Tables.UPLIFT_FEATURES;
import static io.triangulate.db.marts.Tables.UPLIFT_QINI_CURVE;
import static io.triangulate.db.marts.Tables.UPLIFT_RESULTS;
import static io.triangulate.db.marts.Tables.UPLIFT_SCORES;

import io.triangulate.core.sql.SqlModel;
import io.triangulate.core.sql.SqlModelMaterializer;
import io.triangulate.uplift.UpliftAnalysis;
import io.triangulate.uplift.metrics.UpliftMetrics;
import io.triangulate.uplift.model.BaseModel;
import io.triangulate.uplift.model.Learner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The pipeline's uplift step: builds marts.uplift_features for {@code ds} from its SQL model, fits
 * every configured learner per campaign on a seeded half of the campaign's experiment population
 * and scores it on the other half, and replaces the uplift marts (results, deciles, Qini curve,
 * member scores) in one transaction. Older days' features and results are removed, so the marts
 * hold the latest run only and re-running a day leaves identical rows.
 */
public final class WarehouseUplift {

  /** A campaign needs this many members in each arm of each half for a fit worth reporting. */
  public static final int MIN_ARM_ROWS = 30;

  public record Settings(List<Learner> learners, BaseModel base, double testShare, long seed, double topK) {}

  /** One campaign × learner fit (or the reason a campaign was skipped, with {@code analysis} null). */
  public record Fit(String campaignId, Learner learner, List<String> memberIds, UpliftAnalysis.Result analysis,
      String skipped) {}

  private final DSLContext dsl;

  public WarehouseUplift(DSLContext dsl) {
    this.dsl = dsl;
  }

  public List<Fit> run(LocalDate ds, Map<String, Object> modelParameters, Settings s, Consumer<String> progress) {
    new SqlModelMaterializer(dsl).materialize(List.of(SqlModel.load("uplift_features")), ds, modelParameters,
        r -> progress.accept(String.format(Locale.ROOT, "uplift_features %,d rows in %,d ms", r.rows(), r.millis())));
    dsl.deleteFrom(UPLIFT_FEATURES).where(UPLIFT_FEATURES.DS.ne(ds)).execute();
    List<Fit> fits = new ArrayList<>();
    for (CampaignTable campaign : UpliftFeatureRows.read(dsl, ds)) {
      String skip = skipReason(campaign, s);
      if (skip != null) {
        progress.accept("uplift " + campaign.campaignId() + ": skipped, " + skip);
        fits.add(new Fit(campaign.campaignId(), null, campaign.memberIds(), null, skip));
        continue;
      }
      for (Learner learner : s.learners()) {
        long started = System.nanoTime();
        UpliftAnalysis.Result result = UpliftAnalysis.run(campaign.table(),
            new UpliftAnalysis.Settings(learner, s.base(), s.testShare(), s.seed(), s.topK()), line -> {});
        fits.add(new Fit(campaign.campaignId(), learner, campaign.memberIds(), result, null));
        progress.accept(String.format(Locale.ROOT, "uplift %s %-10s %,6d members: Qini %.4f, AUUC %.4f, uplift@%.0f%% %.4f (%.1f s)",
            campaign.campaignId(), learner.label(), campaign.table().size(), result.qini(), result.auuc(), 100 * s.topK(),
            result.upliftAtK(), (System.nanoTime() - started) / 1e9));
      }
    }
    write(ds, fits, s);
    return fits;
  }

  private static String skipReason(CampaignTable campaign, Settings s) {
    int n = campaign.table().size();
    int treated = 0;
    for (int v : campaign.table().t()) {
      treated += v;
    }
    int control = n - treated;
    double smaller = Math.min(s.testShare(), 1 - s.testShare());
    if (Math.min(treated, control) * smaller < MIN_ARM_ROWS) {
      return "too few members per arm (" + treated + " treated, " + control + " control)";
    }
    return null;
  }

  /** The learner with the highest holdout Qini per campaign is marked best. */
  private void write(LocalDate ds, List<Fit> fits, Settings s) {
    dsl.transaction(configuration -> {
      DSLContext tx = DSL.using(configuration);
      tx.deleteFrom(UPLIFT_RESULTS).execute();
      tx.deleteFrom(UPLIFT_DECILES).execute();
      tx.deleteFrom(UPLIFT_QINI_CURVE).execute();
      tx.deleteFrom(UPLIFT_SCORES).execute();
      for (Fit fit : fits) {
        if (fit.analysis() == null) {
          continue;
        }
        UpliftAnalysis.Result r = fit.analysis();
        boolean best = fits.stream()
            .filter(f -> f.campaignId().equals(fit.campaignId()) && f.analysis() != null)
            .max(java.util.Comparator.comparingDouble((Fit f) -> f.analysis().qini()))
            .map(f -> f == fit)
            .orElse(false);
        var p = r.policy();
        Double gain = Double.isFinite(p.gainOverRandom()) && p.randomIncremental() > 0 ? p.gainOverRandom() : null;
        String learner = fit.learner().name().toLowerCase(Locale.ROOT);
        tx.insertInto(UPLIFT_RESULTS)
            .set(UPLIFT_RESULTS.DS, ds)
            .set(UPLIFT_RESULTS.CAMPAIGN_ID, fit.campaignId())
            .set(UPLIFT_RESULTS.LEARNER, learner)
            .set(UPLIFT_RESULTS.BASE_MODEL, s.base().family().name().toLowerCase(Locale.ROOT))
            .set(UPLIFT_RESULTS.MEMBERS, fit.memberIds().size())
            .set(UPLIFT_RESULTS.TRAIN_ROWS, r.trainRows())
            .set(UPLIFT_RESULTS.HOLDOUT_ROWS, r.testRows())
            .set(UPLIFT_RESULTS.QINI, r.qini())
            .set(UPLIFT_RESULTS.AUUC, r.auuc())
            .set(UPLIFT_RESULTS.UPLIFT_AT_K, r.upliftAtK())
            .set(UPLIFT_RESULTS.TOP_K, s.topK())
            .set(UPLIFT_RESULTS.POLICY_REACH, p.reach())
            .set(UPLIFT_RESULTS.POLICY_UPLIFT, p.upliftInTarget())
            .set(UPLIFT_RESULTS.POLICY_INCREMENTAL, p.incremental())
            .set(UPLIFT_RESULTS.POLICY_INCREMENTAL_LOW, p.low())
            .set(UPLIFT_RESULTS.POLICY_INCREMENTAL_HIGH, p.high())
            .set(UPLIFT_RESULTS.RANDOM_INCREMENTAL, p.randomIncremental())
            .set(UPLIFT_RESULTS.GAIN_OVER_RANDOM, gain)
            .set(UPLIFT_RESULTS.BEST, best)
            .execute();
        var deciles = tx.insertInto(UPLIFT_DECILES, UPLIFT_DECILES.DS, UPLIFT_DECILES.CAMPAIGN_ID, UPLIFT_DECILES.LEARNER,
            UPLIFT_DECILES.DECILE, UPLIFT_DECILES.N_TREATED, UPLIFT_DECILES.N_CONTROL, UPLIFT_DECILES.RATE_TREATED,
            UPLIFT_DECILES.RATE_CONTROL, UPLIFT_DECILES.UPLIFT, UPLIFT_DECILES.STD_UPLIFT, UPLIFT_DECILES.MEAN_PREDICTED);
        for (UpliftMetrics.Bin b : r.deciles()) {
          deciles = deciles.values(ds, fit.campaignId(), learner, b.bin(), b.nTreated(), b.nControl(), finite(b.rateTreated()),
              finite(b.rateControl()), finite(b.uplift()), finite(b.stdUplift()), b.meanPredicted());
        }
        deciles.execute();
        var curve = tx.insertInto(UPLIFT_QINI_CURVE, UPLIFT_QINI_CURVE.DS, UPLIFT_QINI_CURVE.CAMPAIGN_ID,
            UPLIFT_QINI_CURVE.LEARNER, UPLIFT_QINI_CURVE.SHARE, UPLIFT_QINI_CURVE.N, UPLIFT_QINI_CURVE.QINI,
            UPLIFT_QINI_CURVE.RANDOM);
        for (UpliftAnalysis.CurvePoint c : r.qiniCurve()) {
          curve = curve.values(ds, fit.campaignId(), learner, c.share(), c.n(), c.qini(), c.random());
        }
        curve.execute();
        // Half a million score rows on the demo world: COPY, not multi-row INSERTs (seconds → tenths).
        StringBuilder csv = new StringBuilder(fit.memberIds().size() * 48);
        for (int i = 0; i < fit.memberIds().size(); i++) {
          csv.append(ds).append(',').append(fit.campaignId()).append(',').append(learner).append(',')
              .append(fit.memberIds().get(i)).append(',').append(r.isTest()[i]).append(',')
              .append(Double.toString(r.upliftAll()[i])).append('\n');
        }
        tx.connection(connection -> connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
            "copy marts.uplift_scores (ds, campaign_id, learner, member_id, holdout, predicted_uplift)"
                + " from stdin with (format csv)", new java.io.StringReader(csv.toString())));
      }
    });
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

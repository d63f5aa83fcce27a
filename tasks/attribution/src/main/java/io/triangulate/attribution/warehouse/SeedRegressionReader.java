package io.triangulate.attribution.warehouse;

import io.triangulate.attribution.seed.CrossProducts;
import io.triangulate.attribution.seed.OlsFit;
import io.triangulate.attribution.seed.QqPoint;
import io.triangulate.attribution.seed.SeedAnalysis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The seed analysis on the warehouse: does a member buy more from an advertiser the more of its TV
 * and streaming they were exposed to?
 *
 * <p>One observation per member and advertiser (an advertiser that aired TV or streaming in the
 * window), over every member whose household the identity graph knows as of the day, exposed or
 * not: y = the member's purchase value with the advertiser in the window; tv_credit and
 * streaming_credit = time-decayed exposure summed over the window's days: an exposure on day s adds
 * Σ_{t=s..to} 0.5^((t−s)/half-life), the adstock it leaves on every later day of the window on which
 * the member might buy; streaming counts the impressions of the household's paired devices and of
 * the member's own streaming user ids; platform_touches = the member's platform ad touches of the
 * advertiser (a control: platforms target likely buyers). Every column is centred within the
 * advertiser (advertiser fixed effects: advertisers differ in buyers and in how much TV they buy).
 *
 * <p>Why not per journey: the earlier design took persons with a journey in the window, so an
 * unexposed person was in the sample only if they had bought or been touched by the platform while
 * every member of a TV household was in it, and TV credit looked harmful (coefficient −6.6). Persons
 * without a known household are left out because their TV exposure is not observed (a zero would
 * mean unlinked, not unexposed). SQL sums the cross-products; Java solves the fit; a second query
 * returns residual quantiles for the Q-Q plot.
 */
final class SeedRegressionReader {

  /** Binds: to, then (to, half-life, from, to) ×2, then from, to ×2, then half-life ×2. */
  private static final String PERSONS =
      """
      with latest as (
          -- each member, device and streaming user's latest resolution as of the window's end
          select distinct on (node) node, id_type, member_id, household_id
          from marts.identity_resolution
          where id_type in ('member', 'device', 'streaming_user') and ds <= ?
          order by node, ds desc
      ),
      members as (
          select substr(node, 8) as member_id, household_id
          from latest where id_type = 'member' and household_id is not null
      ),
      devices as (
          select substr(node, 8) as device_id, household_id
          from latest where id_type = 'device' and household_id is not null
      ),
      users as (
          select substr(node, 16) as user_id, member_id
          from latest where id_type = 'streaming_user' and member_id is not null
      ),
      tv as (
          select household_id, advertiser_id,
                 sum((1 - power(0.5, (?::date - exposure_date + 1) / ?::double precision)) order by exposure_id) as credit
          from staging.stg_tv_airings
          where exposure_date between ? and ?
          group by household_id, advertiser_id
      ),
      streaming as (
          select s.log_id, s.advertiser_id, d.household_id, u.member_id,
                 1 - power(0.5, (?::date - s.stream_date + 1) / ?::double precision) as credit
          from staging.stg_streaming_impressions s
          left join devices d on d.device_id = s.device_id
          left join users u on u.user_id = s.user_id and s.device_id is null
          where s.stream_date between ? and ?
            and (d.household_id is not null or u.member_id is not null)
      ),
      household_streaming as (
          select household_id, advertiser_id, sum(credit order by log_id) as credit
          from streaming where household_id is not null group by household_id, advertiser_id
      ),
      member_streaming as (
          select member_id, advertiser_id, sum(credit order by log_id) as credit
          from streaming where member_id is not null group by member_id, advertiser_id
      ),
      advertisers as (
          select distinct advertiser_id from tv
          union
          select distinct advertiser_id from streaming
      ),
      purchases as (
          select person_key as member_id, advertiser_id, sum(value order by conversion_id) as value
          from marts.journey_conversions
          where ds between ? and ? and resolved
          group by person_key, advertiser_id
      ),
      platform as (
          select person_key as member_id, advertiser_id, count(*)::double precision as touches
          from marts.journey_touchpoints
          where ds between ? and ? and resolved and campaign_id is not null
          group by person_key, advertiser_id
      ),
      units as (
          select m.member_id || ':' || a.advertiser_id as person_key, a.advertiser_id,
                 coalesce(p.value, 0)                                    as y,
                 coalesce(tv.credit, 0) / (1 - power(0.5, 1 / ?::double precision)) as tv_credit,
                 (coalesce(hs.credit, 0) + coalesce(ms.credit, 0)) / (1 - power(0.5, 1 / ?::double precision))
                                                                         as streaming_credit,
                 coalesce(pl.touches, 0)                                 as platform_touches
          from members m
          cross join advertisers a
          left join tv on tv.household_id = m.household_id and tv.advertiser_id = a.advertiser_id
          left join household_streaming hs on hs.household_id = m.household_id and hs.advertiser_id = a.advertiser_id
          left join member_streaming ms on ms.member_id = m.member_id and ms.advertiser_id = a.advertiser_id
          left join purchases p on p.member_id = m.member_id and p.advertiser_id = a.advertiser_id
          left join platform pl on pl.member_id = m.member_id and pl.advertiser_id = a.advertiser_id
      ),
      persons as (
          -- centred within the advertiser: the regression compares members of the same advertiser
          select person_key,
                 y - avg(y) over w                                 as y,
                 tv_credit - avg(tv_credit) over w                 as tv_credit,
                 streaming_credit - avg(streaming_credit) over w   as streaming_credit,
                 platform_touches - avg(platform_touches) over w   as platform_touches
          from units
          window w as (partition by advertiser_id)
      )
      """;

  private static List<Object> personBinds(LocalDate from, LocalDate to, double halfLifeDays) {
    List<Object> binds = new ArrayList<>(List.of(to));
    binds.addAll(List.of(to, halfLifeDays, from, to));
    binds.addAll(List.of(to, halfLifeDays, from, to));
    binds.addAll(List.of(from, to, from, to));
    binds.addAll(List.of(halfLifeDays, halfLifeDays));
    return binds;
  }

  private static final int MAX_QQ_POINTS = 50;

  private SeedRegressionReader() {}

  /**
   * Empty when there are too few persons, or no variation, to fit. The persons are computed once
   * into a temporary table (they read the window's raw TV and streaming logs) for both the fit's
   * cross-products and the residual quantiles.
   */
  static Optional<SeedAnalysis> analyse(DSLContext dsl, LocalDate from, LocalDate to, double halfLifeDays) {
    return dsl.transactionResult(tx -> {
      DSLContext t = tx.dsl();
      t.execute("drop table if exists pg_temp.seed_persons");
      t.execute("create temp table seed_persons on commit drop as " + PERSONS + "select * from persons",
          personBinds(from, to, halfLifeDays).toArray());
      return fit(t, halfLifeDays);
    });
  }

  private static Optional<SeedAnalysis> fit(DSLContext dsl, double halfLifeDays) {
    List<String> terms = new ArrayList<>();
    terms.add("1");
    terms.addAll(SeedAnalysis.PREDICTORS);
    int p = terms.size();
    StringBuilder select = new StringBuilder("select count(*)::double precision");
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        if (a + b > 0) {
          select.append(", sum((").append(terms.get(a)).append(")::double precision * ").append(terms.get(b))
              .append(" order by person_key)");
        }
      }
      select.append(", sum((").append(terms.get(a)).append(")::double precision * y order by person_key)");
    }
    select.append(", sum(y * y order by person_key) from seed_persons");
    Record r = dsl.fetchSingle(select.toString());

    double[][] xtx = new double[p][p];
    double[] xty = new double[p];
    int column = 0;
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        double v = value(r, column++);
        xtx[a][b] = v;
        xtx[b][a] = v;
      }
      xty[a] = value(r, column++);
    }
    double yty = value(r, column);
    CrossProducts products = new CrossProducts(SeedAnalysis.PREDICTORS, xtx, xty, yty);
    if (products.observations() <= p + 1) {
      return Optional.empty();
    }
    OlsFit fit;
    try {
      fit = OlsFit.fit(products, 0.95);
    } catch (IllegalArgumentException e) {
      return Optional.empty();  // e.g. no TV or streaming exposure at all: the predictor is constant
    }
    return Optional.of(new SeedAnalysis(fit, qq(dsl, fit), halfLifeDays));
  }

  private static List<QqPoint> qq(DSLContext dsl, OlsFit fit) {
    int m = (int) Math.min(MAX_QQ_POINTS, fit.observations());
    Double[] probabilities = new Double[m];
    for (int i = 0; i < m; i++) {
      probabilities[i] = (i + 0.5) / m;
    }
    StringBuilder residual = new StringBuilder("y - (?");
    for (String predictor : SeedAnalysis.PREDICTORS) {
      residual.append(" + ? * ").append(predictor);
    }
    residual.append(')');
    List<Object> binds = new ArrayList<>();
    binds.add(probabilities);
    fit.terms().forEach(t -> binds.add(t.coefficient()));
    Double[] quantiles = dsl.fetchSingle(
            "select percentile_cont(?::double precision[]) within group (order by " + residual + ") from seed_persons",
            binds.toArray())
        .get(0, Double[].class);
    NormalDistribution normal = new NormalDistribution();
    List<QqPoint> points = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      points.add(new QqPoint(probabilities[i], normal.inverseCumulativeProbability(probabilities[i]), quantiles[i]));
    }
    return points;
  }

  private static double value(Record r, int index) {
    Double v = r.get(index, Double.class);
    return v == null ? 0 : v;
  }
}

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
 * The seed analysis on the warehouse. Per resolved person, over the journeys that ended in the
 * window: y = purchase value; tv_credit and streaming_credit = sum over their TV (streaming) touches
 * of 0.5^(days before the journey's end / half-life); platform_touches = their platform ad touches
 * (a control: platforms target likely buyers). SQL sums the cross-products (no person row leaves
 * the database); Java solves the fit; a second query returns residual quantiles for the Q-Q plot.
 */
final class SeedRegressionReader {

  private static final String PERSONS =
      """
      with journey_credit as (
          select j.person_key, j.value,
                 coalesce((select sum(power(0.5, u.age / ?)) from unnest(j.channels, j.ages_days) as u(channel, age)
                           where u.channel = 'linear_tv'), 0) as tv_credit,
                 coalesce((select sum(power(0.5, u.age / ?)) from unnest(j.channels, j.ages_days) as u(channel, age)
                           where u.channel = 'streaming'), 0) as streaming_credit,
                 (select count(*) from unnest(j.channels) as u(channel)
                  where u.channel not in ('linear_tv', 'streaming') and u.channel not like 'web\\_%')::double precision
                                                               as platform_touches
          from marts.journeys j
          where j.ds between ? and ?
            and j.resolved
      ),
      persons as (
          select person_key,
                 sum(value order by value)                       as y,
                 sum(tv_credit order by tv_credit)               as tv_credit,
                 sum(streaming_credit order by streaming_credit) as streaming_credit,
                 sum(platform_touches)                           as platform_touches
          from journey_credit
          group by person_key
      )
      """;

  private static final int MAX_QQ_POINTS = 50;

  private SeedRegressionReader() {}

  /** Empty when there are too few persons, or no variation, to fit. */
  static Optional<SeedAnalysis> analyse(DSLContext dsl, LocalDate from, LocalDate to, double halfLifeDays) {
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
    select.append(", sum(y * y order by person_key) from persons");
    Record r = dsl.fetchSingle(PERSONS + select, halfLifeDays, halfLifeDays, from, to);

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
    return Optional.of(new SeedAnalysis(fit, qq(dsl, from, to, halfLifeDays, fit), halfLifeDays));
  }

  private static List<QqPoint> qq(DSLContext dsl, LocalDate from, LocalDate to, double halfLifeDays, OlsFit fit) {
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
    List<Object> binds = new ArrayList<>(List.of(halfLifeDays, halfLifeDays, from, to, probabilities));
    fit.terms().forEach(t -> binds.add(t.coefficient()));
    Double[] quantiles = dsl.fetchSingle(
            PERSONS + "select percentile_cont(?::double precision[]) within group (order by " + residual + ") from persons",
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

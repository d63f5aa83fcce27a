package io.triangulate.attribution.warehouse;

import io.triangulate.attribution.AttributionModel;
import io.triangulate.attribution.AttributionSettings;
import io.triangulate.attribution.datadriven.DataDrivenSettings;
import io.triangulate.attribution.rules.PositionWeights;
import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;
import io.triangulate.core.config.ConfigLoader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code configs/attribution.yaml}: journeys, the models the pipeline task runs, the seed analysis. */
public record AttributionConfig(Journeys journeys, Models models, SeedRegression seedRegression) {

  public static final String FILE = "attribution.yaml";

  public record Journeys(int lookbackDays, int maxTouches) {
    public Journeys {
      Check.range("journeys.lookback_days", lookbackDays, 1, 365);
      Check.range("journeys.max_touches", maxTouches, 1, 200);
    }
  }

  public record Models(int windowDays, List<String> run, double halfLifeDays, List<Double> positionWeights) {
    public Models {
      Check.range("models.window_days", windowDays, 1, 3660);
      Check.required("models.run", run);
      Check.that(!run.isEmpty(), "models.run must list at least one model; allowed: " + AttributionModel.allIds());
      for (String id : run) {
        try {
          AttributionModel.fromId(id);
        } catch (IllegalArgumentException e) {
          throw new ConfigException("models.run: " + e.getMessage());
        }
      }
      Check.range("models.half_life_days", halfLifeDays, 0.01, 365);
      Check.required("models.position_weights", positionWeights);
      Check.that(positionWeights.size() == 3, "models.position_weights must be three numbers: first, middle, last");
      try {
        new PositionWeights(positionWeights.get(0), positionWeights.get(1), positionWeights.get(2));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("models." + e.getMessage());
      }
      run = List.copyOf(run);
      positionWeights = List.copyOf(positionWeights);
    }

    public List<AttributionModel> attributionModels() {
      return run.stream().map(AttributionModel::fromId).distinct().toList();
    }
  }

  /**
   * @param fitOn the weekday on which the daily task refits the regression (lower case, e.g.
   *     sunday): it reads the whole window's raw TV and streaming logs, so a daily refit would make
   *     every day's cost grow with the window; the report shows the latest fit
   */
  public record SeedRegression(double halfLifeDays, String fitOn) {
    public SeedRegression {
      Check.range("seed_regression.half_life_days", halfLifeDays, 0.01, 365);
      Check.required("seed_regression.fit_on", fitOn);
      try {
        DayOfWeek.valueOf(fitOn.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("seed_regression.fit_on must be a weekday (monday … sunday), got '" + fitOn + "'");
      }
    }

    /** Whether the daily task for {@code ds} refits the regression. */
    public boolean fitsOn(LocalDate ds) {
      return ds.getDayOfWeek() == DayOfWeek.valueOf(fitOn.toUpperCase(Locale.ROOT));
    }
  }

  public AttributionConfig {
    Check.required("journeys", journeys);
    Check.required("models", models);
    Check.required("seed_regression", seedRegression);
  }

  public static AttributionConfig load(ConfigLoader loader) {
    return loader.load(FILE, AttributionConfig.class);
  }

  /** Model settings; time decay looks back as far as the journeys do. */
  public AttributionSettings settings(long seed) {
    List<Double> w = models.positionWeights();
    return new AttributionSettings(models.halfLifeDays(), journeys.lookbackDays(),
        new PositionWeights(w.get(0), w.get(1), w.get(2)), DataDrivenSettings.DEFAULT.withSeed(seed));
  }

  /** Named parameters of the journey SQL models, besides {@code :ds}. */
  public Map<String, Object> sqlParameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("lookback_days", journeys.lookbackDays());
    p.put("max_touches", journeys.maxTouches());
    return p;
  }
}

package io.triangulate.core.sql;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code configs/marts.yaml}: which models {@code build} runs, in order, and their parameters. */
public record MartsConfig(List<String> models, LastTouch lastTouch, Experiments experiments) {

  public static final String FILE = "marts.yaml";

  public record LastTouch(int clickWindowDays, int viewWindowDays) {
    public LastTouch {
      Check.range("last_touch.click_window_days", clickWindowDays, 0, 90);
      Check.range("last_touch.view_window_days", viewWindowDays, 0, 90);
    }
  }

  /**
   * @param prePeriodDays the CUPED covariate's window: a member's orders of the campaign's advertiser
   *     in this many days before their first exposure
   */
  public record Experiments(int postCampaignDays, int lookbackDays, int prePeriodDays) {
    public Experiments {
      Check.range("experiments.post_campaign_days", postCampaignDays, 0, 60);
      Check.range("experiments.lookback_days", lookbackDays, 1, 3660);
      Check.range("experiments.pre_period_days", prePeriodDays, 1, 365);
    }
  }

  public MartsConfig {
    Check.required("models", models);
    Check.that(!models.isEmpty(), "models must list at least one model");
    Check.required("last_touch", lastTouch);
    Check.required("experiments", experiments);
    models = List.copyOf(models);
  }

  public static MartsConfig load(ConfigLoader loader) {
    return loader.load(FILE, MartsConfig.class);
  }

  /** Named parameters the models may use, besides {@code :ds}. */
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("click_window_days", lastTouch.clickWindowDays());
    p.put("view_window_days", lastTouch.viewWindowDays());
    p.put("post_campaign_days", experiments.postCampaignDays());
    p.put("lookback_days", experiments.lookbackDays());
    p.put("pre_period_days", experiments.prePeriodDays());
    return p;
  }

  public List<SqlModel> sqlModels() {
    return models.stream().map(SqlModel::load).toList();
  }
}

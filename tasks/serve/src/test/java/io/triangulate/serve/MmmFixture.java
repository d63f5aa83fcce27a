package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.MMM_MODEL;

import io.triangulate.mmm.ModelJson;
import io.triangulate.mmm.model.ChannelResponse;
import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.ResponseDraw;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A stored weekly ridge MMM with closed-form plans: two Michaelis–Menten channels, search and tv,
 * both {@code 1000·x/(1 + x)} per week with {@code x = spend/100}, and two bootstrap replicates at
 * 0.9 and 1.1 times β. Over the 10 fitted weeks search spent 100 a week and tv 60: current budget
 * 1,600, channel bounds 0.5x–2x give budgets from 800 to 3,200. Identical curves make the optimum
 * an equal split: at 1,600, 80 a week each, revenue 10·2·1000·0.8/1.8 = 8,888.89 (current split:
 * 10·(500 + 375) = 8,750), marginal ROAS 1000/1.8²/100 = 3.0864 on both.
 */
final class MmmFixture {

  static final int WEEKS = 10;

  private MmmFixture() {}

  static MediaResponseModel model() {
    double[][] spend = new double[2][WEEKS];
    List<String> dates = new ArrayList<>();
    for (int t = 0; t < WEEKS; t++) {
      spend[0][t] = t % 2 == 0 ? 90 : 110; // mean 100
      spend[1][t] = 60;
      dates.add(LocalDate.of(2025, 11, 3).plusWeeks(t).toString());
    }
    return new MediaResponseModel("ridge", "revenue", AdstockKind.GEOMETRIC, SaturationKind.MICHAELIS_MENTEN, 3, 7,
        List.of("search", "tv"), new double[] {100, 100}, dates, spend, draw(1.0), List.of(draw(0.9), draw(1.1)));
  }

  private static ResponseDraw draw(double factor) {
    ChannelResponse same = new ChannelResponse(1000 * factor, new double[] {0.5}, new double[] {1});
    return new ResponseDraw(List.of(same, same));
  }

  /** Stores {@link #model()} as the weekly fit ending on {@code ds}. */
  static void store(DSLContext dsl, LocalDate ds) {
    MediaResponseModel m = model();
    dsl.insertInto(MMM_MODEL)
        .set(MMM_MODEL.DS, ds).set(MMM_MODEL.GRAIN, "weekly").set(MMM_MODEL.MODEL, m.model())
        .set(MMM_MODEL.PERIOD_START, LocalDate.parse(m.dates().get(0)))
        .set(MMM_MODEL.PERIOD_END, LocalDate.parse(m.dates().get(WEEKS - 1)))
        .set(MMM_MODEL.PERIODS, WEEKS).set(MMM_MODEL.ADVERTISER, "all")
        .set(MMM_MODEL.MODEL_JSON, ModelJson.toJson(List.of(m)))
        .execute();
  }
}

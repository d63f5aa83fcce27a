package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.FCT_CREATIVE_DAILY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.triangulate.core.sql.SqlModel;
import io.triangulate.core.sql.SqlModelMaterializer;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL model behind {@code /api/v1/creatives} on a hand-made day: creative CR1 gets 4
 * impressions (0.01 each) and 1 click (0.50), CR2 (missing from raw.creatives) 2 impressions, and
 * a ghost impression, an event without a creative and the next day's events are left out.
 */
class CreativeDailyIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Test
  void sumsTheDaysDeliveryPerCreativeAndRebuildsIdempotently() {
    DSLContext dsl = DB.dsl();
    dsl.execute("insert into raw.campaigns values ('C01', 'A01', 'one', 'onsite_search', 'CPM', 10, 100, ?, ?, 0.1, ?)", DAY, DAY.plusDays(9), DAY);
    dsl.execute("insert into raw.creatives values ('CR1', 'C01', 'Spring sale', 'banner', 'h', 'a|b', ?)", DAY);
    String event = "insert into raw.ad_events values (?, ?::date + time '10:00', ?, 'C01', ?, 'M0000001', ?, ?)";
    int n = 0;
    for (int i = 0; i < 4; i++) {
      dsl.execute(event, "E" + n++, DAY, "impression", "CR1", 0.01, DAY);
    }
    dsl.execute(event, "E" + n++, DAY, "click", "CR1", 0.5, DAY);
    dsl.execute(event, "E" + n++, DAY, "ghost_impression", "CR1", 0, DAY);
    dsl.execute(event, "E" + n++, DAY, "impression", "CR2", 0.01, DAY);
    dsl.execute(event, "E" + n++, DAY, "impression", "CR2", 0.01, DAY);
    dsl.execute(event, "E" + n++, DAY, "impression", null, 0.01, DAY);
    dsl.execute(event, "E" + n++, DAY.plusDays(1), "impression", "CR1", 0.01, DAY.plusDays(1));

    List<SqlModel> model = List.of(SqlModel.load("fct_creative_daily"));
    new SqlModelMaterializer(dsl).materialize(model, DAY, Map.of(), r -> {});
    new SqlModelMaterializer(dsl).materialize(model, DAY, Map.of(), r -> {});

    var rows = dsl.selectFrom(FCT_CREATIVE_DAILY).orderBy(FCT_CREATIVE_DAILY.DS, FCT_CREATIVE_DAILY.CREATIVE_ID).fetch();
    assertEquals(2, rows.size());
    var one = rows.get(0);
    assertEquals("CR1", one.getCreativeId());
    assertEquals("Spring sale", one.getCreativeName());
    assertEquals("banner", one.getFormat());
    assertEquals("onsite_search", one.getChannel());
    assertEquals(4L, one.getImpressions());
    assertEquals(1L, one.getClicks());
    assertEquals(0.54, one.getSpend(), 1e-12);
    assertEquals(0.25, one.getCtr(), 0);
    assertEquals(0.54, one.getCpc(), 1e-12);
    assertEquals(135.0, one.getCpm(), 1e-9);
    var two = rows.get(1);
    assertEquals("unknown CR2", two.getCreativeName());
    assertNull(two.getFormat());
    assertEquals(2L, two.getImpressions());
    assertEquals(0L, two.getClicks());
    assertNull(two.getCpc());
  }
}

package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.ATTRIBUTION_VS_EXPERIMENT;
import static io.triangulate.db.marts.Tables.CAMPAIGN_DECISIONS;
import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_DAILY;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;
import static io.triangulate.db.marts.Tables.FCT_CHANNEL_DAILY;
import static io.triangulate.db.marts.Tables.FCT_CREATIVE_DAILY;
import static io.triangulate.db.marts.Tables.FCT_EXPERIMENT_FIRST_EXPOSURE;
import static io.triangulate.db.marts.Tables.MMM_CHANNEL_SUMMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server on an ephemeral loopback port over a small hand-seeded warehouse: two campaigns
 * (C01, C02) on two days, every read endpoint, the auth matrix, input rules, idempotency, the
 * changes feed and its connector, the write rate limit, the OpenAPI document, and no person ids.
 */
class ApiServerIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  static final LocalDate D1 = LocalDate.of(2026, 1, 10);
  static final LocalDate D2 = LocalDate.of(2026, 1, 11);
  static final ObjectMapper JSON = new ObjectMapper();
  // Burst of 5 writes per token, then one every 2 s: tests use a fresh operator per scenario.
  static final double BURST = 5;
  static final double RATE = 0.5;

  static Warehouse warehouse;
  static ApiServer server;
  static String base;
  static String reader;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    seed(DB.dsl());
    warehouse = new Warehouse(DB.database(), 4);
    server = new ApiServer(warehouse.dsl(), new TokenBucket(BURST, RATE, System::nanoTime));
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    reader = server.tokens().create(Role.READER, "reader test").token();
  }

  @AfterAll
  static void stop() {
    server.close();
    warehouse.close();
  }

  // ---- reads ----

  @Test
  void snapshotEndpointsAnswerTheLatestDayUnlessDated() throws Exception {
    JsonNode campaigns = ok(get("/api/v1/campaigns", reader));
    assertEquals(List.of("C01@2026-01-11", "C02@2026-01-11"), keys(campaigns, "campaign_id"));
    assertEquals(List.of("C01@2026-01-10", "C02@2026-01-10"), keys(ok(get("/api/v1/campaigns?ds=2026-01-10", reader)), "campaign_id"));
    assertEquals(4, ok(get("/api/v1/campaigns?from=2026-01-10&to=2026-01-11", reader)).get("data").size());
    // Daily facts: every day unless dated.
    assertEquals(List.of("C01@2026-01-10", "C02@2026-01-10", "C01@2026-01-11", "C02@2026-01-11"),
        keys(ok(get("/api/v1/kpis", reader)), "campaign_id"));
    assertEquals(List.of("search@2026-01-10", "search@2026-01-11"), keys(ok(get("/api/v1/kpis?grain=channel", reader)), "channel"));
    assertEquals(List.of("C02@2026-01-11"), keys(ok(get("/api/v1/kpis?campaign_id=C02&from=2026-01-11", reader)), "campaign_id"));
  }

  @Test
  void liftCarriesItsIntervals() throws Exception {
    JsonNode lift = ok(get("/api/v1/lift?campaign_id=C01&segment_type=all", reader));
    assertEquals(1, lift.get("data").size());
    JsonNode row = lift.get("data").get(0);
    assertEquals("2026-01-11", row.get("ds").asText());
    assertEquals(0.02, row.get("abs_lift").asDouble(), 0);
    assertEquals(0.01, row.get("abs_lift_ci_low").asDouble(), 0);
    assertEquals(0.03, row.get("abs_lift_ci_high").asDouble(), 0);
    assertEquals(2.5, row.get("incremental_roas").asDouble(), 0);
    // NaN in the mart is null in JSON (JSON has no NaN).
    assertTrue(row.get("p_value").isNull());
    // Every segment of C01 on the latest day, in primary-key order (segment_type, segment_value).
    assertEquals(List.of("all", "region"), texts(ok(get("/api/v1/lift?campaign_id=C01", reader)), "segment_type"));
  }

  @Test
  void attributionMmmRecommendationsAndChannelFilters() throws Exception {
    JsonNode attr = ok(get("/api/v1/attribution?campaign_id=C02", reader));
    assertEquals(List.of("last_touch", "markov"), texts(attr, "model"));
    // Primary-key order (ds, scope, scope_id, model): campaign rows, then the channel row.
    assertEquals(List.of("campaign", "campaign", "channel"), texts(ok(get("/api/v1/attribution?model=markov", reader)), "scope"));
    assertEquals(List.of("search"), texts(ok(get("/api/v1/attribution?scope=channel", reader)), "scope_id"));
    JsonNode mmm = ok(get("/api/v1/mmm?model=ridge", reader));
    assertEquals(List.of("search", "tv"), texts(mmm, "channel"));
    assertEquals(1.5, mmm.get("data").get(0).get("roas_low").asDouble(), 0);
    JsonNode recs = ok(get("/api/v1/recommendations", reader));
    assertEquals(List.of("increase", "decrease"), texts(recs, "recommendation"));
    assertEquals(List.of("C02"), texts(ok(get("/api/v1/recommendations?recommendation=decrease", reader)), "campaign_id"));
  }

  @Test
  void budgetPlanRunsTheFittedOptimiserAtTheAskedTotal() throws Exception {
    // MmmFixture: identical curves, so the optimum splits any budget equally within the bounds.
    JsonNode plan = ok(get("/api/v1/mmm/plan?budget=1600", reader));
    assertEquals("2026-01-11", plan.get("ds").asText());
    assertEquals("ridge", plan.get("model").asText());
    assertEquals(10, plan.get("horizon_periods").asInt());
    assertEquals(1600, plan.get("current_budget").asDouble(), 1e-9);
    assertEquals(800, plan.get("min_budget").asDouble(), 1e-9);
    assertEquals(3200, plan.get("max_budget").asDouble(), 1e-9);
    assertEquals("search", plan.get("channels").get(0).get("channel").asText());
    assertEquals("tv", plan.get("channels").get(1).get("channel").asText());
    for (JsonNode c : plan.get("channels")) {
      assertEquals(800, c.get("optimal_spend").asDouble(), 1e-6);
      assertEquals(1000 / 1.8 / 1.8 / 100, c.get("mroas").asDouble(), 1e-6);
    }
    JsonNode total = plan.get("total");
    double revenue = 10 * 2 * 1000 * 0.8 / 1.8;
    assertEquals(revenue, total.get("expected_revenue").asDouble(), 1e-4);
    // Band from the replicates at 0.9 and 1.1 x beta: their 5% and 95% quantiles (linear interpolation).
    assertEquals(0.91 * revenue, total.get("expected_revenue_low").asDouble(), 1e-4);
    assertEquals(1.09 * revenue, total.get("expected_revenue_high").asDouble(), 1e-4);
    assertEquals(10 * (500 + 375), plan.get("current").get("expected_revenue").asDouble(), 1e-6);
    // The slider's default is the current budget; at 2,000 each channel gets 1,000 (x = 1: 500 a week).
    assertEquals(1600, ok(get("/api/v1/mmm/plan", reader)).get("budget").asDouble(), 1e-9);
    JsonNode more = ok(get("/api/v1/mmm/plan?budget=2000&grain=weekly&model=ridge&ds=2026-01-11", reader));
    assertEquals(10 * 2 * 500, more.get("total").get("expected_revenue").asDouble(), 1e-4);
    // At the bounds' maximum the marginal return is undefined: null, not a number.
    assertTrue(ok(get("/api/v1/mmm/plan?budget=3200", reader)).get("total").get("mroas").isNull());

    assertError(get("/api/v1/mmm/plan?budget=5000", reader), 400, "budget",
        "a number from 800.00 to 3200.00 (0.5x to 2x each channel's current spend)");
    assertError(get("/api/v1/mmm/plan?budget=lots", reader), 400, "budget", "a number");
    assertError(get("/api/v1/mmm/plan?model=bayesian", reader), 400, "model", "one of ridge (fitted for the weekly fit to 2026-01-11)");
    assertError(get("/api/v1/mmm/plan?grain=monthly", reader), 400, "grain", "daily or weekly");
    assertError(get("/api/v1/mmm/plan?limit=5", reader), 400, "limit", "one of budget, ds, grain, model");
    assertError(get("/api/v1/mmm/plan?ds=2026-01-10", reader), 404, "ds", "the last day of a stored fit (see /api/v1/mmm)");
  }

  @Test
  void creativesAreDailyDeliveryPerCreative() throws Exception {
    JsonNode all = ok(get("/api/v1/creatives?campaign_id=C01", reader));
    assertEquals(List.of("CR0101@2026-01-10", "CR0102@2026-01-10", "CR0101@2026-01-11", "CR0102@2026-01-11"),
        keys(all, "creative_id"));
    assertEquals(0.05, all.get("data").get(0).get("ctr").asDouble(), 0);
  }

  @Test
  void pagesWalkTheWholeResultInAStableOrder() throws Exception {
    JsonNode all = ok(get("/api/v1/kpis?limit=1000", reader));
    assertNull(textOrNull(all.get("page").get("next_offset")));
    List<String> walked = new ArrayList<>();
    long offset = 0;
    for (int pages = 0; pages < 10; pages++) {
      JsonNode p = ok(get("/api/v1/kpis?limit=3&offset=" + offset, reader));
      walked.addAll(keys(p, "campaign_id"));
      if (p.get("page").get("next_offset").isNull()) {
        assertEquals(2, pages + 1);
        break;
      }
      offset = p.get("page").get("next_offset").asLong();
      assertEquals(3, offset);
    }
    assertEquals(keys(all, "campaign_id"), walked);
  }

  @Test
  void alertsAreEmptyUntilTheMartExistsAndNeverShowPersonColumns() throws Exception {
    JsonNode none = ok(get("/api/v1/alerts?campaign_id=C01", reader));
    assertEquals(0, none.get("data").size());
    DSLContext dsl = DB.dsl();
    try {
      dsl.execute("create table marts.alerts (ds date, campaign_id text, severity text, what text, member_id text)");
      dsl.execute("insert into marts.alerts values ('2026-01-11', 'C01', 'high', 'conversion drop', 'M0000042'),"
          + " ('2026-01-11', 'C02', 'low', 'spend spike', 'M0000043')");
      HttpResponse<String> r = get("/api/v1/alerts?campaign_id=C01", reader);
      JsonNode alerts = ok(r);
      assertEquals(List.of("conversion drop"), texts(alerts, "what"));
      assertFalse(alerts.get("data").get(0).has("member_id"));
      assertFalse(ChangeRequests.PERSON_ID.matcher(r.body()).find(), r.body());
      assertEquals(2, ok(get("/api/v1/alerts?ds=2026-01-11", reader)).get("data").size());
    } finally {
      dsl.execute("drop table if exists marts.alerts");
    }
  }

  @Test
  void badInputIs400WithFieldAndRule() throws Exception {
    assertError(get("/api/v1/kpis?limit=0", reader), 400, "limit", "integer from 1 to 1000");
    assertError(get("/api/v1/kpis?limit=1001", reader), 400, "limit", "integer from 1 to 1000");
    assertError(get("/api/v1/kpis?offset=-1", reader), 400, "offset", "integer from 0 to 100000000");
    assertError(get("/api/v1/lift?ds=2026-13-01", reader), 400, "ds", "ISO date yyyy-mm-dd");
    assertError(get("/api/v1/lift?from=2026-01-11&to=2026-01-10", reader), 400, "from", "on or before to");
    assertError(get("/api/v1/lift?ds=2026-01-11&to=2026-01-11", reader), 400, "ds", "not combined with from/to");
    assertError(get("/api/v1/lift?campaign_id=C01%27;drop", reader), 400, "campaign_id", ReadQuery.IDENTIFIER_RULE);
    assertError(get("/api/v1/mmm?campaign_id=C01", reader), 400, "campaign_id", "one of ds, from, to, limit, offset, grain, model, channel");
    assertError(get("/api/v1/kpis?grain=channel&campaign_id=C01", reader), 400, "campaign_id", "only with grain=campaign");
    assertError(get("/api/v1/kpis?grain=week", reader), 400, "grain", "campaign or channel, given once");
    assertError(get("/api/v1/activation/changes?since=x", reader), 400, "since", "integer from 0 to " + Long.MAX_VALUE);
    HttpResponse<String> missing = get("/api/v1/nothing", reader);
    assertEquals(404, missing.statusCode());
  }

  // ---- auth ----

  @Test
  void everyApiRouteNeedsAValidTokenAndOnlyOperatorsActivate() throws Exception {
    String operator = server.tokens().create(Role.OPERATOR, "auth operator").token();
    for (String route : server.routes()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      boolean api = path.startsWith(ApiServer.PREFIX);
      HttpResponse<String> anonymous = call(method, path, null, "k-anon", "{}");
      HttpResponse<String> forged = call(method, path, "trg_000000000000_" + "A".repeat(43), "k-forged", "{}");
      if (!api) {
        assertEquals(200, anonymous.statusCode(), route);
        continue;
      }
      assertError(anonymous, 401, "Authorization", "Bearer <token>; create one with `triangulate serve token create`");
      assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
      assertEquals(401, forged.statusCode(), route);
      HttpResponse<String> asReader = call(method, path, reader, "k-reader", "{}");
      HttpResponse<String> asOperator = call(method, path, operator, "k-op-" + path, "{}");
      if (method.equals("POST")) {
        assertError(asReader, 403, "Authorization", "a token with role operator");
        // The operator gets past auth to the body's rules.
        assertEquals(400, asOperator.statusCode(), route + " " + asOperator.body());
      } else {
        assertEquals(200, asReader.statusCode(), route);
        assertEquals(200, asOperator.statusCode(), route);
      }
    }
    TokenStore.Created revoked = server.tokens().create(Role.READER, "soon revoked");
    assertEquals(200, get("/api/v1/lift", revoked.token()).statusCode());
    assertTrue(server.tokens().revoke(revoked.principal().tokenId()));
    assertEquals(401, get("/api/v1/lift", revoked.token()).statusCode());
  }

  @Test
  void tokensAreStoredOnlyAsSaltedHashes() {
    TokenStore.Created t = server.tokens().create(Role.READER, "hash check");
    // trg_ + 12 hex digits + _ : the secret (base64url, so it may itself contain _) is the rest.
    String secret = t.token().substring("trg_".length() + 12 + 1);
    var row = DB.dsl().fetchOne("select salt, secret_hash, cast(row(t.*) as text) as whole from activation.api_tokens t where token_id = ?",
        t.principal().tokenId());
    assertFalse(row.get("whole", String.class).contains(secret));
    assertEquals(16, row.get("salt", byte[].class).length);
    assertTrue(java.util.Arrays.equals(TokenStore.hash(row.get("salt", byte[].class), secret), row.get("secret_hash", byte[].class)));
  }

  // ---- activation ----

  @Test
  void acceptingARecommendationIsIdempotentByKey() throws Exception {
    String operator = server.tokens().create(Role.OPERATOR, "alice").token();
    String body = "{\"campaign_id\":\"C01\",\"decision\":\"accept\",\"reason\":\"lift is clear\"}";
    HttpResponse<String> first = post("/api/v1/activation/budget", operator, "budget-1", body);
    assertEquals(201, first.statusCode(), first.body());
    JsonNode change = JSON.readTree(first.body());
    assertEquals("budget", change.get("kind").asText());
    assertEquals("alice", change.get("requested_by").asText());
    assertEquals("pending", change.get("status").asText());
    // The latest recommendation for C01 (ds 2026-01-11): +150.
    assertEquals(150.0, change.get("payload").get("budget_change").asDouble(), 0);
    assertEquals("2026-01-11", change.get("payload").get("recommendation_ds").asText());

    // Same key, same body (keys in another order): the same answer, no new row.
    HttpResponse<String> again = post("/api/v1/activation/budget", operator, "budget-1",
        "{\"reason\":\"lift is clear\",\"decision\":\"accept\",\"campaign_id\":\"C01\"}");
    assertEquals(201, again.statusCode());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    long id = change.get("change_id").asLong();
    assertEquals(1, DB.dsl().fetchCount(ActivationStore.CHANGES, ActivationStore.IDEMPOTENCY_KEY.eq("budget-1")));
    assertEquals(1, DB.dsl().fetchCount(DSL.table(DSL.name("activation", "audit")),
        DSL.field(DSL.name("change_id")).eq(id), DSL.field(DSL.name("action")).eq("change_requested"),
        DSL.field(DSL.name("actor")).eq("alice")));

    // Same key, different body: 409.
    assertError(post("/api/v1/activation/budget", operator, "budget-1",
        "{\"campaign_id\":\"C01\",\"decision\":\"override\",\"budget_change\":10,\"reason\":\"x\"}"),
        409, "Idempotency-Key", "one key per request: the same key must come with the same method, path and body");
    // A new key is a new change.
    HttpResponse<String> override = post("/api/v1/activation/budget", operator, "budget-2",
        "{\"campaign_id\":\"C02\",\"decision\":\"override\",\"budget_change\":-20.5,\"reason\":\"brand safety\"}");
    assertEquals(201, override.statusCode(), override.body());
    JsonNode o = JSON.readTree(override.body()).get("payload");
    assertEquals(-20.5, o.get("budget_change").asDouble(), 0);
    assertEquals(-80.0, o.get("recommended_budget_change").asDouble(), 0);
  }

  @Test
  void activationBodiesAreChecked() throws Exception {
    String op = server.tokens().create(Role.OPERATOR, "checker").token();
    String b = "/api/v1/activation/budget";
    assertError(post(b, op, null, "{}"), 400, "Idempotency-Key", "required on every activation request");
    assertError(post(b, op, "v1", "not json"), 400, "body", "a JSON object");
    assertError(post(b, op, "v2", "{\"campaign_id\":\"C01\",\"decision\":\"override\",\"reason\":\"r\"}"), 400, "budget_change", "required");
    assertError(post(b, op, "v3", "{\"campaign_id\":\"C09\",\"decision\":\"accept\",\"reason\":\"r\"}"), 400, "campaign_id", "a campaign in marts.fct_campaign_to_date");
    // Five writes is the burst: a fresh operator for the rest.
    String op2 = server.tokens().create(Role.OPERATOR, "checker 2").token();
    assertError(post(b, op2, "v4", "{\"campaign_id\":\"C01\",\"decision\":\"accept\",\"reason\":\"member M0001234 asked\"}"),
        400, "reason", "contains no member or other person identifier");
    assertError(post(b, op2, "v5", "{\"campaign_id\":\"C01\",\"decision\":\"accept\",\"reason\":\"r\",\"color\":\"red\"}"),
        400, "color", "one of budget_change, campaign_id, decision, ds, reason");
    assertError(post("/api/v1/activation/bid-multiplier", op2, "v6", "{\"campaign_id\":\"C01\",\"multiplier\":20,\"reason\":\"r\"}"),
        400, "multiplier", "a number from 0.1 to 10");
    assertError(post("/api/v1/activation/creative-rotation", op2, "v7", "{\"campaign_id\":\"C01\",\"from_creative_id\":\"CR0101\",\"to_creative_id\":\"CR0101\",\"reason\":\"r\"}"),
        400, "to_creative_id", "differs from from_creative_id");
    String op3 = server.tokens().create(Role.OPERATOR, "checker 3").token();
    assertError(post("/api/v1/activation/schedule", op3, "v8", "{\"campaign_id\":\"C01\",\"action\":\"pause\",\"effective_at\":\"2020-01-01T00:00:00Z\",\"reason\":\"r\"}"),
        400, "effective_at", "in the future");
    assertError(post("/api/v1/activation/schedule", op3, "v9", "{\"campaign_id\":\"C01\",\"action\":\"pause\",\"effective_at\":\"tomorrow\",\"reason\":\"r\"}"),
        400, "effective_at", "ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z");
    assertError(post("/api/v1/activation/schedule", op3, "v10", "{\"campaign_id\":\"C01\",\"action\":\"stop\",\"effective_at\":\"2099-01-01T00:00:00Z\",\"reason\":\"r\"}"),
        400, "action", "one of pause, resume, set_daily_budget");
    // Refused requests store nothing.
    assertEquals(0, DB.dsl().fetchCount(ActivationStore.CHANGES, ActivationStore.IDEMPOTENCY_KEY.like("v%")));
  }

  @Test
  void theChangesFeedIsDrainedThroughTheConnector() throws Exception {
    String op = server.tokens().create(Role.OPERATOR, "bob").token();
    long before = maxChangeId();
    assertEquals(201, post("/api/v1/activation/bid-multiplier", op, "feed-1", "{\"campaign_id\":\"C01\",\"multiplier\":1.25,\"reason\":\"cheap clicks\"}").statusCode());
    assertEquals(201, post("/api/v1/activation/creative-rotation", op, "feed-2", "{\"campaign_id\":\"C02\",\"to_creative_id\":\"CR0203\",\"reason\":\"fatigue\"}").statusCode());
    String later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();
    assertEquals(201, post("/api/v1/activation/schedule", op, "feed-3", "{\"campaign_id\":\"C02\",\"action\":\"set_daily_budget\",\"daily_budget\":300,\"effective_at\":\"" + later + "\",\"reason\":\"weekend\"}").statusCode());

    JsonNode feed = ok(get("/api/v1/activation/changes?since=" + before, reader));
    assertEquals(List.of("bid_multiplier", "creative_rotation", "schedule"), texts(feed, "kind"));
    assertEquals(feed.get("data").get(2).get("change_id").asLong(), feed.get("next_since").asLong());
    assertEquals(1.25, feed.get("data").get(0).get("payload").get("multiplier").asDouble(), 0);

    List<Long> applied = new ArrayList<>();
    PlatformConnector recording = new PlatformConnector() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public void apply(ActivationStore.Change c) {
        if (c.changeId() > before) {
          applied.add(c.changeId());
        }
      }
    };
    ChangeApplier applier = new ChangeApplier(server.activation(), recording, () -> OffsetDateTime.now(ZoneOffset.UTC));
    applier.drain(1000);
    // The scheduled change is not due yet; the other two were applied, once.
    assertEquals(List.of(feed.get("data").get(0).get("change_id").asLong(), feed.get("data").get(1).get("change_id").asLong()), applied);
    applier.drain(1000);
    assertEquals(2, applied.size());
    JsonNode after = ok(get("/api/v1/activation/changes?since=" + before, reader));
    assertEquals(List.of("applied", "applied", "pending"), texts(after, "status"));
    assertEquals("recording", after.get("data").get(0).get("applied_by").asText());
    assertEquals(List.of("schedule"), texts(ok(get("/api/v1/activation/changes?pending=true&since=" + before, reader)), "kind"));
    // A day later the scheduled one is due.
    new ChangeApplier(server.activation(), recording, () -> OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)).drain(1000);
    assertEquals(3, applied.size());
  }

  @Test
  void writesAreRateLimitedPerToken() throws Exception {
    String op = server.tokens().create(Role.OPERATOR, "hasty").token();
    String body = "{\"campaign_id\":\"C01\",\"multiplier\":1.1,\"reason\":\"r\"}";
    for (int i = 0; i < BURST; i++) {
      assertEquals(201, post("/api/v1/activation/bid-multiplier", op, "rate-" + i, body).statusCode());
    }
    HttpResponse<String> limited = post("/api/v1/activation/bid-multiplier", op, "rate-x", body);
    assertError(limited, 429, "Authorization", "at most 5 writes at once and 0.5 per second per token");
    // The bucket is empty: one write is 1 / 0.5 = 2 s away (minus the few ms since), rounded up.
    assertEquals("2", limited.headers().firstValue("Retry-After").orElse(null));
    // Another operator is not affected, and reads are never limited.
    String other = server.tokens().create(Role.OPERATOR, "patient").token();
    assertEquals(201, post("/api/v1/activation/bid-multiplier", other, "rate-y", body).statusCode());
    assertEquals(200, get("/api/v1/lift", op).statusCode());
  }

  // ---- the document and privacy ----

  @Test
  void theOpenApiDocumentIsValidAndMatchesTheRoutes() throws Exception {
    HttpResponse<String> doc = get("/openapi.json", null);
    assertEquals(200, doc.statusCode());
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.body());
    assertEquals(List.of(), parsed.getMessages());
    Set<String> documented = new TreeSet<>();
    parsed.getOpenAPI().getPaths().forEach((path, item) ->
        item.readOperationsMap().keySet().forEach(m -> documented.add(m.name() + " " + path)));
    assertEquals(new TreeSet<>(server.routes()), documented);
  }

  @Test
  void noEndpointAnswersAPersonIdentifier() throws Exception {
    String op = server.tokens().create(Role.OPERATOR, "privacy").token();
    assertEquals(201, post("/api/v1/activation/bid-multiplier", op, "p-1", "{\"campaign_id\":\"C01\",\"multiplier\":0.9,\"reason\":\"r\"}").statusCode());
    int scanned = 0;
    for (String route : server.routes()) {
      if (!route.startsWith("GET ")) {
        continue;
      }
      String path = route.substring(4);
      List<String> queries = path.endsWith("/mmm/plan") ? List.of("", "?budget=2000", "?ds=2026-01-11")
          : List.of("", "?limit=1000", "?ds=2026-01-10");
      for (String query : queries) {
        HttpResponse<String> r = get(path + (path.endsWith("changes") && !query.startsWith("?limit") ? "" : query), op);
        assertEquals(200, r.statusCode(), path + query + " " + r.body());
        assertFalse(ChangeRequests.PERSON_ID.matcher(r.body()).find(), path + query + ": " + r.body());
        assertFalse(r.body().contains("member_id"), path + query);
        scanned++;
      }
    }
    assertEquals(3 * 12, scanned);
    // The warehouse does hold member ids (the scan above could have found them).
    assertEquals(2, DB.dsl().fetchCount(FCT_EXPERIMENT_FIRST_EXPOSURE));
  }

  @Test
  void theDashboardAndItsChartLibraryAreServedFromTheJar() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<canvas id=\"daily\""), page.body());
    var script = java.util.regex.Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]+/chart\\.umd\\.js)\"").matcher(page.body());
    assertTrue(script.find(), "the page loads Chart.js from its webjar");
    HttpResponse<String> chartJs = get(script.group(1), null);
    assertEquals(200, chartJs.statusCode(), script.group(1) + " (does the page's version match chartjs.version?)");
    assertTrue(chartJs.body().contains("Chart"));
    HttpResponse<String> js = get("/dashboard.js", null);
    assertEquals(200, js.statusCode());
    assertTrue(js.body().contains("sessionStorage"));
    for (String other : List.of("/experiments.html", "/attribution.html", "/mmm.html", "/creatives.html", "/alerts.html")) {
      HttpResponse<String> p = get(other, null);
      assertEquals(200, p.statusCode(), other);
      assertTrue(p.body().contains(script.group(1)), other + " loads the same bundled Chart.js");
    }
  }

  // ---- helpers ----

  private static long maxChangeId() {
    Long max = DB.dsl().select(DSL.max(ActivationStore.CHANGE_ID)).from(ActivationStore.CHANGES).fetchOne(0, Long.class);
    return max == null ? 0 : max;
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return call("GET", path, token, null, null);
  }

  static HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
    return call("POST", path, token, key, body);
  }

  static HttpResponse<String> call(String method, String path, String token, String key, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (method.equals("POST")) {
      if (key != null) {
        b.header("Idempotency-Key", key);
      }
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.GET();
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.uri() + " " + r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(r.body());
  }

  static void assertError(HttpResponse<String> r, int status, String field, String rule) throws Exception {
    assertEquals(status, r.statusCode(), r.uri() + " " + r.body());
    JsonNode e = JSON.readTree(r.body());
    assertTrue(e.get("error").isTextual(), r.body());
    assertEquals(field, e.get("field").asText(), r.body());
    assertEquals(rule, e.get("rule").asText(), r.body());
  }

  static List<String> keys(JsonNode page, String id) {
    List<String> out = new ArrayList<>();
    page.get("data").forEach(row -> out.add(row.get(id).asText() + "@" + row.get("ds").asText()));
    return out;
  }

  static List<String> texts(JsonNode page, String field) {
    List<String> out = new ArrayList<>();
    page.get("data").forEach(row -> out.add(row.get(field).asText()));
    return out;
  }

  static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** Two campaigns, two days, every mart the API reads; member ids only where the API never looks. */
  static void seed(DSLContext dsl) {
    for (LocalDate d : List.of(D1, D2)) {
      for (String c : List.of("C01", "C02")) {
        insert(dsl, FCT_CAMPAIGN_TO_DATE, Map.of("ds", d, "campaign_id", c, "channel", "search", "start_date", D1, "end_date", D2,
            "daily_budget", new BigDecimal("100.00"), "spend", new BigDecimal("50.0000")));
        insert(dsl, FCT_CAMPAIGN_DAILY, Map.of("ds", d, "campaign_id", c, "channel", "search", "impressions", 1000L, "clicks", 10L));
        boolean one = c.equals("C01");
        insert(dsl, CAMPAIGN_DECISIONS, Map.of("ds", d, "campaign_id", c, "channel", "search", "incrementality_rank", one ? 1 : 2,
            "recommendation", one ? "increase" : "decrease", "budget_change", one ? (d.equals(D2) ? 150.0 : 100.0) : -80.0));
        Map<String, Object> lift = new HashMap<>(Map.of("ds", d, "campaign_id", c, "segment_type", "all", "segment_value", "all",
            "abs_lift", 0.02, "abs_lift_ci_low", 0.01, "abs_lift_ci_high", 0.03, "incremental_roas", 2.5, "p_value", Double.NaN));
        insert(dsl, EXPERIMENT_LIFT, lift);
        lift.put("segment_type", "region");
        lift.put("segment_value", "north");
        insert(dsl, EXPERIMENT_LIFT, lift);
        for (String model : List.of("last_touch", "markov")) {
          insert(dsl, ATTRIBUTION_VS_EXPERIMENT, Map.of("ds", d, "scope", "campaign", "scope_id", c, "channel", "search", "model", model));
        }
      }
      insert(dsl, FCT_CHANNEL_DAILY, Map.of("ds", d, "channel", "search"));
      insert(dsl, ATTRIBUTION_VS_EXPERIMENT, Map.of("ds", d, "scope", "channel", "scope_id", "search", "channel", "search", "model", "markov"));
      for (String ch : List.of("search", "tv")) {
        insert(dsl, MMM_CHANNEL_SUMMARY, Map.of("ds", d, "grain", "weekly", "model", "ridge", "channel", ch, "roas_low", 1.5));
      }
    }
    for (LocalDate d : List.of(D1, D2)) {
      for (String cr : List.of("CR0101", "CR0102")) {
        insert(dsl, FCT_CREATIVE_DAILY, Map.of("ds", d, "creative_id", cr, "campaign_id", "C01", "channel", "search",
            "impressions", 200L, "clicks", 10L, "spend", 5.0, "ctr", 0.05));
      }
    }
    MmmFixture.store(dsl, D2);
    insert(dsl, FCT_EXPERIMENT_FIRST_EXPOSURE, Map.of("ds", D1, "campaign_id", "C01", "member_id", "M0000001", "arm", "treatment"));
    insert(dsl, FCT_EXPERIMENT_FIRST_EXPOSURE, Map.of("ds", D1, "campaign_id", "C02", "member_id", "M0000002", "arm", "control"));
  }

  /** One row: the given columns, every other column a neutral value of its type. */
  static void insert(DSLContext dsl, Table<?> table, Map<String, Object> values) {
    Map<Field<?>, Object> row = new HashMap<>();
    for (Field<?> f : table.fields()) {
      Object v = values.get(f.getName());
      if (v == null) {
        Class<?> t = f.getType();
        v = t == String.class ? "x" : t == LocalDate.class ? D1 : t == Long.class ? 0L : t == Integer.class ? 0
            : t == Double.class ? 0.0 : t == BigDecimal.class ? BigDecimal.ZERO : t == Boolean.class ? Boolean.FALSE
            : t == Short.class ? (short) 0 : t == OffsetDateTime.class ? OffsetDateTime.of(2026, 1, 10, 0, 0, 0, 0, ZoneOffset.UTC)
            : null;
      }
      row.put(f, f.getDataType().convert(v));
    }
    dsl.insertInto(table).set(row).execute();
  }
}

package io.triangulate.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of {@code triangulate serve} on Javalin: read endpoints over the marts, activation
 * endpoints into the {@code activation} schema, the OpenAPI document and the dashboard. Every
 * {@code /api} route needs a bearer token; activation needs the operator role and is rate
 * limited per token.
 */
public final class ApiServer implements AutoCloseable {

  public static final String PREFIX = "/api/v1";
  static final String OPENAPI_RESOURCE = "/io/triangulate/serve/openapi.yaml";
  private static final Pattern KEY_RULE = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final RouteRole[] READ = {Role.READER, Role.OPERATOR};

  private final ObjectMapper mapper;
  private final ObjectMapper canonical;
  private final TokenStore tokens;
  private final MartReader reader;
  private final ActivationStore activation;
  private final ChangeRequests requests;
  private final BudgetPlans plans;
  private final TokenBucket writes;
  private final byte[] openapi;
  private final List<String> routes = new ArrayList<>();
  private final Javalin app;

  public ApiServer(DSLContext dsl, TokenBucket writes) {
    this.mapper = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    this.canonical = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    this.tokens = new TokenStore(dsl);
    this.reader = new MartReader(dsl);
    this.activation = new ActivationStore(dsl, mapper);
    this.requests = new ChangeRequests(dsl);
    this.plans = new BudgetPlans(dsl);
    this.writes = writes;
    this.openapi = openapiJson();
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/io/triangulate/serve/dashboard";
                sf.location = Location.CLASSPATH;
              });
              config.staticFiles.enableWebjars();
              config.events(e -> e.handlerAdded(m -> {
                if (m.getHttpMethod() == HandlerType.GET || m.getHttpMethod() == HandlerType.POST) {
                  routes.add(m.getHttpMethod() + " " + m.getPath());
                }
              }));
            });
    app.beforeMatched(this::authorize);
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field(), e.rule()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), null, null));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal error", null, null);
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), null, null);
      }
    });

    app.get("/health", ctx -> send(ctx, 200, Map.of("status", "ok")));
    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));

    read("/campaigns", MartReader.CAMPAIGNS);
    app.get(PREFIX + "/kpis", this::kpis, READ);
    read("/lift", MartReader.LIFT);
    read("/attribution", MartReader.ATTRIBUTION);
    read("/mmm", MartReader.MMM);
    app.get(PREFIX + "/mmm/plan", this::plan, READ);
    read("/creatives", MartReader.CREATIVES);
    read("/recommendations", MartReader.RECOMMENDATIONS);
    app.get(PREFIX + "/alerts",
        ctx -> send(ctx, 200, page(reader.alerts(ReadQuery.parse(ctx.queryParamMap(), MartReader.ALERT_FILTERS)))),
        READ);
    app.get(PREFIX + "/activation/changes", this::changes, READ);

    write("/activation/budget", requests::budget);
    write("/activation/bid-multiplier", requests::bidMultiplier);
    write("/activation/creative-rotation", requests::creativeRotation);
    write("/activation/schedule", requests::schedule);
  }

  /** Starts listening; returns the bound port (an ephemeral one for port 0). */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  /**
   * Builds the budget optimiser of the latest MMM fit in the background, so the dashboard's first
   * slider request does not pay for parsing thousands of posterior draws (12–15 s on the demo).
   */
  public void warmUpPlans() {
    Thread t = new Thread(() -> {
      try {
        plans.plan(null, null, null, null);
      } catch (RuntimeException e) {
        LOG.debug("no budget plan to warm up: {}", e.getMessage());
      }
    }, "plan-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Every GET and POST route, as {@code "GET /api/v1/lift"}. */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  public TokenStore tokens() {
    return tokens;
  }

  public ActivationStore activation() {
    return activation;
  }

  @Override
  public void close() {
    app.stop();
  }

  private void read(String path, MartView view) {
    app.get(PREFIX + path, ctx -> send(ctx, 200, page(reader.read(view, ReadQuery.parse(ctx.queryParamMap(), view.filters().keySet())))), READ);
  }

  private void kpis(Context ctx) {
    Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
    List<String> grain = params.remove("grain");
    String g = grain == null ? "campaign" : grain.size() == 1 ? grain.get(0) : null;
    MartView view;
    if ("campaign".equals(g)) {
      view = MartReader.KPIS_CAMPAIGN;
    } else if ("channel".equals(g)) {
      view = MartReader.KPIS_CHANNEL;
      if (params.containsKey("campaign_id")) {
        throw ApiException.badRequest("campaign_id", "only with grain=campaign");
      }
    } else {
      throw ApiException.badRequest("grain", "campaign or channel, given once");
    }
    send(ctx, 200, page(reader.read(view, ReadQuery.parse(params, view.filters().keySet()))));
  }

  /** The MMM optimiser's allocation of one total budget: the dashboard's budget slider. */
  private void plan(Context ctx) {
    LocalDate ds = null;
    String grain = null;
    String model = null;
    Double budget = null;
    for (var e : ctx.queryParamMap().entrySet()) {
      String v = e.getValue().size() == 1 ? e.getValue().get(0) : null;
      if (v == null) {
        throw ApiException.badRequest(e.getKey(), "given once");
      }
      switch (e.getKey()) {
        case "ds" -> ds = ReadQuery.date("ds", v);
        case "grain" -> grain = v;
        case "model" -> {
          if (!v.equals("ridge") && !v.equals("bayesian")) {
            throw ApiException.badRequest("model", "ridge or bayesian");
          }
          model = v;
        }
        case "budget" -> {
          try {
            budget = Double.parseDouble(v);
          } catch (NumberFormatException ex) {
            throw ApiException.badRequest("budget", "a number");
          }
          if (!Double.isFinite(budget)) {
            throw ApiException.badRequest("budget", "a number");
          }
        }
        default -> throw new ApiException(400, "unknown parameter " + e.getKey(), e.getKey(), "one of budget, ds, grain, model");
      }
    }
    send(ctx, 200, plans.plan(ds, grain, model, budget));
  }

  private void changes(Context ctx) {
    Map<String, List<String>> params = ctx.queryParamMap();
    long since = 0;
    int limit = ReadQuery.DEFAULT_LIMIT;
    boolean pending = false;
    for (var e : params.entrySet()) {
      String v = e.getValue().size() == 1 ? e.getValue().get(0) : null;
      if (v == null) {
        throw ApiException.badRequest(e.getKey(), "given once");
      }
      switch (e.getKey()) {
        case "since" -> since = ReadQuery.integer("since", v, 0, Long.MAX_VALUE);
        case "limit" -> limit = (int) ReadQuery.integer("limit", v, 1, ReadQuery.MAX_LIMIT);
        case "pending" -> {
          if (!v.equals("true") && !v.equals("false")) {
            throw ApiException.badRequest("pending", "true or false");
          }
          pending = v.equals("true");
        }
        default -> throw new ApiException(400, "unknown parameter " + e.getKey(), e.getKey(), "one of since, limit, pending");
      }
    }
    List<JsonNode> data = new ArrayList<>();
    long last = since;
    for (ActivationStore.Change c : activation.changes(since, limit, pending)) {
      data.add(activation.toJson(c));
      last = c.changeId();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", data);
    body.put("next_since", last);
    send(ctx, 200, body);
  }

  private void write(String path, BiFunction<JsonNode, OffsetDateTime, ChangeRequest> check) {
    app.post(PREFIX + path, ctx -> {
      Principal who = ctx.attribute("principal");
      String key = ctx.header("Idempotency-Key");
      if (key == null) {
        throw new ApiException(400, "missing Idempotency-Key header", "Idempotency-Key", "required on every activation request");
      }
      if (!KEY_RULE.matcher(key).matches()) {
        throw ApiException.badRequest("Idempotency-Key", "1 to 200 printable ASCII characters without spaces");
      }
      JsonNode body;
      try {
        body = mapper.readTree(ctx.bodyAsBytes());
      } catch (IOException e) {
        throw ApiException.badRequest("body", "a JSON object");
      }
      if (body == null || !body.isObject()) {
        throw ApiException.badRequest("body", "a JSON object");
      }
      String hash = sha256(ctx.method() + " " + ctx.path() + "\n" + canonical.writeValueAsString(mapper.treeToValue(body, Object.class)));
      var prior = activation.replay(who, key, hash);
      if (prior.isPresent()) {
        respond(ctx, prior.get());
        return;
      }
      // PostgreSQL keeps microseconds: answer what the feed will show.
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      respond(ctx, activation.submit(who, key, hash, check.apply(body, now), now));
    }, Role.OPERATOR);
  }

  private void respond(Context ctx, ActivationStore.Response r) {
    if (r.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    ctx.status(r.status()).contentType("application/json").result(r.body().getBytes(StandardCharsets.UTF_8));
  }

  private void authorize(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null) {
      throw new ApiException(401, "missing API token", "Authorization", "Bearer <token>; create one with `triangulate serve token create`");
    }
    Principal who =
        header.startsWith("Bearer ")
            ? tokens.authenticate(header.substring(7).strip()).orElse(null)
            : null;
    if (who == null) {
      throw new ApiException(401, "invalid or revoked API token", "Authorization", "Bearer <token> of a live token");
    }
    if (!roles.contains(who.role())) {
      throw new ApiException(403, "role " + who.role().label() + " may not call " + ctx.method() + " " + ctx.path(),
          "Authorization", "a token with role operator");
    }
    ctx.attribute("principal", who);
    if (ctx.method() == HandlerType.POST) {
      double wait = writes.take(who.tokenId());
      if (wait > 0) {
        ctx.header("Retry-After", Long.toString((long) Math.ceil(wait)));
        throw new ApiException(429, "too many activation requests", "Authorization", writes.describe());
      }
    }
  }

  private static Map<String, Object> page(MartReader.Page p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", p.data());
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("limit", p.limit());
    page.put("offset", p.offset());
    page.put("next_offset", p.nextOffset());
    body.put("page", page);
    return body;
  }

  private void error(Context ctx, int status, String error, String field, String rule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("field", field);
    body.put("rule", rule);
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    send(ctx, status, body);
  }

  private void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] openapiJson() {
    try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + OPENAPI_RESOURCE + " on the classpath");
      }
      return mapper.writeValueAsBytes(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + OPENAPI_RESOURCE, e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

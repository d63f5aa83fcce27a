package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.CAMPAIGN_DECISIONS;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Checks the body of each activation endpoint, field by field, and turns it into a
 * {@link ChangeRequest}. Every refusal names the field and the rule it breaks.
 */
public final class ChangeRequests {

  /** Person-level ids of the simulator and the warehouse: member, household, device, streaming user, cookie. */
  public static final Pattern PERSON_ID = Pattern.compile("\\b[MHDUK]\\d{7,}\\b");

  static final int MAX_REASON = 500;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final DSLContext dsl;

  public ChangeRequests(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Accept the latest (or {@code ds}'s) recommended budget change, or override it with {@code budget_change}. */
  public ChangeRequest budget(JsonNode body, OffsetDateTime now) {
    Fields f = new Fields(body, Set.of("campaign_id", "decision", "budget_change", "ds", "reason"));
    String campaign = campaign(f);
    String decision = f.oneOf("decision", Set.of("accept", "override"));
    LocalDate ds = f.optionalDate("ds");
    String reason = f.reason();
    var d = CAMPAIGN_DECISIONS;
    Record rec =
        dsl.select(d.DS, d.RECOMMENDATION, d.BUDGET_CHANGE)
            .from(d)
            .where(d.CAMPAIGN_ID.eq(campaign), ds == null ? d.DS.isNotNull() : d.DS.eq(ds))
            .orderBy(d.DS.desc())
            .limit(1)
            .fetchOne();
    ObjectNode payload = JSON.objectNode().put("decision", decision);
    if (rec != null) {
      payload.put("recommendation_ds", rec.get(d.DS).toString());
      payload.put("recommendation", rec.get(d.RECOMMENDATION));
      payload.put("recommended_budget_change", rec.get(d.BUDGET_CHANGE));
    }
    if (decision.equals("accept")) {
      if (body.has("budget_change")) {
        throw ApiException.badRequest("budget_change", "only with decision=override");
      }
      if (rec == null) {
        throw ApiException.badRequest("campaign_id",
            "has a recommendation in marts.campaign_decisions" + (ds == null ? "" : " on " + ds));
      }
      payload.put("budget_change", rec.get(d.BUDGET_CHANGE));
    } else {
      payload.put("budget_change", f.number("budget_change", -1e9, 1e9));
    }
    return new ChangeRequest("budget", campaign, payload, reason, now);
  }

  public ChangeRequest bidMultiplier(JsonNode body, OffsetDateTime now) {
    Fields f = new Fields(body, Set.of("campaign_id", "multiplier", "reason"));
    String campaign = campaign(f);
    ObjectNode payload = JSON.objectNode().put("multiplier", f.number("multiplier", 0.1, 10));
    return new ChangeRequest("bid_multiplier", campaign, payload, f.reason(), now);
  }

  public ChangeRequest creativeRotation(JsonNode body, OffsetDateTime now) {
    Fields f = new Fields(body, Set.of("campaign_id", "from_creative_id", "to_creative_id", "reason"));
    String campaign = campaign(f);
    String to = f.identifier("to_creative_id", true);
    String from = f.identifier("from_creative_id", false);
    if (to.equals(from)) {
      throw ApiException.badRequest("to_creative_id", "differs from from_creative_id");
    }
    ObjectNode payload = JSON.objectNode();
    if (from != null) {
      payload.put("from_creative_id", from);
    }
    payload.put("to_creative_id", to);
    return new ChangeRequest("creative_rotation", campaign, payload, f.reason(), now);
  }

  public ChangeRequest schedule(JsonNode body, OffsetDateTime now) {
    Fields f = new Fields(body, Set.of("campaign_id", "action", "daily_budget", "effective_at", "reason"));
    String campaign = campaign(f);
    String action = f.oneOf("action", Set.of("pause", "resume", "set_daily_budget"));
    ObjectNode payload = JSON.objectNode().put("action", action);
    if (action.equals("set_daily_budget")) {
      payload.put("daily_budget", f.number("daily_budget", 0.01, 1e9));
    } else if (body.has("daily_budget")) {
      throw ApiException.badRequest("daily_budget", "only with action=set_daily_budget");
    }
    OffsetDateTime at = f.instant("effective_at");
    if (!at.isAfter(now)) {
      throw ApiException.badRequest("effective_at", "in the future");
    }
    return new ChangeRequest("schedule", campaign, payload, f.reason(), at);
  }

  private static String plain(double x) {
    return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private String campaign(Fields f) {
    String id = f.identifier("campaign_id", true);
    var c = FCT_CAMPAIGN_TO_DATE;
    if (!dsl.fetchExists(dsl.selectOne().from(c).where(c.CAMPAIGN_ID.eq(id)))) {
      throw ApiException.badRequest("campaign_id", "a campaign in marts.fct_campaign_to_date");
    }
    return id;
  }

  /** The fields of one JSON object body, each read at most once and checked. */
  private static final class Fields {
    private final JsonNode body;

    Fields(JsonNode body, Set<String> allowed) {
      if (body == null || !body.isObject()) {
        throw ApiException.badRequest("body", "a JSON object");
      }
      this.body = body;
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!allowed.contains(e.getKey())) {
          throw new ApiException(400, "unknown field " + e.getKey(), e.getKey(), "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (e.getValue().isTextual() && PERSON_ID.matcher(e.getValue().asText()).find()) {
          throw ApiException.badRequest(e.getKey(), "contains no member or other person identifier");
        }
      }
    }

    String text(String name, boolean required) {
      JsonNode v = body.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          throw ApiException.badRequest(name, "required");
        }
        return null;
      }
      if (!v.isTextual()) {
        throw ApiException.badRequest(name, "a string");
      }
      return v.asText();
    }

    String identifier(String name, boolean required) {
      String v = text(name, required);
      if (v != null && !ReadQuery.IDENTIFIER.matcher(v).matches()) {
        throw ApiException.badRequest(name, ReadQuery.IDENTIFIER_RULE);
      }
      return v;
    }

    String oneOf(String name, Set<String> values) {
      String v = text(name, true);
      if (!values.contains(v)) {
        throw ApiException.badRequest(name, "one of " + String.join(", ", values.stream().sorted().toList()));
      }
      return v;
    }

    String reason() {
      String v = text("reason", true);
      if (v.isBlank() || v.length() > MAX_REASON) {
        throw ApiException.badRequest("reason", "1 to " + MAX_REASON + " characters, not blank");
      }
      return v.strip();
    }

    double number(String name, double min, double max) {
      JsonNode v = body.get(name);
      if (v == null || v.isNull()) {
        throw ApiException.badRequest(name, "required");
      }
      if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min || v.asDouble() > max) {
        throw ApiException.badRequest(name, "a number from " + plain(min) + " to " + plain(max));
      }
      return v.asDouble();
    }

    LocalDate optionalDate(String name) {
      String v = text(name, false);
      return v == null ? null : ReadQuery.date(name, v);
    }

    OffsetDateTime instant(String name) {
      String v = text(name, true);
      try {
        return OffsetDateTime.parse(v);
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(name, "ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z");
      }
    }
  }
}

package io.triangulate.serve;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code activation} schema: change requests (idempotent per token and Idempotency-Key), the
 * changes feed a connector drains, and the audit trail. Every write is one transaction with its
 * audit row.
 */
public final class ActivationStore {

  static final Table<Record> CHANGES = table(name("activation", "changes"));
  static final Field<Long> CHANGE_ID = field(name("change_id"), Long.class);
  static final Field<String> TOKEN_ID = field(name("token_id"), String.class);
  static final Field<String> IDEMPOTENCY_KEY = field(name("idempotency_key"), String.class);
  static final Field<String> REQUEST_HASH = field(name("request_hash"), String.class);
  static final Field<String> KIND = field(name("kind"), String.class);
  static final Field<String> CAMPAIGN_ID = field(name("campaign_id"), String.class);
  static final Field<JSONB> PAYLOAD = field(name("payload"), SQLDataType.JSONB);
  static final Field<String> REASON = field(name("reason"), String.class);
  static final Field<String> REQUESTED_BY = field(name("requested_by"), String.class);
  static final Field<OffsetDateTime> REQUESTED_AT = field(name("requested_at"), OffsetDateTime.class);
  static final Field<OffsetDateTime> EFFECTIVE_AT = field(name("effective_at"), OffsetDateTime.class);
  static final Field<Integer> RESPONSE_STATUS = field(name("response_status"), Integer.class);
  static final Field<String> RESPONSE_BODY = field(name("response_body"), String.class);
  static final Field<OffsetDateTime> APPLIED_AT = field(name("applied_at"), OffsetDateTime.class);
  static final Field<String> APPLIED_BY = field(name("applied_by"), String.class);

  static final Table<Record> AUDIT = table(name("activation", "audit"));

  /** One stored change, as the feed serves it and a connector applies it. */
  public record Change(
      long changeId, String kind, String campaignId, JsonNode payload, String reason, String requestedBy,
      OffsetDateTime requestedAt, OffsetDateTime effectiveAt, OffsetDateTime appliedAt, String appliedBy) {}

  /** The answer to a change request; {@code replayed} when it repeats an earlier one. */
  public record Response(int status, String body, boolean replayed) {}

  private final DSLContext dsl;
  private final ObjectMapper mapper;

  public ActivationStore(DSLContext dsl, ObjectMapper mapper) {
    this.dsl = dsl;
    this.mapper = mapper;
  }

  /** The stored answer for this token and key, if any: replayed if the request is the same, else 409. */
  public Optional<Response> replay(Principal who, String key, String requestHash) {
    Record r =
        dsl.select(REQUEST_HASH, RESPONSE_STATUS, RESPONSE_BODY)
            .from(CHANGES)
            .where(TOKEN_ID.eq(who.tokenId()), IDEMPOTENCY_KEY.eq(key))
            .fetchOne();
    if (r == null) {
      return Optional.empty();
    }
    if (!r.get(REQUEST_HASH).equals(requestHash)) {
      throw new ApiException(409, "Idempotency-Key already used for a different request", "Idempotency-Key",
          "one key per request: the same key must come with the same method, path and body");
    }
    return Optional.of(new Response(r.get(RESPONSE_STATUS), r.get(RESPONSE_BODY), true));
  }

  /**
   * Stores a new change with its audit row and returns 201 with the change. A concurrent request
   * with the same key that committed first wins; this one then replays (or conflicts with) it.
   */
  public Response submit(Principal who, String key, String requestHash, ChangeRequest req, OffsetDateTime now) {
    Optional<Response> created =
        dsl.transactionResult(
            tx -> {
              DSLContext t = tx.dsl();
              Optional<Long> id =
                  t.insertInto(CHANGES)
                      .columns(TOKEN_ID, IDEMPOTENCY_KEY, REQUEST_HASH, KIND, CAMPAIGN_ID, PAYLOAD, REASON,
                          REQUESTED_BY, REQUESTED_AT, EFFECTIVE_AT, RESPONSE_STATUS, RESPONSE_BODY)
                      .values(who.tokenId(), key, requestHash, req.kind(), req.campaignId(), jsonb(req.payload()),
                          req.reason(), who.name(), now, req.effectiveAt(), 201, "{}")
                      .onConflict(TOKEN_ID, IDEMPOTENCY_KEY)
                      .doNothing()
                      .returningResult(CHANGE_ID)
                      .fetchOptional(CHANGE_ID);
              if (id.isEmpty()) {
                return Optional.<Response>empty();
              }
              Change change = new Change(id.get(), req.kind(), req.campaignId(), req.payload(), req.reason(),
                  who.name(), now, req.effectiveAt(), null, null);
              String body = write(toJson(change));
              t.update(CHANGES).set(RESPONSE_BODY, body).where(CHANGE_ID.eq(id.get())).execute();
              audit(t, now, who.name(), "change_requested", id.get(), JSONB.valueOf(body));
              return Optional.of(new Response(201, body, false));
            });
    return created.orElseGet(
        () -> replay(who, key, requestHash)
            .orElseThrow(() -> new IllegalStateException("change for key " + key + " vanished")));
  }

  /** Changes after {@code since} in change_id order; only unapplied ones when {@code pendingOnly}. */
  public List<Change> changes(long since, int limit, boolean pendingOnly) {
    return query(CHANGE_ID.gt(since).and(pendingOnly ? APPLIED_AT.isNull() : DSL.noCondition()), limit);
  }

  private List<Change> query(Condition where, int limit) {
    var rows =
        dsl.select(CHANGE_ID, KIND, CAMPAIGN_ID, PAYLOAD, REASON, REQUESTED_BY, REQUESTED_AT, EFFECTIVE_AT,
                APPLIED_AT, APPLIED_BY)
            .from(CHANGES)
            .where(where)
            .orderBy(CHANGE_ID)
            .limit(limit)
            .fetch();
    List<Change> out = new ArrayList<>(rows.size());
    for (Record r : rows) {
      out.add(new Change(r.get(CHANGE_ID), r.get(KIND), r.get(CAMPAIGN_ID), read(r.get(PAYLOAD).data()),
          r.get(REASON), r.get(REQUESTED_BY), utc(r.get(REQUESTED_AT)), utc(r.get(EFFECTIVE_AT)),
          utc(r.get(APPLIED_AT)), r.get(APPLIED_BY)));
    }
    return out;
  }

  /** Changes a connector should apply now: unapplied and due, oldest first. */
  public List<Change> due(OffsetDateTime now, int limit) {
    return query(APPLIED_AT.isNull().and(EFFECTIVE_AT.le(now)), limit);
  }

  /** Marks a change applied by {@code connector}, with its audit row; false if it already was. */
  public boolean markApplied(long changeId, String connector, OffsetDateTime now) {
    return dsl.transactionResult(
        tx -> {
          int n = tx.dsl().update(CHANGES).set(APPLIED_AT, now).set(APPLIED_BY, connector)
              .where(CHANGE_ID.eq(changeId), APPLIED_AT.isNull()).execute();
          if (n == 1) {
            audit(tx.dsl(), now, connector, "change_applied", changeId, JSONB.valueOf("{\"connector\":" + mapper.writeValueAsString(connector) + "}"));
          }
          return n == 1;
        });
  }

  static void audit(DSLContext t, OffsetDateTime at, String actor, String action, Long changeId, JSONB detail) {
    t.insertInto(AUDIT)
        .columns(field(name("at"), OffsetDateTime.class), field(name("actor"), String.class),
            field(name("action"), String.class), field(name("change_id"), Long.class),
            field(name("detail"), SQLDataType.JSONB))
        .values(at, actor, action, changeId, detail)
        .execute();
  }

  public ObjectNode toJson(Change c) {
    ObjectNode n = mapper.createObjectNode();
    n.put("change_id", c.changeId());
    n.put("kind", c.kind());
    n.put("campaign_id", c.campaignId());
    n.set("payload", c.payload());
    n.put("reason", c.reason());
    n.put("requested_by", c.requestedBy());
    n.put("requested_at", c.requestedAt().toString());
    n.put("effective_at", c.effectiveAt().toString());
    n.put("status", c.appliedAt() == null ? "pending" : "applied");
    if (c.appliedAt() != null) {
      n.put("applied_at", c.appliedAt().toString());
      n.put("applied_by", c.appliedBy());
    }
    return n;
  }

  private static OffsetDateTime utc(OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private JSONB jsonb(JsonNode n) {
    return JSONB.valueOf(write(n));
  }

  private String write(JsonNode n) {
    try {
      return mapper.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String s) {
    try {
      return mapper.readTree(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("activation.changes holds invalid JSON", e);
    }
  }
}

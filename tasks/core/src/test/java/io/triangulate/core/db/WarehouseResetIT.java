package io.triangulate.core.db;

import static io.triangulate.db.activation.Tables.API_TOKENS;
import static io.triangulate.db.activation.Tables.AUDIT;
import static io.triangulate.db.activation.Tables.CHANGES;
import static io.triangulate.db.ops.Tables.TASK_RUNS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.triangulate.core.testing.EmbeddedDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's reset empties every data schema, the activation tables included, and restarts ids. */
class WarehouseResetIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  @Test
  void emptiesActivationWithTheOtherSchemas() {
    DSLContext dsl = DB.dsl();
    long first = activationRows(dsl);
    dsl.insertInto(TASK_RUNS).set(TASK_RUNS.TASK, "build").set(TASK_RUNS.DS, java.time.LocalDate.of(2026, 1, 5))
        .set(TASK_RUNS.STARTED_AT, OffsetDateTime.now(ZoneOffset.UTC)).set(TASK_RUNS.STATUS, "succeeded").execute();
    assertEquals(1, dsl.fetchCount(TASK_RUNS));

    WarehouseReset.truncateAll(dsl);

    for (var table : java.util.List.of(API_TOKENS, CHANGES, AUDIT, TASK_RUNS)) {
      assertEquals(0, dsl.fetchCount(table), table.getName());
    }
    // Identities restart: the next world's first change is change 1 again, as it was here.
    assertEquals(first, activationRows(dsl));
  }

  /** One token, one change and its audit row, through the generated activation classes; the change id. */
  private static long activationRows(DSLContext dsl) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    dsl.insertInto(API_TOKENS).set(API_TOKENS.TOKEN_ID, "0123456789ab").set(API_TOKENS.NAME, "reset test")
        .set(API_TOKENS.ROLE, "operator").set(API_TOKENS.SALT, new byte[16]).set(API_TOKENS.SECRET_HASH, new byte[32])
        .set(API_TOKENS.CREATED_AT, now).execute();
    long id = dsl.insertInto(CHANGES).set(CHANGES.TOKEN_ID, "0123456789ab").set(CHANGES.IDEMPOTENCY_KEY, "k1")
        .set(CHANGES.REQUEST_HASH, "h").set(CHANGES.KIND, "budget").set(CHANGES.CAMPAIGN_ID, "C01")
        .set(CHANGES.PAYLOAD, JSONB.valueOf("{\"budget_change\": 10}")).set(CHANGES.REASON, "r")
        .set(CHANGES.REQUESTED_BY, "reset test").set(CHANGES.REQUESTED_AT, now).set(CHANGES.EFFECTIVE_AT, now)
        .set(CHANGES.RESPONSE_STATUS, 201).set(CHANGES.RESPONSE_BODY, "{}")
        .returning(CHANGES.CHANGE_ID).fetchOne(CHANGES.CHANGE_ID);
    dsl.insertInto(AUDIT).set(AUDIT.AT, now).set(AUDIT.ACTOR, "reset test").set(AUDIT.ACTION, "change_requested")
        .set(AUDIT.CHANGE_ID, id).set(AUDIT.DETAIL, JSONB.valueOf("{}")).execute();
    assertEquals(1, dsl.fetchCount(AUDIT));
    return id;
  }
}

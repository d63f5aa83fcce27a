package io.triangulate.serve;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/**
 * API tokens in {@code activation.api_tokens}. A token reads {@code trg_<id>_<secret>}: the id is
 * public (it names the token in rows and logs), the 32-byte secret is shown once at creation and
 * only SHA-256(salt || secret) with a 16-byte random salt is stored. Valid tokens are remembered
 * for {@link #CACHE_NANOS} so reads do not pay a lookup each; a revocation takes effect within it.
 */
public final class TokenStore {

  static final Table<Record> TOKENS = table(name("activation", "api_tokens"));
  static final Field<String> TOKEN_ID = field(name("token_id"), String.class);
  static final Field<String> NAME = field(name("name"), String.class);
  static final Field<String> ROLE = field(name("role"), String.class);
  static final Field<byte[]> SALT = field(name("salt"), byte[].class);
  static final Field<byte[]> SECRET_HASH = field(name("secret_hash"), byte[].class);
  static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
  static final Field<OffsetDateTime> REVOKED_AT = field(name("revoked_at"), OffsetDateTime.class);

  static final long CACHE_NANOS = 30_000_000_000L;
  private static final Pattern SHAPE = Pattern.compile("trg_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
  private static final Pattern NAME_RULE = Pattern.compile("[A-Za-z0-9 ._@-]{1,64}");

  private final DSLContext dsl;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Principal principal, long until) {}

  /** A created token: the clear text (shown once) and who holds it. */
  public record Created(String token, Principal principal) {}

  public TokenStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Created create(Role role, String holder) {
    if (holder == null || !NAME_RULE.matcher(holder).matches()) {
      throw new IllegalArgumentException(
          "--name must be 1 to 64 letters, digits, spaces or . _ @ - (got '" + holder + "')");
    }
    byte[] idBytes = new byte[6];
    byte[] secret = new byte[32];
    byte[] salt = new byte[16];
    random.nextBytes(idBytes);
    random.nextBytes(secret);
    random.nextBytes(salt);
    String id = HexFormat.of().formatHex(idBytes);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    dsl.transaction(
        tx -> {
          tx.dsl()
              .insertInto(TOKENS, TOKEN_ID, NAME, ROLE, SALT, SECRET_HASH, CREATED_AT)
              .values(id, holder, role.label(), salt, hash(salt, secretText), now)
              .execute();
          ActivationStore.audit(tx.dsl(), now, "cli", "token_created", null,
              JSONB.valueOf("{\"token_id\":\"" + id + "\",\"role\":\"" + role.label() + "\"}"));
        });
    return new Created("trg_" + id + "_" + secretText, new Principal(id, holder, role));
  }

  /** Revokes a token by id; returns whether it existed and was live. */
  public boolean revoke(String tokenId) {
    cache.values().removeIf(c -> c.principal().tokenId().equals(tokenId));
    return dsl.update(TOKENS)
            .set(REVOKED_AT, OffsetDateTime.now(ZoneOffset.UTC))
            .where(TOKEN_ID.eq(tokenId), REVOKED_AT.isNull())
            .execute()
        == 1;
  }

  /** The principal of a live token; empty for anything malformed, unknown, revoked or wrong. */
  public Optional<Principal> authenticate(String token) {
    if (token == null) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    Cached hit = cache.get(token);
    if (hit != null && now - hit.until() < 0) {
      return Optional.of(hit.principal());
    }
    var m = SHAPE.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    Record r =
        dsl.select(NAME, ROLE, SALT, SECRET_HASH)
            .from(TOKENS)
            .where(TOKEN_ID.eq(m.group(1)), REVOKED_AT.isNull())
            .fetchOne();
    if (r == null || !MessageDigest.isEqual(r.get(SECRET_HASH), hash(r.get(SALT), m.group(2)))) {
      return Optional.empty();
    }
    Principal p = new Principal(m.group(1), r.get(NAME), Role.parse(r.get(ROLE)));
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(token, new Cached(p, now + CACHE_NANOS));
    return Optional.of(p);
  }

  static byte[] hash(byte[] salt, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(secret.getBytes(StandardCharsets.US_ASCII));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

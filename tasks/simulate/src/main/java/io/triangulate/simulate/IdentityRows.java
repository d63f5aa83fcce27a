package io.triangulate.simulate;

import io.triangulate.simulate.config.IdentityConfig;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Rows of {@code identity_links.csv} (the partial identity graph) and of the {@code identity.csv}
 * truth (who is behind every id).
 *
 * <p>Each potential link (cookie → member, member → household, device → household, streaming user
 * → member, cookie → device) exists with its configured share, drawn per id. An existing link is
 * written once, on the day it is observed: the world's first day for
 * {@code linked_before_start_share} of them, otherwise a day drawn uniformly over the period. So a
 * link never repeats across days, any day's rows can be generated alone, and the graph fills in
 * as the period goes on. Non-member ids of a configured share of rows are written in lower case.
 */
final class IdentityRows {

  private static final int FLUSH_AT = 1 << 16;

  private static final int COOKIE_MEMBER = 0;
  private static final int MEMBER_HOUSEHOLD = 1;
  private static final int DEVICE_HOUSEHOLD = 2;
  private static final int USER_MEMBER = 3;
  private static final int COOKIE_DEVICE = 4;

  private final World world;
  private final IdentityConfig config;
  private final long linkKey;
  /** Per link kind and id: the day index its link is observed on, -1 if never linked. */
  private final short[][] observedDay = new short[5][];

  IdentityRows(World world) {
    this.world = world;
    this.config = world.config.identity();
    this.linkKey = Draws.key(world.config.seed(), Draws.IDENTITY_LINK);
    // Drawn once per world: scanning small arrays each day is far cheaper than re-hashing every id.
    Identities ids = world.identities;
    observedDay[COOKIE_MEMBER] = observedDays(COOKIE_MEMBER, ids.cookies, config.cookieLoginShare());
    observedDay[MEMBER_HOUSEHOLD] = observedDays(MEMBER_HOUSEHOLD, world.members.count, config.householdRegistrationShare());
    observedDay[DEVICE_HOUSEHOLD] = observedDays(DEVICE_HOUSEHOLD, ids.devices, config.devicePairingShare());
    observedDay[USER_MEMBER] = observedDays(USER_MEMBER, ids.users, config.streamingLoginShare());
    observedDay[COOKIE_DEVICE] = observedDays(COOKIE_DEVICE, ids.cookies, config.cookieDeviceShare());
  }

  private short[] observedDays(int kind, int count, double share) {
    short[] days = new short[count];
    java.util.stream.IntStream.range(0, count).parallel().forEach(entity -> {
      long h = hash(kind, entity);
      if (Draws.uniform(h) >= share) {
        days[entity] = -1;
        return;
      }
      days[entity] = (short) (Draws.uniform(Draws.then(h, 1)) < config.linkedBeforeStartShare()
          ? 0
          : Draws.below(Draws.then(h, 2), world.config.days()));
    });
    return days;
  }

  private long hash(int kind, int entity) {
    return Draws.then(Draws.then(linkKey, kind), entity);
  }

  /** Links observed on {@code day}. */
  long links(Writer out, LocalDate day) throws IOException {
    Identities ids = world.identities;
    int dayIndex = (int) (day.toEpochDay() - world.config.startDate().toEpochDay());
    String date = day.toString();
    StringBuilder sb = new StringBuilder(FLUSH_AT + 256);
    long rows = 0;
    for (int c = 0; c < ids.cookies; c++) {
      long h = observedOn(COOKIE_MEMBER, c, config.cookieLoginShare(), dayIndex);
      if (h != 0) {
        link(sb, 'K', c, h, "cookie", 'M', ids.cookieMember[c], "member", "login", date);
        rows++;
      }
      h = observedOn(COOKIE_DEVICE, c, config.cookieDeviceShare(), dayIndex);
      if (h != 0) {
        int household = ids.householdOf[ids.cookieMember[c]];
        int first = ids.deviceFirst[household];
        int device = first + Draws.below(Draws.then(h, 9), ids.deviceFirst[household + 1] - first);
        link(sb, 'K', c, h, "cookie", 'D', device, "device", "device_graph", date);
        rows++;
      }
      sb = flushed(out, sb);
    }
    for (int i = 0; i < world.members.count; i++) {
      long h = observedOn(MEMBER_HOUSEHOLD, i, config.householdRegistrationShare(), dayIndex);
      if (h != 0) {
        link(sb, 'M', i, h, "member", 'H', ids.householdOf[i], "household", "household_registration", date);
        rows++;
      }
      sb = flushed(out, sb);
    }
    for (int d = 0; d < ids.devices; d++) {
      long h = observedOn(DEVICE_HOUSEHOLD, d, config.devicePairingShare(), dayIndex);
      if (h != 0) {
        link(sb, 'D', d, h, "device", 'H', ids.deviceHousehold[d], "household", "device_pairing", date);
        rows++;
      }
      sb = flushed(out, sb);
    }
    for (int u = 0; u < ids.users; u++) {
      long h = observedOn(USER_MEMBER, u, config.streamingLoginShare(), dayIndex);
      if (h != 0) {
        link(sb, 'U', u, h, "streaming_user", 'M', ids.userMember[u], "member", "streaming_login", date);
        rows++;
      }
      sb = flushed(out, sb);
    }
    out.append(sb);
    return rows;
  }

  /** The link's hash if the id of {@code kind} is linked and its link is observed on day index {@code dayIndex}, else 0. */
  private long observedOn(int kind, int entity, double share, int dayIndex) {
    return observedDay[kind][entity] == dayIndex ? hash(kind, entity) : 0;
  }

  private void link(StringBuilder sb, char aPrefix, int a, long h, String aType, char bPrefix, int b, String bType,
      String source, String date) {
    boolean lower = Draws.uniform(Draws.then(h, 3)) < config.lowerCaseIdRate();
    Ids.append(sb, lower && aPrefix != 'M' ? Character.toLowerCase(aPrefix) : aPrefix, a);
    sb.append(',').append(aType).append(',');
    Ids.append(sb, lower && bPrefix != 'M' ? Character.toLowerCase(bPrefix) : bPrefix, b);
    sb.append(',').append(bType).append(',').append(source).append(',').append(date).append('\n');
  }

  /** truth.identity: every id of every type with its member and household (a household's first member for shared ids). */
  long truth(Writer out) throws IOException {
    Identities ids = world.identities;
    StringBuilder sb = new StringBuilder(FLUSH_AT + 256);
    long rows = 0;
    for (int i = 0; i < world.members.count; i++) {
      truthRow(sb, "member", 'M', i, i, ids.householdOf[i]);
      sb = flushed(out, sb);
    }
    for (int h = 0; h < ids.households; h++) {
      truthRow(sb, "household", 'H', h, ids.firstMember(h), h);
      sb = flushed(out, sb);
    }
    for (int d = 0; d < ids.devices; d++) {
      int h = ids.deviceHousehold[d];
      truthRow(sb, "device", 'D', d, ids.firstMember(h), h);
      sb = flushed(out, sb);
    }
    for (int u = 0; u < ids.users; u++) {
      int m = ids.userMember[u];
      truthRow(sb, "streaming_user", 'U', u, m, ids.householdOf[m]);
      sb = flushed(out, sb);
    }
    for (int c = 0; c < ids.cookies; c++) {
      int m = ids.cookieMember[c];
      truthRow(sb, "cookie", 'K', c, m, ids.householdOf[m]);
      sb = flushed(out, sb);
    }
    rows += world.members.count + (long) ids.households + ids.devices + ids.users + ids.cookies;
    out.append(sb);
    return rows;
  }

  private static void truthRow(StringBuilder sb, String type, char prefix, int id, int member, int household) {
    sb.append(type).append(',');
    Ids.append(sb, prefix, id);
    sb.append(',');
    Ids.append(sb, 'M', member);
    sb.append(',');
    Ids.append(sb, 'H', household);
    sb.append('\n');
  }

  private static StringBuilder flushed(Writer out, StringBuilder sb) throws IOException {
    if (sb.length() >= FLUSH_AT) {
      out.append(sb);
      sb.setLength(0);
    }
    return sb;
  }
}

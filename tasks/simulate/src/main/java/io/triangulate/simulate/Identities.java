package io.triangulate.simulate;

import io.triangulate.simulate.config.IdentityConfig;
import java.util.Arrays;
import java.util.List;

/**
 * Who is behind every id of the fragmented sources: households of members of one region, the
 * household's streaming/CTV devices, members' streaming-service user ids and web cookies. Ids are
 * numbered in member order and every draw depends on the seed and the entity's number only, so
 * a bigger world starts with the same households, devices and cookies as a smaller one.
 *
 * <p>Relations are compressed arrays: the members of household h are
 * {@code householdMember[householdFirst[h] .. householdFirst[h+1])}, its devices are device numbers
 * {@code deviceFirst[h] .. deviceFirst[h+1]}, the cookies of member i are
 * {@code cookieFirst[i] .. cookieFirst[i+1]}.
 */
final class Identities {

  final int households;
  final int[] householdOf;
  final int[] householdFirst;
  final int[] householdMember;
  final int devices;
  final int[] deviceFirst;
  final int[] deviceHousehold;
  final int users;
  /** Streaming user number of each member, -1 for none. */
  final int[] userOf;
  final int[] userMember;
  final int cookies;
  final int[] cookieFirst;
  final int[] cookieMember;

  private Identities(Members members, IdentityConfig config, long seed) {
    int n = members.count;
    householdOf = new int[n];
    int regions = Segments.REGIONS.size();
    int[] open = new int[regions];
    int[] openRoom = new int[regions];
    Arrays.fill(open, -1);
    long householdKey = Draws.key(seed, Draws.HOUSEHOLD);
    double[] sizeCumulative = cumulative(config.householdSizeWeights());
    int[] sizeCount = new int[Math.max(16, n / 2)];
    int h = 0;
    // Members join the open household of their region until it is full: one pass, in member order.
    for (int i = 0; i < n; i++) {
      int r = members.region[i];
      if (openRoom[r] == 0) {
        open[r] = h;
        openRoom[r] = 1 + Draws.category(sizeCumulative, Draws.uniform(Draws.then(Draws.then(householdKey, h), 0)));
        if (h == sizeCount.length) {
          sizeCount = Arrays.copyOf(sizeCount, sizeCount.length * 2);
        }
        h++;
      }
      householdOf[i] = open[r];
      sizeCount[open[r]]++;
      openRoom[r]--;
    }
    households = h;
    householdFirst = new int[households + 1];
    for (int k = 0; k < households; k++) {
      householdFirst[k + 1] = householdFirst[k] + sizeCount[k];
    }
    householdMember = new int[n];
    int[] fill = Arrays.copyOf(householdFirst, households);
    for (int i = 0; i < n; i++) {
      householdMember[fill[householdOf[i]]++] = i;
    }

    double[] deviceCumulative = cumulative(config.devicesPerHouseholdWeights());
    deviceFirst = new int[households + 1];
    for (int k = 0; k < households; k++) {
      int count = 1 + Draws.category(deviceCumulative, Draws.uniform(Draws.then(Draws.then(householdKey, k), 1)));
      deviceFirst[k + 1] = deviceFirst[k] + count;
    }
    devices = deviceFirst[households];
    deviceHousehold = new int[devices];
    for (int k = 0; k < households; k++) {
      Arrays.fill(deviceHousehold, deviceFirst[k], deviceFirst[k + 1], k);
    }

    long identityKey = Draws.key(seed, Draws.IDENTITY);
    double[] cookieCumulative = cumulative(config.cookiesPerMemberWeights());
    userOf = new int[n];
    cookieFirst = new int[n + 1];
    int u = 0;
    for (int i = 0; i < n; i++) {
      long m = Draws.then(identityKey, i);
      userOf[i] = Draws.uniform(Draws.then(m, 0)) < config.streamingUserShare() ? u++ : -1;
      cookieFirst[i + 1] = cookieFirst[i] + 1 + Draws.category(cookieCumulative, Draws.uniform(Draws.then(m, 1)));
    }
    users = u;
    userMember = new int[users];
    for (int i = 0; i < n; i++) {
      if (userOf[i] >= 0) {
        userMember[userOf[i]] = i;
      }
    }
    cookies = cookieFirst[n];
    cookieMember = new int[cookies];
    for (int i = 0; i < n; i++) {
      Arrays.fill(cookieMember, cookieFirst[i], cookieFirst[i + 1], i);
    }
  }

  static Identities build(Members members, IdentityConfig config, long seed) {
    return new Identities(members, config, seed);
  }

  int householdSize(int household) {
    return householdFirst[household + 1] - householdFirst[household];
  }

  /** The household's first member: who truth.identity names for a household or a shared device. */
  int firstMember(int household) {
    return householdMember[householdFirst[household]];
  }

  private static double[] cumulative(List<Double> weights) {
    double[] result = new double[weights.size()];
    double sum = 0;
    for (int k = 0; k < result.length; k++) {
      sum += weights.get(k);
      result[k] = sum;
    }
    for (int k = 0; k < result.length; k++) {
      result[k] /= sum;
    }
    return result;
  }
}

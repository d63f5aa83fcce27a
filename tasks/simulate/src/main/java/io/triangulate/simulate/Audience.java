package io.triangulate.simulate;

/**
 * The members a campaign targets (ascending member indexes), their randomized arm and their daily
 * ad-opportunity probability. Parallel primitive arrays: about 9 bytes per targeted member.
 */
final class Audience {

  final int[] member;
  final boolean[] treated;
  final float[] opportunity;

  Audience(int[] member, boolean[] treated, float[] opportunity) {
    this.member = member;
    this.treated = treated;
    this.opportunity = opportunity;
  }

  int size() {
    return member.length;
  }

  int treatedCount() {
    int n = 0;
    for (boolean t : treated) {
      n += t ? 1 : 0;
    }
    return n;
  }
}

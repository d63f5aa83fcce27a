package io.triangulate.simulate;

/**
 * Identifiers of simulated entities, derived from their index so that any day can name any entity
 * without state: advertiser {@code A01}, campaign {@code C03}, creative {@code CR0302} (campaign 3,
 * creative 2), member {@code M0000001}, household {@code H0000001}, device {@code D0000001},
 * streaming user {@code U0000001}, cookie {@code K0000001}. Numbers are 1-based and zero-padded; wider worlds get
 * wider numbers.
 */
public final class Ids {

  static final int MEMBER_DIGITS = 7;

  private Ids() {}

  public static String advertiser(int index, int count) {
    return "A" + padded(index + 1, width(count));
  }

  public static String campaign(int index, int count) {
    return "C" + padded(index + 1, width(count));
  }

  public static String creative(int campaignIndex, int campaignCount, int creativeIndex) {
    return "CR" + padded(campaignIndex + 1, width(campaignCount)) + padded(creativeIndex + 1, 2);
  }

  public static String member(int index) {
    return "M" + padded(index + 1, MEMBER_DIGITS);
  }

  public static String household(int index) {
    return "H" + padded(index + 1, MEMBER_DIGITS);
  }

  public static String device(int index) {
    return "D" + padded(index + 1, MEMBER_DIGITS);
  }

  public static String streamingUser(int index) {
    return "U" + padded(index + 1, MEMBER_DIGITS);
  }

  public static String cookie(int index) {
    return "K" + padded(index + 1, MEMBER_DIGITS);
  }

  /** Appends {@code prefix} and the zero-padded 1-based number of {@code index}: the ids above, without a String. */
  static void append(StringBuilder sb, char prefix, int index) {
    sb.append(prefix);
    Csv.padded(sb, index + 1L, MEMBER_DIGITS);
  }

  /** The 0-based index of a member id written by {@link #member(int)}. */
  public static int memberIndex(String memberId) {
    return Integer.parseInt(memberId.substring(1)) - 1;
  }

  static int width(int count) {
    return Math.max(2, Integer.toString(count).length());
  }

  private static String padded(int value, int width) {
    StringBuilder sb = new StringBuilder(width + 2);
    Csv.padded(sb, value, width);
    return sb.toString();
  }
}

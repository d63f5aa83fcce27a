package io.triangulate.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compact assertions on one channel's credit. */
public final class CreditAssertions {

  private CreditAssertions() {}

  public static void assertCredit(ModelCredits credits, String channel, double conversions, double value, double tolerance) {
    ChannelCredit credit = credits.channel(channel);
    assertEquals(conversions, credit.conversions(), tolerance, credits.model() + " conversions of " + channel);
    assertEquals(value, credit.value(), tolerance, credits.model() + " value of " + channel);
  }
}

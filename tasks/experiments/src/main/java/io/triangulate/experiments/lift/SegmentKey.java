package io.triangulate.experiments.lift;

import java.util.Comparator;

/**
 * Which slice of which campaign a lift describes: segment type {@code all} (value {@code all}) is the
 * whole campaign; other types ({@code region}, {@code age_band}, {@code loyalty_tier}) cut it by
 * member attributes.
 */
public record SegmentKey(String campaignId, String segmentType, String segmentValue) implements Comparable<SegmentKey> {

  public static final String WHOLE_CAMPAIGN = "all";

  private static final Comparator<SegmentKey> ORDER =
      Comparator.comparing(SegmentKey::campaignId)
          .thenComparing(SegmentKey::segmentType)
          .thenComparing(SegmentKey::segmentValue);

  public boolean isWholeCampaign() {
    return WHOLE_CAMPAIGN.equals(segmentType);
  }

  @Override
  public int compareTo(SegmentKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return campaignId + " " + segmentType + "=" + segmentValue;
  }
}

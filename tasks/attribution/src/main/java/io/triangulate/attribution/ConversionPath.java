package io.triangulate.attribution;

import java.util.Arrays;

/**
 * One distinct path to purchase with its aggregated outcome: how many journeys that followed it
 * converted (and for how much), and how many ended without converting ("nulls").
 *
 * <p>Counts are doubles so that weighted or scaled path sets work too; aggregated files hold whole
 * numbers. The arrays are shared, not copied, because path sets hold hundreds of thousands of
 * them; nobody mutates them after construction.
 *
 * @param channels touchpoints in time order, as indices into {@link PathSet#channels()}
 * @param conversions journeys on this path that converted
 * @param value total conversion value of those journeys
 * @param nulls journeys on this path that did not convert
 * @param touchAgesDays optional: per touch, days between the touch and the conversion (or the end
 *     of the journey); {@code null} when the source has no timestamps
 */
public record ConversionPath(int[] channels, double conversions, double value, double nulls, double[] touchAgesDays) {

  public ConversionPath {
    if (channels == null || channels.length == 0) {
      throw new IllegalArgumentException("a path needs at least one touchpoint");
    }
    for (int channel : channels) {
      if (channel < 0) {
        throw new IllegalArgumentException("channel index must be >= 0, got " + channel);
      }
    }
    requireCount("conversions", conversions);
    requireCount("nulls", nulls);
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("value must be a finite number >= 0, got " + value);
    }
    if (touchAgesDays != null) {
      if (touchAgesDays.length != channels.length) {
        throw new IllegalArgumentException(
            "touch ages: " + touchAgesDays.length + " values for " + channels.length + " touchpoints");
      }
      for (double age : touchAgesDays) {
        if (!Double.isFinite(age) || age < 0) {
          throw new IllegalArgumentException("touch age must be a finite number of days >= 0, got " + age);
        }
      }
    }
  }

  public ConversionPath(int[] channels, double conversions, double value, double nulls) {
    this(channels, conversions, value, nulls, null);
  }

  private static void requireCount(String name, double count) {
    if (!Double.isFinite(count) || count < 0) {
      throw new IllegalArgumentException(name + " must be a finite count >= 0, got " + count);
    }
  }

  public int length() {
    return channels.length;
  }

  /** Journeys that followed this path, converting or not. */
  public double journeys() {
    return conversions + nulls;
  }

  public boolean hasTouchAges() {
    return touchAgesDays != null;
  }

  @Override
  public String toString() {
    return "ConversionPath" + Arrays.toString(channels) + " conv=" + conversions + " value=" + value + " nulls=" + nulls;
  }
}

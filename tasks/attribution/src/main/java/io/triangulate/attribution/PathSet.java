package io.triangulate.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of every attribution model: named channels and the distinct paths over them. Paths
 * refer to channels by index so that models work on compact int arrays.
 */
public final class PathSet {

  private final List<String> channels;
  private final List<ConversionPath> paths;

  public PathSet(List<String> channels, List<ConversionPath> paths) {
    this.channels = List.copyOf(channels);
    this.paths = Collections.unmodifiableList(new ArrayList<>(paths));
    for (ConversionPath path : this.paths) {
      for (int channel : path.channels()) {
        if (channel >= this.channels.size()) {
          throw new IllegalArgumentException(
              "path refers to channel " + channel + " but only " + this.channels.size() + " channels are named");
        }
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> channels() {
    return channels;
  }

  public int channelCount() {
    return channels.size();
  }

  public String channel(int index) {
    return channels.get(index);
  }

  public List<ConversionPath> paths() {
    return paths;
  }

  public int size() {
    return paths.size();
  }

  public double totalConversions() {
    double sum = 0;
    for (ConversionPath path : paths) {
      sum += path.conversions();
    }
    return sum;
  }

  public double totalValue() {
    double sum = 0;
    for (ConversionPath path : paths) {
      sum += path.value();
    }
    return sum;
  }

  public double totalNulls() {
    double sum = 0;
    for (ConversionPath path : paths) {
      sum += path.nulls();
    }
    return sum;
  }

  /** True when every path carries per-touch ages, which time-decay attribution needs. */
  public boolean hasTouchAges() {
    if (paths.isEmpty()) {
      return false;
    }
    for (ConversionPath path : paths) {
      if (!path.hasTouchAges()) {
        return false;
      }
    }
    return true;
  }

  /** Collects paths given by channel names, numbering channels in order of first appearance. */
  public static final class Builder {
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<ConversionPath> paths = new ArrayList<>();

    /** The index of a channel, registering it if new. */
    public int channel(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("channel name must not be blank");
      }
      Integer index = indexByName.get(name);
      if (index == null) {
        index = names.size();
        indexByName.put(name, index);
        names.add(name);
      }
      return index;
    }

    public Builder add(List<String> channelNames, double conversions, double value, double nulls) {
      return add(channelNames, conversions, value, nulls, null);
    }

    public Builder add(List<String> channelNames, double conversions, double value, double nulls, double[] touchAgesDays) {
      int[] indices = new int[channelNames.size()];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = channel(channelNames.get(i));
      }
      paths.add(new ConversionPath(indices, conversions, value, nulls, touchAgesDays));
      return this;
    }

    /** Adds a path whose channel indices came from {@link #channel(String)}. */
    public Builder add(ConversionPath path) {
      paths.add(path);
      return this;
    }

    public PathSet build() {
      return new PathSet(names, paths);
    }
  }
}

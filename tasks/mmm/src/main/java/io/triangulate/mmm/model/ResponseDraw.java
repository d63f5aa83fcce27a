package io.triangulate.mmm.model;

import java.util.List;

/** Responses of every channel at once: a point estimate, a posterior draw or a bootstrap replicate. */
public record ResponseDraw(List<ChannelResponse> channels) {

  public ResponseDraw {
    channels = List.copyOf(channels);
  }

  public ChannelResponse channel(int c) {
    return channels.get(c);
  }
}

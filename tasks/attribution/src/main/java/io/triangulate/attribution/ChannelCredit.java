package io.triangulate.attribution;

/**
 * What one model credits to one channel.
 *
 * @param conversions conversions credited (fractional)
 * @param value conversion value credited
 * @param share this channel's fraction of the conversions the model credited (0 when none)
 */
public record ChannelCredit(String channel, double conversions, double value, double share) {}

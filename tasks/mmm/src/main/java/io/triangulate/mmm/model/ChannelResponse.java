package io.triangulate.mmm.model;

/**
 * One channel's fitted response: {@code effect_t = beta · f(adstock(spend / scale))_t}, with
 * {@code beta} in target units per period (the ceiling of the channel's weekly effect) and the
 * adstock and saturation parameters on scaled spend.
 */
public record ChannelResponse(double beta, double[] adstockParameters, double[] saturationParameters) {

  public ChannelResponse {
    adstockParameters = adstockParameters.clone();
    saturationParameters = saturationParameters.clone();
  }
}

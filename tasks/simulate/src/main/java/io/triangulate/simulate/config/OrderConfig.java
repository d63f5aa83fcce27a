package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/** Order values: each member has a mean order value, each order varies around it. */
public record OrderConfig(double meanOrderValue, double orderValueSigma, double orderNoiseSigma, double meanItemPrice) {

  public OrderConfig {
    Validate.positive("mean_order_value", meanOrderValue, 100000.0);
    Check.range("order_value_sigma", orderValueSigma, 0.0, 2.0);
    Check.range("order_noise_sigma", orderNoiseSigma, 0.0, 2.0);
    Validate.positive("mean_item_price", meanItemPrice, 100000.0);
  }
}

package io.triangulate.attribution;

/** Accumulates conversions and value per channel while a model walks the paths. */
public final class CreditTally {

  private final double[] conversions;
  private final double[] value;

  public CreditTally(int channels) {
    conversions = new double[channels];
    value = new double[channels];
  }

  /** Gives {@code fraction} of a path's conversions and value to {@code channel}. */
  public void credit(int channel, double fraction, ConversionPath path) {
    conversions[channel] += fraction * path.conversions();
    value[channel] += fraction * path.value();
  }

  public void credit(int channel, double conversionsCredited, double valueCredited) {
    conversions[channel] += conversionsCredited;
    value[channel] += valueCredited;
  }

  public ModelCredits toCredits(String model, PathSet paths) {
    return ModelCredits.of(model, paths.channels(), conversions.clone(), value.clone());
  }
}

package io.triangulate.geo.stats;

import java.util.List;

/**
 * How well the synthetic control tracks the treated unit before the test (in-sample, per treated
 * location on average).
 *
 * @param rmse root mean squared pre-period error
 * @param rSquared 1 − SSE/SST of the treated pre-period series about its mean
 * @param mape mean absolute error over mean absolute level (0.03 = 3%)
 * @param weights every donor's weight, largest magnitude first
 * @param donorsUsed donors with |weight| ≥ 0.001
 * @param warnings plain-language problems with the fit; empty when it looks sound
 */
public record PreFit(double rmse, double rSquared, double mape, List<DonorWeight> weights, int donorsUsed, List<String> warnings) {

  public record DonorWeight(String location, double weight) {}
}

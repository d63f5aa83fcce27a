package io.triangulate.mmm.model;

import java.util.List;

/**
 * Everything one fitted model reports, as plain values a shell can write to CSV or a warehouse.
 *
 * @param fitted in-sample prediction per period (posterior mean for the Bayesian model)
 * @param fittedLow lower end of a 90% interval for the prediction (NaN where none is computed)
 * @param warnings messages a person must see (e.g. failed convergence diagnostics)
 */
public record ModelResult(
    String model,
    MediaResponseModel response,
    Decomposition decomposition,
    List<ChannelSummary> channelSummaries,
    List<FitMetric> metrics,
    List<ParameterEstimate> parameters,
    double[] fitted,
    double[] fittedLow,
    double[] fittedHigh,
    List<String> warnings) {

  public ModelResult {
    channelSummaries = List.copyOf(channelSummaries);
    metrics = List.copyOf(metrics);
    parameters = List.copyOf(parameters);
    warnings = List.copyOf(warnings);
  }

  public double metric(String name) {
    return metrics.stream().filter(m -> m.metric().equals(name)).mapToDouble(FitMetric::value).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no metric " + name));
  }

  public ChannelSummary channel(String name) {
    return channelSummaries.stream().filter(s -> s.channel().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no channel " + name));
  }

  public ParameterEstimate parameter(String name) {
    return parameters.stream().filter(p -> p.parameter().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
  }
}

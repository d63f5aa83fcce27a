package io.triangulate.mmm.bayes;

import io.triangulate.mmm.data.DataQualityChecker;
import io.triangulate.mmm.model.ChannelResponse;
import io.triangulate.mmm.model.ChannelSummaries;
import io.triangulate.mmm.model.ChannelSummary;
import io.triangulate.mmm.model.Decomposition;
import io.triangulate.mmm.model.Decompositions;
import io.triangulate.mmm.model.FitMetric;
import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.Metrics;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ParameterEstimate;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.model.ResponseDraw;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns posterior draws into the user-facing result: parameters, contributions, ROAS and mROAS
 * with 90% credible intervals, the decomposition (posterior means), the posterior predictive check
 * and the convergence diagnostics with their warnings. Everything in the user's units.
 */
final class PosteriorReport {

  private final ModelInputs inputs;
  private final MmmPosterior posterior;
  private final List<PreparedLiftTest> liftTests;
  private final BayesianSettings settings;
  private final BayesianMmm.SamplingRun run;
  private final List<double[]> pooled = new ArrayList<>();
  private final double yScale;
  private final double[] zMean;
  private final double[] zSd;

  PosteriorReport(ModelInputs inputs, MmmPosterior posterior, List<PreparedLiftTest> liftTests,
      BayesianSettings settings, BayesianMmm.SamplingRun run) {
    this.inputs = inputs;
    this.posterior = posterior;
    this.liftTests = liftTests;
    this.settings = settings;
    this.run = run;
    for (double[][] chain : run.constrained()) {
      pooled.addAll(Arrays.asList(chain));
    }
    this.yScale = posterior.yScale();
    this.zMean = posterior.baselineMean();
    this.zSd = posterior.baselineSd();
  }

  ModelResult build() {
    int n = inputs.periods();
    int channels = inputs.channelCount();
    int baseline = inputs.baselineCount();
    int draws = pooled.size();

    double[] interceptRaw = new double[draws];
    double[][] baselineRaw = new double[baseline][draws];
    double[][] mediaMean = new double[channels][n];
    double[][] predictive = new double[n][draws];
    double[] fittedMean = new double[n];
    List<ResponseDraw> responseDraws = new ArrayList<>();
    SplittableRandom noise = new SplittableRandom(settings.seed() ^ 0x9E3779B97F4A7C15L);
    for (int d = 0; d < draws; d++) {
      double[] theta = pooled.get(d);
      double intercept = theta[0];
      for (int k = 0; k < baseline; k++) {
        double coefficient = zSd[k] > 0 ? theta[1 + k] / zSd[k] : 0;
        baselineRaw[k][d] = yScale * coefficient;
        intercept -= coefficient * zMean[k];
      }
      interceptRaw[d] = yScale * intercept;
      double[][] components = posterior.components(theta);
      double sigma = yScale * theta[posterior.sigmaIndex()];
      for (int t = 0; t < n; t++) {
        double mu = components[0][t];
        for (int c = 0; c < channels; c++) {
          mu += components[1 + c][t];
          mediaMean[c][t] += yScale * components[1 + c][t] / draws;
        }
        fittedMean[t] += yScale * mu / draws;
        predictive[t][d] = yScale * mu + sigma * noise.nextGaussian();
      }
      responseDraws.add(responseDraw(theta));
    }
    double[] baselineMean = new double[baseline];
    for (int k = 0; k < baseline; k++) {
      baselineMean[k] = Metrics.mean(baselineRaw[k]);
    }
    Decomposition decomposition = Decompositions.build(inputs, Metrics.mean(interceptRaw), baselineMean, mediaMean);
    double[] low = new double[n];
    double[] high = new double[n];
    int covered = 0;
    for (int t = 0; t < n; t++) {
      low[t] = Metrics.quantile(predictive[t], 0.05);
      high[t] = Metrics.quantile(predictive[t], 0.95);
      covered += inputs.target()[t] >= low[t] && inputs.target()[t] <= high[t] ? 1 : 0;
    }

    MediaResponseModel response = new MediaResponseModel(
        BayesianMmm.MODEL, inputs.targetName(), inputs.spec().adstock(), inputs.spec().saturation(), inputs.spec().maxLag(),
        DataQualityChecker.typicalStepDays(inputs.dates()), inputs.channels(), inputs.spendScale(),
        Arrays.stream(inputs.dates()).map(Object::toString).toList(), inputs.spend(),
        meanDraw(responseDraws), thin(responseDraws, responseDraws.size()));
    List<ChannelSummary> summaries = ChannelSummaries.summarise(response, inputs.totalTarget(), true);
    MediaResponseModel saved = new MediaResponseModel(
        response.model(), response.targetName(), response.adstock(), response.saturation(), response.maxLag(),
        response.periodDays(), response.channels(), response.spendScale(), response.dates(), response.spend(),
        response.point(), thin(responseDraws, settings.savedDraws()));

    List<ParameterEstimate> parameters = parameters(interceptRaw, baselineRaw);
    List<FitMetric> metrics = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    metrics.add(new FitMetric(BayesianMmm.MODEL, "r_squared", Metrics.rSquared(inputs.target(), fittedMean)));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "nrmse", Metrics.nrmse(inputs.target(), fittedMean)));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "mape", Metrics.mape(inputs.target(), fittedMean)));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "ppc_coverage_90", (double) covered / n));
    double[] effects = new double[channels];
    double[] spends = new double[channels];
    for (int c = 0; c < channels; c++) {
      effects[c] = summaries.get(c).contribution();
      spends[c] = summaries.get(c).spend();
    }
    metrics.add(new FitMetric(BayesianMmm.MODEL, "decomp_rssd", Metrics.decompRssd(effects, spends)));
    if (!liftTests.isEmpty()) {
      metrics.add(new FitMetric(BayesianMmm.MODEL, "mape_lift", liftError(response)));
    }
    diagnostics(parameters, metrics, warnings);
    return new ModelResult(BayesianMmm.MODEL, saved, decomposition, summaries, metrics, parameters, fittedMean, low, high, warnings);
  }

  private void diagnostics(List<ParameterEstimate> parameters, List<FitMetric> metrics, List<String> warnings) {
    int chains = settings.chains();
    double rhatMax = 1;
    double essMin = Double.POSITIVE_INFINITY;
    String worstRhat = "";
    String worstEss = "";
    for (ParameterEstimate p : parameters) {
      if (p.rhat() > rhatMax) {
        rhatMax = p.rhat();
        worstRhat = p.parameter();
      }
      if (p.ess() < essMin) {
        essMin = p.ess();
        worstEss = p.parameter();
      }
    }
    int divergences = run.chains().stream().mapToInt(ChainRunner.Output::divergences).sum();
    int depthHits = run.chains().stream().mapToInt(ChainRunner.Output::maxDepthHits).sum();
    metrics.add(new FitMetric(BayesianMmm.MODEL, "chains", chains));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "draws_per_chain", settings.draws()));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "rhat_max", rhatMax));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "ess_min", essMin));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "divergences", divergences));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "max_treedepth_hits", depthHits));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "mean_acceptance",
        run.chains().stream().mapToDouble(ChainRunner.Output::meanAcceptance).average().orElse(Double.NaN)));
    metrics.add(new FitMetric(BayesianMmm.MODEL, "mean_leapfrogs",
        run.chains().stream().mapToDouble(ChainRunner.Output::meanLeapfrogs).average().orElse(Double.NaN)));
    if (rhatMax > ConvergenceDiagnostics.RHAT_LIMIT) {
      warnings.add(String.format(
          "R-hat %.3f for %s exceeds %.2f: the chains disagree, so the posterior summaries are not trustworthy; "
              + "run more warm-up and draws (--draws, --chains) or simplify the model", rhatMax, worstRhat,
          ConvergenceDiagnostics.RHAT_LIMIT));
    }
    double essLimit = ConvergenceDiagnostics.ESS_PER_CHAIN_LIMIT * chains;
    if (essMin < essLimit) {
      warnings.add(String.format(
          "effective sample size %.0f for %s is below %.0f (%.0f per chain): credible intervals are imprecise; "
              + "run more draws", essMin, worstEss, essLimit, ConvergenceDiagnostics.ESS_PER_CHAIN_LIMIT));
    }
    if (divergences > 0) {
      warnings.add(divergences + " divergent transition(s) after warm-up: the sampler may have missed part of "
          + "the posterior; consider a different saturation or stronger priors");
    }
  }

  /** Parameter table in the user's units, with R-hat and ESS per reported parameter. */
  private List<ParameterEstimate> parameters(double[] interceptRaw, double[][] baselineRaw) {
    List<ParameterEstimate> out = new ArrayList<>();
    out.add(estimate("intercept", chainsOf(interceptRaw)));
    int channels = inputs.channelCount();
    SaturationKind saturation = inputs.spec().saturation();
    for (int c = 0; c < channels; c++) {
      String channel = inputs.channels().get(c);
      int offset = posterior.channelOffset(c);
      out.add(estimate(channel + ".beta", chainsOf(offset, yScale)));
      List<String> adstockNames = inputs.spec().adstock().parameterNames();
      for (int p = 0; p < adstockNames.size(); p++) {
        out.add(estimate(channel + ".adstock." + adstockNames.get(p), chainsOf(offset + 1 + p, 1)));
      }
      List<String> saturationNames = saturation.parameterNames();
      for (int q = 0; q < saturationNames.size(); q++) {
        int index = offset + 1 + adstockNames.size() + q;
        double scale = inputs.spendScale()[c];
        double[] unit = new double[saturationNames.size()];
        unit[q] = 1;
        // Raw-unit parameters are the scaled ones times a constant (scale or 1/scale).
        double factor = saturation.toRawSpendUnits(unit, scale)[q];
        out.add(estimate(channel + ".saturation." + saturationNames.get(q), chainsOf(index, factor)));
      }
    }
    for (int k = 0; k < inputs.baselineCount(); k++) {
      out.add(estimate(inputs.baselineNames().get(k), chainsOf(baselineRaw[k])));
    }
    out.add(estimate("sigma", chainsOf(posterior.sigmaIndex(), yScale)));
    return out;
  }

  private double[][] chainsOf(int index, double factor) {
    double[][] chains = new double[run.constrained().length][];
    for (int j = 0; j < chains.length; j++) {
      double[][] chain = run.constrained()[j];
      chains[j] = new double[chain.length];
      for (int i = 0; i < chain.length; i++) {
        chains[j][i] = chain[i][index] * factor;
      }
    }
    return chains;
  }

  private double[][] chainsOf(double[] pooledValues) {
    int chains = run.constrained().length;
    int length = run.constrained()[0].length;
    double[][] out = new double[chains][];
    for (int j = 0; j < chains; j++) {
      out[j] = Arrays.copyOfRange(pooledValues, j * length, (j + 1) * length);
    }
    return out;
  }

  private ParameterEstimate estimate(String name, double[][] chains) {
    double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).toArray();
    return new ParameterEstimate(BayesianMmm.MODEL, name, Metrics.mean(all), Metrics.quantile(all, 0.05),
        Metrics.quantile(all, 0.95), ConvergenceDiagnostics.splitRhat(chains),
        ConvergenceDiagnostics.effectiveSampleSize(chains));
  }

  private ResponseDraw responseDraw(double[] theta) {
    List<ChannelResponse> channels = new ArrayList<>();
    int adstockCount = inputs.spec().adstock().parameterCount();
    int saturationCount = inputs.spec().saturation().parameterCount();
    for (int c = 0; c < inputs.channelCount(); c++) {
      int offset = posterior.channelOffset(c);
      channels.add(new ChannelResponse(
          yScale * theta[offset],
          Arrays.copyOfRange(theta, offset + 1, offset + 1 + adstockCount),
          Arrays.copyOfRange(theta, offset + 1 + adstockCount, offset + 1 + adstockCount + saturationCount)));
    }
    return new ResponseDraw(channels);
  }

  /**
   * The "point" of a posterior: parameters averaged over draws. Used where one curve is needed
   * (plots, the optimiser's search); reported contributions are means over draws instead.
   */
  private static ResponseDraw meanDraw(List<ResponseDraw> draws) {
    int channels = draws.get(0).channels().size();
    List<ChannelResponse> mean = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      ChannelResponse first = draws.get(0).channel(c);
      double beta = 0;
      double[] adstock = new double[first.adstockParameters().length];
      double[] saturation = new double[first.saturationParameters().length];
      for (ResponseDraw draw : draws) {
        ChannelResponse r = draw.channel(c);
        beta += r.beta() / draws.size();
        for (int p = 0; p < adstock.length; p++) {
          adstock[p] += r.adstockParameters()[p] / draws.size();
        }
        for (int q = 0; q < saturation.length; q++) {
          saturation[q] += r.saturationParameters()[q] / draws.size();
        }
      }
      mean.add(new ChannelResponse(beta, adstock, saturation));
    }
    return new ResponseDraw(mean);
  }

  private static List<ResponseDraw> thin(List<ResponseDraw> draws, int limit) {
    if (draws.size() <= limit) {
      return draws;
    }
    List<ResponseDraw> kept = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      kept.add(draws.get((int) ((long) i * draws.size() / limit)));
    }
    return kept;
  }

  /** MAPE of the posterior-mean implied lift against each measured lift. */
  private double liftError(MediaResponseModel response) {
    double sum = 0;
    for (PreparedLiftTest test : liftTests) {
      int c = test.channel();
      double implied = 0;
      for (ResponseDraw draw : response.draws()) {
        implied += draw.channel(c).beta()
            * test.responseChange(response.transform(draw, c), inputs.scaledSpend()[c]) / response.draws().size();
      }
      double measured = test.test().incrementalRevenue();
      sum += Math.abs(implied - measured) / Math.max(Math.abs(measured), 1e-12);
    }
    return sum / liftTests.size();
  }
}

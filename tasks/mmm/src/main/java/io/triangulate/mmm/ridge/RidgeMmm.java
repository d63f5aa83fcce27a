package io.triangulate.mmm.ridge;

import io.triangulate.core.cli.Progress;
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
import io.triangulate.mmm.transform.MediaTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ridge MMM end to end: multi-objective hyperparameter search, choice from the Pareto front,
 * final fit, rolling-origin validation and bootstrap intervals.
 */
public final class RidgeMmm {

  public static final String MODEL = "ridge";

  private RidgeMmm() {}

  /** The result plus search facts that do not belong in the generic result. */
  public record Outcome(ModelResult result, Candidate chosen, List<Candidate> front, int evaluated) {}

  public static Outcome fit(ModelInputs inputs, List<PreparedLiftTest> liftTests, RidgeSettings settings) {
    HyperparameterSpace space = new HyperparameterSpace(inputs.spec(), inputs.channelCount());
    RidgeEvaluator evaluator = new RidgeEvaluator(inputs, space, liftTests);
    long total = (long) settings.iterations() * settings.trials();
    long step = Math.max(1, total / 10);
    Progress.info(String.format("ridge: searching %d hyperparameters, %d trials × %d iterations",
        space.dimension(), settings.trials(), settings.iterations()));
    EvolutionarySearch.Result search = EvolutionarySearch.run(
        evaluator, settings.iterations(), settings.trials(), settings.seed(), settings.threads(),
        done -> {
          if (done % step == 0) {
            Progress.step((int) (done / step), 10, "ridge search " + done + "/" + total);
          }
        });
    List<Candidate> all = search.all();
    int objectives = evaluator.objectives();
    List<Candidate> front = ParetoFront.of(all, objectives);
    Candidate chosen = ParetoFront.select(front, objectives, settings.nrmseTolerance());
    ModelResult result = report(inputs, evaluator, chosen, front.size(), all.size(), settings);
    return new Outcome(result, chosen, front, all.size());
  }

  static ModelResult report(
      ModelInputs inputs, RidgeEvaluator evaluator, Candidate chosen, int frontSize, int evaluated, RidgeSettings settings) {
    int n = inputs.periods();
    int channels = inputs.channelCount();
    RidgeEvaluator.Fit fit = evaluator.fit(chosen.unit());
    double[][] design = fit.design();
    RidgeRegression.Solution solution = fit.solution();
    double[] fitted = new double[n];
    for (int t = 0; t < n; t++) {
      fitted[t] = solution.predict(design, t);
    }
    double[] coefficients = solution.coefficients();
    double[][] media = new double[channels][n];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < n; t++) {
        media[c][t] = coefficients[c] * design[c][t];
      }
    }
    double[] baselineCoefficients = Arrays.copyOfRange(coefficients, channels, coefficients.length);
    Decomposition decomposition = Decompositions.build(inputs, solution.intercept(), baselineCoefficients, media);

    Progress.info("ridge: rolling-origin validation and " + settings.bootstrapReplicates() + " bootstrap refits");
    boolean[] nonNegative = evaluator.nonNegative();
    int minTrain = Math.max(26, design.length + 10);
    List<String> warnings = new ArrayList<>();
    RollingOriginValidation.Scores cv;
    try {
      cv = RollingOriginValidation.run(
          design, inputs.target(), fit.point().lambda(), nonNegative, settings.cvFolds(), settings.cvHorizon(), minTrain);
    } catch (IllegalArgumentException tooShort) {
      cv = new RollingOriginValidation.Scores(0, 0, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      warnings.add("no out-of-sample validation: " + tooShort.getMessage() + " (each training window needs "
          + minTrain + " periods)");
    }
    List<RidgeRegression.Solution> replicates = ResidualBlockBootstrap.run(
        design, inputs.target(), fitted, fit.point().lambda(), nonNegative, settings.bootstrapReplicates(),
        settings.seed() ^ 0x5DEECE66DL);

    MediaTransform[] transforms = fit.point().transforms();
    ResponseDraw point = draw(transforms, coefficients);
    List<ResponseDraw> draws = new ArrayList<>();
    for (RidgeRegression.Solution replicate : replicates) {
      draws.add(draw(transforms, replicate.coefficients()));
    }
    MediaResponseModel response = new MediaResponseModel(
        MODEL, inputs.targetName(), inputs.spec().adstock(), inputs.spec().saturation(), inputs.spec().maxLag(),
        DataQualityChecker.typicalStepDays(inputs.dates()), inputs.channels(), inputs.spendScale(),
        Arrays.stream(inputs.dates()).map(Object::toString).toList(), inputs.spend(), point, draws);
    List<ChannelSummary> summaries = ChannelSummaries.summarise(response, inputs.totalTarget(), false);

    List<FitMetric> metrics = new ArrayList<>();
    metrics.add(new FitMetric(MODEL, "r_squared", Metrics.rSquared(inputs.target(), fitted)));
    metrics.add(new FitMetric(MODEL, "nrmse", chosen.nrmse()));
    metrics.add(new FitMetric(MODEL, "mape", Metrics.mape(inputs.target(), fitted)));
    metrics.add(new FitMetric(MODEL, "decomp_rssd", chosen.decompRssd()));
    if (evaluator.objectives() > 2) {
      metrics.add(new FitMetric(MODEL, "mape_lift", chosen.liftError()));
    }
    metrics.add(new FitMetric(MODEL, "lambda", fit.point().lambda()));
    metrics.add(new FitMetric(MODEL, "cv_folds", cv.folds()));
    metrics.add(new FitMetric(MODEL, "cv_horizon", cv.horizon()));
    metrics.add(new FitMetric(MODEL, "cv_r_squared", cv.rSquared()));
    metrics.add(new FitMetric(MODEL, "cv_mae", cv.mae()));
    metrics.add(new FitMetric(MODEL, "cv_rmse", cv.rmse()));
    metrics.add(new FitMetric(MODEL, "cv_mape", cv.mape()));
    metrics.add(new FitMetric(MODEL, "candidates_evaluated", evaluated));
    metrics.add(new FitMetric(MODEL, "pareto_front_size", frontSize));
    metrics.add(new FitMetric(MODEL, "bootstrap_replicates", replicates.size()));

    List<ParameterEstimate> parameters = parameters(inputs, transforms, solution, replicates);
    double[] nan = new double[n];
    Arrays.fill(nan, Double.NaN);
    return new ModelResult(MODEL, response, decomposition, summaries, metrics, parameters, fitted, nan, nan.clone(), warnings);
  }

  private static ResponseDraw draw(MediaTransform[] transforms, double[] coefficients) {
    List<ChannelResponse> channels = new ArrayList<>();
    for (int c = 0; c < transforms.length; c++) {
      channels.add(new ChannelResponse(
          coefficients[c], transforms[c].adstock().parameters(), transforms[c].saturation().parameters()));
    }
    return new ResponseDraw(channels);
  }

  private static List<ParameterEstimate> parameters(
      ModelInputs inputs, MediaTransform[] transforms, RidgeRegression.Solution solution, List<RidgeRegression.Solution> replicates) {
    List<ParameterEstimate> out = new ArrayList<>();
    double nan = Double.NaN;
    out.add(interval("intercept", solution.intercept(), replicates.stream().mapToDouble(RidgeRegression.Solution::intercept).toArray()));
    for (int c = 0; c < inputs.channelCount(); c++) {
      String name = inputs.channels().get(c);
      final int index = c;
      out.add(interval(name + ".beta", solution.coefficients()[c],
          replicates.stream().mapToDouble(r -> r.coefficients()[index]).toArray()));
      double[] adstock = transforms[c].adstock().parameters();
      List<String> adstockNames = inputs.spec().adstock().parameterNames();
      for (int p = 0; p < adstock.length; p++) {
        out.add(new ParameterEstimate(MODEL, name + ".adstock." + adstockNames.get(p), adstock[p], nan, nan, nan, nan));
      }
      double[] saturation = inputs.spec().saturation().toRawSpendUnits(
          transforms[c].saturation().parameters(), inputs.spendScale()[c]);
      List<String> saturationNames = inputs.spec().saturation().parameterNames();
      for (int q = 0; q < saturation.length; q++) {
        out.add(new ParameterEstimate(MODEL, name + ".saturation." + saturationNames.get(q), saturation[q], nan, nan, nan, nan));
      }
    }
    int channels = inputs.channelCount();
    for (int k = 0; k < inputs.baselineCount(); k++) {
      final int index = channels + k;
      out.add(interval(inputs.baselineNames().get(k), solution.coefficients()[index],
          replicates.stream().mapToDouble(r -> r.coefficients()[index]).toArray()));
    }
    return out;
  }

  private static ParameterEstimate interval(String name, double estimate, double[] replicates) {
    double low = replicates.length == 0 ? Double.NaN : Metrics.quantile(replicates, 0.05);
    double high = replicates.length == 0 ? Double.NaN : Metrics.quantile(replicates, 0.95);
    return new ParameterEstimate(MODEL, name, estimate, low, high, Double.NaN, Double.NaN);
  }
}

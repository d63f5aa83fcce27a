package io.triangulate.mmm;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.mmm.bayes.BayesianMmm;
import io.triangulate.mmm.bayes.BayesianSettings;
import io.triangulate.mmm.bayes.Priors;
import io.triangulate.mmm.data.CsvTable;
import io.triangulate.mmm.data.DataQualityChecker;
import io.triangulate.mmm.data.MmmDataset;
import io.triangulate.mmm.transform.EventDummies;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import io.triangulate.mmm.data.LiftTestReader;
import io.triangulate.mmm.model.LiftTest;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.ridge.RidgeMmm;
import io.triangulate.mmm.ridge.RidgeSettings;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triangulate mmm fit}: ridge and/or Bayesian MMM from a CSV. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fits a marketing mix model:",
      "  target = baseline + trend + Fourier seasonality + controls",
      "           + Σ channels β·saturation(adstock(spend / peak spend))",
      "Adstock weights sum to one: carryover moves spend in time, it does not",
      "create it. Models (--model):",
      "",
      "ridge     non-negative media coefficients. A seeded multi-objective search",
      "          (Sobol start, then differential evolution) over adstock,",
      "          saturation and penalty minimises NRMSE and DECOMP.RSSD (and",
      "          MAPE.LIFT with --lift-tests). The pick: the Pareto point with",
      "          NRMSE within --nrmse-tolerance of the best and the lowest other",
      "          objectives. Rolling-origin CV reports out-of-sample R², MAE,",
      "          RMSE, MAPE. ROAS intervals: moving-block residual bootstrap",
      "          with the hyperparameters fixed.",
      "bayesian  NUTS (≥ 2 chains, dense metric adapted in warm-up), weakly",
      "          informative priors, lift tests in the likelihood. Split R-hat",
      "          and ESS per parameter; a WARNING when R-hat > 1.01, ESS < 100",
      "          per chain or any divergence. 90%% credible intervals.",
      "",
      "On the warehouse (--warehouse) the table comes from the channel-matrix",
      "marts (marts.mmm_*: `triangulate build`): the target is all orders'",
      "revenue (--target orders for counts) on the platform and the brands' web",
      "sites, one spend column per channel with spend in the window, day-of-week",
      "controls for daily data. The platform's experiments (marts.experiment_lift,",
      "overall segment) calibrate both models unless --no-experiments. Results",
      "replace the fit's rows in marts.mmm_model, mmm_channel_summary,",
      "mmm_decomposition, mmm_fit_metrics, mmm_parameters, mmm_fit and",
      "mmm_response_curves (one fit = its last day and grain), and the same",
      "files go to --out.",
      "",
      "Writes to --out DIR:",
      "  channel_summary.csv  model, channel, spend, contribution,",
      "                       contribution_share, roas, roas_low, roas_high,",
      "                       mroas. Totals over the data; share = contribution",
      "                       / summed target; mroas = extra target per unit of",
      "                       a 1%% spend increase in every period.",
      "  decomposition.csv    date, component, value (Bayesian if fitted, else",
      "                       ridge; decomposition_ridge.csv too when both run).",
      "                       Components add up to the fit: baseline, trend,",
      "                       seasonality, each control, each channel.",
      "  fit_metrics.csv      model, metric, value",
      "  parameters.csv       model, parameter, estimate, low, high, rhat, ess",
      "  fit.csv              model, date, actual, fitted, fitted_low, fitted_high",
      "  response_curves.csv  steady-state revenue vs spend per period, 90%% band",
      "  data_quality.csv     the data check (see `mmm check`)",
      "  model.json           fitted curves for `triangulate optimize --model DIR`",
      ""
    })
public final class MmmFitCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Option(names = "--model", defaultValue = "both", paramLabel = "ridge|bayesian|both",
      description = "Which model(s) to fit (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--adstock", defaultValue = "geometric", paramLabel = "KIND",
      description = "geometric | weibull_cdf | weibull_pdf (delayed peak). Default: ${DEFAULT-VALUE}.")
  String adstock;

  @Option(names = "--saturation", defaultValue = "logistic", paramLabel = "KIND",
      description = "hill | logistic | michaelis_menten. Default: ${DEFAULT-VALUE}.")
  String saturation;

  @Option(names = "--max-lag", paramLabel = "N",
      description = "Largest carryover lag in periods; weights cover lags 0..N (default: 7, i.e. 8 weeks or 8 days; "
          + "3 on weekly warehouse data).")
  Integer maxLag;

  @Option(names = "--fourier-order", paramLabel = "K",
      description = "Yearly seasonality sin/cos pairs; 0 turns seasonality off (default: 2; on the warehouse 0 when "
          + "the window is shorter than a year, since a yearly cycle cannot be told from trend and media in less).")
  Integer fourierOrder;

  @Option(names = "--seasonality-period", defaultValue = "365.25", paramLabel = "DAYS",
      description = "Period of the Fourier seasonality in days (default: ${DEFAULT-VALUE}, yearly).")
  double seasonalityPeriod;

  @Option(names = "--no-trend", description = "Leave out the linear trend.")
  boolean noTrend;

  @Option(names = "--event", paramLabel = "NAME=DATE[;DATE...]",
      description = "Adds a 0/1 control NAME that is 1 in each period containing one of the dates (holidays, "
          + "launches, outages), e.g. --event black_friday=2019-11-29;2020-11-27. Repeatable.")
  List<String> events = new ArrayList<>();

  @Option(names = "--lift-tests", paramLabel = "FILE",
      description = "Experiment results for calibration, CSV with header channel,start,end,spend_change,"
          + "incremental_revenue,standard_error (ISO dates, window inclusive; spend_change is the total change "
          + "over the window, negative for a holdout; incremental_revenue has the same sign convention).")
  Path liftTests;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for search, bootstrap and sampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--iterations", defaultValue = "2000", paramLabel = "N",
      description = "Ridge: evaluations per search trial (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--trials", defaultValue = "5", paramLabel = "N",
      description = "Ridge: independent search trials (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--nrmse-tolerance", defaultValue = "0.005", paramLabel = "F",
      description = "Ridge: relative NRMSE slack when picking from the Pareto front (default: ${DEFAULT-VALUE}).")
  double nrmseTolerance;

  @Option(names = "--chains", defaultValue = "4", paramLabel = "N", description = "Bayesian: MCMC chains, ≥ 2 (default: ${DEFAULT-VALUE}).")
  int chains;

  @Option(names = "--draws", defaultValue = "1000", paramLabel = "N", description = "Bayesian: draws per chain after warm-up (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--warmup", paramLabel = "N", description = "Bayesian: warm-up iterations per chain (default: same as --draws).")
  Integer warmup;

  @Option(names = "--signed-effects",
      description = "Bayesian: channel β ~ Normal(0, 1) instead of HalfNormal(1), so a channel may lower the target "
          + "(or do nothing: a non-negative β's interval never reaches 0).")
  boolean signedEffects;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--out", defaultValue = "mmm-out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--warehouse", description = "Model the warehouse's channel-matrix marts instead of a CSV (see above).")
  boolean warehouse;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Warehouse: first day of the window (default: the first built day).")
  LocalDate from;

  @Option(names = {"--to", "--ds"}, paramLabel = "YYYY-MM-DD",
      description = "Warehouse: last day of the window, which names the fit (default: the latest built day); --ds for the pipeline.")
  LocalDate to;

  @Option(names = "--grain", defaultValue = "daily", paramLabel = "daily|weekly",
      description = "Warehouse: one row per day or per complete Monday-start week (default: ${DEFAULT-VALUE}).")
  String grain;

  @Option(names = "--advertiser", defaultValue = "all", paramLabel = "ID",
      description = "Warehouse: one advertiser's orders and media, or `all` summed (default: ${DEFAULT-VALUE}).")
  String advertiser;

  @Option(names = "--no-experiments", description = "Warehouse: do not calibrate with the platform's experiments.")
  boolean noExperiments;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    String which = model.toLowerCase(Locale.ROOT);
    if (!List.of("ridge", "bayesian", "both").contains(which)) {
      throw new IllegalArgumentException("--model must be ridge, bayesian or both, got '" + model + "'");
    }
    if (warehouse) {
      if (data.given()) {
        throw new IllegalArgumentException("--warehouse reads the marts; leave out --data, --date-col and --channels "
            + "(--target may be revenue or orders)");
      }
      new WarehouseFit(this).run(common);
      return 0;
    }
    ModelSpec spec = spec(maxLag != null ? maxLag : 7, fourierOrder != null ? fourierOrder : 2);
    DataOptions.Checked checked = data.load();
    DataReport.print(checked.issues(), System.err);
    DataReport.write(out.resolve("data_quality.csv"), checked.issues());
    ModelInputs inputs = ModelInputs.prepare(withEvents(checked.dataset()), spec);
    List<PreparedLiftTest> lifts = PreparedLiftTest.prepare(readLiftTests(), inputs);
    List<ModelResult> results = fitModels(inputs, lifts);
    report(inputs, results);
    return 0;
  }

  /** The model specification from the options, with the data-dependent defaults already decided. */
  public ModelSpec spec(int lag, int fourier) {
    return new ModelSpec(AdstockKind.parse(adstock), SaturationKind.parse(saturation), lag, fourier, seasonalityPeriod, !noTrend);
  }

  /** Fits the models chosen with --model, with the search and sampler settings of the options. */
  public List<ModelResult> fitModels(ModelInputs inputs, List<PreparedLiftTest> lifts) {
    String which = model.toLowerCase(Locale.ROOT);
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    List<ModelResult> results = new ArrayList<>();
    if (!which.equals("bayesian")) {
      RidgeSettings settings = new RidgeSettings(iterations, trials, seed, workers, nrmseTolerance, 200, 4, 13);
      results.add(RidgeMmm.fit(inputs, lifts, settings).result());
    }
    if (!which.equals("ridge")) {
      BayesianSettings settings = new BayesianSettings(
          chains, warmup != null ? warmup : draws, draws, seed, workers, 10, 0.9, 1000);
      Priors priors = signedEffects ? Priors.signed(inputs.spec().adstock(), inputs.spec().saturation())
          : Priors.defaults(inputs.spec().adstock(), inputs.spec().saturation());
      results.add(BayesianMmm.fit(inputs, lifts, settings, priors).result());
    }
    return results;
  }

  /** Writes the --out files, prints the summary and every warning. */
  public void report(ModelInputs inputs, List<ModelResult> results) {
    FitOutputs.write(out, inputs, results);
    FitOutputs.print(results, System.out);
    for (ModelResult result : results) {
      for (String warning : result.warnings()) {
        System.err.println("WARNING (" + result.model() + "): " + warning);
      }
    }
    Progress.info("wrote " + out.toAbsolutePath());
  }

  // Accessors for the warehouse shell (same options, other source).
  public LocalDate from() {
    return from;
  }

  public LocalDate to() {
    return to;
  }

  public String grain() {
    return grain;
  }

  public String advertiser() {
    return advertiser;
  }

  public boolean useExperiments() {
    return !noExperiments;
  }

  public Integer maxLag() {
    return maxLag;
  }

  public Integer fourierOrder() {
    return fourierOrder;
  }

  /** --target when given (revenue or orders on the warehouse). */
  public String target() {
    return data.target;
  }

  public List<String> events() {
    return events;
  }

  /** The dataset with the --event dummies added. */
  public MmmDataset withEventControls(MmmDataset dataset) {
    return withEvents(dataset);
  }

  private MmmDataset withEvents(MmmDataset dataset) {
    MmmDataset out = dataset;
    long step = DataQualityChecker.typicalStepDays(dataset.dates());
    for (String event : events) {
      int eq = event.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--event must look like NAME=DATE[;DATE...], got '" + event + "'");
      }
      List<LocalDate> dates = new ArrayList<>();
      for (String text : event.substring(eq + 1).split(";")) {
        try {
          dates.add(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("--event " + event.substring(0, eq) + ": cannot read '" + text + "' as YYYY-MM-DD");
        }
      }
      out = out.withControl(event.substring(0, eq).trim(), EventDummies.indicator(dataset.dates(), step, dates));
    }
    return out;
  }

  private List<LiftTest> readLiftTests() {
    if (liftTests == null) {
      return List.of();
    }
    try {
      return LiftTestReader.read(CsvTable.read(liftTests));
    } catch (IOException e) {
      throw new TaskFailure("cannot read --lift-tests " + liftTests + ": " + e.getMessage(), e);
    }
  }
}

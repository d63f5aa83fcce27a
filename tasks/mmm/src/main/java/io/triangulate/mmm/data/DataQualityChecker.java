package io.triangulate.mmm.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Statistical checks on a loaded dataset: gaps in dates, outliers, and collinear channels. These
 * do not change the data; they tell the analyst what the model will struggle with.
 */
public final class DataQualityChecker {

  /** Iglewicz and Hoaglin's cut-off for the modified z-score 0.6745·(x − median)/MAD. */
  public static final double ROBUST_Z_LIMIT = 3.5;
  /** Pairs of channels correlated beyond this are hard to separate. */
  public static final double CORRELATION_LIMIT = 0.8;
  /** The usual rule of thumb: VIF above 10 means the coefficient is mostly guesswork. */
  public static final double VIF_LIMIT = 10;

  private DataQualityChecker() {}

  public static List<DataIssue> check(MmmDataset data) {
    List<DataIssue> issues = new ArrayList<>();
    issues.addAll(checkDates(data.dates()));
    issues.addAll(checkOutliers(data.targetName(), data.target(), false));
    for (int c = 0; c < data.channels().size(); c++) {
      // Spend is often zero most weeks (flighting); judge spikes among the weeks with spend.
      issues.addAll(checkOutliers(data.channels().get(c), data.spend()[c], true));
    }
    issues.addAll(checkCollinearity(data.channels(), data.spend()));
    return issues;
  }

  /** The most common spacing between consecutive dates, in days (7 for weekly data). */
  public static long typicalStepDays(LocalDate[] dates) {
    Map<Long, Integer> counts = new HashMap<>();
    for (int i = 1; i < dates.length; i++) {
      counts.merge(ChronoUnit.DAYS.between(dates[i - 1], dates[i]), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .max(java.util.Comparator.comparing((Map.Entry<Long, Integer> e) -> e.getValue())
            .thenComparing(e -> -e.getKey()))
        .map(Map.Entry::getKey)
        .orElse(7L);
  }

  static List<DataIssue> checkDates(LocalDate[] dates) {
    List<DataIssue> issues = new ArrayList<>();
    if (dates.length < 2) {
      return issues;
    }
    long step = typicalStepDays(dates);
    int missingPeriods = 0;
    List<String> examples = new ArrayList<>();
    int irregular = 0;
    for (int i = 1; i < dates.length; i++) {
      long days = ChronoUnit.DAYS.between(dates[i - 1], dates[i]);
      if (days == step) {
        continue;
      }
      if (days % step != 0) {
        irregular++;
      } else {
        missingPeriods += (int) (days / step - 1);
      }
      if (examples.size() < 5) {
        examples.add(dates[i - 1] + " → " + dates[i]);
      }
    }
    issues.add(DataIssue.info("frequency", "date", dates.length,
        dates.length + " periods every " + step + " day(s), " + dates[0] + " to " + dates[dates.length - 1]));
    if (missingPeriods > 0 || irregular > 0) {
      issues.add(DataIssue.warning("date_gaps", "date", missingPeriods + irregular,
          missingPeriods + " missing period(s)" + (irregular > 0 ? " and " + irregular + " irregular step(s)" : "")
              + ", e.g. " + String.join("; ", examples)
              + ". Adstock treats rows as consecutive periods; add the missing periods with zero spend"));
    }
    return issues;
  }

  static List<DataIssue> checkOutliers(String column, double[] values, boolean ignoreZeros) {
    double[] sample = ignoreZeros ? Arrays.stream(values).filter(v -> v != 0).toArray() : values.clone();
    if (sample.length < 5) {
      return List.of();
    }
    double median = median(sample);
    double[] deviations = Arrays.stream(sample).map(v -> Math.abs(v - median)).toArray();
    double mad = median(deviations);
    if (mad == 0) {
      return List.of();
    }
    int count = 0;
    double worst = 0;
    int worstIndex = -1;
    for (int t = 0; t < values.length; t++) {
      if (ignoreZeros && values[t] == 0) {
        continue;
      }
      double z = 0.6745 * (values[t] - median) / mad;
      if (Math.abs(z) > ROBUST_Z_LIMIT) {
        count++;
        if (Math.abs(z) > Math.abs(worst)) {
          worst = z;
          worstIndex = t;
        }
      }
    }
    if (count == 0) {
      return List.of();
    }
    String detail = String.format("%d value(s) with robust |z| > %.1f%s; largest z = %.1f at period %d (value %s). Kept; ",
        count, ROBUST_Z_LIMIT, ignoreZeros ? " among periods with spend" : "", worst, worstIndex + 1, fmt(values[worstIndex]));
    // Spend bursts are usually deliberate (flighting), so they are context; target spikes that no
    // control explains distort every coefficient, so they are a warning.
    return List.of(ignoreZeros
        ? DataIssue.info("outliers", column, count, detail + "spend bursts are usually planned")
        : DataIssue.warning("outliers", column, count, detail + "add an event control if they are real"));
  }

  static List<DataIssue> checkCollinearity(List<String> channels, double[][] spend) {
    List<DataIssue> issues = new ArrayList<>();
    int k = channels.size();
    if (k < 2) {
      return issues;
    }
    double[][] correlation = new double[k][k];
    for (int a = 0; a < k; a++) {
      correlation[a][a] = 1;
      for (int b = a + 1; b < k; b++) {
        double r = pearson(spend[a], spend[b]);
        correlation[a][b] = r;
        correlation[b][a] = r;
        if (Math.abs(r) > CORRELATION_LIMIT) {
          issues.add(DataIssue.warning("collinear_pair", channels.get(a) + "~" + channels.get(b), 1,
              String.format("spend correlation %.2f; the model cannot tell these channels apart well", r)));
        }
      }
    }
    double[] vif = varianceInflation(correlation);
    for (int c = 0; c < k; c++) {
      if (vif[c] > VIF_LIMIT) {
        issues.add(DataIssue.warning("vif", channels.get(c), 1, String.format(
            "VIF %s > %.0f: its spend is almost a combination of the other channels'", fmt(vif[c]), VIF_LIMIT)));
      } else {
        issues.add(DataIssue.info("vif", channels.get(c), 1, String.format("VIF %s", fmt(vif[c]))));
      }
    }
    return issues;
  }

  /** VIF of each variable: the diagonal of the inverse correlation matrix (∞ if singular). */
  static double[] varianceInflation(double[][] correlation) {
    int k = correlation.length;
    RealMatrix matrix = new Array2DRowRealMatrix(correlation);
    LUDecomposition lu = new LUDecomposition(matrix, 1e-12);
    double[] vif = new double[k];
    if (!lu.getSolver().isNonSingular()) {
      Arrays.fill(vif, Double.POSITIVE_INFINITY);
      return vif;
    }
    RealMatrix inverse = lu.getSolver().getInverse();
    for (int c = 0; c < k; c++) {
      vif[c] = inverse.getEntry(c, c);
    }
    return vif;
  }

  static double pearson(double[] a, double[] b) {
    int n = a.length;
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= n;
    meanB /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - meanA;
      double db = b[i] - meanB;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  private static String fmt(double value) {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    return Math.abs(value) >= 1000 || Math.abs(value) < 0.01 ? String.format("%.3g", value) : String.format("%.2f", value);
  }
}

package io.triangulate.attribution.seed;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Ordinary least squares with an intercept, solved from {@link CrossProducts} (Commons Math):
 * coefficients, standard errors, 95% t intervals, p-values, R², adjusted R², residual standard
 * error, the overall F statistic and each predictor's variance inflation factor (from the
 * predictors' correlation matrix, whose inverse has the VIFs on its diagonal).
 */
public record OlsFit(long observations, List<OlsTerm> terms, double rSquared, double adjRSquared, double residualSe,
    double fStatistic) {

  public static final String INTERCEPT = "intercept";

  public static OlsFit fit(CrossProducts s, double confidence) {
    int p = s.predictors().size() + 1;
    long n = s.observations();
    long df = n - p;
    if (df <= 0) {
      throw new IllegalArgumentException("OLS needs more observations (" + n + ") than coefficients (" + p + ")");
    }
    RealMatrix xtx = new Array2DRowRealMatrix(s.xtx());
    DecompositionSolver solver = new LUDecomposition(xtx).getSolver();
    if (!solver.isNonSingular()) {
      throw new IllegalArgumentException("OLS: the predictors are collinear or constant (X'X is singular)");
    }
    RealMatrix inverse = solver.getInverse();
    RealVector beta = inverse.operate(new ArrayRealVector(s.xty()));

    double meanY = s.xty()[0] / n;
    double sst = s.yty() - n * meanY * meanY;
    double sse = Math.max(0, s.yty() - beta.dotProduct(new ArrayRealVector(s.xty())));
    double sigma2 = sse / df;
    double r2 = sst > 0 ? 1 - sse / sst : Double.NaN;
    double adj = sst > 0 ? 1 - (1 - r2) * (n - 1) / df : Double.NaN;
    int k = p - 1;
    double f = k > 0 && sse > 0 ? ((sst - sse) / k) / sigma2 : Double.NaN;

    TDistribution t = new TDistribution(df);
    double critical = t.inverseCumulativeProbability(0.5 + confidence / 2);
    double[] vif = varianceInflation(s);
    List<OlsTerm> terms = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      double b = beta.getEntry(j);
      double se = Math.sqrt(sigma2 * inverse.getEntry(j, j));
      double tv = se > 0 ? b / se : Double.NaN;
      double pv = Double.isNaN(tv) ? Double.NaN : 2 * t.cumulativeProbability(-Math.abs(tv));
      terms.add(new OlsTerm(j == 0 ? INTERCEPT : s.predictors().get(j - 1), b, se, b - critical * se, b + critical * se,
          tv, pv, j == 0 ? Double.NaN : vif[j - 1]));
    }
    return new OlsFit(n, terms, r2, adj, Math.sqrt(sigma2), f);
  }

  /** p-value of the F statistic. */
  public double fPValue() {
    int k = terms.size() - 1;
    long df = observations - terms.size();
    return Double.isNaN(fStatistic) || k == 0 ? Double.NaN : 1 - new FDistribution(k, df).cumulativeProbability(fStatistic);
  }

  /** VIF_j = [R⁻¹]_jj with R the predictors' correlation matrix; 1 for a single predictor. */
  static double[] varianceInflation(CrossProducts s) {
    int k = s.predictors().size();
    double n = s.xtx()[0][0];
    double[][] cov = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        cov[a][b] = s.xtx()[a + 1][b + 1] - s.xtx()[0][a + 1] * s.xtx()[0][b + 1] / n;
      }
    }
    double[][] corr = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        corr[a][b] = cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
      }
    }
    double[] vif = new double[k];
    DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(corr)).getSolver();
    if (!solver.isNonSingular()) {
      java.util.Arrays.fill(vif, Double.POSITIVE_INFINITY);
      return vif;
    }
    RealMatrix inverse = solver.getInverse();
    for (int j = 0; j < k; j++) {
      vif[j] = inverse.getEntry(j, j);
    }
    return vif;
  }

  public double coefficient(String term) {
    return terms.stream().filter(t -> t.term().equals(term)).findFirst().orElseThrow().coefficient();
  }
}

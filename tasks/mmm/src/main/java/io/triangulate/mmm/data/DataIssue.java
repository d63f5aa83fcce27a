package io.triangulate.mmm.data;

/**
 * One finding of the data check. {@code ERROR} stops the fit; {@code WARNING} was repaired or is
 * worth a look (the detail says which); {@code INFO} is context such as each channel's VIF.
 */
public record DataIssue(Severity severity, String check, String column, int count, String detail) {

  public enum Severity {
    ERROR,
    WARNING,
    INFO
  }

  public static DataIssue error(String check, String column, int count, String detail) {
    return new DataIssue(Severity.ERROR, check, column, count, detail);
  }

  public static DataIssue warning(String check, String column, int count, String detail) {
    return new DataIssue(Severity.WARNING, check, column, count, detail);
  }

  public static DataIssue info(String check, String column, int count, String detail) {
    return new DataIssue(Severity.INFO, check, column, count, detail);
  }

  @Override
  public String toString() {
    return String.format("%-7s %-16s %-14s %s", severity, check, column, detail);
  }
}

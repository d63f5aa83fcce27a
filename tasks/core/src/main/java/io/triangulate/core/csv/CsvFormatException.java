package io.triangulate.core.csv;

/** The file is not valid CSV at all (as opposed to a valid row with a bad value). */
public final class CsvFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final long line;
  private final String problem;

  public CsvFormatException(long line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** The 1-based physical line of the problem. */
  public long line() {
    return line;
  }

  /** What is wrong, without the line, for callers that name the place in their own style. */
  public String problem() {
    return problem;
  }
}

package io.triangulate.serve;

/**
 * A request the API refuses, with the HTTP status and the body it answers:
 * {@code {"error": what went wrong, "field": the parameter, header or body field, "rule": the rule broken}}.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String field;
  private final String rule;

  public ApiException(int status, String error, String field, String rule) {
    super(error);
    this.status = status;
    this.field = field;
    this.rule = rule;
  }

  /** 400: {@code field} breaks {@code rule}. */
  public static ApiException badRequest(String field, String rule) {
    return new ApiException(400, "invalid " + field, field, rule);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}

package io.triangulate.serve;

import java.io.PrintWriter;

/** A connector that calls no platform: it prints each change as one line, for dry runs and demos. */
public final class LoggingConnector implements PlatformConnector {

  private final PrintWriter out;

  public LoggingConnector(PrintWriter out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void apply(ActivationStore.Change c) {
    out.printf("change %d %s %s %s effective %s by %s: %s%n", c.changeId(), c.kind(), c.campaignId(), c.payload(),
        c.effectiveAt(), c.requestedBy(), c.reason());
    out.flush();
  }
}

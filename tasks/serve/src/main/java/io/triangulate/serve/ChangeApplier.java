package io.triangulate.serve;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/** Drains due changes from the activation feed through a connector, oldest first, marking each applied. */
public final class ChangeApplier {

  /** How many changes were applied and how many failed (and stay pending). */
  public record Result(int applied, int failed) {}

  private final ActivationStore store;
  private final PlatformConnector connector;
  private final Supplier<OffsetDateTime> clock;

  public ChangeApplier(ActivationStore store, PlatformConnector connector, Supplier<OffsetDateTime> clock) {
    this.store = store;
    this.connector = connector;
    this.clock = clock;
  }

  public Result drain(int limit) {
    List<ActivationStore.Change> due = store.due(clock.get(), limit);
    int applied = 0;
    int failed = 0;
    for (ActivationStore.Change c : due) {
      try {
        connector.apply(c);
      } catch (Exception e) {
        failed++;
        continue;
      }
      if (store.markApplied(c.changeId(), connector.name(), clock.get())) {
        applied++;
      }
    }
    return new Result(applied, failed);
  }
}

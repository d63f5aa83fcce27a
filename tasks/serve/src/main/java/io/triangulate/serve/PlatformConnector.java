package io.triangulate.serve;

/**
 * What an ad-platform integration implements: apply one change from the activation feed to the
 * platform. Throwing leaves the change pending, so the next drain retries it (changes are applied
 * at least once; a real connector should pass {@code changeId} to the platform as its own
 * idempotency key).
 */
public interface PlatformConnector {

  /** Recorded as {@code applied_by}. */
  String name();

  void apply(ActivationStore.Change change) throws Exception;
}

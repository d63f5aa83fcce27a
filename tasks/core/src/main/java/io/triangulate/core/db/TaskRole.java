package io.triangulate.core.db;

/**
 * The database role a task needs (created by migration V6_0): the loader writes raw only, the
 * transformer reads raw/staging and writes marts and activation, the reader reads marts (API, BI).
 * A task connects as its role when {@link #passwordVariable()} is set, else as the migrating user.
 */
public enum TaskRole {
  LOADER("triangulate_loader"),
  TRANSFORMER("triangulate_transformer"),
  READER("triangulate_reader");

  private final String roleName;

  TaskRole(String roleName) {
    this.roleName = roleName;
  }

  public String roleName() {
    return roleName;
  }

  /** {@code TRIANGULATE_LOADER_PASSWORD} and so on: the role's password, only ever from the environment. */
  public String passwordVariable() {
    return "TRIANGULATE_" + name() + "_PASSWORD";
  }
}

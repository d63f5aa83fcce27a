package io.triangulate.mmm.warehouse;

import java.util.Locale;

/** What the warehouse fit explains: the summed value or the count of all orders. */
public enum WarehouseTarget {
  REVENUE,
  ORDERS;

  public static WarehouseTarget parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--target on the warehouse must be revenue or orders, got '" + text + "'");
    }
  }

  /** The column of marts.mmm_target_daily / _weekly, from this enum only (never from input). */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}

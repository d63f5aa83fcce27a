package io.triangulate.mmm.warehouse;

import java.time.LocalDate;

/** Identifies one warehouse fit: the last day of the fitted window and the grain. */
public record FitKey(LocalDate ds, Grain grain) {

  @Override
  public String toString() {
    return grain.label() + " fit to " + ds;
  }
}

package io.triangulate.simulate;

import java.time.LocalDate;
import java.util.Map;

/**
 * What {@link Simulator#generateDay} wrote: data rows per file name (headers not counted,
 * duplicated ad events counted twice), e.g. {@code ad_events.csv → 12345}.
 */
public record DayResult(LocalDate ds, Map<String, Long> rows) {

  public DayResult {
    rows = Map.copyOf(rows);
  }

  /** Rows written to {@code file} today, 0 when it was not written. */
  public long rows(OutputFile file) {
    return rows.getOrDefault(file.fileName(), 0L);
  }
}

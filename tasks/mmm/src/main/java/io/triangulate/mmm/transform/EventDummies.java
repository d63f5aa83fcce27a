package io.triangulate.mmm.transform;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Holiday or event indicator: 1 in each period that contains one of the event dates, 0 elsewhere.
 * Period {@code t} covers {@code [date_t, date_t + step)}, so a Friday holiday marks the week that
 * starts on the Monday before it.
 */
public final class EventDummies {

  private EventDummies() {}

  /**
   * @param dates period start dates, ascending
   * @param stepDays length of a period in days (7 for weekly data)
   */
  public static double[] indicator(LocalDate[] dates, long stepDays, Collection<LocalDate> eventDates) {
    double[] column = new double[dates.length];
    for (LocalDate event : eventDates) {
      for (int t = dates.length - 1; t >= 0; t--) {
        if (!dates[t].isAfter(event)) {
          if (ChronoUnit.DAYS.between(dates[t], event) < stepDays) {
            column[t] = 1;
          }
          break;
        }
      }
    }
    return column;
  }
}

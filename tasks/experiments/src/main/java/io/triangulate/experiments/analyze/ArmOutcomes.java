package io.triangulate.experiments.analyze;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A unit-level file reduced to sufficient statistics: outcome sums per segment and arm.
 *
 * @param file the file as named by the user, for messages
 * @param rows data rows read
 * @param bySegment segment value → arm value → sums, both sorted; a single segment {@link
 *     #UNSEGMENTED} when the analysis is not segmented
 * @param armValues every arm value seen, sorted
 * @param binary true when every outcome value is 0 or 1
 */
record ArmOutcomes(
    String file,
    long rows,
    SortedMap<String, SortedMap<String, OutcomeSums>> bySegment,
    SortedSet<String> armValues,
    boolean binary) {

  static final String UNSEGMENTED = "";

  /** The sums of one arm in one segment; empty sums when the arm has no unit there. */
  OutcomeSums sums(String segment, String arm) {
    return bySegment.getOrDefault(segment, Collections.emptySortedMap()).getOrDefault(arm, new OutcomeSums());
  }
}

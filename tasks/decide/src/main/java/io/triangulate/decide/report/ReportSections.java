package io.triangulate.decide.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The report's optional sections, read from the marts and rendered: each appears only when its
 * task has written results (e.g. the marketing-mix section after `mmm fit --warehouse`).
 */
public final class ReportSections {

  private ReportSections() {}

  public static List<String> load(DSLContext dsl, LocalDate ds) {
    List<String> sections = new ArrayList<>();
    ExperimentsSection.load(dsl, ds).ifPresent(sections::add);
    AttributionSection.load(dsl, ds).ifPresent(sections::add);
    GeoSection.load(dsl).ifPresent(sections::add);
    new MmmReportReader(dsl).read(ds).map(MmmSection::render).ifPresent(sections::add);
    return sections;
  }
}

package io.triangulate.experiments.analyze;

import io.triangulate.experiments.stats.ConfidenceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders comparisons as an aligned text table for people: rates and lifts of a 0/1 outcome in
 * percent and percentage points, means with four decimals, p-values in scientific notation when
 * tiny. Notes about undefined values follow the table as numbered footnotes.
 */
final class LiftTable {

  private final boolean segmented;
  private final boolean binary;
  private final boolean withSrm;
  private final ConfidenceLevel level;
  private final boolean withCuped;

  LiftTable(boolean segmented, boolean binary, boolean withSrm, ConfidenceLevel level) {
    this(segmented, binary, withSrm, level, false);
  }

  LiftTable(boolean segmented, boolean binary, boolean withSrm, ConfidenceLevel level, boolean withCuped) {
    this.segmented = segmented;
    this.binary = binary;
    this.withSrm = withSrm;
    this.level = level;
    this.withCuped = withCuped;
  }

  String render(List<ArmLift> lifts) {
    List<String> header = new ArrayList<>();
    if (segmented) {
      header.add("segment");
    }
    header.addAll(
        List.of(
            "arm", "n", "control_n", binary ? "rate" : "mean", binary ? "control_rate" : "control_mean",
            binary ? "abs_lift" : "difference", level.label() + " CI", "rel_lift", "p_value"));
    if (withSrm) {
      header.add("srm_p");
    }
    if (withCuped) {
      header.addAll(List.of("cuped_diff", "CUPED " + level.label() + " CI", "var_red"));
    }
    header.addAll(List.of("p_bh", "p_holm", "P(beat)", "exp_loss"));
    List<List<String>> rows = new ArrayList<>();
    List<String> footnotes = new ArrayList<>();
    for (ArmLift lift : lifts) {
      rows.add(row(lift, footnotes));
    }
    StringBuilder out = new StringBuilder(align(header, rows));
    int i = 1;
    for (String note : footnotes) {
      out.append(String.format("[%d] %s%n", i++, note));
    }
    return out.toString();
  }

  private List<String> row(ArmLift lift, List<String> footnotes) {
    List<String> cells = new ArrayList<>();
    if (segmented) {
      cells.add(lift.segment());
    }
    String arm = lift.arm();
    for (String note : lift.notes()) {
      if (!footnotes.contains(note)) {
        footnotes.add(note);
      }
      arm += " [" + (footnotes.indexOf(note) + 1) + "]";
    }
    cells.add(arm);
    cells.add(String.format(Locale.ROOT, "%,d", lift.n()));
    cells.add(String.format(Locale.ROOT, "%,d", lift.controlN()));
    cells.add(level(lift.rate()));
    cells.add(level(lift.controlRate()));
    cells.add(difference(lift.absLift()));
    cells.add(
        lift.absLiftInterval().isDefined()
            ? "[" + difference(lift.absLiftInterval().low()) + ", " + difference(lift.absLiftInterval().high()) + "]"
            : "—");
    cells.add(Double.isFinite(lift.relLift()) ? String.format(Locale.ROOT, "%+.1f%%", 100 * lift.relLift()) : "—");
    cells.add(pValue(lift.pValue()));
    if (withSrm) {
      cells.add(pValue(lift.srmPValue()));
    }
    if (withCuped) {
      cells.add(difference(lift.cuped().difference()));
      cells.add(
          lift.cuped().interval().isDefined()
              ? "[" + difference(lift.cuped().interval().low()) + ", " + difference(lift.cuped().interval().high()) + "]"
              : "—");
      double reduction = lift.cuped().varianceReduction();
      cells.add(Double.isFinite(reduction) ? String.format(Locale.ROOT, "%.1f%%", 100 * reduction) : "—");
    }
    cells.add(pValue(lift.bhPValue()));
    cells.add(pValue(lift.holmPValue()));
    cells.add(lift.bayes() == null || Double.isNaN(lift.bayes().chanceToBeatControl())
        ? "—"
        : String.format(Locale.ROOT, "%.1f%%", 100 * lift.bayes().chanceToBeatControl()));
    cells.add(lift.bayes() == null ? "—" : difference(lift.bayes().expectedLossChoosingTreated()).replace("+", ""));
    return cells;
  }

  private String level(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    return binary ? String.format(Locale.ROOT, "%.2f%%", 100 * value) : String.format(Locale.ROOT, "%.4f", value);
  }

  private String difference(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    return binary ? String.format(Locale.ROOT, "%+.2f pp", 100 * value) : String.format(Locale.ROOT, "%+.4f", value);
  }

  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "—";
    }
    if (p == 0) {
      return "<1e-300"; // below what a double holds: the tail is smaller than any printed digit
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }

  /** Left-aligns the first (text) columns and right-aligns the numbers. */
  private String align(List<String> header, List<List<String>> rows) {
    int textColumns = segmented ? 2 : 1;
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String cell = row.get(c);
        String padding = " ".repeat(widths[c] - cell.length());
        line.append(c < textColumns ? cell + padding : padding + cell);
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    return out.toString();
  }
}

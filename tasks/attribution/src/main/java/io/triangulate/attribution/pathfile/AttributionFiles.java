package io.triangulate.attribution.pathfile;

import io.triangulate.attribution.AttributionReport;
import io.triangulate.attribution.ChannelCredit;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.datadriven.DataDrivenFit;
import io.triangulate.attribution.markov.MarkovAttribution;
import io.triangulate.attribution.markov.RemovalEffect;
import io.triangulate.attribution.markov.Transition;
import io.triangulate.core.csv.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes an attribution report as CSV files in one folder:
 * <ul>
 *   <li>{@code attribution.csv} — {@code model,channel,conversions,value,share}, one row per model
 *       and channel (channels alphabetical within a model, models in the order run);
 *   <li>{@code removal_effects.csv} — {@code order,channel,removal_effect} for every Markov order run
 *       (the conversion removal effect);
 *   <li>{@code transition_matrix_<k>.csv} — {@code from_state,to_state,probability} per order;
 *   <li>{@code data_driven_fit.csv} — {@code term,value}: held-out AUC, journey counts, coefficients.
 * </ul>
 * Files are replaced whole and atomically ({@link CsvWriter}), so re-running leaves exactly one
 * result. Numbers are handed to the writer as text with this module's fixed decimals ({@link CsvCells})
 * rather than its significant digits: that is the established format of these files, and a column of
 * fixed decimals stays aligned when people read it.
 */
public final class AttributionFiles {

  public static final String CREDITS = "attribution.csv";
  public static final String REMOVAL_EFFECTS = "removal_effects.csv";
  public static final String DATA_DRIVEN_FIT = "data_driven_fit.csv";

  private AttributionFiles() {}

  public static String transitionMatrix(int order) {
    return "transition_matrix_" + order + ".csv";
  }

  /** Writes every file the report has content for; returns the files written. */
  public static List<Path> write(Path folder, AttributionReport report) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    written.add(writeCredits(folder.resolve(CREDITS), report.credits()));
    if (!report.markov().isEmpty()) {
      written.add(writeRemovalEffects(folder.resolve(REMOVAL_EFFECTS), report.markov()));
      for (MarkovAttribution markov : report.markov()) {
        written.add(writeTransitions(folder.resolve(transitionMatrix(markov.order())), markov.transitions()));
      }
    }
    if (report.dataDriven().isPresent()) {
      written.add(writeFit(folder.resolve(DATA_DRIVEN_FIT), report.dataDriven().get()));
    }
    return written;
  }

  private static Path writeCredits(Path file, List<ModelCredits> models) {
    try (CsvWriter out = CsvWriter.open(file, List.of("model", "channel", "conversions", "value", "share"))) {
      for (ModelCredits model : models) {
        List<ChannelCredit> channels = new ArrayList<>(model.channels());
        channels.sort(Comparator.comparing(ChannelCredit::channel));
        for (ChannelCredit credit : channels) {
          out.row(model.model(), credit.channel(), CsvCells.amount(credit.conversions()),
              CsvCells.amount(credit.value()), CsvCells.fraction(credit.share()));
        }
      }
    }
    return file;
  }

  private static Path writeRemovalEffects(Path file, List<MarkovAttribution> models) {
    try (CsvWriter out = CsvWriter.open(file, List.of("order", "channel", "removal_effect"))) {
      for (MarkovAttribution markov : models) {
        List<RemovalEffect> effects = new ArrayList<>(markov.removalEffects());
        effects.sort(Comparator.comparing(RemovalEffect::channel));
        for (RemovalEffect effect : effects) {
          out.row(markov.order(), effect.channel(), CsvCells.fraction(effect.conversions()));
        }
      }
    }
    return file;
  }

  private static Path writeTransitions(Path file, List<Transition> transitions) {
    try (CsvWriter out = CsvWriter.open(file, List.of("from_state", "to_state", "probability"))) {
      for (Transition transition : transitions) {
        out.row(transition.from(), transition.to(), CsvCells.fraction(transition.probability()));
      }
    }
    return file;
  }

  private static Path writeFit(Path file, DataDrivenFit fit) {
    try (CsvWriter out = CsvWriter.open(file, List.of("term", "value"))) {
      out.row("held_out_auc", CsvCells.fraction(fit.heldOutAuc()));
      out.row("training_journeys", fit.trainingJourneys());
      out.row("held_out_journeys", fit.heldOutJourneys());
      for (int i = 0; i < fit.coefficients().size(); i++) {
        out.row("coefficient:" + fit.featureNames().get(i), CsvCells.fraction(fit.coefficients().get(i)));
      }
    }
    return file;
  }
}

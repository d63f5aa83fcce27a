package io.triangulate.attribution.pathfile;

import io.triangulate.attribution.AttributionReport;
import io.triangulate.attribution.ChannelCredit;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.datadriven.DataDrivenFit;
import io.triangulate.attribution.markov.MarkovAttribution;
import io.triangulate.attribution.markov.RemovalEffect;
import io.triangulate.attribution.markov.Transition;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * Files are replaced whole, so re-running leaves exactly one result.
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

  private static Path writeCredits(Path file, List<ModelCredits> models) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("model,channel,conversions,value,share\n");
      for (ModelCredits model : models) {
        List<ChannelCredit> channels = new ArrayList<>(model.channels());
        channels.sort(Comparator.comparing(ChannelCredit::channel));
        for (ChannelCredit credit : channels) {
          out.write(model.model() + ',' + CsvCells.text(credit.channel()) + ',' + CsvCells.amount(credit.conversions())
              + ',' + CsvCells.amount(credit.value()) + ',' + CsvCells.fraction(credit.share()) + '\n');
        }
      }
    }
    return file;
  }

  private static Path writeRemovalEffects(Path file, List<MarkovAttribution> models) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("order,channel,removal_effect\n");
      for (MarkovAttribution markov : models) {
        List<RemovalEffect> effects = new ArrayList<>(markov.removalEffects());
        effects.sort(Comparator.comparing(RemovalEffect::channel));
        for (RemovalEffect effect : effects) {
          out.write(markov.order() + "," + CsvCells.text(effect.channel()) + ',' + CsvCells.fraction(effect.conversions()) + '\n');
        }
      }
    }
    return file;
  }

  private static Path writeTransitions(Path file, List<Transition> transitions) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("from_state,to_state,probability\n");
      for (Transition transition : transitions) {
        out.write(CsvCells.text(transition.from()) + ',' + CsvCells.text(transition.to()) + ','
            + CsvCells.fraction(transition.probability()) + '\n');
      }
    }
    return file;
  }

  private static Path writeFit(Path file, DataDrivenFit fit) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("term,value\n");
      out.write("held_out_auc," + CsvCells.fraction(fit.heldOutAuc()) + '\n');
      out.write("training_journeys," + fit.trainingJourneys() + '\n');
      out.write("held_out_journeys," + fit.heldOutJourneys() + '\n');
      for (int i = 0; i < fit.coefficients().size(); i++) {
        out.write("coefficient:" + CsvCells.text(fit.featureNames().get(i)) + ',' + CsvCells.fraction(fit.coefficients().get(i)) + '\n');
      }
    }
    return file;
  }
}

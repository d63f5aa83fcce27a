package io.triangulate.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back the truth files the simulator wrote. They hold only ids, dates, numbers and kind
 * words, never commas or quotes, so a plain split is an exact parser; the header is checked so a
 * file from another version fails loudly instead of loading shifted columns.
 */
final class TruthFiles {

  record DailyRow(LocalDate ds, String campaignId, double incrementalOrders, double incrementalRevenue) {}

  record ParamsRow(
      String campaignId, double relativeLift, double adstockDecay, double saturationK, double targetingBias, String liftKind) {}

  record ChannelDailyRow(
      LocalDate ds, String advertiserId, String channel, double spend, double incrementalOrders, double incrementalRevenue) {}

  record ChannelParamsRow(String advertiserId, String channel, double adstockDecay, double saturationK, double maxRelativeLift) {}

  private TruthFiles() {}

  /** The day's channel truth; empty when the file is absent (truth written before channels existed). */
  static List<ChannelDailyRow> channelDaily(Path truthDir) {
    Path file = truthDir.resolve(OutputFile.CHANNEL_DAILY.fileName());
    List<ChannelDailyRow> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    for (String[] f : read(file, OutputFile.CHANNEL_DAILY)) {
      rows.add(new ChannelDailyRow(LocalDate.parse(f[0]), f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[5])));
    }
    return rows;
  }

  /** The brand channels' parameters, present only in the first day's truth folder. */
  static Optional<List<ChannelParamsRow>> channelParams(Path truthDir) {
    Path file = truthDir.resolve(OutputFile.CHANNEL_PARAMS.fileName());
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<ChannelParamsRow> rows = new ArrayList<>();
    for (String[] f : read(file, OutputFile.CHANNEL_PARAMS)) {
      rows.add(new ChannelParamsRow(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }
    return Optional.of(rows);
  }

  /**
   * The identity truth file of the first day, if present, after checking its header: it can hold
   * millions of rows, so the loader streams the file itself with COPY rather than parsing it here.
   */
  static Optional<Path> identity(Path truthDir) {
    Path file = truthDir.resolve(OutputFile.IDENTITY.fileName());
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      String expected = String.join(",", OutputFile.IDENTITY.columns());
      if (!expected.equals(header)) {
        throw new IllegalStateException(file + ": header must be '" + expected + "', got '" + header + "'");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(file);
  }

  static List<DailyRow> campaignTruth(Path truthDir) {
    List<DailyRow> rows = new ArrayList<>();
    for (String[] f : read(truthDir.resolve(OutputFile.CAMPAIGN_TRUTH.fileName()), OutputFile.CAMPAIGN_TRUTH)) {
      rows.add(new DailyRow(LocalDate.parse(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
    }
    return rows;
  }

  /** The campaign parameters, present only in the first day's truth folder. */
  static Optional<List<ParamsRow>> campaignParams(Path truthDir) {
    Path file = truthDir.resolve(OutputFile.CAMPAIGN_PARAMS.fileName());
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<ParamsRow> rows = new ArrayList<>();
    for (String[] f : read(file, OutputFile.CAMPAIGN_PARAMS)) {
      rows.add(new ParamsRow(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]), f[5]));
    }
    return Optional.of(rows);
  }

  private static List<String[]> read(Path file, OutputFile kind) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String expected = String.join(",", kind.columns());
      if (lines.isEmpty() || !lines.get(0).equals(expected)) {
        throw new IllegalStateException(file + ": header must be '" + expected + "', got '" + (lines.isEmpty() ? "" : lines.get(0)) + "'");
      }
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",", -1);
        if (fields.length != kind.columns().size()) {
          throw new IllegalStateException(file + ": expected " + kind.columns().size() + " fields, got '" + line + "'");
        }
        rows.add(fields);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }
}

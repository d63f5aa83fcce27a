package io.triangulate.attribution.pathfile;

import io.triangulate.attribution.ChannelCredit;
import io.triangulate.attribution.ModelCredits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The people-facing summary: conversion share (%) by channel × model, channels ordered by their
 * average share so that the channels that matter come first, columns aligned.
 */
public final class ShareTable {

  private ShareTable() {}

  public static String render(List<ModelCredits> models) {
    if (models.isEmpty()) {
      return "(no model ran)\n";
    }
    Map<String, Double> shareSum = new HashMap<>();
    for (ModelCredits model : models) {
      for (ChannelCredit credit : model.channels()) {
        shareSum.merge(credit.channel(), credit.share(), Double::sum);
      }
    }
    List<String> channels = new ArrayList<>(shareSum.keySet());
    channels.sort(Comparator.comparing((String channel) -> -shareSum.get(channel)).thenComparing(channel -> channel));

    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("channel");
    models.forEach(model -> header.add(model.model()));
    rows.add(header);
    for (String channel : channels) {
      List<String> row = new ArrayList<>();
      row.add(channel);
      for (ModelCredits model : models) {
        row.add(String.format(Locale.ROOT, "%.1f%%", 100 * model.channel(channel).share()));
      }
      rows.add(row);
    }
    List<String> totals = new ArrayList<>();
    totals.add("conversions");
    models.forEach(model -> totals.add(String.format(Locale.ROOT, "%.1f", model.totalConversions())));
    rows.add(totals);
    return align(rows);
  }

  private static String align(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        if (c == 0) {
          text.append(cell).append(" ".repeat(width[c] - cell.length()));
        } else {
          text.append("  ").append(" ".repeat(width[c] - cell.length())).append(cell);
        }
      }
      text.append('\n');
      if (r == 0 || r == rows.size() - 2) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        text.append("-".repeat(total - 2)).append('\n');
      }
    }
    return text.toString();
  }
}

package io.triangulate.geo.testing;

import io.triangulate.geo.stats.GeoPanel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a panel as the long-format CSV the geo commands read: market,date,revenue[,spend]. */
public final class PanelFiles {

  private PanelFiles() {}

  public static Path write(Path file, GeoPanel panel) throws IOException {
    StringBuilder s = new StringBuilder(panel.hasSpend() ? "market,date,revenue,spend\n" : "market,date,revenue\n");
    for (int i = 0; i < panel.locations().size(); i++) {
      for (int t = 0; t < panel.dates().size(); t++) {
        s.append(panel.locations().get(i)).append(',').append(panel.dates().get(t)).append(',')
            .append(String.format(Locale.ROOT, "%.6f", panel.outcome()[i][t]));
        if (panel.hasSpend()) {
          s.append(',').append(String.format(Locale.ROOT, "%.6f", panel.spend()[i][t]));
        }
        s.append('\n');
      }
    }
    Files.writeString(file, s);
    return file;
  }
}

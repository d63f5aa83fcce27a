package io.triangulate.geo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.GeoAnalyzer;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoOptions;
import io.triangulate.geo.stats.GeoPanelGenerator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class GeoChartTest {

  @Test
  void isWellFormedSvgWithBothPanels() throws Exception {
    GeoPanelGenerator.SimulatedTest sim = GeoPanelGenerator.simulate(GeoPanelGenerator.World.standard(), 3);
    GeoAnalysis a = GeoAnalyzer.analyze(sim.panel(), sim.test(), GeoOptions.defaults(GeoMethod.SC));
    String svg = GeoChart.svg(a, "Test <m01> & \"m02\"");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertEquals(3, doc.getElementsByTagName("polyline").getLength()); // treated, synthetic, cumulative
    assertEquals(1, doc.getElementsByTagName("polygon").getLength()); // the band
    assertTrue(svg.contains("Test &lt;m01&gt; &amp; &quot;m02&quot;"));
    assertTrue(svg.contains("test start " + a.testStart()));
  }
}

package io.triangulate.serve;

import static io.triangulate.db.activation.Tables.AUDIT;
import static io.triangulate.db.activation.Tables.CHANGES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard end to end in headless Chromium (Debian's chromium and chromedriver, driven by
 * Selenium with both paths given, so Selenium Manager never downloads anything) against the server
 * on {@link SmallWarehouse}: the token is entered once, every page loads and draws its charts
 * (each canvas has data points and painted pixels), the budget slider gets a new plan from the
 * optimiser, and a budget override submitted through the form lands in {@code activation.changes}
 * with its audit row, once even when submitted twice. Skips only when no browser or driver is
 * installed ({@code scripts/browser-deps.sh} installs both).
 */
class DashboardBrowserIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  static final Duration WAIT = Duration.ofSeconds(20);

  static Warehouse warehouse;
  static ApiServer server;
  static String base;
  static ChromeDriver driver;

  @BeforeAll
  static void start() {
    Path browser = BROWSERS.stream().map(DashboardBrowserIT::onPath).filter(p -> p != null).findFirst().orElse(null);
    Path chromedriver = onPath("chromedriver");
    Assumptions.assumeTrue(browser != null && chromedriver != null,
        "dashboard browser test skipped: no " + (browser == null ? "chromium (looked for " + BROWSERS + ")" : "chromedriver")
            + " on PATH; run scripts/browser-deps.sh to install chromium and chromium-driver");
    SmallWarehouse.seed(DB.dsl(), 20260105L);
    warehouse = new Warehouse(DB.database(), 4);
    server = new ApiServer(warehouse.dsl(), new TokenBucket(10, 10, System::nanoTime));
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
        "--no-first-run", "--disable-extensions");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
      warehouse.close();
    }
  }

  @Test
  void everyPageDrawsItsChartsAndABudgetChangeLandsInActivation() throws Exception {
    String operator = server.tokens().create(Role.OPERATOR, "browser operator").token();

    // The token, once: typed into the overview's form, then kept by the tab for every other page.
    driver.get(base + "/");
    waitFor("the prompt for a token", () -> text("#status").contains("enter an API token"));
    driver.findElement(By.id("token")).sendKeys(operator);
    driver.findElement(By.cssSelector("#login button")).click();
    loaded("/");
    assertCharts("/", List.of("daily"));
    assertEquals(4, driver.findElements(By.cssSelector("#recs tbody tr")).size());

    for (var page : Map.of(
        "/experiments.html", List.of("lift"),
        "/attribution.html", List.of("attribution"),
        "/mmm.html", List.of("roas", "allocation", "revenue"),
        "/creatives.html", List.of("segments", "creatives")).entrySet()) {
      driver.get(base + page.getKey());
      loaded(page.getKey());
      assertCharts(page.getKey(), page.getValue());
    }
    driver.get(base + "/creatives.html");
    loaded("/creatives.html");
    assertEquals(8, driver.findElements(By.cssSelector("#creative-table tbody tr")).size(), "two creatives per campaign");

    driver.get(base + "/alerts.html");
    loaded("/alerts.html");
    assertCharts("/alerts.html", List.of("severity"));
    List<WebElement> alerts = driver.findElements(By.cssSelector("#alerts tbody tr"));
    assertEquals(2, alerts.size());
    assertTrue(alerts.get(0).getText().contains("orders 40% under forecast"), alerts.get(0).getText());

    budgetSlider();
    budgetOverride(operator);
  }

  /** Keys on the slider ask the optimiser for another total; the chart shows its split (equal here). */
  private void budgetSlider() {
    driver.get(base + "/mmm.html");
    loaded("/mmm.html");
    WebElement slider = driver.findElement(By.id("budget"));
    assertEquals(1600, Double.parseDouble(slider.getAttribute("data-planned")), 1e-6);
    assertTrue(text("#prediction").contains("8,889"), text("#prediction"));
    slider.click(); // focus; the click itself may move it to where it landed
    for (int i = 0; i < 20; i++) {
      slider.sendKeys(Keys.ARROW_RIGHT);
    }
    double wanted = Double.parseDouble(slider.getDomProperty("value"));
    waitFor("the plan for the slider's budget", () ->
        Math.abs(Double.parseDouble(slider.getAttribute("data-planned")) - wanted) < 1e-6);
    assertTrue(wanted > 1600 && wanted <= 3200, "slider at " + wanted);
    @SuppressWarnings("unchecked")
    List<Number> optimal = (List<Number>) js("return Chart.getChart('allocation').data.datasets[1].data", false);
    // MmmFixture's channels have the same curve: the optimum splits the budget equally.
    assertEquals(wanted / 2, optimal.get(0).doubleValue(), 1e-6 * wanted);
    assertEquals(wanted / 2, optimal.get(1).doubleValue(), 1e-6 * wanted);
    double x = wanted / 2 / MmmFixture.WEEKS / 100;
    String revenue = String.format(java.util.Locale.US, "%,.0f", 2 * MmmFixture.WEEKS * 1000 * x / (1 + x));
    assertTrue(text("#prediction").contains("Predicted incremental revenue " + revenue), text("#prediction") + " vs " + revenue);
  }

  /** An override through the overview's form: one change with its audit row, a repeat replayed. */
  private void budgetOverride(String operator) throws Exception {
    driver.get(base + "/");
    loaded("/");
    driver.findElement(By.cssSelector("#budget-campaign option[value='C02']")).click();
    driver.findElement(By.cssSelector("#budget-decision option[value='override']")).click();
    WebElement change = driver.findElement(By.id("budget-change"));
    change.clear();
    change.sendKeys("123.45");
    driver.findElement(By.id("budget-reason")).sendKeys("scaling up after the dashboard review");
    driver.findElement(By.id("budget-submit")).click();
    waitFor("the stored change", () -> driver.findElement(By.id("budget-result")).getAttribute("data-change-id") != null);
    long id = Long.parseLong(driver.findElement(By.id("budget-result")).getAttribute("data-change-id"));

    var row = DB.dsl().selectFrom(CHANGES).where(CHANGES.CHANGE_ID.eq(id)).fetchSingle();
    assertEquals("budget", row.getKind());
    assertEquals("C02", row.getCampaignId());
    assertEquals("browser operator", row.getRequestedBy());
    assertEquals("scaling up after the dashboard review", row.getReason());
    JsonNode payload = new ObjectMapper().readTree(row.getPayload().data());
    assertEquals("override", payload.get("decision").asText());
    assertEquals(123.45, payload.get("budget_change").asDouble(), 0);
    assertEquals(0.0, payload.get("recommended_budget_change").asDouble(), 0);
    assertEquals(1, DB.dsl().fetchCount(AUDIT, AUDIT.CHANGE_ID.eq(id), AUDIT.ACTION.eq("change_requested"),
        AUDIT.ACTOR.eq("browser operator")));
    waitFor("the change in the page's feed", () -> text("#changes tbody").contains("scaling up after the dashboard review"));

    // The same request again (a second click after a new key was drawn would be a new change; a
    // retried request with the page's key is not): replay the page's last call with its key.
    String key = row.getIdempotencyKey();
    assertTrue(key.startsWith("ui-"), key);
    Object replay = js("const done = arguments[arguments.length - 1];"
        + "Dash.call('POST', '/api/v1/activation/budget', {campaign_id: 'C02', decision: 'override', budget_change: 123.45,"
        + " reason: 'scaling up after the dashboard review'}, {'Idempotency-Key': arguments[0]}).then(c => done(c.change_id), e => done(e.message));",
        true, key);
    assertEquals(id, ((Number) replay).longValue());
    assertEquals(1, DB.dsl().fetchCount(CHANGES, CHANGES.IDEMPOTENCY_KEY.eq(key)));
    assertTrue(operator.startsWith("trg_"));
  }

  // ---- helpers ----

  private void loaded(String page) {
    waitFor(page + " loaded", () -> {
      String state = driver.findElement(By.tagName("body")).getAttribute("data-loaded");
      if ("error".equals(state)) {
        throw new AssertionError(page + ": " + text("#status"));
      }
      return "true".equals(state);
    });
  }

  /** Each canvas has data points in its chart and painted (non-transparent) pixels. */
  private void assertCharts(String page, List<String> canvases) {
    for (String id : canvases) {
      long points = ((Number) js("return Number(document.getElementById(arguments[0]).dataset.points || 0)", false, id)).longValue();
      long elements = ((Number) js("const c = Chart.getChart(arguments[0]); return c ? c.getSortedVisibleDatasetMetas()"
          + ".reduce((n, m) => n + m.data.length, 0) : 0", false, id)).longValue();
      long painted = ((Number) js("const c = document.getElementById(arguments[0]);"
          + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", false, id)).longValue();
      long size = ((Number) js("const c = document.getElementById(arguments[0]); return c.width * c.height", false, id)).longValue();
      assertTrue(points > 0 && elements > 0, page + " #" + id + ": " + points + " points, " + elements + " drawn elements");
      // The canvas was painted: a blank one has no opaque pixel; these charts paint 15-57% of theirs
      // (grid and labels included, measured). That the data are drawn is the drawn elements above.
      assertTrue(painted > 0.02 * size, page + " #" + id + ": " + painted + " of " + size + " pixels painted");
      System.out.printf("DashboardBrowserIT %s #%s: %d points, %.1f%% of pixels painted%n", page, id, points, 100.0 * painted / size);
    }
  }

  private String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  private Object js(String script, boolean async, Object... args) {
    JavascriptExecutor e = driver;
    return async ? e.executeAsyncScript(script, args) : e.executeScript(script, args);
  }

  private static void waitFor(String what, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> errors = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.get()) {
          return;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        errors.add(e.getClass().getSimpleName());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + (errors.isEmpty() ? "" : " " + errors));
  }

  private static Path onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}

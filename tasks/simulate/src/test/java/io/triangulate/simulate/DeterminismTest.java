package io.triangulate.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes; any day alone equals that day of a full run; another seed, other bytes. */
class DeterminismTest {

  private static final int MEMBERS = 3_000;

  @TempDir static Path dir;
  private static SimulationConfig config;
  private static SimulatedRun reference;

  @BeforeAll
  static void runOnce() {
    config = RepoFiles.defaultConfig().withMembers(MEMBERS);
    reference = new SimulatedRun(config, dir.resolve("reference"));
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    SimulatedRun again = new SimulatedRun(config, dir.resolve("again"));
    Map<String, byte[]> first = contents(reference.root);
    Map<String, byte[]> second = contents(again.root);
    assertEquals(first.keySet(), second.keySet());
    assertTrue(first.size() > 2 * config.days(), "expected fact and truth files for every day, got " + first.size());
    first.forEach((file, bytes) -> assertArrayEquals(bytes, second.get(file), file));
  }

  @Test
  void dayGeneratedAloneEqualsTheSameDayOfAFullRun() throws IOException {
    List<LocalDate> days = new ArrayList<>();
    days.add(config.startDate());
    reference.simulator.world().campaigns.stream().map(Campaign::startDate).max(LocalDate::compareTo).ifPresent(days::add);
    days.add(config.startDate().plusDays(config.days() / 2));
    days.add(config.endDate());
    for (LocalDate day : days) {
      // A fresh simulator, as a separate `simulate --ds day` process would build.
      Simulator alone = new Simulator(config);
      Path landing = dir.resolve("alone").resolve("landing").resolve(day.toString());
      Path truth = dir.resolve("alone").resolve("truth").resolve(day.toString());
      alone.generateDay(day, landing, truth);
      assertSameFiles(reference.landing(day), landing);
      assertSameFiles(reference.truth(day), truth);
    }
  }

  @Test
  void regeneratingADayOverwritesItAndRemovesFilesOfOtherRuns() throws IOException {
    // The day after the world's first one has no dimension files; plant stale ones from "another run".
    LocalDate day = config.startDate().plusDays(1);
    Path landing = dir.resolve("overwrite").resolve("landing");
    Path truth = dir.resolve("overwrite").resolve("truth");
    Files.createDirectories(landing);
    Files.createDirectories(truth);
    Files.writeString(landing.resolve("members.csv"), "stale");
    Files.writeString(landing.resolve("ad_events.csv"), "stale");
    Files.writeString(truth.resolve("campaign_params.csv"), "stale");
    Simulator simulator = new Simulator(config);
    simulator.generateDay(day, landing, truth);
    simulator.generateDay(day, landing, truth);
    assertSameFiles(reference.landing(day), landing);
    assertSameFiles(reference.truth(day), truth);
  }

  @Test
  void differentSeedGivesDifferentData() throws IOException {
    Simulator other = new Simulator(config.withSeed(config.seed() + 1));
    LocalDate first = config.startDate();
    LocalDate mid = config.startDate().plusDays(config.days() / 2);
    other.generateDay(first, dir.resolve("seed/l1"), dir.resolve("seed/t1"));
    other.generateDay(mid, dir.resolve("seed/l2"), dir.resolve("seed/t2"));
    for (String file : List.of("members.csv", "campaigns.csv", "transactions.csv")) {
      assertFalse(sameBytes(reference.landing(first).resolve(file), dir.resolve("seed/l1").resolve(file)), file);
    }
    for (String file : List.of("ad_events.csv", "transactions.csv")) {
      assertFalse(sameBytes(reference.landing(mid).resolve(file), dir.resolve("seed/l2").resolve(file)), file);
    }
  }

  @Test
  void membersDoNotDependOnHowManyThereAre() throws IOException {
    // The 1M-member benchmark world starts with the same members as the small one.
    Simulator bigger = new Simulator(config.withMembers(MEMBERS * 2));
    Path landing = dir.resolve("bigger");
    bigger.generateDay(config.startDate(), landing, dir.resolve("bigger-truth"));
    List<String> small = Files.readAllLines(reference.landing(config.startDate()).resolve("members.csv"));
    List<String> large = Files.readAllLines(landing.resolve("members.csv"));
    assertEquals(small, large.subList(0, small.size()));
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    Map<String, byte[]> want = contents(expected);
    Map<String, byte[]> got = contents(actual);
    assertEquals(want.keySet(), got.keySet(), "files in " + actual);
    want.forEach((file, bytes) -> assertArrayEquals(bytes, got.get(file), actual.resolve(file).toString()));
  }

  private static boolean sameBytes(Path a, Path b) throws IOException {
    return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  /** Relative path → bytes of every regular file under {@code root}. */
  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        result.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return result;
  }
}

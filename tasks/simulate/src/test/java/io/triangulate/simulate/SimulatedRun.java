package io.triangulate.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole simulated period written to a folder and read back the way an analyst would: who was
 * assigned and exposed when, who bought what when, and the recorded truth. Tests measure the world
 * through these files rather than the simulator's internals (except where a hidden quantity such as
 * propensity is the point).
 */
final class SimulatedRun {

  final SimulationConfig config;
  final Simulator simulator;
  final Path root;
  final List<DayResult> results = new ArrayList<>();

  SimulatedRun(SimulationConfig config, Path root) {
    this.config = config;
    this.simulator = new Simulator(config);
    this.root = root;
    for (LocalDate day : simulator.days()) {
      results.add(simulator.generateDay(day, landing(day), truth(day)));
    }
  }

  Path landing(LocalDate day) {
    return root.resolve("landing").resolve(day.toString());
  }

  Path truth(LocalDate day) {
    return root.resolve("truth").resolve(day.toString());
  }

  Path path(OutputFile file, LocalDate day) {
    return (file.landing() ? landing(day) : truth(day)).resolve(file.fileName());
  }

  /**
   * Streams the rows of one file over all days, split on commas: only for files without quoted
   * fields (ids, dates, numbers), which is every file except the dimension texts.
   */
  void forEachRow(OutputFile file, Consumer<String[]> visitor) {
    for (LocalDate day : simulator.days()) {
      forEachRowOf(file, day, visitor);
    }
  }

  /** Like {@link #forEachRow} for one day's file (nothing if it was not written that day). */
  void forEachRowOf(OutputFile file, LocalDate day, Consumer<String[]> visitor) {
    Path path = path(file, day);
    if (!Files.exists(path)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        visitor.accept(line.split(",", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Per campaign id: arm per member index (1 treatment, 0 control, -1 not in the audience). */
  Map<String, byte[]> arms() {
    Map<String, byte[]> result = new HashMap<>();
    forEachRow(OutputFile.EXPERIMENT_ASSIGNMENTS, f -> {
      byte[] arm = result.computeIfAbsent(f[0], k -> filled(new byte[config.members()]));
      arm[Ids.memberIndex(f[1])] = (byte) ("treatment".equals(f[2]) ? 1 : 0);
    });
    return result;
  }

  /** Per campaign id: epoch day of each member's first impression or ghost impression (MAX_VALUE if none). */
  Map<String, long[]> firstExposure() {
    Map<String, long[]> result = new HashMap<>();
    forEachRow(OutputFile.AD_EVENTS, f -> {
      if ("click".equals(f[2])) {
        return;
      }
      long[] first = result.computeIfAbsent(f[3], k -> {
        long[] days = new long[config.members()];
        Arrays.fill(days, Long.MAX_VALUE);
        return days;
      });
      int member = Ids.memberIndex(f[5]);
      first[member] = Math.min(first[member], LocalDate.parse(f[1].substring(0, 10)).toEpochDay());
    });
    return result;
  }

  /** Per advertiser id: member index → epoch days of its orders. */
  Map<String, Map<Integer, List<Long>>> orderDays() {
    Map<String, Map<Integer, List<Long>>> result = new HashMap<>();
    forEachRow(OutputFile.TRANSACTIONS, f ->
        result.computeIfAbsent(f[3], k -> new HashMap<>())
            .computeIfAbsent(Ids.memberIndex(f[2]), k -> new ArrayList<>())
            .add(LocalDate.parse(f[1].substring(0, 10)).toEpochDay()));
    return result;
  }

  /** Campaign rows of the first day, by campaign id (a name → value map each). */
  Map<String, Map<String, String>> campaigns() throws IOException {
    Map<String, Map<String, String>> result = new HashMap<>();
    CsvFile.read(path(OutputFile.CAMPAIGNS, config.startDate())).forEach(row -> result.put(row.get("campaign_id"), row));
    return result;
  }

  /** Campaign id → lift kind, from campaign_params.csv. */
  Map<String, String> liftKinds() {
    Map<String, String> result = new HashMap<>();
    forEachRow(OutputFile.CAMPAIGN_PARAMS, f -> result.put(f[0], f[5]));
    return result;
  }

  /** Campaign id → truth rows (ds, orders, revenue) in day order. */
  Map<String, List<double[]>> truthByCampaign() {
    Map<String, List<double[]>> result = new HashMap<>();
    forEachRow(OutputFile.CAMPAIGN_TRUTH, f ->
        result.computeIfAbsent(f[1], k -> new ArrayList<>())
            .add(new double[] {LocalDate.parse(f[0]).toEpochDay(), Double.parseDouble(f[2]), Double.parseDouble(f[3])}));
    return result;
  }

  /**
   * The experiment read-out the pipeline computes: exposed members per arm, counting their orders of
   * the campaign's advertiser from first exposure to the period's last day.
   */
  Map<String, ArmStats[]> experiment() throws IOException {
    Map<String, byte[]> arms = arms();
    Map<String, long[]> exposure = firstExposure();
    Map<String, Map<Integer, List<Long>>> orders = orderDays();
    Map<String, Map<String, String>> campaigns = campaigns();
    Map<String, ArmStats[]> result = new HashMap<>();
    for (Map.Entry<String, long[]> campaign : exposure.entrySet()) {
      ArmStats treated = new ArmStats();
      ArmStats control = new ArmStats();
      byte[] arm = arms.get(campaign.getKey());
      Map<Integer, List<Long>> advertiserOrders =
          orders.getOrDefault(campaigns.get(campaign.getKey()).get("advertiser_id"), Map.of());
      long[] first = campaign.getValue();
      for (int i = 0; i < first.length; i++) {
        if (first[i] == Long.MAX_VALUE) {
          continue;
        }
        long from = first[i];
        long n = advertiserOrders.getOrDefault(i, List.of()).stream().filter(d -> d >= from).count();
        (arm[i] == 1 ? treated : control).add(n);
      }
      result.put(campaign.getKey(), new ArmStats[] {treated, control});
    }
    return result;
  }

  /**
   * Pooled over campaigns that end at least {@code windowDays - 1} days before the period does (so
   * every exposed member can be followed for the whole window): the share of exposed control
   * members who order from the campaign's advertiser within {@code windowDays} of first exposure.
   *
   * @return {converters, members}
   */
  long[] controlConversion(int windowDays) throws IOException {
    Map<String, byte[]> arms = arms();
    Map<String, long[]> exposure = firstExposure();
    Map<String, Map<Integer, List<Long>>> orders = orderDays();
    Map<String, Map<String, String>> campaigns = campaigns();
    long lastDay = config.endDate().toEpochDay();
    long members = 0;
    long converters = 0;
    for (Map.Entry<String, long[]> campaign : exposure.entrySet()) {
      Map<String, String> row = campaigns.get(campaign.getKey());
      if (LocalDate.parse(row.get("end_date")).toEpochDay() + windowDays - 1 > lastDay) {
        continue;
      }
      byte[] arm = arms.get(campaign.getKey());
      Map<Integer, List<Long>> advertiserOrders = orders.getOrDefault(row.get("advertiser_id"), Map.of());
      long[] first = campaign.getValue();
      for (int i = 0; i < first.length; i++) {
        if (first[i] == Long.MAX_VALUE || arm[i] != 0) {
          continue;
        }
        long from = first[i];
        members++;
        boolean converted =
            advertiserOrders.getOrDefault(i, List.of()).stream().anyMatch(d -> d >= from && d < from + windowDays);
        converters += converted ? 1 : 0;
      }
    }
    return new long[] {converters, members};
  }

  private static byte[] filled(byte[] array) {
    Arrays.fill(array, (byte) -1);
    return array;
  }

  static final class ArmStats {
    long members;
    long converters;
    long orders;
    long ordersSquared;

    void add(long memberOrders) {
      members++;
      orders += memberOrders;
      ordersSquared += memberOrders * memberOrders;
      converters += memberOrders > 0 ? 1 : 0;
    }

    double conversion() {
      return (double) converters / members;
    }

    double ordersPerMember() {
      return (double) orders / members;
    }

    double ordersVariance() {
      double mean = ordersPerMember();
      return (double) ordersSquared / members - mean * mean;
    }
  }
}

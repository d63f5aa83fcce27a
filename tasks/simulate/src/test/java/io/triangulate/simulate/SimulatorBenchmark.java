package io.triangulate.simulate;

import io.triangulate.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Prints how long the simulator takes: the whole default world, then one mid-period day of a world
 * with more members. Not a test; run with
 * {@code java -cp … io.triangulate.simulate.SimulatorBenchmark [configDir] [members]}.
 */
public final class SimulatorBenchmark {

  public static void main(String[] args) throws Exception {
    Path configDir = Path.of(args.length > 0 ? args[0] : "configs");
    int bigMembers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    SimulationConfig config = SimulationConfig.load(new ConfigLoader(configDir));
    Path out = Files.createTempDirectory("simulate-benchmark");

    long t0 = System.nanoTime();
    Simulator sim = new Simulator(config);
    long t1 = System.nanoTime();
    long events = 0;
    long orders = 0;
    for (LocalDate day : sim.days()) {
      DayResult r = sim.generateDay(day, out.resolve("landing").resolve(day.toString()), out.resolve("truth").resolve(day.toString()));
      events += r.rows(OutputFile.AD_EVENTS);
      orders += r.rows(OutputFile.TRANSACTIONS);
      System.out.println(day + " " + r.rows());
    }
    long t2 = System.nanoTime();
    System.out.printf("default world: %d members, build %.2f s, %d days %.2f s, %d ad events, %d orders%n",
        config.members(), (t1 - t0) / 1e9, sim.days().size(), (t2 - t1) / 1e9, events, orders);

    SimulationConfig big = config.withMembers(bigMembers);
    long t3 = System.nanoTime();
    Simulator bigSim = new Simulator(big);
    long t4 = System.nanoTime();
    LocalDate mid = big.startDate().plusDays(big.days() / 2);
    DayResult r = bigSim.generateDay(mid, out.resolve("big/landing"), out.resolve("big/truth"));
    long t5 = System.nanoTime();
    DayResult first = bigSim.generateDay(big.startDate(), out.resolve("big/landing0"), out.resolve("big/truth0"));
    long t6 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%d members: build %.2f s, day %s %.2f s %s; first day %.2f s %s; heap used %d MB%n",
        bigMembers, (t4 - t3) / 1e9, mid, (t5 - t4) / 1e9, r.rows(), (t6 - t5) / 1e9, first.rows(),
        (rt.totalMemory() - rt.freeMemory()) >> 20);
  }
}

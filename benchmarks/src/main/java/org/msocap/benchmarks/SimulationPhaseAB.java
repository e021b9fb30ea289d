package org.msocap.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two or more builds' simulation phases side by side in one JVM: each CLI jar in a class loader of its own, one
 * simulation of each in turn (A B, then B A, ...), each phase timed in CPU time of the calling thread and the
 * simulation's pool threads, read when the simulator prints the phase ({@code -Dmsocap.simulation.phases=true}).
 * On a shared host separate JVMs swing by ±20% between runs minutes apart; alternated in one JVM the slow-varying
 * noise cancels, and the median ratio of each round's pair reads 0.98–1.02 for two copies of the same jar. The heap is
 * warm after the first rounds: fresh memory's page zeroing (a fresh JVM's cost) is not measured here.
 *
 * <pre>
 *   java -XX:TieredStopAtLevel=1 -Dmsocap.integerLines=false -XX:+UseSerialGC -XX:PretenureSizeThreshold=1m \
 *       -Dmsocap.simulation.phases=true -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.SimulationPhaseAB \
 *       benchmarks/ten-class.yaml 1000000 1 10 /tmp/before.jar cli/target/msocap.jar
 * </pre>
 * Arguments: model file, runs, threads, rounds, then the jars (the first is the one the others are compared with). The
 * simulation is {@code simulate --seed 7 --holders top:20} without a runs file; its results must agree between jars.
 */
public final class SimulationPhaseAB {

    /** {@code -Dab.eachRound=true}: every round's phases printed too, the two warming rounds' first (a fresh JVM's). */
    private static final boolean EACH_ROUND = Boolean.getBoolean("ab.eachRound");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The phases printed during the current simulation: name and CPU nanoseconds. */
    private static final List<Map.Entry<String, Long>> LAPS = new ArrayList<>();
    /** Per thread (-1: the caller), its CPU time when last read. */
    private static Map<Long, Long> lastRead = new HashMap<>();

    private SimulationPhaseAB() {
    }

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("msocap.simulation.phases")) {
            throw new IllegalArgumentException("run with -Dmsocap.simulation.phases=true (read when the simulator loads)");
        }
        String model = args[0];
        int runs = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<String> jars = Arrays.asList(args).subList(4, args.length);
        int k = jars.size();
        Object[] setups = new Object[k];
        Object[] options = new Object[k];
        Object[] simulators = new Object[k];
        Method[] simulate = new Method[k];
        for (int i = 0; i < k; i++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jars.get(i)).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Object venture = loader.loadClass("org.msocap.io.VentureReader").getMethod("read", Path.class)
                    .invoke(null, Path.of(model));
            Class<?> setupClass = loader.loadClass("org.msocap.simulation.SimulationSetup");
            setups[i] = setupClass.getMethod("of", loader.loadClass("org.msocap.model.Venture")).invoke(null, venture);
            Class<?> optionsClass = loader.loadClass("org.msocap.simulation.SimulationOptions");
            options[i] = optionsClass.getConstructor(int.class, long.class, int.class, int.class, int.class, int.class)
                    .newInstance(runs, 7L, threads, 20, 0, 20);
            Class<?> simulatorClass = loader.loadClass("org.msocap.simulation.MonteCarloSimulator");
            simulators[i] = simulatorClass.getField("DEFAULT").get(null);
            simulate[i] = simulatorClass.getMethod("simulate", setupClass, optionsClass);
        }
        PrintStream err = System.err;
        System.setErr(new PrintStream(new PhaseLines(), true));
        Map<String, double[][]> phases = new LinkedHashMap<>();
        String[] results = new String[k];
        try {
            // Two rounds to warm the JIT first, their results compared, their times not kept.
            for (int r = -2; r < rounds; r++) {
                for (int j = 0; j < k; j++) {
                    int i = (r & 1) == 0 ? j : k - 1 - j;
                    LAPS.clear();
                    cpuSinceLastRead();
                    Object result = simulate[i].invoke(simulators[i], setups[i], options[i]);
                    if (r == -2) {
                        results[i] = result.toString();
                    }
                    for (Map.Entry<String, Long> lap : LAPS) {
                        if (EACH_ROUND) {
                            err.printf("round %d %-28s %-24s %8.1f ms cpu%n", r, Path.of(jars.get(i)).getFileName(),
                                    lap.getKey(), lap.getValue() / 1e6);
                        }
                        if (r >= 0) {
                            phases.computeIfAbsent(lap.getKey(), p -> new double[k][rounds])[i][r] = lap.getValue() / 1e6;
                        }
                    }
                }
            }
        } finally {
            System.setErr(err);
        }
        for (int i = 1; i < k; i++) {
            if (!results[i].equals(results[0])) {
                err.println("RESULTS DIFFER: " + jars.get(i) + " against " + jars.get(0));
            }
        }
        for (Map.Entry<String, double[][]> phase : phases.entrySet()) {
            double[][] ms = phase.getValue();
            for (int i = 0; i < k; i++) {
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = ms[i][r] / ms[0][r];
                }
                double[] sorted = ms[i].clone();
                Arrays.sort(sorted);
                Arrays.sort(ratio);
                err.printf("%-24s %-28s median %8.1f ms cpu (q1 %7.1f, q3 %7.1f)   ratio to the first: %.3f (q1 %.3f, q3 %.3f)%n",
                        phase.getKey(), Path.of(jars.get(i)).getFileName(), sorted[rounds / 2], sorted[rounds / 4],
                        sorted[3 * rounds / 4], ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
            }
        }
    }

    /**
     * CPU time of the caller and the simulation's pool threads since the last call. A thread that ended since (the
     * previous simulation's pool) is left out; one that started counts from 0.
     */
    private static long cpuSinceLastRead() {
        Map<Long, Long> now = new HashMap<>();
        now.put(-1L, THREADS.getCurrentThreadCpuTime());
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().equals("msocap-simulation")) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                if (cpu > 0) {
                    now.put(thread.getThreadId(), cpu);
                }
            }
        }
        long since = 0;
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            since += thread.getValue() - lastRead.getOrDefault(thread.getKey(), 0L);
        }
        lastRead = now;
        return since;
    }

    /** Takes the simulator's phase lines ({@code msocap phase NAME ...}) off stderr and times each phase as it is printed. */
    private static final class PhaseLines extends OutputStream {
        private static final String PREFIX = "msocap phase ";
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(int b) {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            String text = line.toString();
            line.setLength(0);
            if (text.startsWith(PREFIX)) {
                // The name is padded to 22 characters, then its wall and CPU times (which are the process's, not used).
                String name = text.substring(PREFIX.length(), Math.min(text.length(), PREFIX.length() + 22)).trim();
                LAPS.add(Map.entry(name, cpuSinceLastRead()));
            }
        }
    }
}

package org.msocap.simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Wall and process CPU time per phase of a simulation, printed to stderr when the JVM runs with
 * {@code -Dmsocap.simulation.phases=true} (e.g. {@code MSOCAP_JAVA_OPTS="... -Dmsocap.simulation.phases=true"
 * ./msocap simulate ...}): the per-phase benchmark of {@code benchmarks/README.md}, measured through the command a
 * user runs. Process CPU time counts every thread, the JIT's and the collector's included; with {@code --threads 1}
 * on a shared machine it is the figure to compare, wall time mostly measures the scheduler.
 */
final class PhaseClock {

    static final boolean ENABLED = Boolean.getBoolean("msocap.simulation.phases");

    private long wall;
    private long cpu;

    PhaseClock() {
        if (ENABLED) {
            wall = System.nanoTime();
            cpu = processCpuNanos();
        }
    }

    /** Prints the time since the previous phase ended (or since construction) under {@code phase}. */
    void lap(String phase) {
        if (!ENABLED) {
            return;
        }
        long nowWall = System.nanoTime();
        long nowCpu = processCpuNanos();
        System.err.printf("msocap phase %-22s %9.1f ms wall %9.1f ms cpu%n", phase, (nowWall - wall) / 1e6, (nowCpu - cpu) / 1e6);
        wall = nowWall;
        cpu = nowCpu;
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}

package org.msocap.benchmarks;

import java.nio.file.Path;

import org.msocap.io.VentureWriter;

/**
 * Writes {@link LargeSimulation} (the large benchmark table of PRODUCT.md §6 with a practice, a sale scenario and
 * a simulation section of 1,000,000 runs) as a model file, so the simulation bar can be timed through the command
 * line exactly as a user runs it:
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.WriteLargeSimulation /tmp/large-mso.yaml
 *   java -cp benchmarks/target/benchmarks.jar org.msocap.benchmarks.WriteLargeSimulation /tmp/large-llc.yaml llc
 *   time MSOCAP_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g" ./msocap simulate /tmp/large-mso.yaml --threads 2
 * </pre>
 */
public final class WriteLargeSimulation {

    private WriteLargeSimulation() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "large-mso.yaml");
        boolean llc = args.length > 1 && args[1].equals("llc"); // the LLC table with 200 profits-interest grants
        VentureWriter.write(LargeSimulation.venture(1_000_000, llc), file);
        System.out.println("wrote " + file);
    }
}

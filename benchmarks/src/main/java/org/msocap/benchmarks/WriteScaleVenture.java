package org.msocap.benchmarks;

import java.nio.file.Path;

import org.msocap.io.VentureWriter;

/**
 * Writes {@link ScaleVenture} as a model file, so the scale bar of PRODUCT.md §6 (10,000 holders and 200 practices:
 * {@code check} ≤ 5 s, {@code export} ≤ 60 s) can be timed through the command line as a user runs it. Arguments:
 * the file, holders (10,000), practices (200) and simulation runs (1,000). {@code scale-bench.sh} times the commands
 * at several sizes; see benchmarks/README.md.
 */
public final class WriteScaleVenture {

    private WriteScaleVenture() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "scale-mso.yaml");
        int holders = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int practices = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        VentureWriter.write(ScaleVenture.venture(holders, practices, runs), file);
        System.out.println("wrote " + file + " (" + holders + " holders, " + practices + " practices, " + runs + " runs)");
    }
}

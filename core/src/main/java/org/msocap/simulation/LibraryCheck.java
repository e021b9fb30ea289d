package org.msocap.simulation;

import java.util.function.DoubleUnaryOperator;

/**
 * The run-time guard of {@link UnitIntervalLog} and {@link BoundedExp}: they repeat Commons Math 3.6.1's steps on the
 * library's own tables, and a program that embeds msocap may resolve another commons-math3 3.x, whose tables they would
 * still read but whose steps may differ. Each compares itself with the library on the class path once, at class
 * initialisation, on a few dozen arguments spread over its range and its paths, and calls the library for every
 * argument when any of them differs: the simulation's doubles are then the library's, whatever its version.
 */
final class LibraryCheck {

    private LibraryCheck() {
    }

    /** Whether {@code fast} and {@code library} give the same bits at every one of {@code arguments}. */
    static boolean sameBits(DoubleUnaryOperator fast, DoubleUnaryOperator library, double[] arguments) {
        for (double x : arguments) {
            if (Double.doubleToRawLongBits(fast.applyAsDouble(x)) != Double.doubleToRawLongBits(library.applyAsDouble(x))) {
                return false;
            }
        }
        return true;
    }

    /**
     * 64 arguments of {@link UnitIntervalLog}'s range (0, 1]: 48 over the binary exponents from −1022 to −1, each at
     * another of the mantissa table's entries and off its grid, and 16 in (0.99, 1], the path near one.
     */
    static double[] unitInterval() {
        double[] arguments = new double[64];
        for (int i = 0; i < 48; i++) {
            int entry = (i * 347) % 1024;
            arguments[i] = Math.scalb(1 + (entry + 0.3183) / 1024, -1 - i * 1021 / 47);
        }
        for (int i = 0; i < 16; i++) {
            arguments[48 + i] = 0.99 + 0.01 * (i + 1) / 16;
        }
        return arguments;
    }

    /** 64 arguments of {@link BoundedExp}'s range (−700, 700): both signs, denser near zero (the lognormal's σ·z). */
    static double[] boundedExp() {
        double[] arguments = new double[64];
        for (int i = 0; i < 32; i++) {
            double t = (i + 0.5) / 32;
            arguments[2 * i] = 699.9 * t * t * t;
            arguments[2 * i + 1] = -699.9 * t * t * t;
        }
        return arguments;
    }
}

package org.msocap.simulation;

/** The simulation's IRR ({@link Irr}, package-private) for tests of other packages. */
public final class IrrAccess {

    private IrrAccess() {
    }

    public static double of(int[] days, double[] amounts) {
        return Irr.of(days, amounts, days.length);
    }
}

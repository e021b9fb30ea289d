package org.msocap.simulation;

import java.lang.reflect.Field;
import org.apache.commons.math3.util.FastMath;

/**
 * Commons Math's own tables behind {@link FastMath#log} and {@link FastMath#exp} (private arrays of {@code FastMath} and
 * its nested classes), read once by reflection for {@link UnitIntervalLog} and {@link BoundedExp}: the same doubles the
 * library computes with, not a second copy of thousands of literals. Null when they cannot be read (the callers then
 * call the library).
 */
final class FastMathTables {

    private FastMathTables() {
    }

    /** The static field {@code name} of {@code FastMath} (nested class {@code nested}, or null for FastMath itself). */
    static Object read(String nested, String name) {
        try {
            Class<?> owner = nested == null ? FastMath.class : Class.forName(FastMath.class.getName() + "$" + nested);
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A table of (high, low) pairs, flattened: high at 2i, low at 2i + 1; null when not read. */
    static double[] pairs(String nested, String name) {
        if (!(read(nested, name) instanceof double[][] table)) {
            return null;
        }
        double[] flat = new double[2 * table.length];
        for (int i = 0; i < table.length; i++) {
            flat[2 * i] = table[i][0];
            flat[2 * i + 1] = table[i][1];
        }
        return flat;
    }

    /** A table of doubles; null when not read. */
    static double[] doubles(String nested, String name) {
        return read(nested, name) instanceof double[] table ? table : null;
    }
}

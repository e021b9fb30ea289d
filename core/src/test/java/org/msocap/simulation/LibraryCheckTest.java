package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import javax.tools.ToolProvider;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard of {@link UnitIntervalLog} and {@link BoundedExp}: they agree with the library on the class path at every
 * argument checked, one argument that differs is enough to fail the check, and with a library that computes otherwise
 * (another commons-math3 on the class path) every call goes to that library.
 */
class LibraryCheckTest {

    @TempDir
    Path dir;

    @Test
    void theFastPathsAgreeWithCommonsMathOnTheClassPath() {
        assertThat(LibraryCheck.sameBits(UnitIntervalLog::log, FastMath::log, LibraryCheck.unitInterval())).isTrue();
        assertThat(LibraryCheck.sameBits(BoundedExp::exp, FastMath::exp, LibraryCheck.boundedExp())).isTrue();
        assertThat(UnitIntervalLog.tablesRead()).isTrue();
        assertThat(BoundedExp.tablesRead()).isTrue();
    }

    @Test
    void oneArgumentThatDiffersByOneUlpFailsTheCheck() {
        for (double[] arguments : new double[][] {LibraryCheck.unitInterval(), LibraryCheck.boundedExp()}) {
            for (double differs : arguments) {
                DoubleUnaryOperator library = x -> x == differs ? Math.nextUp(FastMath.log(Math.abs(x))) : FastMath.log(Math.abs(x));
                assertThat(LibraryCheck.sameBits(x -> FastMath.log(Math.abs(x)), library, arguments)).as("differs at %s", differs).isFalse();
            }
        }
    }

    @Test
    void theArgumentsCoverEachPathOfTheRange() {
        double[] log = LibraryCheck.unitInterval();
        assertThat(log).hasSize(64).doesNotHaveDuplicates();
        assertThat(Arrays.stream(log).allMatch(x -> x >= Double.MIN_NORMAL && x <= 1)).as("in (0, 1], normal").isTrue();
        assertThat(Arrays.stream(log).filter(x -> x > 0.99).count()).as("the path near one").isEqualTo(16);
        assertThat(Arrays.stream(log).map(Math::getExponent).distinct().count()).as("binary exponents").isGreaterThanOrEqualTo(48);
        double[] exp = LibraryCheck.boundedExp();
        assertThat(exp).hasSize(64).doesNotHaveDuplicates();
        assertThat(Arrays.stream(exp).allMatch(x -> x != 0 && Math.abs(x) < BoundedExp.LIMIT)).as("in (-700, 700), not 0").isTrue();
        assertThat(Arrays.stream(exp).filter(x -> Math.abs(x) < 1).count()).as("the lognormal's usual arguments").isGreaterThanOrEqualTo(8);
        assertThat(Arrays.stream(exp).filter(x -> Math.abs(x) > 600).count()).as("the range's ends").isGreaterThan(2);
    }

    /** A FastMath with tables of the shapes read and results of its own (StrictMath's), as another release might be. */
    private static final String OTHER_FAST_MATH = """
            package org.apache.commons.math3.util;

            public final class FastMath {
                private static final double[][] LN_QUICK_COEF = new double[9][2];

                public static double log(double x) {
                    return StrictMath.log(x);
                }

                public static double exp(double x) {
                    return StrictMath.exp(x);
                }

                private static final class lnMant {
                    private static final double[][] LN_MANT = new double[1024][2];
                }

                private static final class ExpIntTable {
                    private static final double[] EXP_INT_TABLE_A = new double[1500];
                    private static final double[] EXP_INT_TABLE_B = new double[1500];
                }

                private static final class ExpFracTable {
                    private static final double[] EXP_FRAC_TABLE_A = new double[1025];
                    private static final double[] EXP_FRAC_TABLE_B = new double[1025];
                }
            }
            """;

    @Test
    void withALibraryThatComputesOtherwiseEveryCallGoesToTheLibrary() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/org/apache/commons/math3/util")).resolve("FastMath.java");
        Files.writeString(source, OTHER_FAST_MATH);
        Path classes = dir.resolve("classes");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        URL msocap = UnitIntervalLog.class.getProtectionDomain().getCodeSource().getLocation();
        // msocap's simulation classes from the build, FastMath from the other library; nothing from this test's class path.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), msocap}, ClassLoader.getPlatformClassLoader())) {
            Class<?> log = Class.forName(UnitIntervalLog.class.getName(), true, loader);
            Class<?> exp = Class.forName(BoundedExp.class.getName(), true, loader);
            assertThat(invoke(log, "tablesRead")).as("the other library's tables are read, its results differ").isEqualTo(false);
            assertThat(invoke(exp, "tablesRead")).isEqualTo(false);
            for (double x : new double[] {0.5, 0.995, 1e-300, 0.123456789}) {
                assertThat(invoke(log, "log", x)).as("log of %s", x).isEqualTo(StrictMath.log(x));
                double[] out = new double[2];
                invoke(log, "pair", x, 0.25, out, 0);
                assertThat(out).containsExactly(StrictMath.log(x), StrictMath.log(0.25));
            }
            for (double x : new double[] {0.5, -1.75, 123.456, -650.25}) {
                assertThat(invoke(exp, "exp", x)).as("exp of %s", x).isEqualTo(StrictMath.exp(x));
            }
        }
    }

    private static Object invoke(Class<?> owner, String name, Object... arguments) throws ReflectiveOperationException {
        Method method = Arrays.stream(owner.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        method.setAccessible(true);
        return method.invoke(null, arguments);
    }
}

package org.msocap.simulation;

/**
 * The random numbers of one simulation run: a SplitMix64 sequence (Steele, Lea and Flood 2014) whose
 * starting state is a hash of the simulation seed and the run's index.
 *
 * <p>Run {@code i} of a simulation with seed {@code s} starts from state
 * {@code mix64(s + GOLDEN × mix64(i + 1))} and then draws the usual SplitMix64 sequence (add
 * {@code GOLDEN}, mix). A run's numbers therefore depend only on {@code (s, i)}, never on which thread
 * computed it or what ran before it, which is what makes results identical whatever the thread count.
 * SplitMix64 passes BigCrush and each run draws only a handful of numbers, so nearby states are no
 * concern after the double mixing. Not thread-safe: one stream per run.
 */
public final class RandomStream {

    /** 2^64 / φ, the SplitMix64 increment. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    private RandomStream(long state) {
        this.state = state;
    }

    /** The stream of run {@code runIndex} (0-based) of a simulation seeded with {@code seed}. */
    public static RandomStream forRun(long seed, long runIndex) {
        return new RandomStream(mix64(seed + GOLDEN * mix64(runIndex + 1)));
    }

    /** Resets this stream to the start of run {@code runIndex}, so a worker can reuse one object. */
    public RandomStream reset(long seed, long runIndex) {
        state = mix64(seed + GOLDEN * mix64(runIndex + 1));
        return this;
    }

    public long nextLong() {
        state += GOLDEN;
        return mix64(state);
    }

    /**
     * Uniform on [0, 1) with 53 random bits. {@link #nextLong}'s steps written here, as in {@link #nextOpenDouble}: C1's
     * limit on the size of a method it inlines shrinks with each level, and {@link #mix64} one level further down (a
     * caller, this, nextLong, mix64) is a call, several times a run.
     */
    public double nextDouble() {
        state += GOLDEN;
        return (mix64(state) >>> 11) * DOUBLE_UNIT;
    }

    /**
     * {@link #nextDouble}'s 53 bits, before their scaling to [0, 1): the same step of the stream. {@code nextDouble() >= u}
     * exactly when {@code nextDoubleBits() >= }{@link #leastBitsAtLeast leastBitsAtLeast(u)}, a comparison of longs, which
     * a caller can make without a branch.
     */
    long nextDoubleBits() {
        state += GOLDEN;
        return mix64(state) >>> 11;
    }

    /**
     * The least 53 bits k whose {@link #nextDouble} (k × 2^-53, exact) is at least {@code u}: 0 for {@code u} at most 0,
     * ⌈u × 2^53⌉ for {@code u} in (0, 1] (the product by a power of two is exact, so k × 2^-53 ≥ u exactly when
     * k ≥ u × 2^53), 2^53 (no k) above 1 or for NaN.
     */
    static long leastBitsAtLeast(double u) {
        if (u <= 0) {
            return 0;
        }
        if (!(u <= 1)) {
            return 1L << 53;
        }
        return (long) Math.ceil(u * 0x1.0p53);
    }

    /**
     * Uniform on the open interval (0, 1): never exactly 0, so inverse distribution functions never see
     * the endpoint where most of them are infinite.
     */
    public double nextOpenDouble() {
        state += GOLDEN;
        return ((mix64(state) >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** The SplitMix64 finalizer (a variant of MurmurHash3's fmix64). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Allocation;
import org.msocap.money.Money;

/**
 * The waterfall resolved once into straight lines: every claimant's payout is continuous and piecewise
 * linear in the equity proceeds (PRODUCT.md §4.7), so the engine's answer at any exit value is one line
 * per claimant from the segment the value falls in. "Resolve once, evaluate many" for the simulation.
 *
 * <h2>How the breakpoints are found, exactly</h2>
 * The engine run on {@link Affine} proceeds {@code (x, 1)} returns, for each claimant, the exact line that
 * holds just to the right of {@code x} (the "form" at x). Between two points with different forms, the
 * lines of any claimant whose slope changed cross at one exact point x*. If the form at x* is the one on
 * the right and both lines agree there for every claimant, x* is the single breakpoint; otherwise the
 * interval is split at x* and both halves refined. Each step evaluates at a new exact point, so it ends.
 * Above an upper bound where every option is in the money and every convertible has converted, the form no
 * longer changes.
 *
 * <h2>Evaluation</h2>
 * {@link #classPayoutCents(long)} (or a reusable {@link Evaluator}) reproduces {@link WaterfallEngine}'s cents exactly: the lines are
 * evaluated in doubles, floored to cents and the left-over cents handed out by largest remainder, ties to
 * the lower claimant index, the same rule as {@link Allocation}. When a value is within rounding noise of a
 * whole cent, or two different remainders are too close to order in doubles, that one evaluation falls back
 * to exact rationals. {@link #classPayouts(double, double[])} is the plain analytic value for statistics.
 */
public final class BreakpointTable {

    /** One linear piece: from {@code from} (inclusive) to the next segment's start, marginal share per claimant. */
    public record Segment(BigFraction from, List<BigFraction> intercepts, List<BigFraction> marginalShares) {
        public Segment {
            Objects.requireNonNull(from, "from");
            intercepts = List.copyOf(intercepts);
            marginalShares = List.copyOf(marginalShares);
        }

        /** Exact payout of claimant {@code i} at equity proceeds {@code x} (dollars) inside this segment. */
        public BigFraction payout(int i, BigFraction x) {
            return intercepts.get(i).add(marginalShares.get(i).multiply(x));
        }
    }

    private record Form(BigFraction[] intercept, BigFraction[] slope) {
        boolean sameLines(Form o) {
            for (int i = 0; i < slope.length; i++) {
                if (!Affine.same(slope[i], o.slope[i]) || !Affine.same(intercept[i], o.intercept[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean agreesAt(Form o, BigFraction x) {
            for (int i = 0; i < slope.length; i++) {
                // Identical lines agree everywhere: no arithmetic needed for the many claimants whose line did not change.
                if (Affine.same(slope[i], o.slope[i]) && Affine.same(intercept[i], o.intercept[i])) {
                    continue;
                }
                if (!Affine.sameAt(intercept[i], slope[i], o.intercept[i], o.slope[i], x)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final BigFraction TWO = new BigFraction(2);
    /** A millionth of a cent: intervals narrower than this are not split further. */
    private static final BigFraction RESOLUTION = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(8));

    private final List<String> ids;
    private final List<Segment> segments;
    private final int n;
    private final long[] startCents;
    /** Per segment and claimant ({@code k * n + i}): the line in cents, as doubles, for the analytic payouts. */
    private final double[] interceptCents;
    private final double[] slopes;
    /** Per segment and claimant: the lowest claimant index with the identical line (ties order exactly). */
    private final int[] sameLineAs;
    /**
     * Per segment and claimant, lines with a small denominator D (constants, whole shares of a tier, 1/2, …) as
     * integers: payout in cents = (lineIntercept + lineSlope × cents) ÷ D, evaluated exactly in longs. Such lines
     * often land on whole cents or tie with each other, where floating point cannot decide. D = 0: a wide line.
     */
    private final long[] lineIntercept;
    private final long[] lineSlope;
    private final long[] lineDenominator;
    private static final long MAX_LINE_DENOMINATOR = 1L << 22;

    /*
     * The evaluation plan, per segment k. Constant lines (marginal share 0) are settled once here: their floors in
     * constantCents (0 for moving lines) summing to constantAssigned[k], and those that are not whole cents listed in
     * fraction* with their remainders, so an evaluation only computes the lines that move. Moving lines are listed
     * in small* (exact longs) and wide* (double-doubles). Each list is the range from[k] .. from[k + 1].
     *
     * Wide lines are those whose denominators are too wide for longs. They are stored as double-doubles (hi + lo,
     * about 104 bits) for intercept and slope in cents, contiguously per segment so the hot loop reads them in
     * order; their rounding noise is then ~1e-20 of a cent. wideMaxIntercept/wideMaxSlope bound |intercept| and
     * |slope| over a segment's wide lines, for one noise bound per evaluation.
     */
    private final long[] constantCents;
    private final long[] constantAssigned;
    private final int[] fractionFrom;
    private final int[] fractionIndex;
    private final long[] fractionKey;
    /** Exact remainder numerator over the line's small denominator; unused for wide lines. */
    private final long[] fractionNumerator;
    private final int[] smallFrom;
    private final int[] smallIndex;
    private final int[] wideFrom;
    private final int[] wideIndex;
    private final double[] wideInterceptHi;
    private final double[] wideInterceptLo;
    private final double[] wideSlopeHi;
    private final double[] wideSlopeLo;
    private final double[] wideMaxIntercept;
    private final double[] wideMaxSlope;

    private BreakpointTable(List<String> ids, List<Segment> segments) {
        this.ids = List.copyOf(ids);
        this.segments = List.copyOf(segments);
        this.n = ids.size();
        int s = segments.size();
        startCents = new long[s];
        interceptCents = new double[s * n];
        slopes = new double[s * n];
        sameLineAs = new int[s * n];
        lineIntercept = new long[s * n];
        lineSlope = new long[s * n];
        lineDenominator = new long[s * n];
        wideMaxIntercept = new double[s];
        wideMaxSlope = new double[s];
        constantCents = new long[s * n];
        constantAssigned = new long[s];
        fractionFrom = new int[s + 1];
        smallFrom = new int[s + 1];
        wideFrom = new int[s + 1];
        List<Integer> fractions = new ArrayList<>();
        List<Long> fractionKeys = new ArrayList<>();
        List<Long> fractionNumerators = new ArrayList<>();
        List<Integer> small = new ArrayList<>();
        List<Integer> wide = new ArrayList<>();
        List<double[]> wideParts = new ArrayList<>();
        BigFraction hundred = new BigFraction(100);
        for (int k = 0; k < s; k++) {
            Segment seg = segments.get(k);
            startCents[k] = ceil(seg.from().multiply(hundred));
            fractionFrom[k] = fractions.size();
            smallFrom[k] = small.size();
            wideFrom[k] = wide.size();
            for (int i = 0; i < n; i++) {
                int c = k * n + i;
                BigFraction a = seg.intercepts().get(i).multiply(hundred);
                BigFraction b = seg.marginalShares().get(i);
                interceptCents[c] = a.doubleValue();
                slopes[c] = b.doubleValue();
                int same = i;
                for (int j = 0; j < i; j++) {
                    // Equal rationals have equal doubles: compare those first, the exact values only when they match.
                    if (interceptCents[k * n + j] == interceptCents[c] && slopes[k * n + j] == slopes[c]
                            && seg.intercepts().get(j).equals(seg.intercepts().get(i)) && seg.marginalShares().get(j).equals(b)) {
                        same = j;
                        break;
                    }
                }
                sameLineAs[c] = same;
                BigInteger d = lcm(a.getDenominator(), b.getDenominator());
                if (d.compareTo(BigInteger.valueOf(MAX_LINE_DENOMINATOR)) <= 0) {
                    BigInteger ai = a.getNumerator().multiply(d).divide(a.getDenominator());
                    BigInteger bi = b.getNumerator().multiply(d).divide(b.getDenominator());
                    if (ai.bitLength() < 60 && bi.bitLength() <= 23) {
                        lineIntercept[c] = ai.longValueExact();
                        lineSlope[c] = bi.longValueExact();
                        lineDenominator[c] = d.longValueExact();
                    }
                }
                if (Affine.isZero(b)) {
                    BigInteger[] qr = a.getNumerator().divideAndRemainder(a.getDenominator());
                    BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
                    constantCents[c] = floor.longValueExact();
                    constantAssigned[k] += constantCents[c];
                    BigFraction remainder = a.subtract(new BigFraction(floor));
                    if (!Affine.isZero(remainder)) {
                        fractions.add(i);
                        fractionKeys.add(Evaluator.key(Math.min(remainder.doubleValue(), Math.nextDown(1.0)), i));
                        fractionNumerators.add(lineDenominator[c] == 0 ? 0 : Math.floorMod(lineIntercept[c], lineDenominator[c]));
                    }
                } else if (lineDenominator[c] != 0) {
                    small.add(i);
                } else {
                    wide.add(i);
                    double aHi = interceptCents[c];
                    double bHi = slopes[c];
                    wideParts.add(new double[] {aHi, a.subtract(new BigFraction(aHi)).doubleValue(), bHi,
                            b.subtract(new BigFraction(bHi)).doubleValue()});
                    // Bounds for the noise: a little over the largest parts (doubleValue is within a few ulps).
                    wideMaxIntercept[k] = Math.max(wideMaxIntercept[k], Math.abs(aHi) * (1 + 0x1p-40));
                    wideMaxSlope[k] = Math.max(wideMaxSlope[k], Math.abs(bHi) * (1 + 0x1p-40));
                }
            }
        }
        fractionFrom[s] = fractions.size();
        smallFrom[s] = small.size();
        wideFrom[s] = wide.size();
        fractionIndex = fractions.stream().mapToInt(Integer::intValue).toArray();
        fractionKey = fractionKeys.stream().mapToLong(Long::longValue).toArray();
        fractionNumerator = fractionNumerators.stream().mapToLong(Long::longValue).toArray();
        smallIndex = small.stream().mapToInt(Integer::intValue).toArray();
        wideIndex = wide.stream().mapToInt(Integer::intValue).toArray();
        wideInterceptHi = wideParts.stream().mapToDouble(p -> p[0]).toArray();
        wideInterceptLo = wideParts.stream().mapToDouble(p -> p[1]).toArray();
        wideSlopeHi = wideParts.stream().mapToDouble(p -> p[2]).toArray();
        wideSlopeLo = wideParts.stream().mapToDouble(p -> p[3]).toArray();
    }

    /** Computes the exact breakpoints of a cap table's waterfall. */
    public static BreakpointTable resolve(ResolvedCapTable table) {
        Layout layout = table.layout;
        TreeMap<BigFraction, Form> forms = new TreeMap<>();
        BigFraction upper = upperBound(layout);
        Form last = form(table, upper);
        // The bound is generous; if anything still changes above it, keep doubling until it stops.
        for (int guard = 0; guard < 64; guard++) {
            Form further = form(table, upper.multiply(TWO));
            if (further.sameLines(last)) {
                break;
            }
            upper = upper.multiply(TWO);
            last = further;
        }
        forms.put(BigFraction.ZERO, form(table, BigFraction.ZERO));
        forms.put(upper, last);
        List<BigFraction> breakpoints = new ArrayList<>();
        Deque<BigFraction[]> work = new ArrayDeque<>();
        work.push(new BigFraction[] {BigFraction.ZERO, upper});
        while (!work.isEmpty()) {
            BigFraction[] interval = work.pop();
            BigFraction lo = interval[0];
            BigFraction hi = interval[1];
            Form left = forms.get(lo);
            Form right = forms.get(hi);
            if (left.sameLines(right)) {
                continue;
            }
            if (hi.subtract(lo).compareTo(RESOLUTION) < 0) {
                // Only a jump (not a kink) narrows this far; payouts are continuous, so this guards against a bug.
                breakpoints.add(hi);
                continue;
            }
            BigFraction x = crossing(left, right, lo, hi);
            if (Affine.same(x, hi)) {
                BigFraction mid = lo.add(hi).divide(TWO);
                Form atMid = forms.computeIfAbsent(mid, m -> form(table, m));
                if (left.agreesAt(right, hi) && atMid.sameLines(left)) {
                    breakpoints.add(hi);
                } else {
                    work.push(new BigFraction[] {lo, mid});
                    work.push(new BigFraction[] {mid, hi});
                }
                continue;
            }
            Form atX = forms.computeIfAbsent(x, p -> form(table, p));
            if (atX.sameLines(right) && left.agreesAt(right, x)) {
                breakpoints.add(x);
            } else {
                work.push(new BigFraction[] {lo, x});
                work.push(new BigFraction[] {x, hi});
            }
        }
        breakpoints.sort(null);
        List<Segment> segments = new ArrayList<>();
        List<BigFraction> starts = new ArrayList<>();
        starts.add(BigFraction.ZERO);
        starts.addAll(breakpoints);
        Form previous = null;
        for (BigFraction start : starts) {
            Form f = forms.get(start);
            if (previous != null && f.sameLines(previous)) {
                continue;
            }
            segments.add(new Segment(start, Arrays.asList(f.intercept()), Arrays.asList(f.slope())));
            previous = f;
        }
        return new BreakpointTable(layout.claimants.stream().map(ResolvedCapTable.Claimant::id).toList(), segments);
    }

    private static Form form(ResolvedCapTable table, BigFraction x) {
        Outcome o = WaterfallEngine.DEFAULT.settle(table, new Affine(x, BigFraction.ONE));
        int n = table.layout.size;
        BigFraction[] a = new BigFraction[n];
        BigFraction[] b = new BigFraction[n];
        BigFraction priceIntercept = Affine.sub(o.price().value(), Affine.mul(o.price().slope(), x));
        for (int i = 0; i < n; i++) {
            BigFraction[] line = o.line(i, x, priceIntercept);
            a[i] = line[0];
            b[i] = line[1];
        }
        return new Form(a, b);
    }

    /** Where the lines of the first claimant whose slope changed cross; the midpoint if that is outside (lo, hi]. */
    private static BigFraction crossing(Form left, Form right, BigFraction lo, BigFraction hi) {
        for (int i = 0; i < left.slope().length; i++) {
            BigFraction ds = left.slope()[i].subtract(right.slope()[i]);
            if (!Affine.isZero(ds)) {
                BigFraction x = right.intercept()[i].subtract(left.intercept()[i]).divide(ds);
                if (x.compareTo(lo) > 0 && x.compareTo(hi) <= 0) {
                    return x;
                }
            }
        }
        return lo.add(hi).divide(TWO);
    }

    /**
     * Beyond this many dollars of proceeds every price point is passed: the price per common share exceeds every
     * strike, cap and conversion threshold even if every preference were paid first.
     */
    private static BigFraction upperBound(Layout layout) {
        BigFraction price = BigFraction.ONE;
        BigFraction shares = BigFraction.ZERO;
        BigFraction preferences = BigFraction.ZERO;
        for (int i = 0; i < layout.size; i++) {
            price = max(price, layout.claimants.get(i).threshold());
            price = max(price, layout.strike[i]);
            if (layout.capPrice[i] != null) {
                price = max(price, layout.capPrice[i]);
            }
            shares = shares.add(layout.shares[i]);
            preferences = preferences.add(layout.preference[i]);
        }
        return price.add(BigFraction.ONE).multiply(shares).add(preferences).multiply(TWO);
    }

    private static BigFraction max(BigFraction a, BigFraction b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    private static long ceil(BigFraction f) {
        BigInteger[] qr = f.getNumerator().divideAndRemainder(f.getDenominator());
        BigInteger q = qr[0];
        if (qr[1].signum() > 0) {
            q = q.add(BigInteger.ONE);
        }
        return q.longValueExact();
    }

    // ---- queries ------------------------------------------------------------------------------------

    /** Claimant ids, in the order of every payout array. */
    public List<String> ids() {
        return ids;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Exact equity-proceeds values (dollars) where some claimant's marginal share changes, ascending. */
    public List<BigFraction> breakpoints() {
        return segments.stream().skip(1).map(Segment::from).toList();
    }

    private int segmentOfCents(long cents) {
        int k = Arrays.binarySearch(startCents, cents);
        if (k < 0) {
            k = -k - 2;
        } else {
            while (k + 1 < startCents.length && startCents[k + 1] == cents) {
                k++;
            }
        }
        return Math.max(k, 0);
    }

    /** Analytic payouts (dollars, doubles) at {@code proceeds} dollars: for statistics, not for cents. */
    public void classPayouts(double proceeds, double[] out) {
        double x = proceeds * 100;
        int base = segmentOfCents((long) Math.floor(x)) * n;
        for (int i = 0; i < n; i++) {
            out[i] = (interceptCents[base + i] + slopes[base + i] * x) * 0.01;
        }
    }

    /** Class payouts in cents at {@code proceedsCents}, identical to {@link WaterfallEngine}'s. */
    public long[] classPayoutCents(long proceedsCents) {
        long[] out = new long[n];
        evaluator().classPayoutCents(proceedsCents, out);
        return out;
    }

    /** A reusable evaluator with its own scratch space: one per thread, for hot loops. */
    public Evaluator evaluator() {
        return new Evaluator(1);
    }

    /**
     * An evaluator that treats values as unsettled in floating point {@code noiseScale} times as readily as it
     * needs to: for tests, which must reach the rare exact paths often enough to check them against the engine.
     */
    Evaluator evaluatorWithNoiseScale(double noiseScale) {
        return new Evaluator(noiseScale);
    }

    /**
     * Evaluates class payouts in cents without allocating. Not thread-safe (it owns scratch arrays); the table
     * itself is immutable, so give each thread its own evaluator.
     *
     * <p>Constant lines were settled when the table was built; per evaluation only the moving lines are computed:
     * small-denominator lines exactly in longs, wide lines in double-double arithmetic with a proven error bound.
     * A wide line within that bound of a whole cent is settled exactly on its own, and if two remainders at the
     * largest-remainder cut are too close to order, only the remainders are ordered exactly. Both happen about
     * once in 10^14 lines, so in practice every evaluation stays in floating point, and every one is exact.
     */
    public final class Evaluator {

        private static final int INDEX_BITS = 10;
        private static final int MAX_FAST_CLAIMANTS = 1 << INDEX_BITS;
        private static final double KEY_SCALE = 0x1p52;
        /** Double-doubles (and doubles below) are exact for whole cents below 2^53. */
        private static final long MAX_FAST_CENTS = 1L << 53;
        /**
         * Error of a wide line's value in double-double arithmetic relative to |intercept| + |slope × x|: the parts
         * are rounded to about 2^-104 and the evaluation adds about 2^-100; 2^-95 leaves a 30-fold margin.
         */
        private static final double WIDE_NOISE = 0x1p-95;
        /**
         * Absolute error of a remainder after its last rounding (a remainder is below 1, so a few 2^-53), and of a
         * remainder read back from its 52-bit key (below 2^-52).
         */
        private static final double REMAINDER_NOISE = 0x1p-50;
        private static final int BUCKET_BITS = 6;
        private static final int BUCKETS = 1 << BUCKET_BITS;
        private static final int BUCKET_SHIFT = INDEX_BITS + 52 - BUCKET_BITS;

        private final double noiseScale;
        /** Small-denominator lines only: remainder numerator over the line's denominator. */
        private final long[] remainderNumerator = new long[n];
        /** Remainder scaled to 52 bits, then the complement of the index, so larger keys win and ties go to lower indices. */
        private final long[] keys = new long[n];
        private final int[] bucketSize = new int[BUCKETS];
        private final long[] inCutBucket = new long[n + 1];
        private long evaluations;
        private long exactFallbacks;
        private long exactLines;
        private long exactOrderings;

        private Evaluator(double noiseScale) {
            this.noiseScale = noiseScale;
        }

        /** How many evaluations this evaluator has done, and how many of them it had to settle exactly. */
        public long evaluations() {
            return evaluations;
        }

        public long exactFallbacks() {
            return exactFallbacks;
        }

        /** How many evaluations needed the remainders at the cut ordered exactly. */
        public long exactOrderings() {
            return exactOrderings;
        }

        /** How many single claimants' lines it settled exactly (too close to a whole cent for floating point). */
        public long exactLines() {
            return exactLines;
        }

        private void exact(int k, long proceedsCents, long[] out) {
            exactFallbacks++;
            exactCents(k, proceedsCents, out);
        }

        /** Remainder {@code r} in [0, 1) of claimant {@code i} as an ordering key: larger wins, ties to the lower index. */
        static long key(double r, int i) {
            return ((long) (r * KEY_SCALE) << INDEX_BITS) | (MAX_FAST_CLAIMANTS - 1 - i);
        }

        private static double remainderOf(long key) {
            return (key >>> INDEX_BITS) / KEY_SCALE;
        }

        private int candidate(int candidates, long key) {
            keys[candidates] = key;
            bucketSize[bucket(key)]++;
            return candidates + 1;
        }

        /** As {@link BreakpointTable#classPayoutCents(long)}, into {@code out} (one entry per claimant). */
        public void classPayoutCents(long proceedsCents, long[] out) {
            if (proceedsCents < 0) {
                throw new IllegalArgumentException("equity proceeds must be >= 0 but were " + proceedsCents + " cents");
            }
            evaluations++;
            int k = segmentOfCents(proceedsCents);
            if (n > MAX_FAST_CLAIMANTS || proceedsCents >= MAX_FAST_CENTS) {
                exact(k, proceedsCents, out);
                return;
            }
            int base = k * n;
            System.arraycopy(constantCents, base, out, 0, n);
            long assigned = constantAssigned[k];
            int candidates = 0;
            Arrays.fill(bucketSize, 0);
            for (int j = fractionFrom[k], end = fractionFrom[k + 1]; j < end; j++) {
                int i = fractionIndex[j];
                remainderNumerator[i] = fractionNumerator[j];
                candidates = candidate(candidates, fractionKey[j]);
            }
            for (int j = smallFrom[k], end = smallFrom[k + 1]; j < end; j++) {
                int i = smallIndex[j];
                int c = base + i;
                // (A + B·x) ÷ D with x = q·D + r: B·q whole cents, then (A + B·r) ÷ D, which cannot overflow.
                long d = lineDenominator[c];
                long q = proceedsCents / d;
                long num = lineIntercept[c] + lineSlope[c] * (proceedsCents - q * d);
                long floor = Math.floorDiv(num, d);
                long rem = num - floor * d;
                out[i] = lineSlope[c] * q + floor;
                assigned += out[i];
                if (rem != 0) {
                    remainderNumerator[i] = rem;
                    candidates = candidate(candidates, key((double) rem / d, i));
                }
            }
            double x = proceedsCents;
            // One noise bound for every wide line of the segment at x, from the largest parts.
            double noise = (WIDE_NOISE * (wideMaxIntercept[k] + wideMaxSlope[k] * x) + REMAINDER_NOISE) * noiseScale;
            for (int j = wideFrom[k], end = wideFrom[k + 1]; j < end; j++) {
                // Double-double: slopeHi·x exactly as product + productError (fused multiply-add), plus interceptHi
                // exactly as sum + sumError (two-sum); the small parts are added in the low word.
                double product = wideSlopeHi[j] * x;
                double productError = Math.fma(wideSlopeHi[j], x, -product);
                double a = wideInterceptHi[j];
                double sum = product + a;
                double aVirtual = sum - product;
                double sumError = (product - (sum - aVirtual)) + (a - aVirtual);
                double low = sumError + productError + wideSlopeLo[j] * x + wideInterceptLo[j];
                double floor = Math.floor(sum);
                double r = (sum - floor) + low;
                int i = wideIndex[j];
                if (r < noise || r > 1 - noise) {
                    exactLines++;
                    candidates = settleLineExactly(k, i, proceedsCents, out, candidates);
                    assigned += out[i];
                    continue;
                }
                out[i] = (long) floor;
                assigned += out[i];
                candidates = candidate(candidates, key(r, i));
            }
            int left = (int) (proceedsCents - assigned);
            if (left == 0) {
                return;
            }
            if (left < 0 || left > candidates) {
                exact(k, proceedsCents, out);
                return;
            }
            // The `left` largest keys get a cent. Bucket the keys by their top remainder bits, find the bucket the cut
            // falls in, and order only that bucket: linear work. Which side of the cut a key falls is a coin toss, so
            // the loops over keys are written without branches on it (a mispredicted branch costs more than a line).
            int above = 0;
            int cutBucket = BUCKETS - 1;
            while (above + bucketSize[cutBucket] < left) {
                above += bucketSize[cutBucket];
                cutBucket--;
            }
            int inBucket = 0;
            long highestBelow = -1;
            long cutBucketStart = (long) cutBucket << BUCKET_SHIFT;
            for (int j = 0; j < candidates; j++) {
                long key = keys[j];
                inCutBucket[inBucket] = key;
                inBucket += bucket(key) == cutBucket ? 1 : 0;
                long below = (key - cutBucketStart) >> 63; // all ones when the key is in a lower bucket
                highestBelow = Math.max(highestBelow, (key & below) | ~below);
            }
            sortDescending(inCutBucket, inBucket);
            int need = left - above;
            long threshold = inCutBucket[need - 1];
            long highestLeftOut = need < inBucket ? inCutBucket[need] : highestBelow;
            if (highestLeftOut >= 0 && !clearlyOrdered(base, threshold, highestLeftOut, noise)) {
                orderRemaindersExactly(k, proceedsCents, out, candidates, left);
                return;
            }
            for (int j = 0; j < candidates; j++) {
                long key = keys[j];
                out[index(key)] += (threshold - 1 - key) >>> 63; // 1 when key >= threshold (keys are below 2^62)
            }
        }

        /** A wide line within rounding noise of a whole cent, settled exactly on its own; the rest stays fast. */
        private int settleLineExactly(int k, int i, long proceedsCents, long[] out, int candidates) {
            BigFraction cents = segments.get(k).payout(i, new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100)))
                    .multiply(100);
            BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
            out[i] = qr[0].longValueExact();
            if (qr[1].signum() == 0) {
                return candidates; // a whole cent: no remainder to compete for a left-over cent
            }
            // The remainder as a double: numerator and denominator rounded once each, the quotient once.
            double r = Math.min(qr[1].doubleValue() / cents.getDenominator().doubleValue(), Math.nextDown(1.0));
            return candidate(candidates, key(r, i));
        }

        /**
         * The cut between who gets a left-over cent and who does not is too close to call in floating point. Every
         * floor is already exact (each was either exact or clear of a whole cent), so only the order of the
         * remainders is in doubt: work out each candidate's remainder exactly and give the {@code left} cents to the
         * largest, ties to the lower index, as {@link Allocation} does. Much cheaper than redoing the whole split.
         */
        private void orderRemaindersExactly(int k, long proceedsCents, long[] out, int candidates, int left) {
            exactOrderings++;
            int base = k * n;
            BigFraction x = new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100));
            Integer[] order = new Integer[candidates];
            BigFraction[] exactRemainder = new BigFraction[n];
            for (int j = 0; j < candidates; j++) {
                int i = index(keys[j]);
                order[j] = i;
                long den = lineDenominator[base + i];
                exactRemainder[i] = den != 0
                        ? new BigFraction(BigInteger.valueOf(remainderNumerator[i]), BigInteger.valueOf(den))
                        : segments.get(k).payout(i, x).multiply(100).subtract(new BigFraction(out[i]));
            }
            Arrays.sort(order, (p, q) -> {
                int c = exactRemainder[q].compareTo(exactRemainder[p]);
                return c != 0 ? c : Integer.compare(p, q);
            });
            for (int j = 0; j < left; j++) {
                out[order[j]]++;
            }
        }

        private static int bucket(long key) {
            return (int) (key >>> BUCKET_SHIFT);
        }

        private static void sortDescending(long[] a, int size) {
            for (int i = 1; i < size; i++) {
                long v = a[i];
                int j = i - 1;
                while (j >= 0 && a[j] < v) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }

        /**
         * Whether the claimant of key {@code won} certainly beats that of {@code lost} for a left-over cent, as exact
         * arithmetic would rank them. {@code wideNoise} bounds the error of a remainder not from a small-denominator
         * line (wide lines, constants, lines settled exactly and then rounded); small-denominator lines compare exactly.
         */
        private boolean clearlyOrdered(int base, long won, long lost, double wideNoise) {
            int w = index(won);
            int l = index(lost);
            if (sameLineAs[base + w] == sameLineAs[base + l]) {
                return true; // identical lines: equal remainders, lower index first on both paths
            }
            long dw = lineDenominator[base + w];
            long dl = lineDenominator[base + l];
            if (dw != 0 && dl != 0) {
                long cmp = remainderNumerator[w] * dl - remainderNumerator[l] * dw;
                return cmp > 0 || (cmp == 0 && w < l);
            }
            double noise = (dw != 0 ? REMAINDER_NOISE : wideNoise) + (dl != 0 ? REMAINDER_NOISE : wideNoise);
            return remainderOf(won) - remainderOf(lost) > noise;
        }

        private static int index(long key) {
            return MAX_FAST_CLAIMANTS - 1 - (int) (key & (MAX_FAST_CLAIMANTS - 1));
        }
    }

    private void exactCents(int k, long proceedsCents, long[] out) {
        Segment seg = segments.get(k);
        BigFraction x = new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100));
        List<BigFraction> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(seg.payout(i, x));
        }
        List<Money> cents = Allocation.toCents(Money.ofCents(proceedsCents), parts);
        for (int i = 0; i < n; i++) {
            out[i] = cents.get(i).cents();
        }
    }

    /** The segment each breakpoint opens, with who shares at the margin: for reports. */
    public Map<String, BigFraction> marginalShares(int segment) {
        Map<String, BigFraction> m = new TreeMap<>();
        Segment seg = segments.get(segment);
        for (int i = 0; i < n; i++) {
            if (!Affine.isZero(seg.marginalShares().get(i))) {
                m.put(ids.get(i), seg.marginalShares().get(i));
            }
        }
        return m;
    }
}

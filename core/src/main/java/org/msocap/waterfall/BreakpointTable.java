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
            return Arrays.equals(intercept, o.intercept) && Arrays.equals(slope, o.slope);
        }

        boolean agreesAt(Form o, BigFraction x) {
            for (int i = 0; i < slope.length; i++) {
                if (!intercept[i].add(slope[i].multiply(x)).equals(o.intercept[i].add(o.slope[i].multiply(x)))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final BigFraction TWO = new BigFraction(2);
    /** A millionth of a cent: intervals narrower than this are not split further. */
    private static final BigFraction RESOLUTION = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(8));
    /**
     * Rounding noise of {@code a + b·x} in doubles relative to {@code |a| + |b·x|}: a few ulps (2.2e-16 each),
     * with a tenfold margin. Values closer than this to a whole cent are settled exactly.
     */
    private static final double NOISE = 1e-14;

    private final List<String> ids;
    private final List<Segment> segments;
    private final int n;
    private final long[] startCents;
    private final double[] interceptCents;
    private final double[] slopes;
    /** Per segment and claimant: the line is a whole-cent constant, exact in doubles. */
    private final boolean[] exactConstant;
    /** Per segment and claimant: the lowest claimant index with the identical line (ties order exactly). */
    private final int[] sameLineAs;
    /**
     * Per segment and claimant, lines with a small denominator D (constants, whole shares of a tier, 1/2, …) as
     * integers: payout in cents = (lineIntercept + lineSlope × cents) ÷ D, evaluated exactly in longs. Such lines
     * often land on whole cents, where doubles cannot decide the floor. D = 0: use doubles.
     */
    private final long[] lineIntercept;
    private final long[] lineSlope;
    private final long[] lineDenominator;
    private static final long MAX_LINE_DENOMINATOR = 1L << 22;
    private static final long MAX_EXACT_LINE_CENTS = 1L << 38;

    private BreakpointTable(List<String> ids, List<Segment> segments) {
        this.ids = List.copyOf(ids);
        this.segments = List.copyOf(segments);
        this.n = ids.size();
        int s = segments.size();
        startCents = new long[s];
        interceptCents = new double[s * n];
        slopes = new double[s * n];
        exactConstant = new boolean[s * n];
        sameLineAs = new int[s * n];
        lineIntercept = new long[s * n];
        lineSlope = new long[s * n];
        lineDenominator = new long[s * n];
        BigFraction hundred = new BigFraction(100);
        for (int k = 0; k < s; k++) {
            Segment seg = segments.get(k);
            startCents[k] = ceil(seg.from().multiply(hundred));
            for (int i = 0; i < n; i++) {
                BigFraction a = seg.intercepts().get(i).multiply(hundred);
                BigFraction b = seg.marginalShares().get(i);
                interceptCents[k * n + i] = a.doubleValue();
                slopes[k * n + i] = b.doubleValue();
                exactConstant[k * n + i] = Affine.isZero(b) && a.getDenominator().equals(BigInteger.ONE)
                        && a.getNumerator().bitLength() < 52;
                int same = i;
                for (int j = 0; j < i; j++) {
                    // Equal rationals have equal doubles: compare those first, the exact values only when they match.
                    if (interceptCents[k * n + j] == interceptCents[k * n + i] && slopes[k * n + j] == slopes[k * n + i]
                            && seg.intercepts().get(j).equals(seg.intercepts().get(i)) && seg.marginalShares().get(j).equals(b)) {
                        same = j;
                        break;
                    }
                }
                sameLineAs[k * n + i] = same;
                BigInteger d = lcm(a.getDenominator(), b.getDenominator());
                if (d.compareTo(BigInteger.valueOf(MAX_LINE_DENOMINATOR)) <= 0) {
                    BigInteger ai = a.getNumerator().multiply(d).divide(a.getDenominator());
                    BigInteger bi = b.getNumerator().multiply(d).divide(b.getDenominator());
                    if (ai.bitLength() < 60 && bi.bitLength() <= 23) {
                        lineIntercept[k * n + i] = ai.longValueExact();
                        lineSlope[k * n + i] = bi.longValueExact();
                        lineDenominator[k * n + i] = d.longValueExact();
                    }
                }
            }
        }
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
            if (x.equals(hi)) {
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
        for (int i = 0; i < n; i++) {
            Affine p = o.payout(i);
            b[i] = p.slope();
            a[i] = p.value().subtract(p.slope().multiply(x));
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
        return new Evaluator();
    }

    /**
     * Evaluates class payouts in cents without allocating. Not thread-safe (it owns scratch arrays); the table
     * itself is immutable, so give each thread its own evaluator.
     */
    public final class Evaluator {

        private static final int INDEX_BITS = 10;
        private static final int MAX_FAST_CLAIMANTS = 1 << INDEX_BITS;
        private static final double KEY_SCALE = 0x1p52;

        private final double[] remainder = new double[n];
        private final double[] noiseOf = new double[n];
        /** Exact lines only: remainder numerator over the line's denominator. */
        private final long[] remainderNumerator = new long[n];
        /** Remainder scaled to 52 bits, then the complement of the index, so larger keys win and ties go to lower indices. */
        private final long[] keys = new long[n];
        private static final int BUCKET_BITS = 6;
        private static final int BUCKETS = 1 << BUCKET_BITS;
        private final int[] bucketSize = new int[BUCKETS];
        private final long[] inCutBucket = new long[n];
        private long evaluations;
        private long exactFallbacks;
        private long exactLines;
        private long exactOrderings;

        private Evaluator() {
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

        /** How many single claimants' lines it settled exactly (too close to a whole cent for doubles). */
        public long exactLines() {
            return exactLines;
        }

        private void exact(int k, long proceedsCents, long[] out) {
            exactFallbacks++;
            exactCents(k, proceedsCents, out);
        }

        /** As {@link BreakpointTable#classPayoutCents(long)}, into {@code out} (one entry per claimant). */
        public void classPayoutCents(long proceedsCents, long[] out) {
            if (proceedsCents < 0) {
                throw new IllegalArgumentException("equity proceeds must be >= 0 but were " + proceedsCents + " cents");
            }
            evaluations++;
            int k = segmentOfCents(proceedsCents);
            if (n > MAX_FAST_CLAIMANTS) {
                exact(k, proceedsCents, out);
                return;
            }
            int base = k * n;
            double x = proceedsCents;
            long assigned = 0;
            int candidates = 0;
            Arrays.fill(bucketSize, 0);
            for (int i = 0; i < n; i++) {
                long den = lineDenominator[base + i];
                if (exactConstant[base + i]) {
                    out[i] = (long) interceptCents[base + i];
                } else if (den != 0 && proceedsCents <= MAX_EXACT_LINE_CENTS) {
                    long num = lineIntercept[base + i] + lineSlope[base + i] * proceedsCents;
                    long floor = Math.floorDiv(num, den);
                    long rem = num - floor * den;
                    out[i] = floor;
                    if (rem != 0) {
                        double r = (double) rem / den;
                        remainder[i] = r;
                        noiseOf[i] = 0;
                        remainderNumerator[i] = rem;
                        long key = ((long) (r * KEY_SCALE) << INDEX_BITS) | (MAX_FAST_CLAIMANTS - 1 - i);
                        keys[candidates++] = key;
                        bucketSize[bucket(key)]++;
                    }
                } else {
                    double a = interceptCents[base + i];
                    double bx = slopes[base + i] * x;
                    double v = a + bx;
                    double floor = Math.floor(v);
                    double r = v - floor;
                    double noise = NOISE * (Math.abs(a) + Math.abs(bx) + 1);
                    if (r < noise || r > 1 - noise) {
                        // Too close to a whole cent to trust the floor in doubles: settle this claimant's line
                        // exactly (the rest of the evaluation stays fast).
                        exactLines++;
                        BigFraction cents = segments.get(k).payout(i, new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100)))
                                .multiply(100);
                        BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
                        out[i] = qr[0].longValueExact();
                        assigned += out[i];
                        if (qr[1].signum() == 0) {
                            continue;   // a whole cent: no remainder to compete for a left-over cent
                        }
                        // The remainder as a double: numerator and denominator rounded once each, the quotient once.
                        r = Math.min(qr[1].doubleValue() / cents.getDenominator().doubleValue(), Math.nextDown(1.0));
                        noise = 4 * 0x1p-53;
                        remainder[i] = r;
                        noiseOf[i] = noise;
                        long key = ((long) (r * KEY_SCALE) << INDEX_BITS) | (MAX_FAST_CLAIMANTS - 1 - i);
                        keys[candidates++] = key;
                        bucketSize[bucket(key)]++;
                        continue;
                    }
                    out[i] = (long) floor;
                    remainder[i] = r;
                    noiseOf[i] = noise;
                    long key = ((long) (r * KEY_SCALE) << INDEX_BITS) | (MAX_FAST_CLAIMANTS - 1 - i);
                    keys[candidates++] = key;
                    bucketSize[bucket(key)]++;
                }
                assigned += out[i];
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
            // falls in, and order only that bucket: linear work and few unpredictable branches.
            int above = 0;
            int cutBucket = BUCKETS - 1;
            while (above + bucketSize[cutBucket] < left) {
                above += bucketSize[cutBucket];
                cutBucket--;
            }
            int inBucket = 0;
            long highestBelow = -1;
            for (int j = 0; j < candidates; j++) {
                int b = bucket(keys[j]);
                if (b == cutBucket) {
                    inCutBucket[inBucket++] = keys[j];
                } else if (b < cutBucket && keys[j] > highestBelow) {
                    highestBelow = keys[j];
                }
            }
            sortDescending(inCutBucket, inBucket);
            int need = left - above;
            long threshold = inCutBucket[need - 1];
            long highestLeftOut = need < inBucket ? inCutBucket[need] : highestBelow;
            if (highestLeftOut >= 0 && !clearlyOrdered(base, proceedsCents, index(threshold), index(highestLeftOut))) {
                orderRemaindersExactly(k, proceedsCents, out, candidates, left);
                return;
            }
            for (int j = 0; j < candidates; j++) {
                if (keys[j] >= threshold) {
                    out[index(keys[j])]++;
                }
            }
        }

        /**
         * The cut between who gets a left-over cent and who does not is too close to call in doubles. Every floor
         * is already exact (each was either exact or clear of a whole cent), so only the order of the remainders is
         * in doubt: work out each candidate's remainder exactly and give the {@code left} cents to the largest,
         * ties to the lower index, as {@link Allocation} does. Much cheaper than redoing the whole split exactly.
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
                exactRemainder[i] = den != 0 && proceedsCents <= MAX_EXACT_LINE_CENTS
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
            return (int) (key >>> (INDEX_BITS + 52 - BUCKET_BITS));
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

        /** Whether claimant {@code won} certainly beats {@code lost} for a left-over cent, as exact arithmetic would rank them. */
        private boolean clearlyOrdered(int base, long proceedsCents, int won, int lost) {
            if (sameLineAs[base + won] == sameLineAs[base + lost]) {
                return true; // identical lines: equal remainders, lower index first on both paths
            }
            long dw = lineDenominator[base + won];
            long dl = lineDenominator[base + lost];
            if (dw != 0 && dl != 0 && proceedsCents <= MAX_EXACT_LINE_CENTS) {
                long cmp = remainderNumerator[won] * dl - remainderNumerator[lost] * dw;
                return cmp > 0 || (cmp == 0 && won < lost);
            }
            return remainder[won] - remainder[lost] > noiseOf[won] + noiseOf[lost] + 2 * Math.ulp(1.0);
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

package org.msocap.waterfall;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Allocation;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/**
 * The waterfall resolved once into straight lines: every claimant's payout is continuous and piecewise
 * linear in the equity proceeds (PRODUCT.md §4.7), so the engine's answer at any exit value is one line
 * per claimant from the segment the value falls in. "Resolve once, evaluate many" for the simulation.
 *
 * <h2>How the breakpoints are found, exactly</h2>
 * The engine run on {@link Affine} proceeds {@code (x, 1)} returns, for each claimant, the exact line that
 * holds just to the right of {@code x} (the "form" at x); run on {@code (x, -1)}, the line just to its left. For fixed
 * conversion decisions the form changes only where the proceeds cover a preference tier, where the price per common
 * share reaches a price point (a strike, a cap, a profits interest's threshold) and where a catch-up is filled, so
 * the outcome at x says where its form ends: the search walks up from 0, one segment per step, and a step is taken
 * when the form just below the predicted end is the one just above the start. If it is not, a conversion decision
 * changed on the way; the changed lines cross at the change when it is the only one, and otherwise the interval
 * shrinks to one side of the crossing (or the midpoint), so the search ends. Above an upper bound where every option
 * is in the money and every convertible has converted, the form no longer changes.
 *
 * <h2>Evaluation</h2>
 * {@link #classPayoutCents(long)} (or a reusable {@link Evaluator}) reproduces {@link WaterfallEngine}'s cents exactly:
 * every line is floored to cents and the left-over cents handed out by largest remainder, ties to the lower
 * claimant index, the same rule as {@link Allocation}. Lines that are constant on a segment are floored once when
 * the table is built; lines with small denominators are evaluated exactly in longs; the others in fixed point from
 * one fused multiply-add of doubles, with a proven error bound, redone in double-double when that bound cannot
 * settle a floor or the order at the cut, and settled in exact rationals (one line, or the few remainders at the
 * cut) when even that cannot. Each tier is exact whenever it answers; the slower ones are rare (about one
 * evaluation in 130, and never, on the benchmark table).
 * {@link #classPayouts(double, double[])} is the plain analytic value for statistics.
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

    /**
     * The lines of an outcome (just above its point, or just below it: {@code falling}), each worked out on first use:
     * a form compared with another ({@link #sameLines}) or crossed with it ({@link #crossing}) is mostly told apart by
     * one of the first claimants, and only the forms that become segments need every line.
     */
    private static final class Form {
        private final Outcome outcome;
        /** Where the outcome's proceeds stand, negated for falling proceeds (see {@link #lines}). */
        private final BigFraction at;
        private final boolean falling;
        private final BigFraction priceIntercept;
        private final BigFraction[] intercept;
        private final BigFraction[] slope;

        Form(Outcome outcome, BigFraction at, boolean falling, BigFraction priceIntercept, int n) {
            this.outcome = outcome;
            this.at = at;
            this.falling = falling;
            this.priceIntercept = priceIntercept;
            this.intercept = new BigFraction[n];
            this.slope = new BigFraction[n];
        }

        BigFraction intercept(int i) {
            line(i);
            return intercept[i];
        }

        BigFraction slope(int i) {
            line(i);
            return slope[i];
        }

        private void line(int i) {
            if (slope[i] == null) {
                BigFraction[] line = outcome.line(i, at, priceIntercept);
                intercept[i] = line[0];
                slope[i] = falling ? line[1].negate() : line[1];
            }
        }

        List<BigFraction> intercepts() {
            for (int i = 0; i < slope.length; i++) {
                line(i);
            }
            return Arrays.asList(intercept);
        }

        List<BigFraction> slopes() {
            for (int i = 0; i < slope.length; i++) {
                line(i);
            }
            return Arrays.asList(slope);
        }

        boolean sameLines(Form o) {
            if (o == this) {
                return true;
            }
            for (int i = 0; i < slope.length; i++) {
                if (!Affine.same(slope(i), o.slope(i)) || !Affine.same(intercept(i), o.intercept(i))) {
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
    /**
     * For the 1024 equal slices of [0, twice the last breakpoint], the segment each slice starts in: the segment of
     * an exit value is then a table look-up and a step or two, not a binary search with a mispredicted branch per
     * level. Shorts (past the 32,767th segment, a walk from there): a simulation reads one day's table of 1,461 for a
     * stretch of runs, each run a slice at random, so the table's cache lines are mostly cold; half as many as ints.
     */
    private final short[] segmentGuess = new short[SEGMENT_GUESSES];
    private final int guessShift;
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
     * in small* (exact longs) and wide*. Each list is the range from[k] .. from[k + 1].
     *
     * Wide lines are those whose denominators are too wide for longs. Their intercept and slope in cents are stored
     * as hi + lo pairs of doubles (about 104 bits; hi the nearest double), contiguously per segment so the hot loop
     * reads them in order: the fast tier uses hi alone, scaled to fixed point (wide*Fixed), the precise tier full
     * double-double arithmetic.
     * wideMaxIntercept/wideMaxSlope bound |intercept| and |slope| over a segment's wide lines, for one noise bound
     * per evaluation.
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
    /** wideInterceptHi and wideSlopeHi times 2^22 (exactly: a power of two), for the fast tier's fixed point. */
    private final double[] wideInterceptFixed;
    private final double[] wideSlopeFixed;
    private final double[] wideMaxIntercept;
    private final double[] wideMaxSlope;
    /** Per segment: some key is only approximately its remainder (a wide line, or a constant with a wide denominator). */
    private final boolean[] inexactKeys;
    /**
     * Per segment, in key units (2^62 is a whole cent): 1.5 / the lines with a remainder (fractional constants and
     * moving lines), the width per key the evaluator's window next to 1/2 starts from (a multiply, not a division).
     */
    private final double[] windowUnit;
    /** Per segment: a line is beyond double range; every evaluation there is exact. */
    private final boolean[] exactOnly;
    /**
     * Whether evaluators take the wide lines through {@link IntegerLines}: whole-number limbs, which pay only where the
     * JIT vectorises their loops (C2's SuperWord: about 15-20% more exit values a second on the LLC benchmark table).
     * Under C1, which does not vectorise, they cost about 30% more than the multiply-add loop, so the command-line
     * launcher, which runs C1, sets {@code -Dmsocap.integerLines=false}; a default JVM (benchmarks, library users)
     * keeps them.
     */
    static final boolean INTEGER_LINES = !"false".equals(System.getProperty("msocap.integerLines"));
    /** The wide lines again, as whole numbers for the fast tier's integer pass; null without {@link #INTEGER_LINES}. */
    private final IntegerLines limbs;

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
        inexactKeys = new boolean[s];
        exactOnly = new boolean[s];
        windowUnit = new double[s];
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
        List<BigInteger[]> wideExact = new ArrayList<>();
        BigFraction hundred = new BigFraction(100);
        for (int k = 0; k < s; k++) {
            Segment seg = segments.get(k);
            startCents[k] = ceil(seg.from().multiply(hundred));
            fractionFrom[k] = fractions.size();
            smallFrom[k] = small.size();
            wideFrom[k] = wide.size();
            for (int i = 0; i < n; i++) {
                int c = k * n + i;
                // The intercept in cents, aN / aD in lowest terms, without a BigFraction's gcd of the whole numbers.
                BigFraction intercept = seg.intercepts().get(i);
                int common = BigInteger.valueOf(100).gcd(intercept.getDenominator().mod(BigInteger.valueOf(100))).intValueExact();
                BigInteger aN = intercept.getNumerator().multiply(BigInteger.valueOf(100 / common));
                BigInteger aD = intercept.getDenominator().divide(BigInteger.valueOf(common));
                BigFraction b = seg.marginalShares().get(i);
                interceptCents[c] = Fractions.toDouble(aN, aD);
                slopes[c] = Fractions.toDouble(b);
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
                // (The least common multiple is at least either denominator: no gcd needed for most wide lines.)
                BigInteger d = aD.bitLength() > 23 || b.getDenominator().bitLength() > 23 ? null : lcm(aD, b.getDenominator());
                if (d != null && d.compareTo(BigInteger.valueOf(MAX_LINE_DENOMINATOR)) <= 0) {
                    BigInteger ai = aN.multiply(d).divide(aD);
                    BigInteger bi = b.getNumerator().multiply(d).divide(b.getDenominator());
                    if (ai.bitLength() < 60 && bi.bitLength() <= 23) {
                        lineIntercept[c] = ai.longValueExact();
                        lineSlope[c] = bi.longValueExact();
                        lineDenominator[c] = d.longValueExact();
                    }
                }
                if (Affine.isZero(b)) {
                    BigInteger[] qr = aN.divideAndRemainder(aD);
                    BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
                    constantCents[c] = floor.longValueExact();
                    constantAssigned[k] += constantCents[c];
                    BigInteger remainder = aN.subtract(floor.multiply(aD)); // over aD, in lowest terms as aN / aD is
                    if (remainder.signum() != 0) {
                        fractions.add(i);
                        fractionKeys.add(Evaluator.key(Math.min(Fractions.toDouble(remainder, aD), Math.nextDown(1.0)), i));
                        fractionNumerators.add(lineDenominator[c] == 0 ? 0 : Math.floorMod(lineIntercept[c], lineDenominator[c]));
                        inexactKeys[k] |= lineDenominator[c] == 0;
                    }
                } else if (lineDenominator[c] != 0) {
                    small.add(i);
                } else {
                    wide.add(i);
                    inexactKeys[k] = true;
                    // The nearest doubles, so the low parts are at most half an ulp: the fast tier leaves them out.
                    double aHi = nearestDouble(aN, aD);
                    double bHi = nearestDouble(b.getNumerator(), b.getDenominator());
                    double aLo = differenceToDouble(aN, aD, aHi);
                    double bLo = differenceToDouble(b.getNumerator(), b.getDenominator(), bHi);
                    wideParts.add(new double[] {aHi, aLo, bHi, bLo});
                    wideExact.add(new BigInteger[] {aN, aD, b.getNumerator(), b.getDenominator()});
                    // A line too large for doubles (no cap table comes near) sends its segment to exact rationals.
                    exactOnly[k] |= !(Double.isFinite(aHi) && Double.isFinite(bHi) && Double.isFinite(aLo) && Double.isFinite(bLo)
                            && Math.abs(aHi) < 0x1p900 && Math.abs(bHi) < 0x1p900);
                    // Bounds for the noise: a little over the largest parts (which are within an ulp of the lines).
                    wideMaxIntercept[k] = Math.max(wideMaxIntercept[k], Math.abs(aHi) * (1 + 0x1p-40));
                    wideMaxSlope[k] = Math.max(wideMaxSlope[k], Math.abs(bHi) * (1 + 0x1p-40));
                }
            }
        }
        long span = Math.max(startCents[s - 1], 1) * 2;
        guessShift = Math.max(0, 64 - Long.numberOfLeadingZeros(span / SEGMENT_GUESSES));
        for (int u = 0, k = 0; u < SEGMENT_GUESSES; u++) {
            while (k + 1 < s && startCents[k + 1] <= (long) u << guessShift) {
                k++;
            }
            segmentGuess[u] = (short) Math.min(k, Short.MAX_VALUE);
        }
        fractionFrom[s] = fractions.size();
        smallFrom[s] = small.size();
        wideFrom[s] = wide.size();
        for (int k = 0; k < s; k++) {
            int lines = fractionFrom[k + 1] - fractionFrom[k] + smallFrom[k + 1] - smallFrom[k] + wideFrom[k + 1] - wideFrom[k];
            windowUnit[k] = 1.5 * 0x1p62 / Math.max(lines, 1);
        }
        fractionIndex = fractions.stream().mapToInt(Integer::intValue).toArray();
        fractionKey = fractionKeys.stream().mapToLong(Long::longValue).toArray();
        fractionNumerator = fractionNumerators.stream().mapToLong(Long::longValue).toArray();
        smallIndex = small.stream().mapToInt(Integer::intValue).toArray();
        wideIndex = wide.stream().mapToInt(Integer::intValue).toArray();
        wideInterceptHi = wideParts.stream().mapToDouble(p -> p[0]).toArray();
        wideInterceptLo = wideParts.stream().mapToDouble(p -> p[1]).toArray();
        wideSlopeHi = wideParts.stream().mapToDouble(p -> p[2]).toArray();
        wideSlopeLo = wideParts.stream().mapToDouble(p -> p[3]).toArray();
        wideInterceptFixed = Arrays.stream(wideInterceptHi).map(a -> Math.scalb(a, Evaluator.FIXED_POINT_BITS)).toArray();
        wideSlopeFixed = Arrays.stream(wideSlopeHi).map(b -> Math.scalb(b, Evaluator.FIXED_POINT_BITS)).toArray();
        limbs = INTEGER_LINES ? new IntegerLines(s, n, constantCents, fractionFrom, smallFrom, wideFrom, wideIndex, wideExact) : null;
    }

    /** A table of given segments, for tests that build lines no cap table produces (huge denominators, near-ties). */
    static BreakpointTable ofSegments(List<String> ids, List<Segment> segments) {
        return new BreakpointTable(ids, segments);
    }

    /** Computes the exact breakpoints of a cap table's waterfall. */
    public static BreakpointTable resolve(ResolvedCapTable table) {
        return resolve(table, true);
    }

    /**
     * As {@link #resolve(ResolvedCapTable)}; with {@code estimated}, the equilibrium search decides its comparisons in
     * doubles where they are clear and exactly where not ({@link OutcomeEstimates}): the same table, in about 40% of the
     * time on the large benchmark table. Without, every comparison is exact (the reference the tests hold the estimates
     * to).
     */
    static BreakpointTable resolve(ResolvedCapTable table, boolean estimated) {
        Layout layout = table.layout;
        OutcomeEstimates estimates = estimated ? new OutcomeEstimates(layout) : null;
        BigFraction upper = upperBound(layout);
        Form last = form(table, estimates, upper).form();
        // The bound is generous; if anything still changes above it, keep doubling until it stops.
        for (int guard = 0; guard < 64; guard++) {
            Form further = form(table, estimates, upper.multiply(TWO)).form();
            if (further.sameLines(last)) {
                break;
            }
            upper = upper.multiply(TWO);
            last = further;
        }
        // From 0 up, segment by segment: each form says where it ends unless a conversion decision changes first.
        List<Segment> segments = new ArrayList<>();
        BigFraction x = BigFraction.ZERO;
        Step here = form(table, estimates, x);
        segments.add(new Segment(x, here.form().intercepts(), here.form().slopes()));
        while (x.compareTo(upper) < 0) {
            BigFraction end = here.end() == null || here.end().compareTo(upper) > 0 ? upper : here.end();
            Outcome justBelow = settleBelow(table, estimates, end);
            Step next;
            // The same decisions just below the end as just above x: nothing these decisions' waterfall does changes
            // the lines in between (the end is their first event), so the form held all the way.
            Form below = Arrays.equals(justBelow.converted(), here.converted()) ? here.form() : lines(table, justBelow, end, true);
            if (below.sameLines(here.form())) {
                next = form(table, estimates, end);
            } else {
                // A decision changed on the way (a conversion): the form stops holding somewhere before `end`.
                Change change = firstChange(table, estimates, x, here, end, below);
                end = change.at();
                next = change.after();
            }
            if (!next.form().sameLines(here.form())) {
                segments.add(new Segment(end, next.form().intercepts(), next.form().slopes()));
            }
            x = end;
            here = next;
        }
        return new BreakpointTable(layout.claimants.stream().map(ResolvedCapTable.Claimant::id).toList(), segments);
    }

    /** The form holding just above a point, and where it stops holding unless a conversion decision changes first (null: never). */
    private record Step(Form form, BigFraction end, boolean[] converted) {
    }

    /** The first point above which {@code left} no longer holds, and the step there. */
    private record Change(BigFraction at, Step after) {
    }

    /**
     * Where {@code left}, the form just above {@code lo}, stops holding, given that {@code below}, the form just below
     * {@code hi}, differs from it. Between two forms with a single breakpoint between them the changed lines cross at it;
     * a candidate is accepted once {@code left} holds just below it and not just above it. Otherwise the interval
     * shrinks to one side of the candidate (or its midpoint), so the search ends.
     *
     * <p>Up to {@code hi} no event of {@code left}'s decisions intervenes (hi is at most where its form ends), so wherever
     * the engine keeps those decisions it is on {@code left}'s lines: only an outcome with other decisions needs its lines
     * worked out and compared.
     */
    private static Change firstChange(ResolvedCapTable table, OutcomeEstimates estimates, BigFraction lo, Step leftStep,
                                      BigFraction hi, Form below) {
        Form left = leftStep.form();
        boolean[] decisions = leftStep.converted();
        while (true) {
            if (hi.subtract(lo).compareTo(RESOLUTION) < 0) {
                // Only a jump (not a kink) narrows this far; payouts are continuous, so this guards against a bug.
                return new Change(hi, form(table, estimates, hi));
            }
            BigFraction x = crossing(left, below, lo, hi);
            Outcome justBelow = settleBelow(table, estimates, x);
            Form belowLines = Arrays.equals(justBelow.converted(), decisions) ? left : lines(table, justBelow, x, true);
            if (belowLines.sameLines(left)) {
                Outcome justAbove = settleAbove(table, estimates, x);
                if (!Arrays.equals(justAbove.converted(), decisions)) {
                    Step above = step(table, justAbove, x);
                    if (!above.form().sameLines(left)) {
                        return new Change(x, above);
                    }
                }
                lo = x;
            } else {
                hi = x;
                below = belowLines;
            }
        }
    }

    /**
     * The form just above {@code x}: the engine run on proceeds {@code (x, 1)}. Where it stops holding, if no conversion
     * decision changes first, follows from the outcome: the proceeds covering the next preference tier, the price per
     * common share reaching the next price point of these decisions, or a catch-up being filled.
     */
    private static Step form(ResolvedCapTable table, OutcomeEstimates estimates, BigFraction x) {
        return step(table, settleAbove(table, estimates, x), x);
    }

    private static Outcome settleAbove(ResolvedCapTable table, OutcomeEstimates estimates, BigFraction x) {
        return WaterfallEngine.DEFAULT.settle(table, new Affine(x, BigFraction.ONE), estimates);
    }

    private static Step step(ResolvedCapTable table, Outcome o, BigFraction x) {
        return new Step(lines(table, o, x, false), end(table.layout, o, x), o.converted());
    }

    /**
     * The outcome just below {@code x} (x > 0): the engine run on proceeds {@code (x, -1)}, whose lexicographic
     * comparisons pick the state that holds immediately below x ({@link #lines} turns its lines around).
     */
    private static Outcome settleBelow(ResolvedCapTable table, OutcomeEstimates estimates, BigFraction x) {
        return WaterfallEngine.DEFAULT.settle(table, new Affine(x, BigFraction.ONE.negate()), estimates);
    }

    private static Form lines(ResolvedCapTable table, Outcome o, BigFraction x, boolean falling) {
        // Falling proceeds x − t: a payout v + s·t is the line (v + s·x) − s·P, which Outcome.line gives at −x, negated.
        BigFraction at = falling ? x.negate() : x;
        BigFraction priceIntercept = Affine.sub(o.price().value(), Affine.mul(o.price().slope(), at));
        return new Form(o, at, falling, priceIntercept, table.layout.size);
    }

    /** Where the outcome's form at {@code x} (proceeds rising) ends for its decisions; null if it never does. */
    private static BigFraction end(Layout layout, Outcome o, BigFraction x) {
        Layout.Plan plan = layout.plan(o.converted());
        int tiers = layout.tiers.length;
        int covered = 0;
        while (covered < tiers && x.compareTo(plan.claimBefore[covered + 1]) >= 0) {
            covered++;
        }
        if (covered < tiers) {
            return plan.claimBefore[covered + 1]; // the residual is 0 until this tier is paid in full
        }
        if (o.catchingUp()) {
            Affine filled = o.catchUpFilled();
            return x.add(BigFraction.ONE.subtract(filled.value()).divide(filled.slope()));
        }
        Affine price = o.price();
        if (price.slope().compareTo(BigFraction.ZERO) <= 0) {
            return null;
        }
        for (BigFraction point : plan.price) {
            if (point.compareTo(price.value()) > 0) {
                return x.add(point.subtract(price.value()).divide(price.slope()));
            }
        }
        return null;
    }

    /** Where the lines of the first claimant whose slope changed cross; the midpoint if that is outside (lo, hi). */
    private static BigFraction crossing(Form left, Form right, BigFraction lo, BigFraction hi) {
        for (int i = 0; i < left.slope.length; i++) {
            if (Affine.same(left.slope(i), right.slope(i))) {
                continue; // most claimants' slopes did not change: no subtraction (and gcd) for them
            }
            BigFraction x = right.intercept(i).subtract(left.intercept(i)).divide(left.slope(i).subtract(right.slope(i)));
            if (x.compareTo(lo) > 0 && x.compareTo(hi) < 0) {
                return x;
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

    /**
     * As {@link Fractions#nearestDouble} for {@code numerator / denominator}: the estimate plus its exact error, rounded
     * once. The error is formed over the denominator times a power of two, not reduced: the same value, without the
     * gcds, which were most of the cost of building a table's evaluation plan.
     */
    static double nearestDouble(BigInteger numerator, BigInteger denominator) {
        double estimate = Fractions.toDouble(numerator, denominator);
        if (!Double.isFinite(estimate) || estimate == 0) {
            return estimate;
        }
        return estimate + differenceToDouble(numerator, denominator, estimate);
    }

    /** {@code numerator / denominator − d} (d finite), exact before its one conversion to a double. */
    static double differenceToDouble(BigInteger numerator, BigInteger denominator, double d) {
        if (d == 0) {
            return Fractions.toDouble(numerator, denominator);
        }
        if (!Double.isFinite(d) || Math.getExponent(d) < Double.MIN_EXPONENT) {
            return Fractions.toDouble(new BigFraction(numerator, denominator).subtract(new BigFraction(d)));
        }
        // d = ±mantissa × 2^shift exactly (normal doubles have the implicit leading bit).
        int shift = Math.getExponent(d) - 52;
        long mantissa = (Double.doubleToRawLongBits(d) & 0xFFFFFFFFFFFFFL) | 0x10000000000000L;
        BigInteger m = BigInteger.valueOf(d < 0 ? -mantissa : mantissa);
        return shift >= 0
                ? Fractions.toDouble(numerator.subtract(m.shiftLeft(shift).multiply(denominator)), denominator)
                : Fractions.toDouble(numerator.shiftLeft(-shift).subtract(m.multiply(denominator)), denominator.shiftLeft(-shift));
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

    /** The last segment starting at or below {@code cents}: a guess from {@link #segmentGuess}, then a short walk. */
    private int segmentOfCents(long cents) {
        int k = segmentGuess[(int) Math.min(cents >>> guessShift, SEGMENT_GUESSES - 1)];
        while (k + 1 < startCents.length && startCents[k + 1] <= cents) {
            k++;
        }
        return k;
    }

    private static final int SEGMENT_GUESSES = 1024;

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

    /** Whether segment k's fast tier takes the integer pass in claimant order (see {@link IntegerLines}): for tests. */
    boolean inClaimantOrder(int k) {
        return limbs != null && limbs.claimantOrder[k];
    }

    /** A reusable evaluator with its own scratch space: one per thread, for hot loops. */
    public Evaluator evaluator() {
        return new Evaluator(1, true);
    }

    /**
     * An evaluator that treats values as unsettled in floating point {@code noiseScale} times as readily as it
     * needs to: for tests, which must reach the rare exact paths often enough to check them against the engine.
     */
    Evaluator evaluatorWithNoiseScale(double noiseScale) {
        return new Evaluator(noiseScale, true);
    }

    /** The same, with or without the integer pass (the launcher's C1 runs without it): tests check both paths. */
    Evaluator evaluatorWithNoiseScale(double noiseScale, boolean integerLines) {
        return new Evaluator(noiseScale, integerLines);
    }

    /**
     * Evaluates class payouts in cents without allocating. Not thread-safe (it owns scratch arrays); the table
     * itself is immutable, so give each thread its own evaluator.
     *
     * <p>Constant lines were settled when the table was built; per evaluation only the moving lines are computed:
     * small-denominator lines exactly in longs, wide lines first in fixed point from one fused multiply-add of
     * doubles, with a proven error bound. If a wide line is within that bound of a whole cent, or the two remainders
     * either side of the largest-remainder cut are, the evaluation is redone with wide lines in double-double (about
     * one in 130 on the benchmark table); what even that cannot settle is settled in exact rationals, one line or the
     * few remainders at the cut (about once in 10^14 lines). Every tier answers only when its answer is exact.
     */
    public final class Evaluator {

        private static final int INDEX_BITS = 10;
        static final int MAX_FAST_CLAIMANTS = 1 << INDEX_BITS;
        private static final double KEY_SCALE = 0x1p52;
        /** Double-doubles (and doubles below) are exact for whole cents below 2^53. */
        private static final long MAX_FAST_CENTS = 1L << 53;
        /**
         * Error of a wide line's value in double-double arithmetic relative to |intercept| + |slope × x|: the parts
         * are rounded to about 2^-104 and the evaluation adds about 2^-100; 2^-95 leaves a 30-fold margin.
         */
        private static final double WIDE_NOISE = 0x1p-95;
        /**
         * The same for the fast evaluation in plain doubles: one rounding of the fused multiply-add of the high parts
         * (2^-53), and the low parts left out (each at most half an ulp of its high part, 2^-53, see
         * {@link Fractions#nearestDouble}): 2^-52 in all, so 2^-50 leaves a 4-fold margin.
         */
        private static final double FAST_NOISE = 0x1p-50;
        /**
         * The fast tier works in fixed point, 22 bits below the cent: cutting the fused multiply-add to a whole number
         * moves it by less than 2^-22 (down, or up for a negative value), so 2^-21 bounds what that adds to the noise.
         * Values must stay below 2^62 units, so the fast tier takes segments whose parts stay below 2^40 cents
         * ($11 billion); above, the precise tier evaluates.
         */
        static final int FIXED_POINT_BITS = 22;
        private static final long FIXED_POINT_ONE = 1L << FIXED_POINT_BITS;
        private static final double FIXED_POINT_NOISE = 0x1p-21;
        private static final double FIXED_POINT_LIMIT = 0x1p40;
        /**
         * Absolute error of a remainder after its last rounding (a remainder is below 1, so a few 2^-53), and of a
         * remainder read back from its 52-bit key (below 2^-52).
         */
        private static final double REMAINDER_NOISE = 0x1p-50;
        /** A key's remainder in units of 2^-22 is its bits from here up (the integer pass's keys hold no more). */
        private static final int KEY_FRACTION_SHIFT = 62 - FIXED_POINT_BITS;
        /** The key of a remainder of exactly 1/2, with the index bits zero: keys of at least 1/2 are >= HALF. */
        private static final long HALF = 1L << (INDEX_BITS + 51);

        private final double noiseScale;
        /** The integer pass's noise (it does not depend on the magnitude), in cents and in units of 2^-22 cent. */
        private final double integerNoise;
        private final long integerNoiseUnits;
        /**
         * At that noise, the band either side of 1/2 (in key units) where keys are searched when the up-front cents
         * are the left-over cents, and the pass's flag width (units of 2^-22 cent), wide enough for that band too.
         */
        private final long integerBand;
        private final long integerFlagUnits;
        /** Small-denominator lines only: remainder numerator over the line's denominator. */
        private final long[] remainderNumerator = new long[n];
        /** Remainder scaled to 52 bits, then the complement of the index, so larger keys win and ties go to lower indices. */
        private final long[] keys = new long[n];
        /** The keys gathered next to 1/2, around the cut. */
        private final long[] nearCut = new long[Integer.highestOneBit(n + SMALL_SORT) * 2];
        /** The integer pass's scratch, indexed by {@link IntegerLines}' slots (allocated on first use). */
        private long[] lineSums;
        private long[] lineCents;
        private long[] lineKeys;
        private long evaluations;
        private long exactFallbacks;
        private long exactLines;
        private long exactOrderings;
        private long fastRetries;
        /** Whether this evaluator takes the wide lines through {@link IntegerLines} where a segment allows. */
        private final boolean integerLines;

        private Evaluator(double noiseScale, boolean integerLines) {
            this.noiseScale = noiseScale;
            this.integerLines = integerLines && limbs != null;
            this.integerNoise = (IntegerLines.NOISE + REMAINDER_NOISE) * noiseScale;
            this.integerNoiseUnits = ceilToLong(integerNoise * FIXED_POINT_ONE);
            this.integerBand = halfBand(integerNoise);
            // A key's fraction is its bits from KEY_FRACTION_SHIFT up: a key within the band lies within
            // band >>> KEY_FRACTION_SHIFT units of 2^21 in fraction, plus one for the part of a unit the shift drops.
            this.integerFlagUnits = Math.max(integerNoiseUnits, (integerBand >>> KEY_FRACTION_SHIFT) + 1);
        }

        /**
         * {@code (long) Math.ceil(x)} for every double: C1 (the launcher's compiler) does not inline {@code Math.ceil},
         * it runs {@code StrictMath}'s code, about 12 ns a run of the evaluator's. The cast truncates toward zero, which
         * is the ceiling unless {@code x} is positive and not whole; past {@code Long.MAX_VALUE} both saturate, and NaN
         * gives 0 either way.
         */
        static long ceilToLong(double x) {
            long truncated = (long) x;
            return truncated < x && truncated != Long.MAX_VALUE ? truncated + 1 : truncated;
        }

        /** The band either side of 1/2 within which a key may be out of order at {@code noise}, in key units. */
        private static long halfBand(double noise) {
            return ceilToLong(Math.min(2 * noise, 0.5) * KEY_SCALE) << INDEX_BITS; // 2 × noise, in key units
        }

        /** How many evaluations this evaluator has done, and how many of them it had to settle exactly. */
        public long evaluations() {
            return evaluations;
        }

        public long exactFallbacks() {
            return exactFallbacks;
        }

        /** How many evaluations were redone in double-double because plain doubles could not settle them. */
        public long fastRetries() {
            return fastRetries;
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

        /**
         * The cent a remainder's line gets up front, as it is computed: 1 for a remainder of at least 1/2, else 0.
         * The remainders sum to the left-over cents, so the cut sits near 1/2 and only the few keys between 1/2 and
         * the cut change hands afterwards (see {@link #handOutLeftOver}).
         */
        private static int upFront(long key) {
            return (int) (key >>> (INDEX_BITS + 51));
        }

        /**
         * As {@link BreakpointTable#classPayoutCents(long)}, into {@code out} (one entry per claimant). Returns the index
         * among {@link BreakpointTable#segments()} of the segment the proceeds lie in (the last starting at or below them): the caller's
         * split of a claimant's cents needs it too, and looking it up again cost a second walk of cold tables.
         */
        public int classPayoutCents(long proceedsCents, long[] out) {
            if (proceedsCents < 0) {
                throw new IllegalArgumentException("equity proceeds must be >= 0 but were " + proceedsCents + " cents");
            }
            evaluations++;
            int k = segmentOfCents(proceedsCents);
            if (n > MAX_FAST_CLAIMANTS || proceedsCents >= MAX_FAST_CENTS || exactOnly[k]) {
                exact(k, proceedsCents, out);
            } else if (!evaluate(k, proceedsCents, out, false)) {
                fastRetries++;
                evaluate(k, proceedsCents, out, true);
            }
            return k;
        }

        /**
         * One evaluation. Fast ({@code precise} false): wide lines in fixed point (a fused multiply-add of the high
         * parts, scaled, cut to a whole number); if any of them is within that rounding noise of a whole cent, or the
         * cut is too close to call at that noise, it gives up and returns false. Precise: wide lines in double-double,
         * and whatever is still unsettled is settled exactly (per line or per ordering); always returns true.
         */
        private boolean evaluate(int k, long proceedsCents, long[] out, boolean precise) {
            if (!precise && integerLines && limbs.claimantOrder[k] && proceedsCents < IntegerLines.MAX_CENTS) {
                return claimantOrderPass(k, proceedsCents, out);
            }
            int base = k * n;
            System.arraycopy(constantCents, base, out, 0, n);
            long assigned = constantAssigned[k];
            int candidates = 0;
            for (int j = fractionFrom[k], end = fractionFrom[k + 1]; j < end; j++) {
                int i = fractionIndex[j];
                remainderNumerator[i] = fractionNumerator[j];
                long key = fractionKey[j];
                keys[candidates++] = key;
                out[i] += upFront(key);
                assigned += upFront(key);
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
                if (rem != 0) {
                    remainderNumerator[i] = rem;
                    long key = key((double) rem / d, i);
                    keys[candidates++] = key;
                    out[i] += upFront(key);
                }
                assigned += out[i];
            }
            double x = proceedsCents;
            // One noise bound for every wide line of the segment at x, from the largest parts.
            double magnitude = wideMaxIntercept[k] + wideMaxSlope[k] * x;
            double noise;
            if (precise) {
                noise = (WIDE_NOISE * magnitude + REMAINDER_NOISE) * noiseScale;
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
                    // Past about 2^50 cents the sum alone no longer holds the fraction of a cent: the low word can
                    // carry the value across a whole cent, so move the floor with it (exactly; r keeps its bound).
                    if (r < 0) {
                        floor -= 1;
                        r += 1;
                    } else if (r >= 1) {
                        floor += 1;
                        r -= 1;
                    }
                    int i = wideIndex[j];
                    long key;
                    if (r < noise || r > 1 - noise) {
                        exactLines++;
                        key = settleLineExactly(k, i, proceedsCents, out);
                        if (key < 0) {
                            assigned += out[i]; // a whole cent: no remainder to compete for a left-over cent
                            continue;
                        }
                    } else {
                        out[i] = (long) floor;
                        key = key(r, i);
                    }
                    keys[candidates++] = key;
                    out[i] += upFront(key);
                    assigned += out[i];
                }
            } else {
                if (magnitude >= FIXED_POINT_LIMIT) {
                    return false;
                }
                if (integerLines && limbs.usable[k] && proceedsCents < IntegerLines.MAX_CENTS) {
                    return integerPass(k, proceedsCents, out, candidates, assigned);
                }
                noise = (FAST_NOISE * magnitude + FIXED_POINT_NOISE + REMAINDER_NOISE) * noiseScale;
                // A remainder is accepted if it is at least `noise` from a whole cent and outside the band of
                // halfBand(noise) either side of 1/2 (so when the up-front cents are the left-over cents, the check of
                // the cut at 1/2 need not look at the wide lines' keys, see below): in units of 2^-22, with
                // H = ONE / 2, if units <= fraction mod H <= H - 1 - units, that is if (fraction - units) mod H is at
                // most `accepted`: the same test as for whole cents alone, on half the modulus. units is at least
                // noise's ceiling and the band's, (band >>> 40) + 1 <= ceil(2 × noise in units) + 1 (one unit over at
                // a whole number: a bound no less safe, without the ceiling's compare and conversion). Twice the
                // whole-cent band plus the half band send about 2.5 times as many evaluations to double-double (one in
                // 950 on the ten-class exits, one in 130 on the large table's, from one in 2,400 and 310), which
                // the skipped search more than pays for: the evaluator alone took 0.93 of the time on the ten-class
                // exits, 0.94 on the large table's (the simulation's exits replayed, 31 and 11 rounds); in process the
                // ten-class payouts read 0.978 and 1.018 in two 20-round runs, within a noisy host's spread.
                double noiseFixed = noise * FIXED_POINT_ONE;
                if (noiseFixed >= FIXED_POINT_ONE / 8 - 2) {
                    return false; // no remainder is that far from a whole cent or 1/2 (and the test below needs this)
                }
                long units = (long) (2 * noiseFixed) + 2;
                long accepted = FIXED_POINT_ONE / 2 - 1 - 2 * units;
                int from = wideFrom[k];
                int end = wideFrom[k + 1];
                // Every wide line lists its key, so the key's slot follows from the line's (a bound checked once).
                int slot = candidates - from;
                for (int j = from; j < end; j++) {
                    // The high parts alone, scaled by 2^22, in one fused multiply-add (one rounding, the low parts
                    // left out), then cut to a whole number: cents above the point, the remainder below it. Integer
                    // work from there on, which leaves the floating-point ports to the multiply-adds.
                    long fixed = (long) Math.fma(wideSlopeFixed[j], x, wideInterceptFixed[j]);
                    long fraction = fixed & (FIXED_POINT_ONE - 1);
                    if (((fraction - units) & (FIXED_POINT_ONE / 2 - 1)) > accepted) {
                        return false;
                    }
                    int i = wideIndex[j];
                    // (For an index below 2^10, its complement there is an exclusive or; a remainder of at least
                    // 1/2 carries its cent up front into the whole cents.)
                    keys[slot + j] = (fraction << (62 - FIXED_POINT_BITS)) | ((MAX_FAST_CLAIMANTS - 1) ^ i);
                    long cents = (fixed + FIXED_POINT_ONE / 2) >> FIXED_POINT_BITS;
                    out[i] = cents;
                    assigned += cents;
                }
                if (proceedsCents == assigned && !nearHalf(candidates, noise)) {
                    return true; // no key in the band either side of 1/2: the cut stands (see handOutLeftOver)
                }
                candidates += end - from;
            }
            return handOutLeftOver(k, proceedsCents, out, keys, 0, candidates, proceedsCents - assigned, noise, precise);
        }

        /**
         * Whether one of the first {@code count} keys (the constants' and small lines') lies in the band either side of
         * 1/2 where {@link #handOutLeftOver} checks the cut at {@code noise}, without a branch on the keys.
         */
        private boolean nearHalf(int count, double noise) {
            long band = halfBand(noise);
            long near = 0;
            for (int j = 0; j < count; j++) {
                // key - (HALF - band) in [0, 2 band): these keys are not negative, so no difference wraps.
                long d = keys[j] - (HALF - band);
                near |= (d - 2 * band) & ~d;
            }
            return near < 0;
        }

        /**
         * The fast tier's wide lines in whole numbers ({@link IntegerLines}), vectorised, then the hand-out; false if a
         * line or the cut is too close to call. The other lines' {@code candidates} keys are in {@link #keys}.
         */
        private boolean integerPass(int k, long proceedsCents, long[] out, int candidates, long assigned) {
            if (!integerLinesPass(k, proceedsCents)) {
                return false;
            }
            long[] sums = lineSums;
            long[] cents = lineCents;
            int[] index = limbs.index;
            int from = limbs.wideStart[k];
            int end = limbs.slotFrom[k + 1];
            long sum = 0;
            for (int j = from; j < end; j++) {
                sum += sums[j];
                out[index[j]] = cents[j];
            }
            boolean flagged = IntegerLines.flagged(sum);
            if (flagged && nearWholeCent(from, end)) {
                return false;
            }
            // The other lines' keys just below the wide lines', so the hand-out sees one run of keys.
            System.arraycopy(keys, 0, lineKeys, from - candidates, candidates);
            return handOutAfterPass(k, proceedsCents, out, from - candidates, from, end,
                    proceedsCents - assigned - IntegerLines.cents(sum), flagged);
        }

        /**
         * The hand-out after the integer pass, over lineKeys[keyFrom, end), the wide lines' keys from {@code wideFrom}.
         * Without a flag, no wide line's key is near 1/2: if the up-front cents are the left-over cents, only the other
         * keys can lie in the band the hand-out would search.
         */
        private boolean handOutAfterPass(int k, long proceedsCents, long[] out, int keyFrom, int wideFrom, int end, long shortOf,
                boolean flagged) {
            if (shortOf == 0 && !flagged) {
                boolean near = false;
                for (int j = keyFrom; j < wideFrom; j++) {
                    // In [HALF - band, HALF + band), the hand-out's window (these keys are not negative).
                    near |= Long.compareUnsigned(lineKeys[j] - (HALF - integerBand), 2 * integerBand) < 0;
                }
                if (!near) {
                    return true;
                }
            }
            return handOutLeftOver(k, proceedsCents, out, lineKeys, keyFrom, end, shortOf, integerNoise, false);
        }

        /** Whether a wide line's key in lineKeys[from, end) (a constant's is negative) is within the noise of a whole cent. */
        private boolean nearWholeCent(int from, int end) {
            for (int j = from; j < end; j++) {
                long key = lineKeys[j];
                long fraction = key >>> KEY_FRACTION_SHIFT;
                if (key >= 0 && ((fraction - integerNoiseUnits) & (FIXED_POINT_ONE - 1)) > FIXED_POINT_ONE - 1 - 2 * integerNoiseUnits) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The fast tier on a segment {@linkplain IntegerLines#claimantOrder laid out in claimant order}: the pass's cents
         * are every claimant's floor (the wide lines' with their up-front cent), copied out in one piece, then the
         * fractional constants' up-front cents; false as {@link #integerPass}. The sum's cents count the constants'
         * floors, so nothing is assigned beforehand.
         */
        private boolean claimantOrderPass(int k, long proceedsCents, long[] out) {
            // Fixed point holds the segment's lines: the limbs need parts below 2^40 cents, as the multiply-add does.
            if (wideMaxIntercept[k] + wideMaxSlope[k] * (double) proceedsCents >= FIXED_POINT_LIMIT
                    || !integerLinesPass(k, proceedsCents)) {
                return false;
            }
            long[] sums = lineSums;
            int from = limbs.wideStart[k];
            int end = limbs.slotFrom[k + 1];
            System.arraycopy(lineCents, from, out, 0, n);
            // Two sums over the two halves, so the additions are two chains of half the length.
            int half = n >>> 1;
            long first = -limbs.constantFlags(k, integerFlagUnits);
            long second = sums[end - 1] * (n & 1);
            for (int t = from; t < from + half; t++) {
                first += sums[t];
                second += sums[t + half];
            }
            long sum = first + second;
            boolean flagged = IntegerLines.flagged(sum);
            if (flagged && nearWholeCent(from, end)) {
                return false;
            }
            sum = IntegerLines.cents(sum);
            int fractions = fractionFrom[k + 1] - fractionFrom[k];
            for (int t = 0; t < fractions; t++) {
                // (remainderNumerator, which the fast tier does not read, is the precise tier's to fill.)
                long key = fractionKey[fractionFrom[k] + t];
                lineKeys[from - fractions + t] = key;
                out[fractionIndex[fractionFrom[k] + t]] += upFront(key);
                sum += upFront(key);
            }
            return handOutAfterPass(k, proceedsCents, out, from - fractions, from, end, proceedsCents - sum, flagged);
        }

        /** {@link IntegerLines#pass} over segment k into the scratch arrays; false if its noise is too large for it. */
        private boolean integerLinesPass(int k, long proceedsCents) {
            if (integerNoiseUnits >= FIXED_POINT_ONE / 2) {
                return false;
            }
            if (lineSums == null) {
                int slots = limbs.slots();
                lineSums = new long[slots];
                lineCents = new long[slots];
                lineKeys = new long[slots];
            }
            limbs.pass(k, proceedsCents, integerFlagUnits, FIXED_POINT_ONE / 2 - 1 - 2 * integerFlagUnits, lineSums, lineCents,
                    lineKeys);
            return true;
        }

        /**
         * Gives the left-over cents to the largest remainders among {@code candidateKeys[keyFrom, keyTo)}, ties to the lower
         * index; false if the fast evaluation cannot order them at its noise (see {@link #settleCut}).
         *
         * <p>Every key of at least 1/2 got its cent up front, which fell {@code shortOf} cents short of the left-over
         * cents (or, negative, overshot them). The remainders sum to the left-over cents, so that is a cent or two:
         * the {@code shortOf} largest keys below 1/2 get a cent too, or as many of the smallest keys of at least 1/2
         * give theirs back. For one change the two largest of the side are found in one branch-free pass; for more
         * they are gathered from a window next to 1/2 just wide enough to hold them and the key across the cut, in one
         * branch-free pass, and ordered; a pass that handed out every key's cent would cost a third of an evaluation.
         */
        private boolean handOutLeftOver(int k, long proceedsCents, long[] out, long[] candidateKeys, int keyFrom, int keyTo,
                long shortOf, double noise, boolean precise) {
            if (keyFrom == keyTo) {
                if (shortOf != 0) {
                    exact(k, proceedsCents, out); // no remainders, yet cents left over: not for floating point
                }
                return true;
            }
            // Only a key within twice the noise of the key across the cut can be out of order: no cut needs a
            // check if the keys are exact.
            if (shortOf == 0) {
                if (!inexactKeys[k]) {
                    return true;
                }
                long band = halfBand(noise);
                // The cut is at 1/2: the key either side of it only matters if it is within the band.
                int near = gather(candidateKeys, keyFrom, keyTo, HALF - band, HALF + band);
                long threshold = Long.MAX_VALUE;
                long highestLeftOut = -1;
                for (int t = 0; t < near; t++) {
                    long key = nearCut[t];
                    threshold = key >= HALF ? Math.min(threshold, key) : threshold;
                    highestLeftOut = key < HALF ? Math.max(highestLeftOut, key) : highestLeftOut;
                }
                if (threshold == Long.MAX_VALUE || highestLeftOut < 0
                        || remainderOf(threshold) - remainderOf(highestLeftOut) > 2 * noise) {
                    return true;
                }
                return settleCut(k, proceedsCents, out, candidateKeys, keyFrom, keyTo, shortOf, threshold, highestLeftOut, noise,
                        precise);
            }
            long changes = Math.abs(shortOf);
            // The keys ordered without a branch on them, largest first (at or above 1/2 the keys flipped, so the
            // smallest come first), as far as the key after the `changes` that change hands.
            long flip = shortOf > 0 ? 0 : Long.MAX_VALUE;
            long lastChanged;
            long firstKept;
            if (changes == 1) {
                // One change (four hand-outs in five that move a cent): the largest two keys of the side in one pass
                // over every key, without gathering them first (the evaluator took 0.966 of the time on the ten-class
                // exits, q1 0.942, q3 0.997, 31 rounds; unchanged on the large table's 40 lines). A key off the side
                // counts as -1, which every flipped key on it beats (no difference overflows: as in gather, the bounds
                // lie in [0, 2^62]).
                long from = shortOf > 0 ? 0 : HALF;
                long to = shortOf > 0 ? HALF : 2 * HALF;
                long first = -1;
                long second = -1;
                for (int j = keyFrom; j < keyTo; j++) {
                    long key = candidateKeys[j];
                    long onSide = ((key - to) & ~(key - from)) >> 63;
                    long flipped = ((key ^ flip) & onSide) | ~onSide;
                    // As in sortEightDescending: d = first ^ flipped if first < flipped, else 0.
                    long d = (first - flipped) >> 63 & (first ^ flipped);
                    long lower = flipped ^ d;
                    first ^= d;
                    second ^= (second - lower) >> 63 & (second ^ lower);
                }
                if (second < 0) {
                    // Fewer than two keys on the side: every remainder below 1/2 gets a cent, or every one of at
                    // least 1/2 gives its cent back, which cannot sum right (see below): not for floating point.
                    exact(k, proceedsCents, out);
                    return true;
                }
                lastChanged = first ^ flip;
                firstKept = second ^ flip;
            } else {
                // The keys that change hands and the one across the cut (changes + 1 keys) lie in a window next to 1/2
                // on one side. Keys are spread about evenly over [0, 1), so a window of width w holds about w × lines
                // of them; windowUnit sizes it for 1.5 × (changes + 2). If not, the window doubles.
                long width = (long) Math.min(HALF, (changes + 2) * windowUnit[k]);
                while (true) {
                    int near = gather(candidateKeys, keyFrom, keyTo, shortOf > 0 ? HALF - width : HALF, shortOf > 0 ? HALF : HALF + width);
                    if (near > changes) {
                        // A few by the network, more by selection.
                        if (near <= SMALL_SORT) {
                            sortEightDescending(nearCut, near, flip);
                        } else {
                            selectLargestDescending(nearCut, near, (int) changes + 1, flip);
                        }
                        for (int t = 0; t < changes - 1; t++) {
                            out[index(nearCut[t] ^ flip)] += shortOf > 0 ? 1 : -1;
                        }
                        lastChanged = nearCut[(int) changes - 1] ^ flip;
                        firstKept = nearCut[(int) changes] ^ flip;
                        break;
                    }
                    if (width >= HALF) {
                        // Every key on that side changes hands: every remainder below 1/2 gets a cent, or every one of
                        // at least 1/2 gives its cent back. Remainders in (0, 1) cannot sum to their count or to 0, so
                        // a floor is off: not for floating point. (This also ends the loop: the window only doubles
                        // until it covers the side.)
                        exact(k, proceedsCents, out);
                        return true;
                    }
                    width = Math.min(HALF, width * 2);
                }
            }
            out[index(lastChanged)] += shortOf > 0 ? 1 : -1;
            long threshold = shortOf > 0 ? lastChanged : firstKept;
            long highestLeftOut = shortOf > 0 ? firstKept : lastChanged;
            // Now out follows the key order. Keys of small-denominator lines are exact (two different remainders of
            // such lines differ by at least 2^-44, far above a key's resolution); any other key is within `noise` of
            // its remainder. So the key order is the exact order at the cut unless an inexact key is present and the
            // two keys either side of the cut are within twice that noise.
            if (!inexactKeys[k] || remainderOf(threshold) - remainderOf(highestLeftOut) > 2 * noise) {
                return true;
            }
            return settleCut(k, proceedsCents, out, candidateKeys, keyFrom, keyTo, shortOf, threshold, highestLeftOut, noise,
                    precise);
        }

        /**
         * Copies the keys in [from, to) among {@code candidateKeys[keyFrom, keyTo)} into nearCut, in one pass without a
         * branch on the keys; returns how many.
         */
        private int gather(long[] candidateKeys, int keyFrom, int keyTo, long from, long to) {
            int near = 0;
            long[] cut = nearCut;
            // (near never reaches the length, a power of two above the n + 8 keys it holds: the mask only spares
            // the JIT a bounds check per key.)
            int mask = cut.length - 1;
            for (int j = keyFrom; j < keyTo; j++) {
                long key = candidateKeys[j];
                cut[near & mask] = key;
                // Bounds lie in [0, 2^62], keys too or (a constant's in claimant order) in [-2^63, -2^62): for those,
                // key - from is negative or key - to positive, wrapped or not.
                near += (int) (((key - to) & ~(key - from)) >>> 63);
            }
            return near;
        }

        /**
         * The two keys either side of the cut are too close to call at {@code noise}. Only the keys in the band within
         * twice the noise of them can be out of order; every key above the band certainly beats every key in or below
         * it, and every key below certainly loses. If the band holds one line (identical lines, whose remainders are
         * equal, so the key order by index is the exact order), out stands. Otherwise the fast evaluation gives up
         * (returns false), and the precise one orders the band exactly and gives its share of the left-over cents
         * to the largest, ties to the lower index, as {@link Allocation} does.
         */
        private boolean settleCut(int k, long proceedsCents, long[] out, long[] candidateKeys, int keyFrom, int keyTo,
                long shortOf, long threshold, long highestLeftOut, double noise, boolean precise) {
            int base = k * n;
            double bandTop = remainderOf(threshold) + 2 * noise;
            double bandBottom = remainderOf(highestLeftOut) - 2 * noise;
            int inBand = 0;
            int aboveBand = 0;
            long left = shortOf; // plus the cents given up front: the left-over cents
            boolean oneLine = true;
            for (int j = keyFrom; j < keyTo; j++) {
                long key = candidateKeys[j];
                if (key < 0) {
                    continue; // a constant's slot in claimant order (see IntegerLines): no remainder
                }
                left += upFront(key);
                double r = remainderOf(key);
                if (r > bandTop) {
                    aboveBand++;
                } else if (r >= bandBottom) {
                    nearCut[inBand++] = key;
                    oneLine &= sameLineAs[base + index(key)] == sameLineAs[base + index(threshold)];
                }
            }
            if (oneLine) {
                return true;
            }
            if (!precise) {
                return false;
            }
            exactOrderings++;
            BigFraction x = new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100));
            Integer[] order = new Integer[inBand];
            BigFraction[] exactRemainder = new BigFraction[n];
            for (int t = 0; t < inBand; t++) {
                long key = nearCut[t];
                int i = index(key);
                out[i] -= key >= threshold ? 1 : 0; // back to the floor
                order[t] = i;
                long den = lineDenominator[base + i];
                exactRemainder[i] = den != 0
                        ? new BigFraction(BigInteger.valueOf(remainderNumerator[i]), BigInteger.valueOf(den))
                        : segments.get(k).payout(i, x).multiply(100).subtract(new BigFraction(out[i]));
            }
            Arrays.sort(order, (p, q) -> {
                int c = exactRemainder[q].compareTo(exactRemainder[p]);
                return c != 0 ? c : Integer.compare(p, q);
            });
            for (int t = 0; t < left - aboveBand; t++) {
                out[order[t]]++;
            }
            return true;
        }

        /**
         * A wide line within rounding noise of a whole cent, settled exactly on its own (the rest stays in floating
         * point): its floor into {@code out[i]}, and its remainder's key, or -1 for a whole cent.
         */
        private long settleLineExactly(int k, int i, long proceedsCents, long[] out) {
            BigFraction cents = segments.get(k).payout(i, new BigFraction(BigInteger.valueOf(proceedsCents), BigInteger.valueOf(100)))
                    .multiply(100);
            BigInteger[] qr = cents.getNumerator().divideAndRemainder(cents.getDenominator());
            if (qr[1].signum() < 0) { // round down, as every other tier does, not toward zero
                qr[0] = qr[0].subtract(BigInteger.ONE);
                qr[1] = qr[1].add(cents.getDenominator());
            }
            out[i] = qr[0].longValueExact();
            if (qr[1].signum() == 0) {
                return -1;
            }
            // The remainder as a double: numerator and denominator rounded once each, the quotient once.
            double r = Math.min(Fractions.toDouble(qr[1], cents.getDenominator()), Math.nextDown(1.0));
            return key(r, i);
        }

        private static final int SMALL_SORT = 8;

        /**
         * Sorts the first {@code size} (at most 8) keys of {@code a}, each XORed with {@code flip}, largest first, and
         * leaves them flipped. Without a branch on the keys: a fixed network of 19 compare-exchanges (the fewest that
         * sort eight), the slots past {@code size} filled with -1, which every flipped key beats. (An insertion sort's
         * mispredicted branches cost more.) {@code a} must have room for {@code size + 8} keys.
         */
        static void sortEightDescending(long[] a, int size, long flip) {
            for (int t = 0; t < SMALL_SORT; t++) {
                a[size + t] = ~flip; // -1 once flipped
            }
            long a0 = a[0] ^ flip;
            long a1 = a[1] ^ flip;
            long a2 = a[2] ^ flip;
            long a3 = a[3] ^ flip;
            long a4 = a[4] ^ flip;
            long a5 = a[5] ^ flip;
            long a6 = a[6] ^ flip;
            long a7 = a[7] ^ flip;
            long d;
            // Each step: d = x ^ y if x < y, else 0; then x takes the larger, y the smaller (no difference overflows:
            // flipped or not, the keys of one side and -1 lie within 2^63 of each other).
            d = (a0 - a2) >> 63 & (a0 ^ a2); a0 ^= d; a2 ^= d;
            d = (a1 - a3) >> 63 & (a1 ^ a3); a1 ^= d; a3 ^= d;
            d = (a4 - a6) >> 63 & (a4 ^ a6); a4 ^= d; a6 ^= d;
            d = (a5 - a7) >> 63 & (a5 ^ a7); a5 ^= d; a7 ^= d;
            d = (a0 - a4) >> 63 & (a0 ^ a4); a0 ^= d; a4 ^= d;
            d = (a1 - a5) >> 63 & (a1 ^ a5); a1 ^= d; a5 ^= d;
            d = (a2 - a6) >> 63 & (a2 ^ a6); a2 ^= d; a6 ^= d;
            d = (a3 - a7) >> 63 & (a3 ^ a7); a3 ^= d; a7 ^= d;
            d = (a0 - a1) >> 63 & (a0 ^ a1); a0 ^= d; a1 ^= d;
            d = (a2 - a3) >> 63 & (a2 ^ a3); a2 ^= d; a3 ^= d;
            d = (a4 - a5) >> 63 & (a4 ^ a5); a4 ^= d; a5 ^= d;
            d = (a6 - a7) >> 63 & (a6 ^ a7); a6 ^= d; a7 ^= d;
            d = (a2 - a4) >> 63 & (a2 ^ a4); a2 ^= d; a4 ^= d;
            d = (a3 - a5) >> 63 & (a3 ^ a5); a3 ^= d; a5 ^= d;
            d = (a1 - a4) >> 63 & (a1 ^ a4); a1 ^= d; a4 ^= d;
            d = (a3 - a6) >> 63 & (a3 ^ a6); a3 ^= d; a6 ^= d;
            d = (a1 - a2) >> 63 & (a1 ^ a2); a1 ^= d; a2 ^= d;
            d = (a3 - a4) >> 63 & (a3 ^ a4); a3 ^= d; a4 ^= d;
            d = (a5 - a6) >> 63 & (a5 ^ a6); a5 ^= d; a6 ^= d;
            a[0] = a0;
            a[1] = a1;
            a[2] = a2;
            a[3] = a3;
            a[4] = a4;
            a[5] = a5;
            a[6] = a6;
            a[7] = a7;
        }

        /**
         * Puts the {@code count} largest of the first {@code size} keys of {@code a}, each XORed with {@code flip}, first,
         * largest first, and leaves all {@code size} flipped. Without a branch on the keys: each position in turn takes
         * the largest of the rest by compare-exchanges (the keys past {@code count} stay in some order). An insertion
         * sort of the ten or so keys in the window of two or more changes costs more in mispredicted branches.
         */
        static void selectLargestDescending(long[] a, int size, int count, long flip) {
            for (int t = 0; t < size; t++) {
                a[t] ^= flip;
            }
            for (int t = 0; t < count; t++) {
                long largest = a[t];
                for (int u = t + 1; u < size; u++) {
                    long other = a[u];
                    // As in sortEightDescending: d = largest ^ other if largest < other, else 0.
                    long d = (largest - other) >> 63 & (largest ^ other);
                    largest ^= d;
                    a[u] = other ^ d;
                }
                a[t] = largest;
            }
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

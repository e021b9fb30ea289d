package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.money.Money;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.quicktheories.core.Gen;

/**
 * Invariants of the exact waterfall over generated cap tables ({@link RandomCapTables}: every instrument kind,
 * up to 12 classes), QuickTheories with a fixed seed.
 */
class WaterfallEnginePropertyTest {

    private static final long SEED = 42L;
    private static final WaterfallEngine ENGINE = WaterfallEngine.DEFAULT;

    /** Equity proceeds in cents, log-uniform from $0 to about $3B, so every region of the waterfall is visited. */
    static Gen<Long> proceedsCents() {
        return integers().between(0, 1_000_000).map(k -> k == 0 ? 0L : (long) Math.floor(Math.pow(10, 2 + 9.5 * k / 1_000_000.0)));
    }

    private static WaterfallResult run(ResolvedCapTable table, long cents) {
        return ENGINE.distribute(table, Money.ofCents(cents));
    }

    @Test
    void payoutsAddUpToTheProceedsToTheCentAndNoneIsNegative() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            WaterfallResult r = run(CapTables.resolve(RandomCapTables.generate(seed)), cents);
            long classes = 0;
            for (ClassPayout c : r.classes()) {
                assertThat(c.payout().isNegative()).isFalse();
                classes += c.payout().cents();
            }
            long holders = 0;
            for (HolderPayout h : r.holders()) {
                assertThat(h.payout().isNegative()).isFalse();
                holders += h.payout().cents();
            }
            long categories = r.byCategory().values().stream().mapToLong(Money::cents).sum();
            assertThat(classes).isEqualTo(cents);
            assertThat(holders).isEqualTo(cents);
            assertThat(categories).isEqualTo(cents);
        });
    }

    /**
     * Exact payouts never fall as proceeds rise. In cents a class may lose the one cent of its remainder to another
     * class, so the cent check allows that one cent and the exact check allows nothing.
     */
    @Test
    void everyClassPayoutIsNonDecreasingInTheProceeds() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all(), proceedsCents(), proceedsCents())
                .checkAssert((seed, a, b) -> {
                    ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
                    long lo = Math.min(a, b);
                    long hi = Math.max(a, b);
                    Outcome low = ENGINE.settle(table, Affine.constant(ResolvedCapTable.money(Money.ofCents(lo))));
                    Outcome high = ENGINE.settle(table, Affine.constant(ResolvedCapTable.money(Money.ofCents(hi))));
                    WaterfallResult lowCents = run(table, lo);
                    WaterfallResult highCents = run(table, hi);
                    for (int i = 0; i < table.claimants().size(); i++) {
                        String what = table.claimants().get(i).id() + " from " + lo + " to " + hi + " cents";
                        assertThat(high.payout(i).value()).as(what).isGreaterThanOrEqualTo(low.payout(i).value());
                        assertThat(highCents.classes().get(i).payout().cents()).as(what)
                                .isGreaterThanOrEqualTo(lowCents.classes().get(i).payout().cents() - 1);
                    }
                });
    }

    @Test
    void aSeniorTierIsPaidInFullBeforeAJuniorTierGetsAnything() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            WaterfallResult r = run(table, cents);
            List<Claimant> claimants = table.claimants();
            for (int s = 0; s < claimants.size(); s++) {
                Claimant senior = claimants.get(s);
                ClassPayout paid = r.classes().get(s);
                if (paid.converted() || Affine.isZero(senior.preference())) {
                    continue;
                }
                long owed = Money.ofCents(0).plus(org.msocap.money.Rounding.toCents(senior.preference())).cents();
                for (int j = 0; j < claimants.size(); j++) {
                    Claimant junior = claimants.get(j);
                    ClassPayout got = r.classes().get(j);
                    // Common, options, converted claimants and lower tiers all rank below an unconverted preference.
                    boolean ranksBelow = got.converted() || Affine.isZero(junior.preference())
                            || junior.seniority() < senior.seniority();
                    if (ranksBelow && got.payout().isPositive()) {
                        assertThat(paid.payout().cents()).as(senior.id() + " before " + junior.id())
                                .isGreaterThanOrEqualTo(owed - 1);
                    }
                }
            }
        });
    }

    @Test
    void holderAndClassOrderDoNotMatter() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all(), longs().all(), proceedsCents())
                .checkAssert((seed, shuffleSeed, cents) -> {
                    Mso mso = RandomCapTables.generate(seed);
                    WaterfallResult a = run(CapTables.resolve(mso), cents);
                    WaterfallResult b = run(CapTables.resolve(RandomCapTables.shuffled(mso, shuffleSeed)), cents);
                    assertThat(b).isEqualTo(a);
                });
    }

    /**
     * Two holders with identical holdings in one class are one cent apart at most: the class's cents are split by
     * largest remainder, which gives the odd cent to the first of equal remainders (by holder id).
     */
    @Test
    void equalHoldingsGetEqualPayoutsUpToOneCent() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all(), proceedsCents(), integers().between(0, 11))
                .checkAssert((seed, cents, pick) -> {
                    Mso base = RandomCapTables.generate(seed);
                    String cls = base.classes().get(pick % base.classes().size()).id();
                    Mso mso = base.toBuilder().holding(new Holding("twin-a", cls, 123_456, null, null))
                            .holding(new Holding("twin-b", cls, 123_456, null, null)).build();
                    WaterfallResult r = run(CapTables.resolve(mso), cents);
                    long a = r.holder("twin-a").orElseThrow().payout().cents();
                    long b = r.holder("twin-b").orElseThrow().payout().cents();
                    assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1);
                });
    }

    @Test
    void noClassGainsBySwitchingItsConversionDecisionAlone() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            Affine proceeds = Affine.constant(ResolvedCapTable.money(Money.ofCents(cents)));
            Outcome settled = ENGINE.settle(table, proceeds);
            for (int i : table.layout.conversionOrder) {
                boolean[] flipped = settled.converted().clone();
                flipped[i] = !flipped[i];
                BigFraction alone = WaterfallEngine.evaluate(table.layout, flipped, proceeds).payout(i).value();
                BigFraction now = settled.payout(i).value();
                String what = table.claimants().get(i).id() + (settled.converted()[i] ? " un-converting" : " converting");
                if (settled.converted()[i]) {
                    assertThat(alone).as(what).isLessThanOrEqualTo(now);
                } else {
                    assertThat(alone).as(what + " (ties convert)").isLessThan(now);
                }
            }
        });
    }

    /**
     * The evaluation for any set of decisions (not only those an equilibrium search visits) equals the plain walk over
     * tiers and price points, for constant and affine proceeds: preference paid, price and what no one absorbs.
     */
    @Test
    void evaluationOnThePlanOfTheDecisionsEqualsThePlainWalk() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all(), proceedsCents(), longs().all()).checkAssert((seed, cents, flips) -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            Layout layout = table.layout;
            boolean[] converted = Arrays.copyOf(layout.convertible, layout.size);
            for (int k = 0; k < layout.conversionOrder.length; k++) {
                converted[layout.conversionOrder[k]] = (flips >>> (k % 64) & 1) == 1;
            }
            BigFraction x = ResolvedCapTable.money(Money.ofCents(cents));
            for (Affine proceeds : List.of(Affine.constant(x), new Affine(x, BigFraction.ONE), Affine.ZERO)) {
                Outcome fast = WaterfallEngine.evaluate(layout, converted, proceeds);
                Outcome plain = plainEvaluate(layout, converted, proceeds);
                assertThat(fast.price()).as("price at " + proceeds).isEqualTo(plain.price());
                assertThat(fast.unabsorbed()).as("unabsorbed at " + proceeds).isEqualTo(plain.unabsorbed());
                assertThat(fast.preferencePaid()).as("preferences at " + proceeds).containsExactly(plain.preferencePaid());
            }
        });
    }

    /**
     * The breakpoint table's lines, built from the parts, are the payouts' own lines: value − slope × x and slope; and
     * payouts compared unreduced compare as the payouts do (against another outcome, and against a constant).
     */
    @Test
    void payoutLinesAndComparisonsFromThePartsAreThePayouts() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all(), proceedsCents(), longs().all()).checkAssert((seed, cents, flips) -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            BigFraction x = ResolvedCapTable.money(Money.ofCents(cents));
            Outcome o = ENGINE.settle(table, new Affine(x, BigFraction.ONE));
            boolean[] converted = o.converted().clone();
            for (int k = 0; k < table.layout.conversionOrder.length; k++) {
                converted[table.layout.conversionOrder[k]] ^= (flips >>> (k % 64) & 1) == 1;
            }
            BigFraction priceIntercept = o.price().value().subtract(o.price().slope().multiply(x));
            for (int i = 0; i < table.claimants().size(); i++) {
                // fresh outcomes each time: a payout already formed would be compared as formed
                Outcome fresh = WaterfallEngine.evaluate(table.layout, o.converted(), new Affine(x, BigFraction.ONE));
                Outcome other = WaterfallEngine.evaluate(table.layout, converted, new Affine(x, BigFraction.ONE));
                assertThat(Integer.signum(fresh.comparePayout(i, other)))
                        .isEqualTo(Integer.signum(o.payout(i).compareTo(other.payout(i))));
                BigFraction bound = other.payout(i).value();
                assertThat(Integer.signum(WaterfallEngine.evaluate(table.layout, o.converted(), new Affine(x, BigFraction.ONE))
                        .comparePayout(i, bound))).isEqualTo(Integer.signum(o.payout(i).compareTo(Affine.constant(bound))));
                Affine payout = o.payout(i);
                BigFraction[] line = o.line(i, x, priceIntercept);
                String what = table.claimants().get(i).id() + " at " + x;
                assertThat(line[1]).as(what).isEqualTo(payout.slope());
                assertThat(line[0]).as(what).isEqualTo(payout.value().subtract(payout.slope().multiply(x)));
            }
        });
    }

    /**
     * The settlement skips unconversions that cannot pay and evaluates each set of decisions once; it must reach
     * the very decisions of the plain search of the class comment, on constant proceeds and on the affine proceeds
     * (x, 1) the breakpoint table is resolved from, at breakpoints (where ties are decided) as well as between.
     */
    @Test
    void settlementShortcutsReachTheSameDecisionsAsThePlainSearch() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            List<BigFraction> points = new java.util.ArrayList<>(BreakpointTable.resolve(table).breakpoints());
            points.add(ResolvedCapTable.money(Money.ofCents(cents)));
            for (BigFraction x : points) {
                for (Affine proceeds : List.of(Affine.constant(x), new Affine(x, BigFraction.ONE))) {
                    Outcome fast = ENGINE.settle(table, proceeds);
                    Outcome plain = plainSettle(table.layout, proceeds);
                    assertThat(fast.converted()).as("decisions at " + proceeds).containsExactly(plain.converted());
                    for (int i = 0; i < table.claimants().size(); i++) {
                        assertThat(fast.payout(i)).as(table.claimants().get(i).id() + " at " + proceeds).isEqualTo(plain.payout(i));
                    }
                }
            }
        });
    }

    /**
     * Distribution for fixed conversion decisions, tier by tier and price point by price point in exact arithmetic:
     * the engine's evaluation before it kept a plan per set of decisions, as the reference.
     */
    private static Outcome plainEvaluate(Layout layout, boolean[] converted, Affine proceeds) {
        int n = layout.size;
        Affine[] pref = new Affine[n];
        Arrays.fill(pref, Affine.ZERO);
        Affine remaining = proceeds;
        for (int[] tier : layout.tiers) {
            if (remaining.isZero()) {
                break;
            }
            BigFraction claim = BigFraction.ZERO;
            for (int i : tier) {
                if (!converted[i]) {
                    claim = claim.add(layout.preference[i]);
                }
            }
            if (Affine.isZero(claim)) {
                continue;
            }
            if (remaining.compareTo(Affine.constant(claim)) >= 0) {
                for (int i : tier) {
                    if (!converted[i]) {
                        pref[i] = Affine.constant(layout.preference[i]);
                    }
                }
                remaining = remaining.minus(Affine.constant(claim));
            } else {
                // Pari passu: a short tier shares what is left pro rata to the preference amounts.
                for (int i : tier) {
                    if (!converted[i]) {
                        pref[i] = remaining.times(layout.preference[i].divide(claim));
                    }
                }
                remaining = Affine.ZERO;
            }
        }
        // Walk the price points until the participants' total take reaches the residual.
        BigFraction taken = BigFraction.ZERO;
        BigFraction atPrice = BigFraction.ZERO;
        BigFraction slope = BigFraction.ZERO;
        Affine price = null;
        boolean walked = false;
        for (Layout.Event e : layout.events) {
            if (!layout.active(e, converted)) {
                continue;
            }
            // Events at the price already reached (all conversions sit at price 0) take nothing more, and the
            // residual was already found larger than what is taken there: only their shares join the slope.
            if (walked && (e.price() == atPrice || e.price().equals(atPrice))) {
                slope = slope.add(e.deltaShares());
                continue;
            }
            walked = true;
            BigFraction takenAtEvent = Affine.add(taken, Affine.mul(slope, e.price().subtract(atPrice)));
            if (remaining.compareTo(Affine.constant(takenAtEvent)) <= 0) {
                price = Affine.isZero(slope) ? Affine.constant(atPrice)
                        : Affine.constant(atPrice).plus(remaining.minus(Affine.constant(taken)).dividedBy(slope));
                break;
            }
            taken = takenAtEvent;
            atPrice = e.price();
            slope = slope.add(e.deltaShares());
        }
        Affine unabsorbed = Affine.ZERO;
        if (price == null) {
            if (slope.compareTo(BigFraction.ZERO) > 0) {
                price = Affine.constant(atPrice).plus(remaining.minus(Affine.constant(taken)).dividedBy(slope));
            } else {
                price = Affine.constant(atPrice);
                unabsorbed = remaining.minus(Affine.constant(taken));
            }
        }
        // Participation follows from the price; Outcome works it out per claimant when asked.
        return new Outcome(layout, converted.clone(), pref, price, unabsorbed);
    }

    /** The equilibrium search of {@link WaterfallEngine}'s class comment, every step evaluated: the reference. */
    private static Outcome plainSettle(Layout layout, Affine proceeds) {
        boolean[] converted = Arrays.copyOf(layout.convertible, layout.size);
        Outcome current = plainEvaluate(layout, converted, proceeds);
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (int i : layout.conversionOrder) {
                if (!converted[i]) {
                    continue;
                }
                converted[i] = false;
                Outcome alternative = plainEvaluate(layout, converted, proceeds);
                if (alternative.payout(i).compareTo(current.payout(i)) > 0) {
                    current = alternative;
                    shrunk = true;
                    break;
                }
                converted[i] = true;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i : layout.conversionOrder) {
                converted[i] = !converted[i];
                Outcome alternative = plainEvaluate(layout, converted, proceeds);
                int cmp = alternative.payout(i).compareTo(current.payout(i));
                if (cmp > 0 || (cmp == 0 && converted[i])) {
                    current = alternative;
                    changed = true;
                } else {
                    converted[i] = !converted[i];
                }
            }
        }
        return current;
    }

    @Test
    void breakpointEvaluationEqualsTheExactEngine() {
        Map<Long, BreakpointTable> cache = new HashMap<>();
        qt().withFixedSeed(SEED).withExamples(150).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            BreakpointTable breakpoints = cache.computeIfAbsent(seed, s -> BreakpointTable.resolve(table));
            assertAgree(table, breakpoints, cents);
        });
    }

    @Test
    void breakpointEvaluationEqualsTheExactEngineAtEveryBreakpointPlusMinusOneCent() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable table = CapTables.resolve(RandomCapTables.generate(seed));
            BreakpointTable breakpoints = BreakpointTable.resolve(table);
            for (BigFraction x : breakpoints.breakpoints()) {
                long cents = x.multiply(100).getNumerator().divide(x.multiply(100).getDenominator()).longValueExact();
                for (long c = cents - 1; c <= cents + 1; c++) {
                    if (c >= 0) {
                        assertAgree(table, breakpoints, c);
                    }
                }
            }
        });
    }

    // ---- SAFEs, notes, dividends, warrants and vesting together (issue 16) ------------------------------------

    /**
     * An unconverted note is debt: while it is short of its claim, no other claimant (SAFE, preferred, common,
     * options, warrants, a converted note) receives a cent. The note claims add up to the model's own arithmetic
     * (principal × (1 + rate × days ÷ 365) × exitMultiple), so neither rank nor amount comes from the code under test.
     */
    @Test
    void anUnconvertedNoteIsPaidInFullBeforeAnyStockWithSafesDividendsWarrantsAndVesting() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            RandomCapTables.Sale sale = RandomCapTables.withConvertibles(seed);
            ResolvedCapTable table = sale.resolve();
            BigFraction modelClaims = BigFraction.ZERO;
            for (org.msocap.model.ConvertibleNote n : sale.mso().notes()) {
                long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(n.issued(), sale.exitDate()));
                BigFraction principal = ResolvedCapTable.money(n.principal());
                BigFraction interest = principal.multiply(ResolvedCapTable.fraction(n.rate())).multiply(new BigFraction(days, 365L));
                modelClaims = modelClaims.add(principal.add(interest).multiply(ResolvedCapTable.fraction(n.exitMultiple())));
            }
            BigFraction claimantClaims = BigFraction.ZERO;
            for (Claimant c : table.claimants()) {
                if (c.kind() == ResolvedCapTable.Kind.NOTE) {
                    claimantClaims = claimantClaims.add(c.preference());
                }
            }
            assertThat(claimantClaims).isEqualTo(modelClaims);

            WaterfallResult r = run(table, cents);
            boolean stockPaid = false;
            for (int i = 0; i < table.claimants().size(); i++) {
                ClassPayout paid = r.classes().get(i);
                boolean unconvertedNote = paid.kind() == ResolvedCapTable.Kind.NOTE && !paid.converted();
                stockPaid |= !unconvertedNote && paid.payout().isPositive();
            }
            for (int i = 0; i < table.claimants().size(); i++) {
                ClassPayout paid = r.classes().get(i);
                if (stockPaid && paid.kind() == ResolvedCapTable.Kind.NOTE && !paid.converted()) {
                    long owed = org.msocap.money.Rounding.toCents(table.claimants().get(i).preference()).cents();
                    assertThat(paid.payout().cents()).as(paid.id() + " before stock at " + cents + " cents (seed " + seed + ")")
                            .isGreaterThanOrEqualTo(owed - 1);
                }
            }
        });
    }

    @Test
    void withConvertiblesPayoutsAddUpAreNonNegativeAndNonDecreasing() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all(), proceedsCents(), proceedsCents())
                .checkAssert((seed, a, b) -> {
                    ResolvedCapTable table = RandomCapTables.withConvertibles(seed).resolve();
                    long lo = Math.min(a, b);
                    long hi = Math.max(a, b);
                    WaterfallResult low = run(table, lo);
                    WaterfallResult high = run(table, hi);
                    assertThat(low.classes().stream().mapToLong(c -> c.payout().cents()).sum()).isEqualTo(lo);
                    assertThat(high.holders().stream().mapToLong(h -> h.payout().cents()).sum()).isEqualTo(hi);
                    Outcome lowExact = ENGINE.settle(table, Affine.constant(ResolvedCapTable.money(Money.ofCents(lo))));
                    Outcome highExact = ENGINE.settle(table, Affine.constant(ResolvedCapTable.money(Money.ofCents(hi))));
                    for (int i = 0; i < table.claimants().size(); i++) {
                        String what = table.claimants().get(i).id() + " from " + lo + " to " + hi + " cents (seed " + seed + ")";
                        assertThat(low.classes().get(i).payout().isNegative()).as(what).isFalse();
                        assertThat(highExact.payout(i).value()).as(what).isGreaterThanOrEqualTo(lowExact.payout(i).value());
                    }
                });
    }

    @Test
    void withConvertiblesNoClaimantGainsBySwitchingAlone() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            ResolvedCapTable table = RandomCapTables.withConvertibles(seed).resolve();
            Affine proceeds = Affine.constant(ResolvedCapTable.money(Money.ofCents(cents)));
            Outcome settled = ENGINE.settle(table, proceeds);
            for (int i : table.layout.conversionOrder) {
                boolean[] flipped = settled.converted().clone();
                flipped[i] = !flipped[i];
                BigFraction alone = WaterfallEngine.evaluate(table.layout, flipped, proceeds).payout(i).value();
                BigFraction now = settled.payout(i).value();
                if (settled.converted()[i]) {
                    assertThat(alone).as(table.claimants().get(i).id()).isLessThanOrEqualTo(now);
                } else {
                    assertThat(alone).as(table.claimants().get(i).id()).isLessThan(now);
                }
            }
        });
    }

    @Test
    void withConvertiblesBreakpointEvaluationEqualsTheExactEngine() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all(), proceedsCents()).checkAssert((seed, cents) -> {
            ResolvedCapTable table = RandomCapTables.withConvertibles(seed).resolve();
            assertAgree(table, BreakpointTable.resolve(table), cents);
        });
    }

    @Test
    void withConvertiblesBreakpointEvaluationEqualsTheExactEngineAtEveryBreakpointPlusMinusOneCent() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            ResolvedCapTable table = RandomCapTables.withConvertibles(seed).resolve();
            BreakpointTable breakpoints = BreakpointTable.resolve(table);
            for (BigFraction x : breakpoints.breakpoints()) {
                long cents = x.multiply(100).getNumerator().divide(x.multiply(100).getDenominator()).longValueExact();
                for (long c = cents - 1; c <= cents + 1; c++) {
                    if (c >= 0) {
                        assertAgree(table, breakpoints, c);
                    }
                }
            }
        });
    }

    private static void assertAgree(ResolvedCapTable table, BreakpointTable breakpoints, long cents) {
        WaterfallResult exact = run(table, cents);
        long[] expected = exact.classes().stream().mapToLong(c -> c.payout().cents()).toArray();
        assertThat(breakpoints.classPayoutCents(cents)).as("at " + cents + " cents").containsExactly(expected);
    }
}

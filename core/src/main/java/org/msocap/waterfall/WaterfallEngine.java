package org.msocap.waterfall;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.Valuator;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.money.Rounding;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Kind;
import org.msocap.waterfall.ResolvedCapTable.Piece;

/**
 * The exact exit waterfall (PRODUCT.md §4): distributes equity proceeds over a {@link ResolvedCapTable}
 * in exact rational arithmetic, then to cents by largest remainder. Stateless; use {@link #DEFAULT}.
 *
 * <h2>For fixed conversion decisions</h2>
 * Preferences are paid tier by tier, most senior first, pro rata to preference amounts within a tier.
 * The residual R buys common at one price p: every participant takes {@code min(shares × max(p − strike, 0),
 * headroom)} (headroom unbounded except for capped classes; strike 0 except for options and warrants, whose
 * exercise cash is thereby added to the proceeds). The total taken is continuous, piecewise linear and
 * non-decreasing in p, so p is found by walking the precomputed price points in order.
 *
 * <h2>The conversion equilibrium</h2>
 * Each convertible claimant (non-participating and capped preferred, capped SAFEs and notes) either keeps
 * its preference or converts. We look for decisions where no claimant gains by switching alone; ties convert.
 * <ol>
 *   <li>Start with everyone converted, then repeatedly let the claimant with the highest conversion
 *       threshold that strictly gains by keeping its preference do so. Un-converting a claimant that gains by
 *       it lowers the price per common share (its preference per share exceeds that price), which only makes
 *       keeping the preference more attractive to the others. So the set of converters only shrinks: at most
 *       n steps.</li>
 *   <li>Then check every claimant's unilateral switch and apply any that strictly gains (or ties, towards
 *       converting). Seniority shortfalls and caps can break the monotone argument in corner cases, so this
 *       best-response pass is repeated until nothing changes; it is bounded (a bug, not a model, would hit the
 *       bound) and the property tests check the result is an equilibrium.</li>
 * </ol>
 */
public final class WaterfallEngine {

    public static final WaterfallEngine DEFAULT = new WaterfallEngine();

    private WaterfallEngine() {
    }

    /** Sale of the MSO at an enterprise value: the bridge to equity proceeds and the waterfall of those. */
    public ExitWaterfall exit(Venture venture, ExitScenario exit, Money enterpriseValue, Money netDebt) {
        LocalDate date = exit.date() != null ? exit.date() : venture.asOf();
        EquityBridge bridge = EquityBridge.of(exit, enterpriseValue, netDebt);
        // Performance-vested units vest by the proceeds themselves: the table is the one their tests choose.
        ResolvedCapTable table = PerformanceVestedCapTable.of(venture, date, exit.doubleTriggerFires()).at(bridge.equityProceeds());
        Map<String, HolderCategory> recipients = new TreeMap<>();
        bridge.carveOutPayments().keySet().forEach(id -> recipients.put(id, venture.categoryOf(id)));
        return new ExitWaterfall(exit.name(), bridge, distribute(table, bridge.equityProceeds(), enterpriseValue,
                bridge.carveOutPayments(), recipients));
    }

    /**
     * An exit scenario as the file states it: the enterprise value given, or the multiple of trailing
     * EBITDA (or revenue) from the fee projection; net debt from the venture's financials (else 0).
     */
    public ExitWaterfall exit(Venture venture, ExitScenario exit) {
        ExitValuation value = Valuator.DEFAULT.value(venture, exit);
        return exit(venture, exit, value.enterpriseValue(), value.netDebt());
    }

    /** Distributes equity proceeds; the result's exit value is the proceeds themselves. */
    public WaterfallResult distribute(ResolvedCapTable table, Money equityProceeds) {
        return distribute(table, equityProceeds, equityProceeds);
    }

    public WaterfallResult distribute(ResolvedCapTable table, Money equityProceeds, Money exitValue) {
        return distribute(table, equityProceeds, exitValue, Map.of(), Map.of());
    }

    /**
     * Distributes equity proceeds and adds each carve-out payment to its recipient: holders' totals, MOIC, IRR and the
     * categories then count the carve-out, as the simulation does (a recipient holding nothing gets a line of their own).
     */
    private WaterfallResult distribute(ResolvedCapTable table, Money equityProceeds, Money exitValue,
                                       Map<String, Money> carveOut, Map<String, HolderCategory> recipientCategories) {
        Objects.requireNonNull(table, "table");
        if (equityProceeds.isNegative()) {
            throw new IllegalArgumentException("equity proceeds must be >= 0 but were " + equityProceeds);
        }
        Layout layout = table.layout;
        BigFraction total = ResolvedCapTable.money(equityProceeds);
        Outcome outcome = settle(table, Affine.constant(total));
        List<BigFraction> exact = new ArrayList<>(layout.size);
        for (int i = 0; i < layout.size; i++) {
            exact.add(outcome.payout(i).value());
        }
        List<Money> classCents = Allocation.toCents(equityProceeds, exact);

        List<ClassPayout> classes = new ArrayList<>(layout.size);
        Map<String, HolderAccount> accounts = new TreeMap<>();
        for (int i = 0; i < layout.size; i++) {
            Claimant c = layout.claimants.get(i);
            boolean exercised = (c.kind() == Kind.OPTIONS || c.kind() == Kind.WARRANTS)
                    && outcome.price().value().compareTo(c.strike()) > 0;
            boolean converted = outcome.converted()[i] || exercised;
            classes.add(new ClassPayout(c.id(), c.kind(), classCents.get(i), converted));
            List<Money> pieceCents = splitToPieces(c, outcome.preferencePaid()[i].value(),
                    outcome.participation(i).value(), classCents.get(i));
            for (int j = 0; j < c.pieces().size(); j++) {
                Piece piece = c.pieces().get(j);
                HolderAccount account = accounts.computeIfAbsent(piece.holder(), h -> new HolderAccount());
                account.payout = account.payout.plus(pieceCents.get(j));
                account.cost = account.cost.plus(piece.cost());
                if (piece.cost().isPositive()) {
                    account.flows.add(new Irr.CashFlow(piece.acquired(), piece.cost().negated()));
                }
                if (exercised) {
                    account.exerciseCash = account.exerciseCash.plus(
                            Rounding.toCents(piece.shareWeight().multiply(c.strike())));
                }
            }
        }
        carveOut.forEach((id, amount) -> accounts.computeIfAbsent(id, h -> new HolderAccount()).carveOut = amount);
        List<HolderPayout> holders = new ArrayList<>(accounts.size());
        Map<HolderCategory, Money> byCategory = new EnumMap<>(HolderCategory.class);
        for (HolderCategory cat : HolderCategory.values()) {
            byCategory.put(cat, Money.ZERO);
        }
        for (Map.Entry<String, HolderAccount> e : accounts.entrySet()) {
            HolderAccount a = e.getValue();
            HolderCategory category = recipientCategories.containsKey(e.getKey()) ? recipientCategories.get(e.getKey())
                    : table.categoryOf(e.getKey());
            BigDecimal share = equityProceeds.isZero() ? BigDecimal.ZERO
                    : a.payout.amount().divide(equityProceeds.amount(), 8, RoundingMode.HALF_UP);
            // Options: the strike is paid and the gross received at the same moment, so only the net payout is a flow.
            Money received = a.payout.plus(a.carveOut);
            List<Irr.CashFlow> flows = new ArrayList<>(a.flows);
            flows.add(new Irr.CashFlow(table.exitDate(), received));
            holders.add(new HolderPayout(e.getKey(), category, a.payout, share, a.cost, a.exerciseCash, Irr.of(flows), a.carveOut));
            byCategory.merge(category, received, Money::plus);
        }
        return new WaterfallResult(exitValue, equityProceeds, classes, holders, Collections.unmodifiableMap(byCategory));
    }

    private static final class HolderAccount {
        Money payout = Money.ZERO;
        Money cost = Money.ZERO;
        Money exerciseCash = Money.ZERO;
        Money carveOut = Money.ZERO;
        final List<Irr.CashFlow> flows = new ArrayList<>();
    }

    /** Splits a claimant's cents over its holdings: preference by preference weight, participation by shares. */
    static List<Money> splitToPieces(Claimant c, BigFraction preferencePaid, BigFraction participationPaid,
                                             Money classCents) {
        List<Piece> pieces = c.pieces();
        if (classCents.isZero()) {
            return Collections.nCopies(pieces.size(), Money.ZERO);
        }
        List<BigFraction> weights = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            BigFraction w = BigFraction.ZERO;
            if (!Affine.isZero(preferencePaid)) {
                w = w.add(preferencePaid.multiply(p.preferenceWeight()).divide(c.preference()));
            }
            if (!Affine.isZero(participationPaid)) {
                w = w.add(participationPaid.multiply(p.shareWeight()).divide(c.shares()));
            }
            weights.add(w);
        }
        return Allocation.proportional(classCents, weights);
    }

    // ---- the exact core, shared with the breakpoint table ------------------------------------------

    /**
     * The equilibrium distribution of {@code proceeds}; see the class comment for how it is found.
     *
     * <p>Two shortcuts leave every decision, and so the result, as it was, and save most evaluations when a
     * breakpoint table is resolved: an unconversion is not tried when the claimant already receives at least
     * the most it could unconverted (its preference, plus headroom if capped: {@link Layout#unconvertedCeiling});
     * and each set of decisions is evaluated once per settlement (the best-response pass mostly revisits sets the
     * first phase tried).
     */
    Outcome settle(ResolvedCapTable table, Affine proceeds) {
        return settle(table, proceeds, null);
    }

    /**
     * As {@link #settle(ResolvedCapTable, Affine)}, deciding the comparisons that {@code estimates} (of the table's
     * layout; null: none) settle in doubles, and the others exactly: the same decisions, and the same exact outcome.
     */
    Outcome settle(ResolvedCapTable table, Affine proceeds, OutcomeEstimates estimates) {
        Layout layout = table.layout;
        boolean[] converted = Arrays.copyOf(layout.convertible, layout.size);
        Evaluations evaluations = new Evaluations(layout, proceeds, estimates);
        Tried current = evaluations.of(converted);
        // Phase 1: shrink the set of converters, highest threshold first.
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (int i : layout.conversionOrder) {
                if (!converted[i] || evaluations.cannotGainByUnconverting(i, current)) {
                    continue;
                }
                converted[i] = false;
                Tried alternative = evaluations.of(converted);
                if (evaluations.comparePayout(i, alternative, current) > 0) {
                    current = alternative;
                    shrunk = true;
                    break;
                }
                converted[i] = true;
            }
        }
        // Phase 2: best responses until no claimant gains by switching alone.
        int bound = 4 * (layout.conversionOrder.length + 1) * (layout.conversionOrder.length + 1);
        for (int round = 0; round < bound; round++) {
            boolean changed = false;
            for (int i : layout.conversionOrder) {
                if (converted[i] && evaluations.cannotGainByUnconverting(i, current)) {
                    continue; // unconverting would need to pay strictly more: it cannot
                }
                converted[i] = !converted[i];
                Tried alternative = evaluations.of(converted);
                int cmp = evaluations.comparePayout(i, alternative, current);
                if (cmp > 0 || (cmp == 0 && converted[i])) {
                    current = alternative;
                    changed = true;
                } else {
                    converted[i] = !converted[i];
                }
            }
            if (!changed) {
                Outcome settled = evaluations.exact(current);
                if (settled.unabsorbed().signum() != 0) {
                    throw new ModelException("mso.holdings", "no holder takes part in the residual of "
                            + Rounding.toCents(settled.unabsorbed().value())
                            + " (no common, participating or converting shares)");
                }
                return settled;
            }
        }
        throw new IllegalStateException("conversion decisions did not settle after " + bound + " rounds");
    }

    /** One set of decisions tried by a settlement: its exact outcome (worked out on first use) and its estimate (or null). */
    private static final class Tried {
        final boolean[] converted;
        final OutcomeEstimates.Estimate estimate;
        Outcome exact;

        Tried(boolean[] converted, OutcomeEstimates.Estimate estimate, Outcome exact) {
            this.converted = converted;
            this.estimate = estimate;
            this.exact = exact;
        }
    }

    /**
     * The outcomes of one settlement by decisions, so a set of decisions tried twice is evaluated once; with estimates,
     * each is evaluated exactly only when a comparison needs it.
     */
    private static final class Evaluations {
        private final Layout layout;
        private final Affine proceeds;
        private final OutcomeEstimates estimates;
        /** Bit k: whether the k-th claimant of the conversion order converts; null when there are too many. */
        private final Map<Long, Tried> byDecisions;

        Evaluations(Layout layout, Affine proceeds, OutcomeEstimates estimates) {
            this.layout = layout;
            this.proceeds = proceeds;
            this.estimates = estimates;
            this.byDecisions = layout.conversionOrder.length < Long.SIZE ? new HashMap<>() : null;
        }

        Tried of(boolean[] converted) {
            if (byDecisions == null) {
                return tried(converted);
            }
            long key = 0;
            int[] order = layout.conversionOrder;
            for (int k = 0; k < order.length; k++) {
                if (converted[order[k]]) {
                    key |= 1L << k;
                }
            }
            Tried known = byDecisions.get(key);
            if (known == null) {
                known = tried(converted);
                byDecisions.put(key, known);
            }
            return known;
        }

        private Tried tried(boolean[] converted) {
            if (estimates == null) {
                return new Tried(null, null, evaluate(layout, converted, proceeds));
            }
            boolean[] decisions = converted.clone();
            return new Tried(decisions, estimates.estimate(decisions, proceeds.value()), null);
        }

        Outcome exact(Tried t) {
            if (t.exact == null) {
                t.exact = evaluate(layout, t.converted, proceeds);
            }
            return t.exact;
        }

        /** Claimant {@code i}'s payout in {@code a} against {@code b}, as {@link Outcome#comparePayout(int, Outcome)}. */
        int comparePayout(int i, Tried a, Tried b) {
            if (a.estimate != null && b.estimate != null) {
                int c = OutcomeEstimates.compare(a.estimate, b.estimate, i);
                if (c != Integer.MIN_VALUE) {
                    return c;
                }
            }
            return exact(a).comparePayout(i, exact(b));
        }

        /**
         * Whether claimant {@code i} certainly gains nothing by keeping its preference: unconverted it receives at most
         * its ceiling (as an {@link Affine}, lexicographically: a short tier's share of what is left and a participation
         * below the cap are each below their constant bounds), and it already receives at least that.
         */
        boolean cannotGainByUnconverting(int i, Tried current) {
            Affine ceiling = layout.unconvertedCeiling[i];
            if (ceiling == null) {
                return false;
            }
            if (current.estimate != null) {
                int c = estimates.compareToCeiling(current.estimate, i);
                if (c != Integer.MIN_VALUE) {
                    return c >= 0;
                }
            }
            return exact(current).comparePayout(i, ceiling.value()) >= 0;
        }
    }

    /**
     * Distribution for fixed conversion decisions, placed on the decisions' {@link Layout.Plan}: the tiers paid in
     * full are those whose cumulative claim the proceeds cover; the price is found by bisecting the participants'
     * take at the price points (it never decreases), then interpolating on the segment below.
     */
    static Outcome evaluate(Layout layout, boolean[] converted, Affine proceeds) {
        Layout.Plan plan = layout.plan(converted);
        int n = layout.size;
        Affine[] pref = new Affine[n];
        Arrays.fill(pref, Affine.ZERO);
        int tiers = layout.tiers.length;
        int covered = 0;
        while (covered < tiers && proceeds.compareTo(Affine.constant(plan.claimBefore[covered + 1])) >= 0) {
            covered++;
        }
        for (int t = 0; t < covered; t++) {
            for (int i : layout.tiers[t]) {
                if (!converted[i]) {
                    pref[i] = Affine.constant(layout.preference[i]);
                }
            }
        }
        Affine remaining = proceeds.minus(Affine.constant(plan.claimBefore[covered]));
        if (covered < tiers) {
            // Pari passu: the first tier not covered shares what is left pro rata to the preference amounts.
            int[] tier = layout.tiers[covered];
            for (int m = 0; m < tier.length; m++) {
                if (!converted[tier[m]]) {
                    pref[tier[m]] = remaining.times(plan.tierShare(covered, m));
                }
            }
            remaining = Affine.ZERO;
        }
        // The first price point at which the participants take at least the residual; the price lies below it.
        BigInteger[] takenAt = plan.takenAt;
        int lo = 0;
        int hi = takenAt.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Layout.compareToConstant(remaining, takenAt[mid], layout.takenDenominator) <= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo < takenAt.length && plan.jumpAt[lo].signum() != 0) {
            // A catch-up at this point's price: the price stays there while the catch-up holders fill their jump.
            BigInteger before = takenAt[lo].subtract(plan.jumpAt[lo]);
            if (Layout.compareToConstant(remaining, before, layout.takenDenominator) > 0) {
                Affine filled = remaining.minus(Affine.constant(new BigFraction(before, layout.takenDenominator)))
                        .times(new BigFraction(layout.takenDenominator, plan.jumpAt[lo]));
                return new Outcome(layout, converted.clone(), pref, Affine.constant(plan.price[lo]), Affine.ZERO,
                        plan.price[lo], filled);
            }
        }
        BigFraction atPrice = lo == 0 ? BigFraction.ZERO : plan.price[lo - 1];
        BigFraction slope = lo == 0 ? BigFraction.ZERO : plan.slopeAfter(lo - 1);
        Affine price;
        Affine unabsorbed = Affine.ZERO;
        if (lo < takenAt.length) {
            price = lo == 0 || Affine.isZero(slope) ? Affine.constant(atPrice) : plan.priceAbove(lo - 1, remaining);
        } else if (slope.compareTo(BigFraction.ZERO) > 0) {
            price = plan.priceAbove(lo - 1, remaining);
        } else {
            price = Affine.constant(atPrice);
            unabsorbed = remaining.minus(Affine.constant(lo == 0 ? BigFraction.ZERO : plan.takenAt(lo - 1)));
        }
        // Participation follows from the price; Outcome works it out per claimant when asked.
        return new Outcome(layout, converted.clone(), pref, price, unabsorbed, null, Affine.ZERO);
    }
}

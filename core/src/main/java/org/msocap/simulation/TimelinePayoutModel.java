package org.msocap.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.msocap.deal.HolderProceeds;
import org.msocap.deal.NewUnits;
import org.msocap.deal.RecapResult;
import org.msocap.deal.Timeline;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * The waterfall of a venture with deal events (PRODUCT.md §8) as a {@link PayoutModel}: each exit day is paid through
 * the cap table in force on that day ({@link Timeline#at}), and each person is credited the cash at close of every recap
 * dated on or before it, so what a holder's positions add up to in a run is their <em>realized total</em>, as
 * {@code waterfall} shows it for a single exit on that day.
 *
 * <h2>Segments</h2>
 * The event dates cut time into segments; within one the cap table is fixed (only dividends, interest and vesting move
 * with the day, which each segment's {@link BreakpointPayoutModel} resolves per day as usual). The positions are the
 * union of every segment's positions, then one cash-at-close position per (person, recap) with cash, group
 * {@link #CASH_AT_CLOSE}. A day's evaluator is its segment's, with the segment's positions mapped onto the union (the
 * others pay zero) and the constant cash of the recaps closed by then.
 *
 * <h2>Costs: each dollar paid in once</h2>
 * The union's costs are money actually paid in, as realized totals count it ({@link org.msocap.deal.Realized}): a
 * position of a later segment costs only what was new at its event (a round's investment, a recap's buyer equity or a
 * grant's cost); a SAFE or note converted in a round keeps its cost on the SAFE or note, and a rollover is proceeds left
 * in, no new cost. A holder's or a category's cost is then their original cost over the whole deal. A class's cost is
 * what its own holdings cost ({@link #ownCostPositions}): a rollover at the proceeds reinvested, as its cap table says.
 * A cost brought in by an event is paid only in the runs that reach it ({@link #paidFromDay}): a sale before the recap
 * means the buyer never invested.
 *
 * <h2>Net debt</h2>
 * After a recap the net debt is the new loan's balance by its schedule ({@link Timeline#netDebtAt}), the same figure a
 * single exit on that day deducts; {@link #termsOn} gives the exit terms with it, once per day.
 */
public final class TimelinePayoutModel implements PayoutModel {

    /** The group of the cash-at-close positions: what earlier recaps paid each person in cash. */
    public static final String CASH_AT_CLOSE = "cash-at-close";

    private final Timeline timeline;
    /** Per segment: its first epoch day (segment 0: {@link Integer#MIN_VALUE}) and its cap table's payout model. */
    private final int[] segmentStart;
    private final BreakpointPayoutModel[] segments;
    /** Per segment: each of its positions' index among {@link #positions}. */
    private final int[][] unionOf;
    private final List<Position> positions = new ArrayList<>();
    /** The positions with the cost their own cap table gives them (a rollover at the proceeds it reinvested). */
    private final List<Position> ownCost = new ArrayList<>();
    /** Per position: the first day it is in force, when its event brought it in (Integer.MIN_VALUE: from the start). */
    private final List<Integer> firstDay = new ArrayList<>();
    /** The first cash-at-close position; those after it are all cash-at-close. */
    private final int firstCash;
    /** Per cash-at-close position: its amount in cents and the epoch day of its recap. */
    private final long[] cashCents;
    private final int[] cashDay;
    /** Per segment: whether each union position is in force in it (cash-at-close: always). */
    private final boolean[][] inForce;
    private final Map<Integer, ExitTerms> termsByDay = new ConcurrentHashMap<>();
    private final ThreadLocal<long[][]> scratch;

    public TimelinePayoutModel(Timeline timeline, boolean doubleTriggerFires) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        Venture written = timeline.venture();
        List<LocalDate> starts = new ArrayList<>();
        for (Timeline.Applied a : timeline.applied()) {
            if (starts.isEmpty() || !starts.get(starts.size() - 1).equals(a.event().date())) {
                starts.add(a.event().date());
            }
        }
        int n = starts.size() + 1;
        segmentStart = new int[n];
        segments = new BreakpointPayoutModel[n];
        unionOf = new int[n][];
        segmentStart[0] = Integer.MIN_VALUE;
        segments[0] = new BreakpointPayoutModel(written, doubleTriggerFires);
        for (int s = 1; s < n; s++) {
            segmentStart[s] = (int) starts.get(s - 1).toEpochDay();
            segments[s] = new BreakpointPayoutModel(timeline.at(starts.get(s - 1)), doubleTriggerFires);
        }
        Map<String, Integer> byKey = new HashMap<>();
        for (int s = 0; s < n; s++) {
            List<Position> own = segments[s].positions();
            Map<String, Long> rolledIn = s == 0 ? Map.of() : rolledIn(timeline, starts.get(s - 1));
            unionOf[s] = new int[own.size()];
            for (int p = 0; p < own.size(); p++) {
                Position pos = own.get(p);
                String key = pos.holder() + "|" + pos.group() + "|" + (pos.acquired() == null ? "" : pos.acquired());
                Integer known = byKey.get(key);
                if (known == null) {
                    long cost = s == 0 ? pos.costCents() : newMoney(pos, starts.get(s - 1), rolledIn);
                    known = positions.size();
                    byKey.put(key, known);
                    positions.add(new Position(pos.holder(), pos.category(), pos.group(), cost, cost > 0 ? pos.acquired() : null));
                    ownCost.add(pos);
                    firstDay.add(segmentStart[s]);
                }
                unionOf[s][p] = known;
            }
        }
        firstCash = positions.size();
        List<Long> cash = new ArrayList<>();
        List<Integer> day = new ArrayList<>();
        for (Timeline.Applied a : timeline.applied()) {
            if (a.recap() == null) {
                continue;
            }
            for (HolderProceeds h : a.recap().holders()) {
                if (h.cashAtClose().isPositive()) {
                    positions.add(new Position(h.holder(), h.category(), CASH_AT_CLOSE, 0, null));
                    ownCost.add(positions.get(positions.size() - 1));
                    firstDay.add(Integer.MIN_VALUE);
                    cash.add(h.cashAtClose().cents());
                    day.add((int) a.recap().date().toEpochDay());
                }
            }
        }
        cashCents = cash.stream().mapToLong(Long::longValue).toArray();
        cashDay = day.stream().mapToInt(Integer::intValue).toArray();
        inForce = new boolean[n][positions.size()];
        for (int s = 0; s < n; s++) {
            for (int u : unionOf[s]) {
                inForce[s][u] = true;
            }
            Arrays.fill(inForce[s], firstCash, positions.size(), true);
        }
        scratch = ThreadLocal.withInitial(() -> {
            long[][] perSegment = new long[n][];
            for (int s = 0; s < n; s++) {
                perSegment[s] = new long[segments[s].positions().size()];
            }
            return perSegment;
        });
    }

    /** Whether the venture has events: without any, its {@link BreakpointPayoutModel} alone is the model. */
    public static boolean appliesTo(Venture venture) {
        return !venture.events().isEmpty();
    }

    /**
     * What each holder rolled over, per class, at recaps closing on {@code date}: those holdings of the new table are
     * proceeds left in, not money paid in.
     */
    private static Map<String, Long> rolledIn(Timeline timeline, LocalDate date) {
        Map<String, Long> rolled = new LinkedHashMap<>();
        for (RecapResult r : timeline.recapsBy(date)) {
            if (r.date().equals(date)) {
                for (NewUnits u : r.rollover()) {
                    rolled.merge(u.holder() + "|" + u.classId(), u.amount().cents(), Long::sum);
                }
            }
        }
        return rolled;
    }

    /** The money a position first seen in the segment starting {@code date} brought in (see the class comment). */
    private static long newMoney(Position pos, LocalDate date, Map<String, Long> rolledIn) {
        if (pos.costCents() == 0 || pos.acquired() == null || pos.acquired().isBefore(date)) {
            return 0; // options, or converted SAFEs and notes: paid for when first acquired, counted there
        }
        long rolled = pos.acquired().equals(date) ? rolledIn.getOrDefault(pos.holder() + "|" + pos.group(), 0L) : 0;
        return Math.max(0, pos.costCents() - rolled);
    }

    @Override
    public List<Position> positions() {
        return positions;
    }

    /** The segment in force on {@code day}: the last whose first day is on or before it. */
    int segmentOf(int day) {
        int s = 0;
        while (s + 1 < segmentStart.length && segmentStart[s + 1] <= day) {
            s++;
        }
        return s;
    }

    /**
     * The positions (in {@link #positions()} order) with the cost their own cap table gives them: what a class's holdings
     * cost, a rollover at the proceeds it reinvested and converted shares at the SAFE's amount. A class's statistics use
     * these; a person's, over the whole deal, the positions' costs (each dollar once).
     */
    public List<Position> ownCostPositions() {
        return ownCost;
    }

    /**
     * The first exit day on which position {@code p}'s cost has been paid: the date of the event that brought it in
     * (Integer.MIN_VALUE for the written cap table's positions and the cash at close). A run exiting earlier never saw
     * that event, so its holder never paid that cost; a run without an exit lives through every event and paid it.
     */
    public int paidFromDay(int p) {
        return firstDay.get(p);
    }

    /** Whether position {@code p} exists at an exit on {@code day} (a cash-at-close position always does). */
    public boolean inForce(int p, int day) {
        return inForce[segmentOf(day)][p];
    }

    /** Whether the venture has recaps, so positions add up to realized totals rather than this exit's payouts. */
    public boolean hasRecaps() {
        return timeline.applied().stream().anyMatch(a -> a.recap() != null);
    }

    /** The first cash-at-close position (the positions from it on are all cash at close; none: the positions' count). */
    public int firstCashPosition() {
        return firstCash;
    }

    /** The cash at close of cash-at-close position {@code p}, in cents. */
    public long cashCents(int p) {
        return cashCents[p - firstCash];
    }

    /** The epoch day of the recap that paid cash-at-close position {@code p}. */
    public int cashDay(int p) {
        return cashDay[p - firstCash];
    }

    /**
     * What a run without an exit realizes: the cash at close of every recap (with no sale, the venture lives through
     * all its events), in cents per position; zero for the others.
     */
    public long[] withoutExit() {
        long[] out = new long[positions.size()];
        System.arraycopy(cashCents, 0, out, firstCash, cashCents.length);
        return out;
    }

    /** {@code base} with the net debt in force on {@code day} (an earlier recap's loan by its schedule). */
    public ExitTerms termsOn(ExitTerms base, int day) {
        ExitTerms known = termsByDay.get(day);
        if (known == null) {
            long netDebt = timeline.netDebtAt(LocalDate.ofEpochDay(day)).cents();
            known = new ExitTerms(netDebt, base.transactionCostFraction(), base.fixedTransactionCostCents(), base.carveOutFraction(),
                    base.carveOutRecipients(), base.carveOutWeights(), base.escrowFraction(), base.escrowMonths(),
                    base.escrowReleaseProbability(), base.earnoutCents(), base.earnoutProbability());
            ExitTerms raced = termsByDay.putIfAbsent(day, known);
            known = raced != null ? raced : known;
        }
        return known;
    }

    /** The venture's net debt on {@code day}, as a single exit then deducts it. */
    public Money netDebtOn(int day) {
        return timeline.netDebtAt(LocalDate.ofEpochDay(day));
    }

    @Override
    public PayoutEvaluator at(int exitEpochDay) {
        int s = segmentOf(exitEpochDay);
        PayoutEvaluator own = segments[s].at(exitEpochDay);
        int[] map = unionOf[s];
        int cash = cashCents.length;
        long[] realized = new long[cash];
        for (int c = 0; c < cash; c++) {
            realized[c] = cashDay[c] <= exitEpochDay ? cashCents[c] : 0;
        }
        return (proceeds, out) -> {
            long[] local = scratch.get()[s];
            own.payouts(proceeds, local);
            Arrays.fill(out, 0, firstCash, 0);
            for (int p = 0; p < map.length; p++) {
                out[map[p]] = local[p];
            }
            System.arraycopy(realized, 0, out, firstCash, cash);
        };
    }
}

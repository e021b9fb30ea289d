package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/**
 * The fast path (breakpoint table per exit month, holders split in doubles) equals the exact engine to the
 * cent, for every class, every category and every holder, on every run of a simulation over a cap table with
 * cumulative dividends from different purchase dates, participating and capped classes, options vesting
 * month by month at several strikes, a warrant, SAFEs and a note accruing interest.
 */
class BreakpointPayoutModelTest {

    /** A mid-sized generated cap table: 40 holders, 4 preferred classes, 12 grants at 3 strikes, 2 SAFEs, a note. */
    static Venture venture() {
        return LargeVenture.venture(LargeVenture.mso(40, 4, 12, 3, 2, 1, 7));
    }

    @Test
    void everyRunEqualsTheExactEngineToTheCent() {
        Venture venture = venture();
        BreakpointPayoutModel payouts = new BreakpointPayoutModel(venture, false);
        int runs = 150;
        SimulationResult result = SampledExits.overEighteenMonths(payouts, runs);

        List<String> groups = result.classes().stream().map(SeriesStatistics::key).toList();
        Map<Integer, PayoutModel.PayoutEvaluator> evaluators = new HashMap<>();
        int compared = 0;
        for (RunSample run : result.sample()) {
            if (!run.exited()) {
                continue;
            }
            LocalDate date = run.exitDate().orElseThrow();
            assertThat(date).isEqualTo(date.withDayOfMonth(date.lengthOfMonth()));
            WaterfallResult exact = WaterfallEngine.DEFAULT.distribute(ResolvedCapTable.of(venture, date, false), run.equityProceeds());

            Map<String, Long> byGroup = new HashMap<>();
            for (ClassPayout c : exact.classes()) {
                byGroup.merge(BreakpointPayoutModel.groupOf(claimant(venture, date, c.id())), c.payout().cents(), Long::sum);
            }
            for (int g = 0; g < groups.size(); g++) {
                assertThat(run.classPayouts().get(g).cents()).as("run %d, %s", run.run(), groups.get(g))
                        .isEqualTo(byGroup.getOrDefault(groups.get(g), 0L));
            }
            HolderCategory[] categories = HolderCategory.values();
            for (int c = 0; c < categories.length; c++) {
                assertThat(run.categoryPayouts().get(c)).as("run %d, %s", run.run(), categories[c]).isEqualTo(exact.byCategory().get(categories[c]));
            }

            long[] fast = new long[payouts.positions().size()];
            evaluators.computeIfAbsent((int) date.toEpochDay(), payouts::at).payouts(run.equityProceeds().cents(), fast);
            Map<String, Long> byHolder = new HashMap<>();
            for (int p = 0; p < fast.length; p++) {
                byHolder.merge(payouts.positions().get(p).holder(), fast[p], Long::sum);
            }
            for (HolderPayout h : exact.holders()) {
                assertThat(byHolder.getOrDefault(h.id(), 0L)).as("run %d, holder %s", run.run(), h.id()).isEqualTo(h.payout().cents());
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(120);
    }

    private static ResolvedCapTable.Claimant claimant(Venture venture, LocalDate date, String id) {
        return ResolvedCapTable.of(venture, date, false).claimants().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void positionsAreTheMsosInstrumentsWithTheirCosts() {
        Venture sunrise = ProjectedExitValueTest.sunrise();
        BreakpointPayoutModel model = new BreakpointPayoutModel(sunrise, true);
        assertThat(model.positions()).extracting(Position::holder, Position::group)
                .contains(org.assertj.core.groups.Tuple.tuple("harbor-fund", "series-a"), org.assertj.core.groups.Tuple.tuple("carol", "options"),
                        org.assertj.core.groups.Tuple.tuple("harbor-fund", "warrants"), org.assertj.core.groups.Tuple.tuple("angel", "safes"),
                        org.assertj.core.groups.Tuple.tuple("angel-two", "notes"));
        Position fund = model.positions().stream().filter(p -> p.group().equals("series-a")).findFirst().orElseThrow();
        assertThat(fund.costCents()).isEqualTo(300_000_000L);   // 1.5M shares × $2.00
        assertThat(fund.category()).isEqualTo(HolderCategory.ENTITY);
    }

    @Test
    void aMaskOfWantedPositionsLeavesTheirPayoutsUnchanged() {
        BreakpointPayoutModel model = new BreakpointPayoutModel(venture(), false);
        int positions = model.positions().size();
        // Every third holder wanted: their positions in every class must come out as without a mask.
        List<String> holders = model.positions().stream().map(Position::holder).distinct().toList();
        boolean[] wanted = new boolean[positions];
        int flagged = 0;
        for (int p = 0; p < positions; p++) {
            wanted[p] = holders.indexOf(model.positions().get(p).holder()) % 3 == 0;
            flagged += wanted[p] ? 1 : 0;
        }
        assertThat(flagged).isBetween(1, positions - 1);
        PayoutModel.PayoutEvaluator evaluator = model.at((int) LocalDate.of(2027, 9, 30).toEpochDay());
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long[] all = new long[positions];
        long[] masked = new long[positions];
        for (int run = 0; run < 500; run++) {
            long proceeds = (long) (Math.exp(random.nextDouble(Math.log(1e5), Math.log(1e11))));   // $1k to $1B in cents
            evaluator.payouts(proceeds, all);
            evaluator.payouts(proceeds, masked, wanted);
            for (int p = 0; p < positions; p++) {
                if (wanted[p]) {
                    assertThat(masked[p]).as("proceeds %d, position %d", proceeds, p).isEqualTo(all[p]);
                }
            }
        }
    }

    /**
     * The split in doubles orders only the pieces that get a left-over cent and the first that does not: those are the
     * first of the whole order by remainder (largest first, ties to the lower index), with many exact ties.
     */
    @Test
    void theFirstPiecesByRemainderAreThoseOfTheWholeOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int trial = 0; trial < 20_000; trial++) {
            int m = 1 + random.nextInt(40);
            double[] remainder = new double[m];
            int distinct = 1 + random.nextInt(m + 1);
            for (int j = 0; j < m; j++) {
                remainder[j] = random.nextInt(distinct) / (double) distinct;
            }
            Integer[] whole = new Integer[m];
            for (int j = 0; j < m; j++) {
                whole[j] = j;
            }
            java.util.Arrays.sort(whole, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
            int k = 1 + random.nextInt(m);
            int[] order = new int[m];
            BreakpointPayoutModel.topByRemainder(order, m, remainder, k);
            for (int j = 0; j < k; j++) {
                assertThat(order[j]).as("place %d of %d by %s", j, k, java.util.Arrays.toString(remainder)).isEqualTo(whole[j]);
            }
        }
    }
}

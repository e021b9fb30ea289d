package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.deal.DealExit;
import org.msocap.deal.RealizedTotal;
import org.msocap.deal.RecapResult;
import org.msocap.deal.Timeline;
import org.msocap.io.VentureReader;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.Venture;
import org.msocap.waterfall.HolderPayout;

/**
 * A simulation over a venture with deal events (PRODUCT.md §8): each run is paid through the cap table and net debt in
 * force at its exit date, and each person's total in the run is their realized total, exactly as a single exit on that
 * date through the timeline ({@link DealExit}) gives it.
 */
class TimelinePayoutModelTest {

    /** A SAFE converting in a Series A, then a levered recap with a rollover, a grant and a buyer; exits on either side. */
    static final String MODEL = """
            msocap: 1
            venture: Timeline simulated
            asOf: 2026-01-01
            people:
              - {id: founder, name: Founder}
              - {id: cfo, name: CFO}
              - {id: angel, name: Angel}
              - {id: fund, name: Fund LP, type: entity}
              - {id: sponsor, name: Sponsor LP, type: entity}
              - {id: dr-a, name: Dr A, licenses: [{profession: physician, state: TX, status: active}]}
            mso:
              classes:
                - {id: common, type: common}
              holdings:
                - {holder: founder, class: common, shares: 6000000, acquired: 2025-01-01, cost: 600}
                - {holder: dr-a, class: common, shares: 3000000, acquired: 2025-02-01, cost: 300000}
              optionPool: 500000
              options:
                - {holder: cfo, shares: 400000, strike: 0.10, granted: 2025-03-01}
              safes:
                - {holder: angel, amount: 1M, cap: 10M, kind: post-money, acquired: 2025-06-01}
            events:
              - type: round
                name: Series A
                date: 2027-03-01
                class: {id: series-a, type: preferred, preference: 1.0, participation: none, seniority: 1}
                preMoney: 20M
                investments: [{holder: fund, amount: 5M}]
              - type: recap
                name: Recap
                date: 2028-06-30
                enterpriseValue: 60M
                sellerCosts: 0.02
                newDebt: {amount: 20M, amortization: 0.10}
                classes:
                  - {id: class-a, type: preferred, issuePrice: 1, preference: 1.0, participation: full, seniority: 1}
                  - {id: class-b, type: common}
                buyer: {holder: sponsor, class: class-a, price: 1}
                rollover:
                  - {holder: founder, fraction: 0.30, class: class-b, price: 1}
                  - {holder: dr-a, fraction: 0.25, class: class-a, price: 1}
                grants:
                  - {holder: cfo, class: class-b, shares: 500000, cost: 50000}
            exits:
              - name: Sale
                date: 2029-12-31
                enterpriseValue: 70M
                transactionCosts: 0.02
                carveOut: {fraction: 0.02, recipients: {cfo: 1}}
            simulation:
              runs: 400
              seed: 11
              exitDate: {uniform: [2026-06-01, 2030-12-31]}
              noExitProbability: 0.1
            """;

    static Venture venture() {
        return VentureReader.read(MODEL, "timeline.yaml");
    }

    /** The file's setup with an enterprise value drawn per run, $5M × a lognormal multiple, so runs differ. */
    static SimulationSetup setup(Venture venture) {
        SimulationSetup file = SimulationSetup.of(venture);
        ExitValueModel value = SampledExits.timesMultiple(500_000_000L);
        DriverSampler drivers = DriverSampler.of(Map.of(
                Driver.EXIT_DATE, new Distribution.Uniform(LocalDate.of(2026, 6, 1).toEpochDay(), LocalDate.of(2030, 12, 31).toEpochDay()),
                Driver.EBITDA_MULTIPLE, new Distribution.LogNormal(12, 0.6)), List.of());
        return new SimulationSetup(drivers, 0.1, file.baseExitDate(), 10, value, file.terms(), file.payouts(), file.carveOutPositions());
    }

    @Test
    void everyRunEqualsASingleExitThroughTheTimelineToTheCent() {
        Venture venture = venture();
        Timeline timeline = Timeline.of(venture);
        SimulationSetup setup = setup(venture);
        assertThat(setup.payouts()).isInstanceOf(TimelinePayoutModel.class);
        int runs = 400;
        SimulationResult result = MonteCarloSimulator.DEFAULT.simulate(setup,
                new SimulationOptions(runs, 11, 2, SimulationOptions.ALL_HOLDERS, runs, 10));
        assertThat(result.realized()).isTrue();

        ExitScenario template = venture.exits().get(0);
        List<String> groups = result.classes().stream().map(SeriesStatistics::key).toList();
        List<Position> positions = setup.payouts().positions();
        int before = 0;
        int between = 0;
        int after = 0;
        int without = 0;
        for (RunSample run : result.sample()) {
            if (!run.exited()) {
                // No sale: the venture lives through every event, so each person has the cash of every recap.
                Map<HolderCategory, Long> cash = new HashMap<>();
                for (Timeline.Applied a : timeline.applied()) {
                    if (a.recap() != null) {
                        a.recap().holders().forEach(h -> cash.merge(h.category(), h.cashAtClose().cents(), Long::sum));
                    }
                }
                for (HolderCategory c : HolderCategory.values()) {
                    assertThat(run.categoryPayouts().get(c.ordinal()).cents()).isEqualTo(cash.getOrDefault(c, 0L));
                }
                without++;
                continue;
            }
            LocalDate date = run.exitDate().orElseThrow();
            Venture inForce = timeline.at(date);
            List<RecapResult> recaps = timeline.recapsBy(date);
            ExitScenario sale = new ExitScenario(template.name(), date, run.enterpriseValue(), null, null, template.transactionCosts(), null,
                    template.carveOut(), null, false, null);
            DealExit exact = DealExit.at(inForce, recaps, sale, run.enterpriseValue());
            assertThat(run.equityProceeds()).as("run %d on %s", run.run(), date).isEqualTo(exact.exit().bridge().equityProceeds());

            // Each person: realized total (cash at close + payout + carve-out) after a recap, else the exit's total.
            Map<String, Long> expected = new HashMap<>();
            if (recaps.isEmpty()) {
                for (HolderPayout h : exact.exit().waterfall().holders()) {
                    expected.put(h.id(), h.total().cents());
                }
            } else {
                for (RealizedTotal r : exact.realized()) {
                    expected.put(r.id(), r.total().cents());
                }
            }
            int day = (int) date.toEpochDay();
            long[] fast = new long[positions.size()];
            setup.payouts().at(day).payouts(run.equityProceeds().cents(), fast);
            Map<String, Long> byHolder = new HashMap<>();
            Map<HolderCategory, Long> byCategory = new HashMap<>();
            for (int p = 0; p < fast.length; p++) {
                byHolder.merge(positions.get(p).holder(), fast[p], Long::sum);
                byCategory.merge(positions.get(p).category(), fast[p], Long::sum);
            }
            ExitTerms terms = setup.termsOn(day);
            long[] split = terms.carveOutSplit(terms.carveOutCents(run.enterpriseValue().cents()));
            for (int c = 0; c < split.length; c++) {
                Position recipient = setup.carveOutPositions().get(c);
                byHolder.merge(recipient.holder(), split[c], Long::sum);
                byCategory.merge(recipient.category(), split[c], Long::sum);
            }
            byHolder.values().removeIf(v -> v == 0);
            expected.values().removeIf(v -> v == 0);
            assertThat(byHolder).as("run %d on %s", run.run(), date).isEqualTo(expected);
            for (HolderCategory c : HolderCategory.values()) {
                assertThat(run.categoryPayouts().get(c.ordinal()).cents()).as("run %d, %s", run.run(), c)
                        .isEqualTo(byCategory.getOrDefault(c, 0L));
            }
            // The class columns: the exit's classes in force, and the cash at close of the recaps before it.
            long cash = recaps.stream().flatMap(r -> r.holders().stream()).mapToLong(h -> h.cashAtClose().cents()).sum();
            assertThat(run.classPayouts().get(groups.indexOf(TimelinePayoutModel.CASH_AT_CLOSE)).cents()).isEqualTo(cash);
            if (exact.exit().waterfall().classPayout("series-a").isPresent()) {
                assertThat(run.classPayouts().get(groups.indexOf("series-a")))
                        .isEqualTo(exact.exit().waterfall().classPayout("series-a").orElseThrow().payout());
            }
            if (date.isBefore(LocalDate.of(2027, 3, 1))) {
                before++;
            } else if (date.isBefore(LocalDate.of(2028, 6, 30))) {
                between++;
            } else {
                after++;
            }
        }
        assertThat(before).isGreaterThan(20);
        assertThat(between).isGreaterThan(20);
        assertThat(after).isGreaterThan(100);
        assertThat(without).isGreaterThan(10);
    }

    @Test
    void eachDayIsRoutedToTheCapTableInForceAndRecapCashIsAddedFromTheCloseOn() {
        Venture venture = venture();
        TimelinePayoutModel model = new TimelinePayoutModel(Timeline.of(venture), false);
        int lastBeforeRound = (int) LocalDate.of(2027, 2, 28).toEpochDay();
        int roundDay = (int) LocalDate.of(2027, 3, 1).toEpochDay();
        int recapDay = (int) LocalDate.of(2028, 6, 30).toEpochDay();
        List<Position> positions = model.positions();
        int safe = indexOf(positions, "angel", "safes");
        int converted = indexOf(positions, "angel", "series-a-conv-1");
        int classA = indexOf(positions, "sponsor", "class-a");
        assertThat(model.inForce(safe, lastBeforeRound)).isTrue();
        assertThat(model.inForce(safe, roundDay)).isFalse();
        assertThat(model.inForce(converted, roundDay)).isTrue();
        assertThat(model.inForce(converted, recapDay)).isFalse();
        assertThat(model.inForce(classA, recapDay - 1)).isFalse();
        assertThat(model.inForce(classA, recapDay)).isTrue();

        long[] out = new long[positions.size()];
        model.at(recapDay - 1).payouts(1_000_000_00L, out);
        assertThat(java.util.Arrays.stream(out).sum()).isEqualTo(1_000_000_00L);   // no cash yet: the equity alone
        model.at(recapDay).payouts(1_000_000_00L, out);
        long cash = 0;
        for (int p = model.firstCashPosition(); p < positions.size(); p++) {
            assertThat(positions.get(p).group()).isEqualTo(TimelinePayoutModel.CASH_AT_CLOSE);
            assertThat(out[p]).isEqualTo(model.cashCents(p));
            cash += out[p];
        }
        assertThat(cash).isPositive();
        assertThat(java.util.Arrays.stream(out).sum()).isEqualTo(1_000_000_00L + cash);
        assertThat(model.withoutExit()).containsExactly(out.length == 0 ? new long[0] : withCashOnly(out, model.firstCashPosition()));

        // Net debt: none before the recap, the new loan amortized 10% a year after it.
        ExitTerms base = SimulationSetup.of(venture).terms();
        assertThat(model.termsOn(base, recapDay - 1).netDebtCents()).isZero();
        assertThat(model.termsOn(base, recapDay + 365).netDebtCents()).isEqualTo(18_000_000_00L);
    }

    private static long[] withCashOnly(long[] out, int firstCash) {
        long[] cash = out.clone();
        java.util.Arrays.fill(cash, 0, firstCash, 0);
        return cash;
    }

    @Test
    void eachDollarPaidInIsACostOnce() {
        TimelinePayoutModel model = new TimelinePayoutModel(Timeline.of(venture()), false);
        Map<String, Long> costByHolder = new HashMap<>();
        model.positions().forEach(p -> costByHolder.merge(p.holder(), p.costCents(), Long::sum));
        RecapResult recap = Timeline.of(venture()).event("recap").orElseThrow().recap();
        // The SAFE's $1M once (not again on the shares it converted into), the rollovers no cost, the buyer its equity.
        assertThat(costByHolder).containsEntry("angel", 1_000_000_00L).containsEntry("founder", 600_00L)
                .containsEntry("dr-a", 300_000_00L).containsEntry("fund", 5_000_000_00L).containsEntry("cfo", 50_000_00L)
                .containsEntry("sponsor", recap.buyer().orElseThrow().amount().cents());
        assertThat(model.positions()).filteredOn(p -> p.group().equals(TimelinePayoutModel.CASH_AT_CLOSE))
                .allSatisfy(p -> assertThat(p.costCents()).isZero());
        // A class's own cost: dr-a's class-a units cost the proceeds rolled into them, as the new cap table says.
        int rolled = indexOf(model.positions(), "dr-a", "class-a");
        assertThat(model.positions().get(rolled).costCents()).isZero();
        assertThat(model.ownCostPositions().get(rolled).costCents())
                .isEqualTo(recap.rollover().stream().filter(u -> u.holder().equals("dr-a")).findFirst().orElseThrow().amount().cents());
    }

    @Test
    void theSameSeedGivesTheSameNumbersOnOneTwoAndFourThreads() {
        SimulationSetup setup = setup(venture());
        SimulationResult one = MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(20_000, 5, 1, 3, 50, 10));
        for (int threads : new int[] {2, 4}) {
            SimulationResult many = MonteCarloSimulator.DEFAULT.simulate(setup(venture()),
                    new SimulationOptions(20_000, 5, threads, 3, 50, 10));
            assertThat(many).as("%d threads", threads).isEqualTo(one);
        }
        assertThat(one.classes()).anySatisfy(c -> assertThat(c.runs()).isLessThan(20_000));
    }

    /**
     * A holder's realized IRR is that of the expected flows with the cash at close on the recap's date: rebuilt here from
     * every run (sampled in full) and the holder's positions, the cash kept apart from the exit's payout.
     */
    @Test
    void aRealizedIrrPutsTheCashAtCloseOnTheRecapsDate() {
        Venture venture = venture();
        SimulationSetup setup = setup(venture);
        int runs = 3000;
        SimulationResult result = everyRunSampled(setup, runs);
        TimelinePayoutModel model = (TimelinePayoutModel) setup.payouts();
        List<Position> positions = model.positions();
        for (String holder : List.of("founder", "dr-a")) {
            Map<Integer, Double> flows = new java.util.TreeMap<>();
            for (Position p : positions) {
                if (p.holder().equals(holder) && p.costCents() > 0) {
                    flows.merge((int) p.acquired().toEpochDay(), -p.costCents() / 100.0, Double::sum);
                }
            }
            for (RunSample run : result.sample()) {
                long[] out = new long[positions.size()];
                if (run.exited()) {
                    int day = (int) run.exitDate().orElseThrow().toEpochDay();
                    model.at(day).payouts(run.equityProceeds().cents(), out);
                } else {
                    out = model.withoutExit();
                }
                for (int p = 0; p < positions.size(); p++) {
                    if (!positions.get(p).holder().equals(holder) || out[p] == 0) {
                        continue;
                    }
                    int day = p >= model.firstCashPosition() ? model.cashDay(p) : (int) run.exitDate().orElseThrow().toEpochDay();
                    flows.merge(day, out[p] / 100.0 / runs, Double::sum);
                }
            }
            int[] days = flows.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] amounts = flows.values().stream().mapToDouble(Double::doubleValue).toArray();
            SeriesStatistics stats = result.holders().stream().filter(h -> h.key().equals(holder)).findFirst().orElseThrow();
            assertThat(stats.irr()).as(holder).isCloseTo(Irr.of(days, amounts, days.length), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(stats.irr()).as(holder).isFinite();
        }
    }

    /**
     * A class of one cap table of the timeline is summarised over the runs whose exit falls while it exists; its IRR is
     * that of the expected flows over those same runs: each cost an event brought in, times the share of those runs that
     * reach the event, and the mean payout per run on each exit day. (It put the cost times the share of <em>all</em> runs
     * reaching the event against the payouts of the class's runs: class-b, in force in about half the runs, showed an IRR
     * of several hundred percent at a MOIC below 1x.)
     */
    @Test
    void aClassIrrIsOverTheRunsWhereTheClassExists() {
        Venture venture = venture();
        SimulationSetup setup = setup(venture);
        int runs = 3000;
        SimulationResult result = MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(runs, 3, 2,
                SimulationOptions.ALL_HOLDERS, runs, 10));
        TimelinePayoutModel model = (TimelinePayoutModel) setup.payouts();
        List<Position> positions = model.positions();
        List<Position> own = model.ownCostPositions();
        for (String cls : List.of("class-a", "class-b", "series-a")) {
            Map<Integer, Double> flows = new java.util.TreeMap<>();
            Map<Integer, Long> reaching = new java.util.TreeMap<>();
            int kept = 0;
            double paid = 0;
            double cost = 0;
            for (RunSample run : result.sample()) {
                int exitDay = run.exited() ? (int) run.exitDate().orElseThrow().toEpochDay() : Integer.MAX_VALUE;
                boolean exists = false;
                for (int p = 0; p < model.firstCashPosition(); p++) {
                    exists |= positions.get(p).group().equals(cls) && model.inForce(p, exitDay);
                }
                if (!exists) {
                    continue;
                }
                kept++;
                long[] out = new long[positions.size()];
                if (run.exited()) {
                    model.at(exitDay).payouts(run.equityProceeds().cents(), out);
                }
                for (int p = 0; p < model.firstCashPosition(); p++) {
                    if (positions.get(p).group().equals(cls)) {
                        if (out[p] != 0) {
                            flows.merge(exitDay, (double) out[p], Double::sum);
                            paid += out[p];
                        }
                        if (own.get(p).costCents() > 0 && exitDay >= model.paidFromDay(p)) {
                            reaching.merge(p, 1L, Long::sum);
                        }
                    }
                }
            }
            for (Map.Entry<Integer, Double> e : new ArrayList<>(flows.entrySet())) {
                flows.put(e.getKey(), e.getValue() / 100.0 / kept);
            }
            for (Map.Entry<Integer, Long> e : reaching.entrySet()) {
                Position p = own.get(e.getKey());
                flows.merge((int) p.acquired().toEpochDay(), -p.costCents() / 100.0 * e.getValue() / kept, Double::sum);
                cost += p.costCents() / 100.0 * e.getValue() / kept;
            }
            SeriesStatistics stats = result.classes().stream().filter(c -> c.key().equals(cls)).findFirst().orElseThrow();
            assertThat(stats.runs()).as(cls).isEqualTo((long) kept).isBetween(100L, (long) runs - 100);
            assertThat(stats.expectedMoic()).as(cls).isCloseTo(paid / 100.0 / kept / cost, org.assertj.core.data.Offset.offset(1e-9));
            int[] days = flows.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] amounts = flows.values().stream().mapToDouble(Double::doubleValue).toArray();
            double irr = Irr.of(days, amounts, days.length);
            assertThat(irr).as(cls).isFinite();
            assertThat(stats.irr()).as(cls).isCloseTo(irr, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(stats.irr() < 0).as("%s: IRR %s at %sx", cls, stats.irr(), stats.expectedMoic()).isEqualTo(stats.expectedMoic() < 1);
        }
    }

    /**
     * A cost an event brings in is paid only by the runs that reach the event: in a run sold before the recap the sponsor
     * never bought in, in one sold before the round the fund never invested. P(< cost), MOIC and IRR count it so (they
     * counted the sponsor's whole equity as lost in every run sold before the recap).
     */
    @Test
    void aCostAnEventBringsInCountsOnlyInTheRunsThatReachTheEvent() {
        Venture venture = venture();
        SimulationSetup setup = setup(venture);
        int runs = 3000;
        SimulationResult result = everyRunSampled(setup, runs);
        TimelinePayoutModel model = (TimelinePayoutModel) setup.payouts();
        List<Position> positions = model.positions();
        Map<String, LocalDate> eventDay = Map.of("sponsor", LocalDate.of(2028, 6, 30), "fund", LocalDate.of(2027, 3, 1));
        for (String holder : List.of("sponsor", "fund")) {
            long cost = 0;
            int acquired = 0;
            for (int p = 0; p < positions.size(); p++) {
                if (positions.get(p).holder().equals(holder) && positions.get(p).costCents() > 0) {
                    cost += positions.get(p).costCents();
                    acquired = (int) positions.get(p).acquired().toEpochDay();
                    assertThat(model.paidFromDay(p)).isEqualTo((int) eventDay.get(holder).toEpochDay());
                }
            }
            int paidFrom = (int) eventDay.get(holder).toEpochDay();
            long below = 0;
            double realizedSum = 0;
            double paidSum = 0;
            int reached = 0;
            Map<Integer, Double> flows = new java.util.TreeMap<>();
            for (RunSample run : result.sample()) {
                long[] out = new long[positions.size()];
                int exitDay = run.exited() ? (int) run.exitDate().orElseThrow().toEpochDay() : Integer.MAX_VALUE;
                if (run.exited()) {
                    model.at(exitDay).payouts(run.equityProceeds().cents(), out);
                } else {
                    out = model.withoutExit();
                }
                long realized = 0;
                for (int p = 0; p < positions.size(); p++) {
                    if (positions.get(p).holder().equals(holder) && out[p] != 0) {
                        realized += out[p];
                        flows.merge(p >= model.firstCashPosition() ? model.cashDay(p) : exitDay, out[p] / 100.0 / runs, Double::sum);
                    }
                }
                boolean pays = exitDay >= paidFrom;
                long runCost = pays ? cost : 0;
                below += realized < runCost ? 1 : 0;
                realizedSum += realized;
                paidSum += runCost;
                reached += pays ? 1 : 0;
            }
            flows.merge(acquired, -cost / 100.0 * reached / runs, Double::sum);
            assertThat(reached).as(holder).isBetween(100, runs - 100);
            SeriesStatistics stats = result.holders().stream().filter(h -> h.key().equals(holder)).findFirst().orElseThrow();
            assertThat(stats.cost()).as(holder).isEqualTo(cost / 100.0);
            assertThat(stats.probabilityBelowCost()).as(holder).isEqualTo((double) below / runs);
            assertThat(stats.expectedMoic()).as(holder).isCloseTo(realizedSum / paidSum, org.assertj.core.data.Offset.offset(1e-9));
            int[] days = flows.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] amounts = flows.values().stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(stats.irr()).as(holder).isCloseTo(Irr.of(days, amounts, days.length), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void holdersFollowedInASecondPassGetTheSameRealizedTotals() {
        SimulationOptions options = new SimulationOptions(5_000, 9, 2, 4, 0, 10);
        SimulationResult guessed = MonteCarloSimulator.withCandidateSample(0).simulate(setup(venture()), options);
        SimulationResult sampled = MonteCarloSimulator.DEFAULT.simulate(setup(venture()), options);
        assertThat(guessed).isEqualTo(sampled);
    }

    private static int indexOf(List<Position> positions, String holder, String group) {
        for (int p = 0; p < positions.size(); p++) {
            if (positions.get(p).holder().equals(holder) && positions.get(p).group().equals(group)) {
                return p;
            }
        }
        throw new AssertionError(holder + " has no " + group + " position");
    }

    /** {@code runs} runs at seed 3 on 2 threads, every holder's statistics and every run kept in the sample. */
    private static SimulationResult everyRunSampled(SimulationSetup setup, int runs) {
        return MonteCarloSimulator.DEFAULT.simulate(setup, new SimulationOptions(runs, 3, 2, SimulationOptions.ALL_HOLDERS, runs, 10));
    }

}

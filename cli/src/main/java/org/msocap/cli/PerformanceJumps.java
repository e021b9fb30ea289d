package org.msocap.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.ClassPayout;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.ExitBreakpoints;
import org.msocap.waterfall.PerformanceVestedCapTable;

/**
 * Performance-vested units on the command line (PRODUCT.md §7.4): the jumps of a waterfall (at each exit value where a
 * tranche's test starts to hold, which tranches vest what, and each claimant's payout one cent below and at it), and the
 * level each tranche reached at an exit.
 */
final class PerformanceJumps {

    private PerformanceJumps() {
    }

    static Table table(ExitBreakpoints b, ClassNames names) {
        Table t = new Table("Jumps: performance-vested units vest (payouts one cent below and at the value)")
                .right("at").left("vesting").left("class").right("payout before").right("payout after");
        for (ExitBreakpoints.Jump jump : b.jumps()) {
            Table.Cell vesting = new Table.Cell(String.join("; ", changes(b.capTable(), jump, names::of)),
                    String.join("; ", changes(b.capTable(), jump, id -> id)));
            long[] before = jump.payoutBefore();
            long[] after = jump.payoutAfter();
            boolean first = true;
            for (int i = 0; i < b.ids().size(); i++) {
                if (before[i] == after[i]) {
                    continue;
                }
                t.row(first ? Formats.money(Money.ofCents(jump.atCents())) : "", first ? vesting : "", names.cell(b.ids().get(i)),
                        Formats.money(Money.ofCents(before[i])), Formats.money(Money.ofCents(after[i])));
                first = false;
            }
        }
        return t;
    }

    static List<Object> json(ExitBreakpoints b) {
        List<Object> out = new ArrayList<>();
        for (ExitBreakpoints.Jump jump : b.jumps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", Money.ofCents(jump.atCents()).toString());
            List<Object> tranches = new ArrayList<>();
            int[] before = jump.levelsBefore();
            int[] after = jump.levelsAfter();
            for (int t = 0; t < before.length; t++) {
                if (before[t] != after[t]) {
                    PerformanceVestedCapTable.Tranche tranche = b.capTable().tranches().get(t);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("holder", tranche.terms().holder());
                    v.put("class", tranche.claimant());
                    v.put("testedClass", tranche.testedClass());
                    v.put("vestedBefore", tranche.fraction(before[t]).toPlainString());
                    v.put("vestedAfter", tranche.fraction(after[t]).toPlainString());
                    v.put("unitsBefore", tranche.vestedUnits(before[t]));
                    v.put("unitsAfter", tranche.vestedUnits(after[t]));
                    tranches.add(v);
                }
            }
            m.put("vesting", tranches);
            Map<String, Object> payoutBefore = new LinkedHashMap<>();
            Map<String, Object> payoutAfter = new LinkedHashMap<>();
            for (int i = 0; i < b.ids().size(); i++) {
                payoutBefore.put(b.ids().get(i), Money.ofCents(jump.payoutBefore()[i]).toString());
                payoutAfter.put(b.ids().get(i), Money.ofCents(jump.payoutAfter()[i]).toString());
            }
            m.put("payoutBefore", payoutBefore);
            m.put("payoutAfter", payoutAfter);
            out.add(m);
        }
        return out;
    }

    /** "elena 0% → 50% of 1,500 units (class-a MOIC ≥ 2×)" per tranche whose level changes at the jump. */
    private static List<String> changes(PerformanceVestedCapTable capTable, ExitBreakpoints.Jump jump,
                                        java.util.function.UnaryOperator<String> names) {
        List<String> out = new ArrayList<>();
        int[] before = jump.levelsBefore();
        int[] after = jump.levelsAfter();
        for (int t = 0; t < before.length; t++) {
            if (before[t] == after[t]) {
                continue;
            }
            PerformanceVestedCapTable.Tranche tranche = capTable.tranches().get(t);
            String test = after[t] == 0 ? "no level holds"
                    : names.apply(tranche.testedClass()) + " MOIC ≥ " + tranche.levels().get(after[t] - 1).at().stripTrailingZeros().toPlainString() + "×";
            out.add(tranche.terms().holder() + " " + percent(tranche.fraction(before[t])) + " → " + percent(tranche.fraction(after[t]))
                    + " of " + Formats.count(tranche.terms().shares()) + " units (" + test + ")");
        }
        return out;
    }

    /** What one performance-vested holding vested at an exit: its test's class MOIC there, and the level that held. */
    record Vested(PerformanceVestedCapTable.Tranche tranche, int level, BigDecimal moic) {
    }

    /** Each performance-vested holding's level at the exit (none without performance vesting). */
    static List<Vested> vested(Venture atDate, LocalDate date, boolean doubleTriggerFires, ExitWaterfall paid) {
        PerformanceVestedCapTable capTable = PerformanceVestedCapTable.of(atDate, date, doubleTriggerFires);
        if (!capTable.hasPerformanceVesting()) {
            return List.of();
        }
        int[] levels = capTable.levelsAt(paid.bridge().equityProceeds());
        List<Vested> out = new ArrayList<>();
        for (int t = 0; t < levels.length; t++) {
            PerformanceVestedCapTable.Tranche tranche = capTable.tranches().get(t);
            Money payout = paid.waterfall().classPayout(tranche.testedClass()).map(ClassPayout::payout).orElse(Money.ZERO);
            BigDecimal cost = new BigDecimal(tranche.cost().multiply(100).getNumerator()).movePointLeft(2); // whole cents
            out.add(new Vested(tranche, levels[t], payout.amount().divide(cost, 4, java.math.RoundingMode.DOWN)));
        }
        return out;
    }

    static Table vestedTable(List<Vested> vested, ClassNames names) {
        Table t = new Table("Performance vesting at this exit (the tested class's MOIC with the units vested)").left("holder")
                .left("tested class").right("MOIC").left("level that holds").right("units vested");
        for (Vested v : vested) {
            PerformanceVestedCapTable.Tranche tranche = v.tranche();
            String level = v.level() == 0 ? "none (below " + tranche.levels().get(0).at().stripTrailingZeros().toPlainString() + "×)"
                    : tranche.levels().get(v.level() - 1).at().stripTrailingZeros().toPlainString() + "×: " + percent(tranche.fraction(v.level()));
            t.row(tranche.terms().holder(), names.cell(tranche.testedClass()), Formats.multiple(v.moic().setScale(2, java.math.RoundingMode.DOWN)), level,
                    Formats.count(tranche.vestedUnits(v.level())) + " of " + Formats.count(tranche.terms().shares()));
        }
        return t;
    }

    /** "elena 50%, 750 of 1,500 units (class-a 2.29x)". */
    /** What a holding vested, the holder and the tested class named by {@code person} and {@code className}. */
    static String summary(Vested v, java.util.function.UnaryOperator<String> person, java.util.function.UnaryOperator<String> className) {
        PerformanceVestedCapTable.Tranche tranche = v.tranche();
        return person.apply(tranche.terms().holder()) + " " + percent(tranche.fraction(v.level())) + ", "
                + Formats.count(tranche.vestedUnits(v.level())) + " of " + Formats.count(tranche.terms().shares()) + " units ("
                + className.apply(tranche.testedClass()) + " "
                + Formats.multiple(v.moic().setScale(2, java.math.RoundingMode.DOWN)) + ")";
    }

    static List<Object> vestedJson(List<Vested> vested) {
        List<Object> out = new ArrayList<>();
        for (Vested v : vested) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("holder", v.tranche().terms().holder());
            m.put("class", v.tranche().claimant());
            m.put("testedClass", v.tranche().testedClass());
            m.put("moic", v.moic().toPlainString());
            m.put("level", v.level() == 0 ? null : v.tranche().levels().get(v.level() - 1).at().toPlainString());
            m.put("vested", v.tranche().fraction(v.level()).toPlainString());
            m.put("unitsVested", v.tranche().vestedUnits(v.level()));
            m.put("units", v.tranche().terms().shares());
            out.add(m);
        }
        return out;
    }

    private static String percent(java.math.BigDecimal fraction) {
        return fraction.multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}

package org.msocap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.money.Money;
import org.msocap.waterfall.ExitBreakpoints;
import org.msocap.waterfall.PerformanceVestedCapTable;

/**
 * The jumps of a waterfall with performance-vested units (PRODUCT.md §7.4): at each exit value where a tranche's test
 * starts to hold, which tranches vest what, and each claimant's payout one cent below and at it.
 */
final class PerformanceJumps {

    private PerformanceJumps() {
    }

    static Table table(ExitBreakpoints b) {
        Table t = new Table("Jumps: performance-vested units vest (payouts one cent below and at the value)")
                .right("at").left("vesting").left("class").right("payout before").right("payout after");
        for (ExitBreakpoints.Jump jump : b.jumps()) {
            String vesting = String.join("; ", changes(b.capTable(), jump));
            long[] before = jump.payoutBefore();
            long[] after = jump.payoutAfter();
            boolean first = true;
            for (int i = 0; i < b.ids().size(); i++) {
                if (before[i] == after[i]) {
                    continue;
                }
                t.row(first ? Formats.money(Money.ofCents(jump.atCents())) : "", first ? vesting : "", b.ids().get(i),
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
    private static List<String> changes(PerformanceVestedCapTable capTable, ExitBreakpoints.Jump jump) {
        List<String> out = new ArrayList<>();
        int[] before = jump.levelsBefore();
        int[] after = jump.levelsAfter();
        for (int t = 0; t < before.length; t++) {
            if (before[t] == after[t]) {
                continue;
            }
            PerformanceVestedCapTable.Tranche tranche = capTable.tranches().get(t);
            String test = after[t] == 0 ? "no level holds"
                    : tranche.testedClass() + " MOIC ≥ " + tranche.levels().get(after[t] - 1).at().stripTrailingZeros().toPlainString() + "×";
            out.add(tranche.terms().holder() + " " + percent(tranche.fraction(before[t])) + " → " + percent(tranche.fraction(after[t]))
                    + " of " + Formats.count(tranche.terms().shares()) + " units (" + test + ")");
        }
        return out;
    }

    private static String percent(java.math.BigDecimal fraction) {
        return fraction.multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}

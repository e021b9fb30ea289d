package org.msocap.simulation;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.BreakpointTable;
import org.msocap.waterfall.ResolvedCapTable;
import org.msocap.waterfall.WaterfallEngine;

class ProbeTest {
    @Test
    void probe() {
        Venture v = LargeVenture.large();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            ResolvedCapTable t = ResolvedCapTable.of(v, LocalDate.of(2030, 6, 15).plusDays(rep), false);
            long t1 = System.nanoTime();
            BreakpointTable bt = BreakpointTable.resolve(t);
            long t2 = System.nanoTime();
            WaterfallEngine.DEFAULT.distribute(t, Money.of(80_000_000));
            long t3 = System.nanoTime();
            System.out.printf("claimants %d segments %d resolve %.1f ms breakpoints %.1f ms exact %.1f ms%n", t.claimants().size(),
                    bt.segments().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }
}

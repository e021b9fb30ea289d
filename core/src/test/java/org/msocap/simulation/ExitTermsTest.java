package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The bridge a simulation keeps for its runs gives the record's realized proceeds to the cent. */
class ExitTermsTest {

    private static ExitTerms terms(BigDecimal costs, long fixedCosts, BigDecimal carveOut, BigDecimal escrow, long earnout) {
        return new ExitTerms(123_456_78, costs, fixedCosts, carveOut, carveOut.signum() == 0 ? List.of() : List.of("a", "b"),
                carveOut.signum() == 0 ? List.of() : List.of(new BigFraction(1, 3), new BigFraction(2, 3)), escrow, 12, 0.9,
                earnout, 0.5);
    }

    @Test
    void theBridgeRealizesTheSameProceedsAsTheTerms() {
        List<ExitTerms> all = List.of(
                terms(new BigDecimal("0.03"), 0, BigDecimal.ZERO, new BigDecimal("0.10"), 0),
                terms(null, 250_000_00, new BigDecimal("0.05"), new BigDecimal("0.125"), 5_000_000_00L),
                terms(new BigDecimal("0.0275"), 0, new BigDecimal("0.015"), BigDecimal.ZERO, 1_000_00),
                // more digits than a long holds: BigDecimal
                terms(new BigDecimal("0.0333333333333333333333"), 0, BigDecimal.ZERO, new BigDecimal("0.1"), 0),
                ExitTerms.none(org.msocap.money.Money.ofCents(-5_000_00)));
        SplittableRandom random = new SplittableRandom(17);
        for (ExitTerms t : all) {
            ExitTerms.Bridge bridge = t.bridge();
            for (int i = 0; i < 200_000; i++) {
                // Round amounts land on half cents often; wide ones take the exact step.
                long ev = switch (i % 4) {
                    case 0 -> random.nextLong(0, 100_000_000_000L);
                    case 1 -> random.nextLong(0, 100_000_000) * 100;
                    case 2 -> random.nextLong(0, 10_000_000_000_000_000L);
                    default -> random.nextLong(0, 1_000_000) * 50 + 50;
                };
                double released = switch (i % 3) {
                    case 0 -> 1;
                    case 1 -> 0;
                    default -> random.nextDouble();
                };
                double paid = i % 5 == 0 ? random.nextDouble() : i % 2;
                assertThat(bridge.realizedProceedsCents(ev, released, paid)).as("%s at %d, %s, %s", t, ev, released, paid)
                        .isEqualTo(t.realizedProceedsCents(ev, released, paid));
            }
        }
    }

    /**
     * An escrow released in full (or more) is given back whole, so the bridge skips its product: the same proceeds as the
     * record's, which withholds and releases it, whatever the escrow's fraction rounds, with or without an earnout paid.
     */
    @Test
    void aFullReleaseGivesBackWhatTheEscrowWithheld() {
        BigDecimal[] escrows = {new BigDecimal("0.10"), new BigDecimal("0.125"), new BigDecimal("0.0333"), BigDecimal.ZERO,
                new BigDecimal("0.33333333333333333333333")};
        double[] released = {1, 1.5, Double.POSITIVE_INFINITY, Math.nextDown(1.0), 0};
        qt().withFixedSeed(19L).withExamples(100_000)
                .forAll(longs().between(0, 100_000_000_000_000L), integers().between(0, escrows.length - 1),
                        integers().between(0, released.length - 1), doubles().between(0, 1))
                .checkAssert((ev, e, r, paid) -> {
                    ExitTerms t = new ExitTerms(ev % 7 == 0 ? -1_000_00 : 5_000_00, new BigDecimal("0.03"), 0,
                            BigDecimal.ZERO, List.of(), List.of(), escrows[e], 12, 0.9, 2_500_000_00L, 0.5);
                    // Round enterprise values land on half cents of the escrow's product often.
                    long value = ev % 3 == 0 ? ev / 100_000 * 100_000 : ev;
                    double p = ev % 2 == 0 ? paid : 1;
                    assertThat(t.bridge().realizedProceedsCents(value, released[r], p)).as("%d, %s, %s, %s", value, escrows[e],
                            released[r], p).isEqualTo(t.realizedProceedsCents(value, released[r], p));
                });
    }
}

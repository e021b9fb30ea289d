package org.msocap.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.ExitScenario;
import org.msocap.model.Holding;
import org.msocap.model.RecapEvent;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/** The dermatology recap example (examples/ventures/derm-recap-second-bite.yaml) through the deal layer. */
class DermExampleTest {

    private static final Venture DERM = VentureReader.read(Path.of("..", "examples", "ventures", "derm-recap-second-bite.yaml"));

    @Test
    void theRecapRollsThirtyPercentBalancesAndSettlesTheOptions() {
        RecapResult r = Recaps.DEFAULT.apply(DERM, (RecapEvent) DERM.events().get(0), "events[0]");

        assertThat(r.valuationBasis()).isEqualTo("11× TTM EBITDA");
        Money sellerCosts = Rounding.toCents(r.enterpriseValue().times(new BigDecimal("0.025")));
        assertThat(r.sourcesAndUses().sellerCosts()).isEqualTo(sellerCosts);
        // The old holders share the enterprise value less the $2M net debt and the seller costs, to the cent; the uses
        // are the enterprise value plus the sponsor's $1.2M of costs.
        Money proceeds = r.holders().stream().map(HolderProceeds::proceeds).reduce(Money.ZERO, Money::plus);
        assertThat(proceeds).isEqualTo(r.enterpriseValue().minus(Money.of(2_000_000)).minus(sellerCosts));
        assertThat(r.sourcesAndUses().totalUses()).isEqualTo(r.enterpriseValue().plus(Money.of(1_200_000)));
        assertThat(r.sourcesAndUses().buyerEquity()).isEqualTo(r.enterpriseValue().plus(Money.of(1_200_000))
                .minus(Money.of(22_000_000)).minus(r.sourcesAndUses().rollover()));
        for (String derm : List.of("dr-hale", "dr-osei", "dr-lin")) {
            HolderProceeds p = r.proceedsOf(derm).orElseThrow();
            // 30% of the proceeds in whole $1 units; the odd cents are paid in cash.
            Money thirty = Rounding.toCents(p.proceeds().times(new BigDecimal("0.30")));
            assertThat(p.rollover()).isEqualTo(Money.of(thirty.amount().longValue()));
        }
        assertThat(r.proceedsOf("tom").orElseThrow().cashAtClose().isPositive()).isTrue(); // options exercised at close
        List<Holding> holdings = r.after().mso().holdings();
        assertThat(holdings).extracting(Holding::holder).containsExactly("magnolia", "dr-hale", "dr-osei", "dr-lin", "dana", "raj");
        assertThat(holdings.get(4).hurdle()).isEqualTo(r.sourcesAndUses().newEquity());
    }

    @Test
    void eachExitAfterTheRecapAddsTheCashAtClose() {
        RecapResult r = Recaps.DEFAULT.apply(DERM, (RecapEvent) DERM.events().get(0), "events[0]");
        for (ExitScenario e : DERM.exits()) {
            DealExit exit = DealExit.of(r.ventureAt(e.date()), List.of(r), e);
            assertThat(exit.exit().bridge().netDebt()).isEqualTo(r.netDebtAt(e.date()));
            for (RealizedTotal t : exit.realized()) {
                Money payout = exit.exit().waterfall().holder(t.id()).map(h -> h.total()).orElse(Money.ZERO);
                assertThat(t.total()).as(e.name() + " " + t.id()).isEqualTo(r.cashAtClose(t.id()).plus(payout));
            }
        }
    }
}

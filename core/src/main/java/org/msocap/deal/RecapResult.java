package org.msocap.deal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.msocap.model.Financials;
import org.msocap.model.RecapEvent;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.ExitWaterfall;

/**
 * A recap applied to the venture in force at its date (PRODUCT.md §8.3): the old cap table's sale, what each old holder
 * rolled over and took in cash, the buyer's equity, sources and uses, and the venture that follows.
 *
 * @param valuationBasis how the enterprise value was found: "given" or "10× TTM EBITDA"
 * @param sale the old cap table paid exactly as an exit at the recap date (seller costs as its transaction costs)
 * @param holders every holder of the old table, in id order
 * @param rollover one line per rollover of the event, in file order
 * @param buyer empty when the buyer's equity is zero
 * @param before the venture in force just before the recap (after every earlier event)
 * @param after the venture right after close: the new classes and holdings, net debt the new principal
 */
public record RecapResult(Venture before, RecapEvent event, String field, String valuationBasis, ExitWaterfall sale,
                          List<HolderProceeds> holders, List<NewUnits> rollover, Optional<NewUnits> buyer,
                          SourcesAndUses sourcesAndUses, DebtSchedule debt, Venture after) {

    public RecapResult {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(valuationBasis, "valuationBasis");
        Objects.requireNonNull(sale, "sale");
        holders = List.copyOf(holders);
        rollover = List.copyOf(rollover);
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(sourcesAndUses, "sourcesAndUses");
        Objects.requireNonNull(debt, "debt");
        Objects.requireNonNull(after, "after");
    }

    public LocalDate date() {
        return event.date();
    }

    public Money enterpriseValue() {
        return sale.bridge().enterpriseValue();
    }

    /** What the holder took in cash at close; zero for anyone who held nothing before the recap. */
    public Money cashAtClose(String holder) {
        return proceedsOf(holder).map(HolderProceeds::cashAtClose).orElse(Money.ZERO);
    }

    public Optional<HolderProceeds> proceedsOf(String holder) {
        return holders.stream().filter(h -> h.holder().equals(holder)).findFirst();
    }

    /** The net debt on {@code date}, on or after the recap: the new debt's balance by its schedule. */
    public Money netDebtAt(LocalDate date) {
        return debt.at(date);
    }

    /**
     * The venture in force on {@code date} (on or after the recap, before any later event): the new cap table, and net
     * debt by the new debt's schedule. Without a financials section a venture has no place for net debt; an exit valued
     * on it then takes {@link #netDebtAt} explicitly.
     */
    public Venture ventureAt(LocalDate date) {
        return withNetDebt(after, netDebtAt(date));
    }

    static Venture withNetDebt(Venture venture, Money netDebt) {
        Financials f = venture.financials();
        if (f == null || f.mso().netDebt().equals(netDebt)) {
            return venture;
        }
        return venture.toBuilder().financials(new Financials(f.start(), f.years(), f.practices(),
                new Financials.MsoFinancials(f.mso().operatingCosts(), f.mso().costGrowth(), netDebt))).build();
    }
}

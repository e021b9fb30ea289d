package org.msocap.deal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.Valuator;
import org.msocap.model.ExitScenario;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.WaterfallEngine;

/**
 * An exit dated after deal events (PRODUCT.md §8.4): paid through the cap table in force at its date, with the net debt
 * in force then (after a recap, the new debt's balance by its schedule), and, after a recap, each person's realized
 * total over the whole deal.
 *
 * @param valuation how the file's scenario was valued; null for an enterprise value given on the command line
 * @param realized empty when no recap came before the exit
 */
public record DealExit(ExitValuation valuation, ExitWaterfall exit, List<RealizedTotal> realized) {

    public DealExit {
        Objects.requireNonNull(exit, "exit");
        realized = List.copyOf(realized);
    }

    /**
     * A scenario of the file, valued on the venture in force (its multiple on the trailing twelve months at its date).
     *
     * @param recaps the recaps dated on or before the exit, in date order (empty: none)
     */
    public static DealExit of(Venture inForce, List<RecapResult> recaps, ExitScenario scenario) {
        ExitValuation value = Valuator.DEFAULT.value(inForce, scenario);
        return at(inForce, recaps, scenario, value.enterpriseValue(), value);
    }

    /** A sale at a given enterprise value on the terms and date of {@code sale}. */
    public static DealExit at(Venture inForce, List<RecapResult> recaps, ExitScenario sale, Money enterpriseValue) {
        return at(inForce, recaps, sale, enterpriseValue, null);
    }

    private static DealExit at(Venture inForce, List<RecapResult> recaps, ExitScenario sale, Money enterpriseValue,
                               ExitValuation valuation) {
        LocalDate date = sale.date() != null ? sale.date() : inForce.asOf();
        // After a recap the net debt is the new loan's balance at the date, whether or not the file has financials to hold it.
        Money netDebt = recaps.isEmpty() ? inForce.netDebt() : recaps.get(recaps.size() - 1).netDebtAt(date);
        ExitValuation shown = valuation == null || valuation.netDebt().equals(netDebt) ? valuation
                : new ExitValuation(valuation.scenario(), valuation.date(), valuation.method(), valuation.enterpriseValue(), netDebt,
                        valuation.trailing());
        ExitWaterfall exit = WaterfallEngine.DEFAULT.exit(inForce, sale, enterpriseValue, netDebt);
        List<RealizedTotal> realized = recaps.isEmpty() ? List.of() : Realized.of(recaps, inForce, exit.waterfall(), date);
        return new DealExit(shown, exit, realized);
    }
}

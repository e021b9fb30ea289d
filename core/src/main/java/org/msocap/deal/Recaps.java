package org.msocap.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.FeeModel;
import org.msocap.fees.TrailingTwelveMonths;
import org.msocap.fees.Valuator;
import org.msocap.model.ExitScenario;
import org.msocap.model.Holding;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.RecapEvent;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.money.Rounding;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.WaterfallEngine;

/**
 * Applies a recapitalisation to the venture in force at its date (PRODUCT.md §8.3). Stateless; use {@link #DEFAULT}.
 *
 * <ol>
 *   <li>The enterprise value is given, or {@code ebitdaMultiple} × the MSO's trailing twelve months' EBITDA at the date
 *       (the exits' valuation, {@link Valuator}).</li>
 *   <li>The old cap table is paid exactly as an exit at the recap date ({@link WaterfallEngine}): enterprise value − the
 *       net debt in force − seller costs, through its waterfall; options, warrants, SAFEs and notes settle there.</li>
 *   <li>Each rollover reinvests a fraction of the holder's proceeds (rounded half up to the cent) or an amount, at
 *       {@code price} (default: the class's issue price), in whole units: {@code units = floor(amount ÷ price)}. The
 *       rollover is {@code units × price} rounded to the cent once; what a fraction of a unit would have cost is paid in
 *       cash at close with the rest (cash in lieu of a fractional unit), so cash at close + rollover = proceeds to the
 *       cent.</li>
 *   <li>Sources = new debt + buyer equity + rollover; uses = old equity paid + old net debt repaid + seller costs +
 *       buyer costs; the buyer's equity is the balance, and buys {@code floor(equity ÷ price)} units (less than one
 *       unit's price is paid in without a unit).</li>
 *   <li>Grants are added as given; a grant of a profits-interest class that names neither a threshold nor a hurdle gets
 *       the new equity value at close (buyer equity + rollover) as its hurdle, so it shares only in value created after
 *       the recap. Every new holding (buyer, rollovers, grants) accrues a dividend of its class from the close at the
 *       earliest, the day the class exists.</li>
 * </ol>
 * The company that follows has the recap's classes and only the buyer's, the rollovers' and the grants' holdings (no
 * options, warrants, SAFEs or notes), and net debt by the new debt's {@link DebtSchedule}. Each mistake the model
 * cannot see before the event is applied is a {@link ModelException} naming the event's field.
 */
public final class Recaps {

    public static final Recaps DEFAULT = new Recaps();

    private Recaps() {
    }

    /**
     * @param before the venture in force at the recap's date (after every earlier event)
     * @param field where the event is in the model file, e.g. {@code events[1]}; errors name fields under it
     */
    public RecapResult apply(Venture before, RecapEvent recap, String field) {
        return apply(before, before.netDebt(), recap, field);
    }

    /**
     * @param oldNetDebt the net debt in force at the recap's date (an earlier recap's loan by its schedule, which a venture
     *                   without financials cannot hold)
     */
    public RecapResult apply(Venture before, Money oldNetDebt, RecapEvent recap, String field) {
        LocalDate date = recap.date();
        ExitValuation valuation = value(before, recap, field, oldNetDebt);
        Money enterpriseValue = valuation.enterpriseValue();
        Money sellerCosts = cost(recap.sellerCosts(), enterpriseValue);
        Money buyerCosts = cost(recap.buyerCosts(), enterpriseValue);
        if (enterpriseValue.compareTo(oldNetDebt.plus(sellerCosts)) < 0) {
            // The old equity would be floored at zero while uses still repaid every dollar of the old debt: the buyer
            // would fund more than the business is worth. A distressed sale is outside what a recap here models.
            throw new ModelException(field + (recap.enterpriseValue() != null ? ".enterpriseValue" : ".ebitdaMultiple"),
                    "recap '" + recap.name() + "': the enterprise value " + enterpriseValue.grouped() + " does not cover the old net "
                    + "debt " + oldNetDebt.grouped() + " and seller costs " + sellerCosts.grouped() + " on " + date);
        }
        ExitScenario asSale = new ExitScenario(recap.name(), date, enterpriseValue, null, null,
                ExitScenario.TransactionCosts.ofFixed(sellerCosts), null, null, null, false);
        ExitWaterfall sale;
        try {
            sale = WaterfallEngine.DEFAULT.exit(before, asSale, enterpriseValue, oldNetDebt);
        } catch (ModelException e) {
            // A class of the table before the recap: where the file writes it, even if the recap reuses its id.
            throw e.classField().isEmpty() ? e : new ModelException(e.field(), e.getMessage(), e.classField().get().soldIn(recap));
        }

        Map<String, Money> rolledBy = new LinkedHashMap<>();
        List<NewUnits> rollover = new ArrayList<>();
        Money rolledTotal = Money.ZERO;
        for (int j = 0; j < recap.rollover().size(); j++) {
            RecapEvent.Rollover r = recap.rollover().get(j);
            String at = field + ".rollover[" + j + "]";
            Money proceeds = sale.waterfall().holder(r.holder()).map(HolderPayout::payout).orElse(Money.ZERO);
            if (!proceeds.isPositive()) {
                throw new ModelException(at + ".holder", "recap '" + recap.name() + "': " + r.holder() + " rolls over part of "
                        + "their proceeds but receives nothing in the old cap table's waterfall at " + date + " (equity "
                        + sale.bridge().equityProceeds().grouped() + ")");
            }
            Money requested = r.amount() != null ? r.amount() : Rounding.toCents(proceeds.times(r.fraction()));
            Money rolledBefore = rolledBy.getOrDefault(r.holder(), Money.ZERO);
            if (rolledBefore.plus(requested).compareTo(proceeds) > 0) {
                throw new ModelException(at + (r.amount() != null ? ".amount" : ".fraction"), "recap '" + recap.name() + "': "
                        + r.holder() + " rolls over " + rolledBefore.plus(requested).grouped() + " but receives only "
                        + proceeds.grouped() + " in the old cap table's waterfall at " + date);
            }
            ShareClass cls = recap.requireClass(r.classId());
            BigDecimal price = price(r.price(), cls, at + ".price", "rollover into " + cls.id());
            long units = wholeUnits(requested, price, at + (r.amount() != null ? ".amount" : ".fraction"),
                    "the rollover of " + requested.grouped() + " by " + r.holder());
            Money rolled = Rounding.toCents(price.multiply(BigDecimal.valueOf(units)));
            rolledBy.put(r.holder(), rolledBefore.plus(rolled));
            rolledTotal = rolledTotal.plus(rolled);
            rollover.add(new NewUnits(r.holder(), cls.id(), price, rolled, units));
        }

        Money newDebt = recap.newDebt() == null ? Money.ZERO : recap.newDebt().amount();
        Money oldEquity = sale.bridge().equityProceeds();
        Money uses = oldEquity.plus(oldNetDebt).plus(sellerCosts).plus(buyerCosts);
        Money buyerEquity = uses.minus(newDebt).minus(rolledTotal);
        if (buyerEquity.isNegative()) {
            throw new ModelException(field + (recap.newDebt() != null ? ".newDebt.amount" : ".rollover"), "recap '" + recap.name()
                    + "': sources exceed uses by " + buyerEquity.negated().grouped() + " (new debt " + newDebt.grouped()
                    + " + rollover " + rolledTotal.grouped() + " against uses of " + uses.grouped() + ": old equity "
                    + oldEquity.grouped() + ", old net debt " + oldNetDebt.grouped() + ", seller costs " + sellerCosts.grouped()
                    + ", buyer costs " + buyerCosts.grouped() + "), so the buyer's equity would be negative");
        }
        SourcesAndUses sourcesAndUses = new SourcesAndUses(newDebt, buyerEquity, rolledTotal, oldEquity, oldNetDebt,
                sellerCosts, buyerCosts);
        Optional<NewUnits> buyer = Optional.empty();
        if (buyerEquity.isPositive()) {
            ShareClass cls = recap.requireClass(recap.buyer().classId());
            BigDecimal price = price(recap.buyer().price(), cls, field + ".buyer.price", "the buyer's class " + cls.id());
            long units = wholeUnits(buyerEquity, price, field + ".buyer.price", "the buyer's equity of " + buyerEquity.grouped());
            buyer = Optional.of(new NewUnits(recap.buyer().holder(), cls.id(), price, buyerEquity, units));
        }

        List<HolderProceeds> holders = new ArrayList<>();
        for (HolderPayout p : sale.waterfall().holders()) {
            Money rolled = rolledBy.getOrDefault(p.id(), Money.ZERO);
            holders.add(new HolderProceeds(p.id(), p.category(), p.payout(), rolled, p.payout().minus(rolled), p.costBasis()));
        }

        DebtSchedule debt = DebtSchedule.of(date, recap.newDebt(), field + ".newDebt");
        Venture after = after(before, recap, field, buyer, rollover, sourcesAndUses.newEquity(), debt);
        return new RecapResult(before, recap, field, valuation.basis(), sale, holders, rollover, buyer, sourcesAndUses, debt, after);
    }

    private static ExitValuation value(Venture before, RecapEvent recap, String field, Money netDebt) {
        if (recap.enterpriseValue() != null) {
            ExitScenario given = ExitScenario.atValue(recap.name(), recap.date(), recap.enterpriseValue());
            return Valuator.value(given, recap.date(), null, netDebt);
        }
        if (before.financials() == null) {
            throw new ModelException(field + ".ebitdaMultiple", "recap '" + recap.name() + "' values the MSO at a multiple of "
                    + "its EBITDA, which needs a financials: section (start, years, practices, mso) to project it");
        }
        ExitScenario byMultiple = new ExitScenario(recap.name(), recap.date(), null, recap.ebitdaMultiple(), null, null, null,
                null, null, false);
        TrailingTwelveMonths trailing = Valuator.DEFAULT.trailingTwelveMonths(FeeModel.resolve(before), recap.date(),
                field + ".date");
        ExitValuation valuation = Valuator.value(byMultiple, recap.date(), trailing, netDebt);
        if (!Limits.isAmount(valuation.enterpriseValue().amount())) {
            throw new ModelException(field + ".ebitdaMultiple", "recap '" + recap.name() + "' is worth "
                    + valuation.enterpriseValue().grouped() + " at this multiple, beyond " + Limits.MAX_AMOUNT_WORDS
                    + "; amounts, given or derived, are limited to that");
        }
        if (!valuation.enterpriseValue().isPositive()) {
            throw new ModelException(field + ".ebitdaMultiple", "recap '" + recap.name() + "' is worth nothing at this multiple: "
                    + "the trailing twelve months' EBITDA at " + recap.date() + " is " + trailing.ebitda().grouped());
        }
        return valuation;
    }

    private static Money cost(RecapEvent.Cost cost, Money enterpriseValue) {
        return cost.fixed() != null ? cost.fixed() : Rounding.toCents(enterpriseValue.times(cost.fraction()));
    }

    private static BigDecimal price(BigDecimal given, ShareClass cls, String field, String what) {
        BigDecimal price = given != null ? given : cls.issuePrice();
        if (price == null || price.signum() <= 0) {
            throw new ModelException(field, what + " needs a price per unit: class " + cls.id() + " has no issuePrice");
        }
        return price;
    }

    private static long wholeUnits(Money amount, BigDecimal price, String field, String what) {
        BigDecimal units = amount.amount().divide(price, 0, RoundingMode.FLOOR);
        if (units.signum() == 0) {
            throw new ModelException(field, what + " buys no whole unit at " + price.toPlainString() + " per unit");
        }
        if (units.compareTo(BigDecimal.valueOf(Limits.MAX_SHARES)) > 0) {
            throw new ModelException(field, what + " buys " + units.toPlainString() + " units at " + price.toPlainString()
                    + " per unit, more than the 10^12 a holding may have");
        }
        return units.longValueExact();
    }

    /** The company after close; a rule the new cap table breaks is reported at the recap's field that caused it. */
    private static Venture after(Venture before, RecapEvent recap, String field, Optional<NewUnits> buyer,
                                 List<NewUnits> rollover, Money newEquity, DebtSchedule debt) {
        List<Holding> holdings = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        LocalDate date = recap.date();
        buyer.ifPresent(b -> {
            holdings.add(new Holding(b.holder(), b.classId(), b.units(), date, b.amount()));
            origins.add(field + ".buyer");
        });
        for (int j = 0; j < rollover.size(); j++) {
            NewUnits r = rollover.get(j);
            // The rolled equity's cost is the proceeds reinvested: the new table's own MOIC is that of the rolled stake;
            // a person's lifetime multiple (realized totals) counts only their original cost.
            holdings.add(new Holding(r.holder(), r.classId(), r.units(), date, r.amount()));
            origins.add(field + ".rollover[" + j + "]");
        }
        for (int j = 0; j < recap.grants().size(); j++) {
            Holding g = recap.grants().get(j);
            boolean profitsInterest = recap.requireClass(g.shareClass()).isProfitsInterest();
            Money hurdle = profitsInterest && g.threshold() == null && g.hurdle() == null ? newEquity : g.hurdle();
            LocalDate acquired = g.acquired() != null ? g.acquired() : date;
            // The new classes exist from the close: a grant dated earlier (its cost and IRR keep that date) accrues a
            // dividend of its class only from then.
            LocalDate dividendStart = g.dividendStart() == null || g.dividendStart().isBefore(date) ? date : g.dividendStart();
            holdings.add(new Holding(g.holder(), g.shareClass(), g.shares(), acquired, g.cost(), g.threshold(), hurdle, g.vesting(),
                    g.acceleration(), g.performanceVesting(), dividendStart.equals(acquired) ? null : dividendStart));
            origins.add(field + ".grants[" + j + "]");
        }
        if (holdings.isEmpty()) {
            throw new ModelException(field + ".buyer", "recap '" + recap.name() + "' leaves no holdings: the buyer's equity is zero "
                    + "and nothing is rolled over or granted");
        }
        Mso old = before.mso();
        try {
            // A recap into a holding company of another form (an LLC, typically) speaks its words from the close.
            Mso.Form form = recap.form() != null ? recap.form() : old.form();
            Mso mso = new Mso(old.name(), old.state(), form, recap.classes(), holdings, 0, List.of(), List.of(), List.of(),
                    List.of(), old.directors(), old.officers(), old.staff(), old.formed());
            return RecapResult.withNetDebt(before.toBuilder().mso(mso).build(), debt.principal());
        } catch (ModelException e) {
            throw new ModelException(locate(e.field(), origins, field), "recap '" + recap.name() + "': " + e.getMessage());
        }
    }

    /** {@code holdings[2].threshold} of the new table → the recap field that made holding 2. */
    private static String locate(String inner, List<String> origins, String field) {
        String path = inner == null ? "" : inner.startsWith("mso.") ? inner.substring(4) : inner;
        if (path.startsWith("holdings[")) {
            int close = path.indexOf(']');
            int k = Integer.parseInt(path.substring("holdings[".length(), close));
            if (k < origins.size()) {
                return origins.get(k) + path.substring(close + 1);
            }
        }
        return field + ".classes";
    }
}

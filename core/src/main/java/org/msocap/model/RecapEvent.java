package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.msocap.money.Money;

/**
 * A recapitalisation (PRODUCT.md §8.3): a buyer pays the old equity through the old cap table's waterfall at the
 * event's date, some holders roll part of their proceeds into the new classes, and the company continues with the
 * buyer's, the rollovers' and the grants' holdings, and new debt.
 *
 * @param enterpriseValue may be null when {@code ebitdaMultiple} is given (exactly one of the two)
 * @param ebitdaMultiple may be null: a multiple of the trailing twelve months' EBITDA at the date
 * @param sellerCosts deducted from what the old holders receive; never null (zero when not given)
 * @param buyerCosts funded by the buyer, in sources and uses; never null (zero when not given)
 * @param newDebt may be null: no new debt
 * @param classes the company's classes after the recap; they replace the old classes
 * @param grants new holdings at close, e.g. a profits-interest pool
 * @param form may be null: the company keeps its legal form; else its form after the close (a recap into an LLC
 *     holding company speaks units and members from then on)
 */
public record RecapEvent(String name, LocalDate date, Money enterpriseValue, BigDecimal ebitdaMultiple, Cost sellerCosts,
                         Cost buyerCosts, NewDebt newDebt, List<ShareClass> classes, Buyer buyer, List<Rollover> rollover,
                         List<Holding> grants, Mso.Form form) implements DealEvent {

    /** A recap after which the company keeps its legal form. */
    public RecapEvent(String name, LocalDate date, Money enterpriseValue, BigDecimal ebitdaMultiple, Cost sellerCosts,
                      Cost buyerCosts, NewDebt newDebt, List<ShareClass> classes, Buyer buyer, List<Rollover> rollover,
                      List<Holding> grants) {
        this(name, date, enterpriseValue, ebitdaMultiple, sellerCosts, buyerCosts, newDebt, classes, buyer, rollover, grants,
                null);
    }

    /** A transaction cost: a fraction of the enterprise value, or a fixed amount (exactly one). */
    public record Cost(BigDecimal fraction, Money fixed) {

        public static final Cost NONE = new Cost(null, Money.ZERO);

        public Cost {
            if ((fraction == null) == (fixed == null)) {
                throw new ModelException("fixed", "a cost is a fraction of the enterprise value or {fixed: amount}, not both");
            }
            if (fraction != null) {
                Checks.fraction(fraction, "fraction");
                if (fraction.compareTo(BigDecimal.ONE) >= 0) {
                    throw new ModelException("fraction", "a cost fraction must be < 1 but was " + fraction.toPlainString());
                }
            } else {
                Checks.nonNegative(fixed, "fixed");
            }
        }

        public static Cost ofFraction(BigDecimal fraction) {
            return new Cost(fraction, null);
        }

        public static Cost ofFixed(Money amount) {
            return new Cost(null, amount);
        }
    }

    /**
     * Debt raised at close. {@code amortization}: fraction of the original principal repaid per year, straight-line;
     * {@code pikRate}: interest added to the principal, compounded annually. Years are days ÷ 365.
     */
    public record NewDebt(Money amount, BigDecimal amortization, BigDecimal pikRate) {

        public NewDebt {
            Checks.positive(amount, "amount");
            amortization = amortization == null ? BigDecimal.ZERO : Checks.fraction(amortization, "amortization");
            pikRate = pikRate == null ? BigDecimal.ZERO : Checks.fraction(pikRate, "pikRate");
            if (amortization.signum() > 0 && pikRate.signum() > 0) {
                throw new ModelException("pikRate", "new debt either amortizes or accrues PIK interest, not both");
            }
        }
    }

    /** The buyer's equity: bought in {@code classId} at {@code price} per unit (default: the class's issue price). */
    public record Buyer(String holder, String classId, BigDecimal price) {

        public Buyer {
            Checks.id(holder, "holder");
            Checks.id(classId, "class");
            if (price != null) {
                Checks.positive(price, "price");
            }
        }
    }

    /**
     * A holder reinvesting part of their proceeds: a {@code fraction} of them or an {@code amount} (exactly one), into
     * {@code classId} at {@code price} per unit (default: the class's issue price).
     */
    public record Rollover(String holder, BigDecimal fraction, Money amount, String classId, BigDecimal price) {

        public Rollover {
            Checks.id(holder, "holder");
            if ((fraction == null) == (amount == null)) {
                throw new ModelException(fraction == null ? "fraction" : "amount", "a rollover gives a fraction of the holder's "
                        + "proceeds or an amount, exactly one" + (fraction == null ? "" : " (" + holder + " gives both)"));
            }
            if (fraction != null) {
                Checks.fraction(fraction, "fraction");
                if (fraction.signum() == 0) {
                    throw new ModelException("fraction", "a rollover fraction must be > 0");
                }
            } else {
                Checks.positive(amount, "amount");
            }
            Checks.id(classId, "class");
            if (price != null) {
                Checks.positive(price, "price");
            }
        }
    }

    public RecapEvent {
        Checks.text(name, "name");
        Checks.required(date, "date");
        if ((enterpriseValue == null) == (ebitdaMultiple == null)) {
            throw new ModelException(enterpriseValue == null ? "enterpriseValue" : "ebitdaMultiple", "recap '" + name
                    + "' needs exactly one of enterpriseValue and ebitdaMultiple"
                    + (enterpriseValue == null ? "" : " (it gives both)"));
        }
        if (enterpriseValue != null) {
            Checks.positive(enterpriseValue, "enterpriseValue");
        }
        if (ebitdaMultiple != null) {
            Checks.positive(ebitdaMultiple, "ebitdaMultiple");
        }
        sellerCosts = sellerCosts == null ? Cost.NONE : sellerCosts;
        buyerCosts = buyerCosts == null ? Cost.NONE : buyerCosts;
        classes = Checks.list(classes);
        if (classes.isEmpty()) {
            throw new ModelException("classes", "recap '" + name + "' needs the classes of the company after it");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            if (!ids.add(classes.get(i).id())) {
                throw new ModelException("classes[" + i + "].id", "class id '" + classes.get(i).id() + "' is used twice");
            }
        }
        Checks.required(buyer, "buyer");
        requireClass(ids, buyer.classId(), "buyer.class");
        rollover = Checks.list(rollover);
        for (int i = 0; i < rollover.size(); i++) {
            requireClass(ids, rollover.get(i).classId(), "rollover[" + i + "].class");
        }
        grants = Checks.list(grants);
        for (int i = 0; i < grants.size(); i++) {
            requireClass(ids, grants.get(i).shareClass(), "grants[" + i + "].class");
        }
    }

    private static void requireClass(Set<String> ids, String id, String field) {
        if (!ids.contains(id)) {
            throw new ModelException(field, "unknown class '" + id + "'" + Suggest.didYouMean(id, ids)
                    + "; the recap's classes are " + String.join(", ", ids));
        }
    }

    @Override
    public String type() {
        return "recap";
    }

    /** The class after the recap with this id; every reference in a valid recap resolves. */
    public ShareClass requireClass(String id) {
        return classes.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new ModelException("classes", "unknown class '" + id + "'"));
    }
}

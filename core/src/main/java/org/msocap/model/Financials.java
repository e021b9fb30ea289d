package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.msocap.money.Money;

/**
 * The projection that drives the fee stream and the MSO's EBITDA.
 *
 * @param practices practice id → its first-year figures and growth
 * @param mso may be null: no MSO costs
 */
public record Financials(LocalDate start, int years, Map<String, PracticeFinancials> practices, MsoFinancials mso) {

    /** Why an exit valued at a multiple cannot be valued without a {@code financials:} section. */
    public static String neededForSimulatedMultiple() {
        return "the simulation values the MSO at a multiple of its EBITDA, which needs a financials: section (start, years, "
                + "practices, mso) to project it";
    }

    public static String neededForMultiple(String exitName, boolean byEbitda) {
        return "exit '" + exitName + "' values the MSO at a multiple of its " + (byEbitda ? "EBITDA" : "revenue")
                + ", which needs a financials: section (start, years, practices, mso) to project it";
    }

    /**
     * Refuses an exit date the projection cannot value at a multiple: before {@code start}, less than twelve months after it
     * (no trailing year), or more than 50 years after it. The reader applies this to every dated exit with a multiple, the
     * valuation to any other exit (a {@code --exit} or {@code --date} on the command line).
     *
     * @param field the field to name, e.g. {@code exits[0].date}
     */
    public static void checkExitDate(LocalDate start, LocalDate date, String field) {
        if (date.isBefore(start)) {
            throw new ModelException(field, "exit date " + date + " is before financials.start " + start
                    + "; the projection cannot value an exit before it begins");
        }
        long index = java.time.temporal.ChronoUnit.MONTHS.between(start, date);
        if (index < 11) {
            throw new ModelException(field, "exit date " + date + " is less than twelve months after financials.start " + start
                    + "; a trailing-twelve-month EBITDA needs a full projected year before the exit (the earliest is "
                    + start.plusMonths(11) + ")");
        }
        if (index > 50L * 12) {
            throw new ModelException(field, "exit date " + date + " is more than 50 years after financials.start " + start);
        }
    }

    /**
     * First-year (annual) figures for one practice.
     *
     * @param collections annual collections in the first year
     * @param growth annual growth of collections (> -1)
     * @param clinicianComp clinician compensation as a fraction of collections
     * @param otherCosts the practice's own annual costs (not paid through the MSO)
     * @param referredByInvestors fraction of collections from patients referred by MSO investors (AKS revenue test)
     */
    public record PracticeFinancials(Money collections, BigDecimal growth, BigDecimal clinicianComp, Money otherCosts,
                                     BigDecimal referredByInvestors) {
        public PracticeFinancials {
            Checks.nonNegative(collections, "collections");
            growth = growth == null ? BigDecimal.ZERO : growth;
            if (growth.compareTo(BigDecimal.ONE.negate()) <= 0) {
                throw new ModelException("growth", "growth must be > -1 (a fall of 100%) but was " + growth.toPlainString());
            }
            clinicianComp = clinicianComp == null ? BigDecimal.ZERO : clinicianComp;
            Checks.fraction(clinicianComp, "clinicianComp");
            otherCosts = otherCosts == null ? Money.ZERO : otherCosts;
            Checks.nonNegative(otherCosts, "otherCosts");
            referredByInvestors = referredByInvestors == null ? BigDecimal.ZERO : referredByInvestors;
            Checks.fraction(referredByInvestors, "referredByInvestors");
        }
    }

    /**
     * The MSO's own costs.
     *
     * @param operatingCosts annual operating costs in the first year
     * @param costGrowth annual growth of operating costs
     * @param netDebt debt less cash, deducted from enterprise value at an exit
     */
    public record MsoFinancials(Money operatingCosts, BigDecimal costGrowth, Money netDebt) {
        public MsoFinancials {
            operatingCosts = operatingCosts == null ? Money.ZERO : operatingCosts;
            Checks.nonNegative(operatingCosts, "operatingCosts");
            costGrowth = costGrowth == null ? BigDecimal.ZERO : costGrowth;
            if (costGrowth.compareTo(BigDecimal.ONE.negate()) <= 0) {
                throw new ModelException("costGrowth", "costGrowth must be > -1 but was " + costGrowth.toPlainString());
            }
            netDebt = netDebt == null ? Money.ZERO : netDebt;
        }
    }

    public Financials {
        Checks.required(start, "start");
        if (years < 1 || years > 50) {
            throw new ModelException("years", "years must be between 1 and 50 but was " + years);
        }
        practices = Checks.map(practices);
        mso = mso == null ? new MsoFinancials(null, null, null) : mso;
    }
}

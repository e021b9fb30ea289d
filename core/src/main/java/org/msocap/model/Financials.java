package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Each projected practice's one management services agreement, by practice id (the agreement's index in
     * {@code agreements}). The fee stream is projected per practice under its agreement, so every practice with figures
     * needs exactly one, and every such agreement's practice needs figures; the model refuses anything else on reading,
     * so that {@code validate} and every command that projects fees agree.
     */
    public Map<String, Integer> managementAgreementsByPractice(List<Agreement> agreements) {
        Map<String, Integer> msaByPractice = new LinkedHashMap<>();
        for (int i = 0; i < agreements.size(); i++) {
            Agreement a = agreements.get(i);
            if (a.type() != Agreement.Type.MANAGEMENT_SERVICES) {
                continue;
            }
            Integer before = msaByPractice.putIfAbsent(a.practice(), i);
            if (before != null) {
                throw new ModelException("agreements[" + i + "].practice", "practice " + a.practice()
                        + " already has management services agreement " + agreements.get(before).id() + " (agreements[" + before
                        + "]); a practice is managed under one agreement, so its fee is unambiguous");
            }
            if (!practices.containsKey(a.practice())) {
                throw new ModelException("financials.practices", "practice " + a.practice() + " has management services agreement "
                        + a.id() + " (agreements[" + i + "]) but no financials; add " + a.practice() + " under financials.practices");
            }
        }
        for (String practiceId : practices.keySet()) {
            if (!msaByPractice.containsKey(practiceId)) {
                throw new ModelException("financials.practices." + practiceId, "practice " + practiceId
                        + " has financials but no management-services agreement, so it has no fee to project; add one under agreements"
                        + " (or remove its financials)");
            }
        }
        return msaByPractice;
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

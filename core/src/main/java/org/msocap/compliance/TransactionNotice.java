package org.msocap.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Agreement;
import org.msocap.model.ExitScenario;
import org.msocap.model.Financials;
import org.msocap.model.Practice;
import org.msocap.money.Fractions;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * TXN-01 and TXN-02: a sale of the MSO (an exit scenario) that needs a state's pre-closing notice: Massachusetts
 * HPC material change notice 60 days ahead when the Massachusetts practices' net patient service revenue (taken as
 * projected collections in the exit year) exceeds $25M; California OHCA notice 90 days ahead for MSOs transacting
 * with California health care entities. The law must be in force on the closing date; filed notices are not modeled.
 * California's AB 1415 also reaches the MSO entering its management agreement with a California practice: each such
 * agreement is reported too (the model has no date for an agreement; a practice formed on or after the effective date
 * can only have entered it after). The research gives California no revenue threshold, so its findings say verify.
 */
final class TransactionNotice implements RulePredicate {

    static final Money MA_REVENUE_THRESHOLD = Money.of(25_000_000);

    private final String ruleId;
    private final String state;
    private final int daysBefore;

    private TransactionNotice(String ruleId, String state, int daysBefore) {
        this.ruleId = ruleId;
        this.state = state;
        this.daysBefore = daysBefore;
    }

    static TransactionNotice massachusetts() {
        return new TransactionNotice("TXN-01", "MA", 60);
    }

    static TransactionNotice california() {
        return new TransactionNotice("TXN-02", "CA", 90);
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<Practice> inState = ctx.venture.practices().stream().filter(p -> p.state().equals(state)).toList();
        if (inState.isEmpty() || !rule.coversState(state)) {
            return out;
        }
        Law law = ctx.catalog.law(rule.law());
        for (ExitScenario exit : ctx.venture.exits()) {
            LocalDate closing = exit.date() == null ? ctx.asOf : exit.date();
            if (closing.isBefore(law.effectiveFrom()) || closing.isBefore(ctx.asOf)) {
                continue;
            }
            String revenue = "";
            if (state.equals("MA")) {
                Money projected = projectedCollections(ctx, inState, closing);
                if (projected == null || projected.compareTo(MA_REVENUE_THRESHOLD) <= 0) {
                    continue;
                }
                revenue = "; Massachusetts practices' projected collections in that year are " + projected.grouped()
                        + " (threshold " + MA_REVENUE_THRESHOLD.grouped() + ")";
            } else {
                revenue = CA_THRESHOLD;
            }
            LocalDate due = closing.minusDays(daysBefore);
            out.add(ctx.finding(rule, SubjectKind.EXIT, exit.name(), "exit '" + exit.name() + "' closes " + closing
                    + " and sells the MSO managing " + String.join(", ", inState.stream().map(Practice::id).toList()) + " ("
                    + state + ")" + revenue + "; file the notice by " + due + " (" + daysBefore + " days before closing)",
                    ctx.catalog.state(state), List.of()));
        }
        if (state.equals("CA") && !ctx.asOf.isBefore(law.effectiveFrom())) {
            for (Practice p : inState) {
                for (Agreement a : ctx.managementAgreements(p.id())) {
                    LocalDate formed = ctx.formed(p.id()).orElse(null);
                    boolean after = formed != null && !formed.isBefore(law.effectiveFrom());
                    out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " has the MSO managing "
                            + "California practice " + p.id() + "; AB 1415 reaches an MSO entering such an agreement on or after "
                            + law.effectiveFrom() + (after ? " (" + p.id() + " was formed " + formed + ", so it was)"
                            : ": the model records no date the agreement was entered, verify it") + "; notice is due "
                            + daysBefore + " days before it takes effect" + CA_THRESHOLD, ctx.catalog.state(state), List.of()));
                }
            }
        }
        return out;
    }

    static final String CA_THRESHOLD = "; the research gives no revenue threshold for OHCA notices: verify whether the parties "
            + "meet OHCA's notice thresholds";

    /** Collections of the practices in the projection year containing {@code date} (growth compounded); null without financials. */
    private static Money projectedCollections(CheckContext ctx, List<Practice> practices, LocalDate date) {
        Financials f = ctx.venture.financials();
        if (f == null) {
            return null;
        }
        long year = Math.max(0, ChronoUnit.YEARS.between(f.start(), date));
        BigFraction total = BigFraction.ZERO;
        boolean any = false;
        for (Practice p : practices) {
            Financials.PracticeFinancials pf = f.practices().get(p.id());
            if (pf == null) {
                continue;
            }
            any = true;
            BigFraction growth = BigFraction.ONE.add(Fractions.of(pf.growth())).pow((int) year);
            total = total.add(Fractions.of(pf.collections()).multiply(growth));
        }
        return any ? Rounding.toCents(total) : null;
    }
}

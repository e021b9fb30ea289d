package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * FEE-01: a fee that is a percentage of (or otherwise dependent on) the practice's revenue, where the state table
 * says the state bars it: New York always, Illinois unless the services are only billing, administrative
 * preparation or collection. North Carolina's dental percentage fee (the same AG opinion) is PROF-01's, critical:
 * one finding per fact.
 */
final class PercentFeeBarred implements RulePredicate {

    /** Services within Illinois's billing exception (225 ILCS 60/22.2). */
    static final Set<String> BILLING_SERVICES = Set.of("billing", "collections", "collection", "billing-preparation",
            "administrative-preparation");

    @Override
    public String ruleId() {
        return "FEE-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            if (!rule.coversState(practice.state()) || !Fees.variesWithRevenue(a.fee())) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            boolean barred = switch (state.percentFee()) {
                case PROHIBITED -> true;
                case PROHIBITED_EXCEPT_BILLING -> a.services().isEmpty() || !BILLING_SERVICES.containsAll(a.services());
                case PROHIBITED_FOR_DENTAL -> practice.profession().equals(DentalPracticeControl.DENTIST)
                        && !ctx.catalog.rule("PROF-01").coversState(practice.state());
                default -> false;
            };
            if (barred) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " pays the MSO a "
                        + Fees.describe(a.fee()) + " of practice " + practice.id() + " in " + state.name() + ": "
                        + state.percentFeeNote() + (a.services().isEmpty() ? "" : "; services: " + String.join(", ", a.services())),
                        state, List.of()));
            }
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * FEE-02: a percentage fee while the MSO markets the practice or otherwise generates its patients (Bakarania in
 * Florida; OIG Advisory Opinion 98-4 federally).
 */
final class PercentFeeWithMarketing implements RulePredicate {

    static final Set<String> PATIENT_GENERATING = Set.of("marketing", "advertising", "network-development", "payer-contracting");

    @Override
    public String ruleId() {
        return "FEE-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            if (!rule.coversState(practice.state()) || !Fees.variesWithRevenue(a.fee())) {
                continue;
            }
            List<String> generating = a.services().stream().filter(PATIENT_GENERATING::contains).toList();
            if (!generating.isEmpty()) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " pays the MSO a "
                        + Fees.describe(a.fee()) + " of practice " + practice.id() + " while the MSO provides "
                        + String.join(", ", generating), ctx.catalog.state(practice.state()), List.of()));
            }
        }
        return out;
    }
}

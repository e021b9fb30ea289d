package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Agreement;

/**
 * FEE-06: the form requirements of the personal services and management contracts safe harbor that the model
 * can see: written and signed, a term of at least one year, the services specified. High when MSO investors refer.
 * These form requirements predate the 2021 amendment (85 FR 77684, effective 2021-01-19), which changed only what
 * must be set in advance (the aggregate compensation before, its methodology since), so they apply on every date.
 */
final class PersonalServicesSafeHarborForm implements RulePredicate {

    static final int MINIMUM_TERM_MONTHS = 12;

    @Override
    public String ruleId() {
        return "FEE-06";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Law amendment = ctx.catalog.law("US-PSA-2021");
        String version = ctx.asOf.isBefore(amendment.effectiveFrom())
                ? " (before " + amendment.effectiveFrom() + " the safe harbor also required the aggregate compensation, not only "
                + "its methodology, set in advance)" : "";
        List<String> referring = ctx.msoEquityHolders().stream().filter(id -> ctx.person(id).refersPatients()).toList();
        Set<String> conditions = referring.isEmpty() ? Set.of() : Set.of("referral-investors");
        for (Agreement a : ctx.venture.agreements()) {
            if (a.type() != Agreement.Type.MANAGEMENT_SERVICES) {
                continue;
            }
            List<String> gaps = new ArrayList<>();
            if (!a.signed()) {
                gaps.add("not signed");
            }
            if (a.termMonths() == null) {
                gaps.add("no term recorded (at least 12 months needed)");
            } else if (a.termMonths() < MINIMUM_TERM_MONTHS) {
                gaps.add("a term of " + a.termMonths() + " months (at least 12 needed)");
            }
            if (a.services().isEmpty()) {
                gaps.add("no services specified");
            }
            if (!gaps.isEmpty()) {
                String state = ctx.venture.practice(a.practice()).orElseThrow().state();
                out.add(ctx.finding(rule, ctx.severity(rule, state, conditions, List.of()), SubjectKind.AGREEMENT, a.id(),
                        "agreement " + a.id() + ": " + String.join("; ", gaps) + (referring.isEmpty() ? ""
                                : "; MSO investors refer patients (" + String.join(", ", referring) + ")") + version, null, referring));
            }
        }
        return out;
    }
}

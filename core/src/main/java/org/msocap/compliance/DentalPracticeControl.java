package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Agreement;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/** PROF-01: a dental practice with a shareholder who is not a dentist, an MSO with the final say, or a percentage fee. */
final class DentalPracticeControl implements RulePredicate {

    static final String DENTIST = "dentist";

    @Override
    public String ruleId() {
        return "PROF-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state()) || !practice.profession().equals(DENTIST)) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = ctx.person(s.holder());
                if (!ctx.professionsAnywhere(p).contains(DENTIST)) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " owns " + practice.terms().units() + " of dental practice "
                            + practice.id() + " but is not a dentist (" + String.join(", ", ctx.professionsAnywhere(p)) + ")",
                            state, List.of(p.id())));
                }
            }
            for (Agreement a : ctx.managementAgreements(practice.id())) {
                if (!a.msoControls().isEmpty()) {
                    out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " gives the MSO the final say "
                            + "over " + String.join(", ", a.msoControls()) + " at dental practice " + practice.id(),
                            state, List.of()));
                }
                if (Fees.variesWithRevenue(a.fee())) {
                    out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " pays the MSO a "
                            + Fees.describe(a.fee()) + " of dental practice " + practice.id(), state, List.of()));
                }
            }
        }
        return out;
    }
}

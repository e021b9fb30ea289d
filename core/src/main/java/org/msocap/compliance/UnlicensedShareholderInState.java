package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * CPOM-01 (strong states) and CPOM-02 (moderate states): a practice shareholder holds no active license issued
 * by the practice's state. The model guarantees some active license somewhere; where it was issued is for this rule.
 */
final class UnlicensedShareholderInState implements RulePredicate {

    private final String ruleId;

    UnlicensedShareholderInState(String ruleId) {
        this.ruleId = ruleId;
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state())) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = ctx.person(s.holder());
                Set<String> professions = ctx.ownerProfessions(p, state);
                if (professions.isEmpty()) {
                    String share = Percent.of(new BigFraction(s.shares(), practice.totalShares()));
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " holds " + share + " of practice "
                            + practice.id() + " (" + state.name() + ", " + state.cpom() + " corporate-practice doctrine) but has no "
                            + "active license issued by " + practice.state() + elsewhere(ctx, p), state, List.of(p.id())));
                }
            }
        }
        return out;
    }

    private static String elsewhere(CheckContext ctx, Person p) {
        Set<String> anywhere = ctx.professionsAnywhere(p);
        return anywhere.isEmpty() ? " (no license of theirs is active on " + ctx.asOf + ")"
                : " (licensed as " + String.join(", ", anywhere) + " elsewhere)";
    }
}

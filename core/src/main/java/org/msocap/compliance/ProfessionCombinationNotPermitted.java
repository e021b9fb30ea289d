package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * OWN-04: a shareholder's profession outside the state's permitted combinations, in the rule's states where
 * OWN-01 (licensee-only states, combinations included) and OWN-03 (California) do not already report it:
 * a listed combination (Illinois), or a licensee who may own only within their own field (Washington physical
 * and occupational therapists) co-owning a practice of another profession.
 */
final class ProfessionCombinationNotPermitted implements RulePredicate {

    @Override
    public String ruleId() {
        return "OWN-04";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            String code = practice.state();
            if (!rule.coversState(code) || ctx.catalog.rule("OWN-01").coversState(code)
                    || ctx.catalog.rule("OWN-03").coversState(code)) {
                continue;
            }
            StateRules state = ctx.catalog.state(code);
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = ctx.person(s.holder());
                Set<String> professions = ctx.professionsIn(p, code);
                if (professions.isEmpty() || professions.contains(practice.profession())) {
                    continue;
                }
                String why = null;
                if (state.knowsCoOwners(practice.profession())) {
                    Set<String> eligible = new TreeSet<>(professions);
                    eligible.retainAll(state.eligibleOwners(practice.profession()));
                    if (eligible.isEmpty()) {
                        why = "permitted co-owners of a " + practice.profession() + " practice there: "
                                + String.join(", ", state.coOwners().get(practice.profession()));
                    }
                }
                if (why == null && state.exclusiveProfessions().containsAll(professions)) {
                    why = String.join(", ", professions) + " licensees may own only entities of their own profession";
                }
                if (why != null) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " (" + String.join(", ", professions)
                            + ") holds " + Percent.of(new BigFraction(s.shares(), practice.totalShares())) + " of "
                            + practice.profession() + " practice " + practice.id() + " in " + state.name() + "; " + why,
                            state, List.of(p.id())));
                }
            }
        }
        return out;
    }
}

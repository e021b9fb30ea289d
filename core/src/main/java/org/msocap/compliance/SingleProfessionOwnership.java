package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * PROF-02: a practice of a single-profession kind (California physical therapy and acupuncture corporations;
 * Washington physical and occupational therapists) with a shareholder licensed there in another profession.
 */
final class SingleProfessionOwnership implements RulePredicate {

    @Override
    public String ruleId() {
        return "PROF-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state())) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            String profession = practice.profession();
            boolean singleProfession = (state.knowsCoOwners(profession) && state.coOwners().get(profession).isEmpty())
                    || state.exclusiveProfessions().contains(profession);
            if (!singleProfession) {
                continue;
            }
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = ctx.person(s.holder());
                Set<String> professions = ctx.professionsIn(p, practice.state());
                if (!professions.isEmpty() && !professions.contains(profession)) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " (" + String.join(", ", professions)
                            + ") holds " + Percent.of(new BigFraction(s.shares(), practice.totalShares())) + " of " + profession
                            + " practice " + practice.id() + "; in " + state.name() + " only " + profession
                            + " licensees may own it", state, List.of(p.id())));
                }
            }
        }
        return out;
    }
}

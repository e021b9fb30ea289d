package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * OWN-05: every director and officer of the practice (but the officer roles the state exempts) is a licensee
 * eligible to own it: licensed in the practice's state in its profession or a permitted co-owner profession.
 */
final class IneligibleDirectorOrOfficer implements RulePredicate {

    @Override
    public String ruleId() {
        return "OWN-05";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state())) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            Set<String> eligible = state.eligibleOwners(practice.profession());
            Map<String, List<String>> rolesByPerson = new LinkedHashMap<>();
            practice.directors().forEach(d -> rolesByPerson.computeIfAbsent(d, k -> new ArrayList<>()).add("director"));
            practice.officers().forEach((role, id) -> {
                if (!state.exemptOfficerRoles().contains(role.toLowerCase(Locale.ROOT))) {
                    rolesByPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(role);
                }
            });
            rolesByPerson.forEach((id, roles) -> {
                Person p = ctx.person(id);
                Set<String> matching = new TreeSet<>(ctx.ownerProfessions(p, state));
                matching.retainAll(eligible);
                if (matching.isEmpty()) {
                    Set<String> held = ctx.professionsIn(p, practice.state());
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " is " + String.join(" and ", roles)
                            + " of " + practice.profession() + " practice " + practice.id() + " but "
                            + (held.isEmpty() ? "holds no " + practice.state() + " license" : "is licensed in " + practice.state()
                            + " only as " + String.join(", ", held)) + "; eligible: " + String.join(", ", eligible),
                            state, List.of(p.id())));
                }
            });
        }
        return out;
    }
}

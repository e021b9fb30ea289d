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
 * Oregon and Tennessee require only officers to be physicians (directors: an Oregon majority, OWN-02's); there an
 * officer who is a licensee of another profession is this rule's, and one with no license there is OWN-02's.
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
            boolean officersOnly = PhysicianMajorityAndOfficers.STATES.contains(practice.state());
            if (officersOnly && !practice.profession().equals(PhysicianMajorityAndOfficers.PHYSICIAN)) {
                continue;
            }
            Map<String, List<String>> rolesByPerson = new LinkedHashMap<>();
            if (!officersOnly) {
                practice.directors().forEach(d -> rolesByPerson.computeIfAbsent(d, k -> new ArrayList<>()).add("director"));
            }
            practice.officers().forEach((role, id) -> {
                if (!state.exemptOfficerRoles().contains(role.toLowerCase(Locale.ROOT))) {
                    rolesByPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(role);
                }
            });
            rolesByPerson.forEach((id, roles) -> {
                Person p = ctx.person(id);
                Set<String> matching = new TreeSet<>(ctx.ownerProfessions(p, state));
                matching.retainAll(eligible);
                boolean laySoOwn02s = officersOnly && ctx.ownerProfessions(p, state).isEmpty();
                if (matching.isEmpty() && !laySoOwn02s) {
                    Set<String> held = ctx.ownerProfessions(p, state);
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " is " + String.join(" and ", roles)
                            + " of " + practice.profession() + " practice " + practice.id() + " but "
                            + (held.isEmpty() ? "holds no " + practice.state() + " license" : "is licensed in "
                            + (state.anyStateLicense() ? "any state" : practice.state())
                            + " only as " + String.join(", ", held)) + "; eligible: " + String.join(", ", eligible),
                            state, List.of(p.id())));
                }
            });
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msocap.model.License;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * LIC-01: checked at a date after the model's {@code asOf}, a practice owner's, director's or officer's license
 * expires in between. The model records the license as it stands; the checks assume it is renewed (so the ownership
 * rules judge the structure, not a lapse nobody modeled) and this finding asks the reviewer to confirm the renewal.
 */
final class LicenseRenewalNotRecorded implements RulePredicate {

    @Override
    public String ruleId() {
        return "LIC-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        Map<String, Set<String>> rolesByPerson = new LinkedHashMap<>();
        for (Practice practice : ctx.venture.practices()) {
            practice.shareholders().forEach(s -> role(rolesByPerson, s.holder(), practice.terms().owner() + " of " + practice.id()));
            practice.directors().forEach(d -> role(rolesByPerson, d, "director of " + practice.id()));
            practice.officers().forEach((r, id) -> role(rolesByPerson, id, r + " of " + practice.id()));
        }
        List<Finding> out = new ArrayList<>();
        rolesByPerson.forEach((id, roles) -> {
            Person p = ctx.person(id);
            for (License l : p.licenses()) {
                if (ctx.renewalAssumed(l)) {
                    out.add(ctx.finding(rule, SubjectKind.PERSON, id, id + "'s " + l.state() + " " + l.profession()
                            + " license expires " + l.expires() + ", before the as-of date " + ctx.asOf + ": renewal not "
                            + "recorded (" + id + " is " + String.join(", ", roles) + "); the other checks assume it is renewed",
                            null, List.of(id)));
                }
            }
        });
        return out;
    }

    private static void role(Map<String, Set<String>> roles, String id, String role) {
        roles.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(role);
    }
}

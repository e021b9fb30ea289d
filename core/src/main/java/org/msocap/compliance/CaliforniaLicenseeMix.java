package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * OWN-03: a California medical corporation (16 CCR 1343) or psychology corporation (16 CCR 1397.35) may have
 * listed other licensees as shareholders only if together they own no more than 49% of the shares and are no
 * more numerous than the physician (psychologist) shareholders; a California licensee of any other profession
 * may own none, and neither may a shareholder with no active California license (a lay person under California law).
 */
final class CaliforniaLicenseeMix implements RulePredicate {

    static final BigFraction LISTED_LIMIT = new BigFraction(49, 100);

    @Override
    public String ruleId() {
        return "OWN-03";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state())) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            String principal = practice.profession();
            Set<String> listed = state.minorityCoOwners().get(principal);
            if (listed == null) {
                continue; // not a corporation with a listed-licensee mix (physical therapy, acupuncture: PROF-02)
            }
            List<String> principals = new ArrayList<>();
            List<String> listedHolders = new ArrayList<>();
            long listedShares = 0;
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = ctx.person(s.holder());
                Set<String> professions = ctx.professionsIn(p, practice.state());
                Set<String> asListed = new TreeSet<>(professions);
                asListed.retainAll(listed);
                if (professions.contains(principal)) {
                    principals.add(p.id());
                } else if (!asListed.isEmpty()) {
                    listedHolders.add(p.id() + " (" + String.join(", ", asListed) + ")");
                    listedShares += s.shares();
                } else {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " holds "
                            + Percent.of(new BigFraction(s.shares(), practice.totalShares())) + " of " + principal + " corporation "
                            + practice.id() + " but " + (professions.isEmpty() ? "has no active California license"
                            + ctx.licensedElsewhere(p) : "is licensed in CA only as " + String.join(", ", professions))
                            + ", so may not own " + practice.terms().units() + " of it", state, List.of(p.id())));
                }
            }
            List<String> listedIds = listedHolders.stream().map(h -> h.substring(0, h.indexOf(' '))).toList();
            BigFraction listedFraction = new BigFraction(listedShares, practice.totalShares());
            if (listedFraction.compareTo(LISTED_LIMIT) > 0) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), "licensees other than " + principal + "s ("
                        + String.join(", ", listedHolders) + ") hold " + Percent.of(listedFraction, LISTED_LIMIT) + " of "
                        + practice.id() + "; the limit is 49% (" + principal + "s must hold at least 51%)", state,
                        listedIds));
            }
            if (listedHolders.size() > principals.size()) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), listedHolders.size() + " " + practice.terms().owners() + " of "
                        + practice.id() + " are licensees other than " + principal + "s but only " + principals.size() + " are "
                        + principal + "s; they may not outnumber them", state, listedIds));
            }
        }
        return out;
    }
}

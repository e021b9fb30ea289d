package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * OWN-02: Oregon medical practices (ORS 58.375(1)): Oregon-licensed physicians hold a majority of the shares
 * (the model has one voting class) and of the directors, and every office but secretary and treasurer.
 * Tennessee (Rule 0880-02-.20): every office but the exempt ones is held by an eligible owner (a physician
 * licensed in any state). An officer with no license counting there is this rule's; a licensee of another
 * profession as officer is OWN-05's (the research files profession mismatches there). Tennessee share ownership is
 * OWN-01's.
 */
final class PhysicianMajorityAndOfficers implements RulePredicate {

    static final String PHYSICIAN = "physician";
    /** The states whose officer rule this predicate applies (OWN-05 leaves their officers' professions to it). */
    static final java.util.Set<String> STATES = java.util.Set.of("OR", "TN");

    @Override
    public String ruleId() {
        return "OWN-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state()) || !practice.profession().equals(PHYSICIAN)) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            boolean oregon = practice.state().equals("OR");
            if (oregon) {
                long physicianShares = practice.shareholders().stream()
                        .filter(s -> isPhysician(ctx, ctx.person(s.holder()), state)).mapToLong(Practice.Shareholding::shares).sum();
                BigFraction fraction = new BigFraction(physicianShares, practice.totalShares());
                if (fraction.compareTo(BigFraction.ONE_HALF) <= 0) {
                    List<String> others = practice.shareholders().stream().map(Practice.Shareholding::holder)
                            .filter(h -> !isPhysician(ctx, ctx.person(h), state)).toList();
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), "Oregon-licensed physicians hold "
                            + Percent.of(fraction) + " of practice " + practice.id() + "'s " + practice.terms().units()
                            + "; ORS 58.375 requires a majority",
                            state, others, "shares"));
                }
                if (!practice.directors().isEmpty()) {
                    long physicianDirectors = practice.directors().stream().filter(d -> isPhysician(ctx, ctx.person(d), state)).count();
                    if (physicianDirectors * 2 <= practice.directors().size()) {
                        List<String> others = practice.directors().stream().filter(d -> !isPhysician(ctx, ctx.person(d), state)).toList();
                        out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), physicianDirectors + " of "
                                + practice.directors().size() + " directors of practice " + practice.id()
                                + " are Oregon-licensed physicians; ORS 58.375 requires a majority", state, others, "directors"));
                    }
                }
            }
            for (Map.Entry<String, String> officer : practice.officers().entrySet()) {
                String role = officer.getKey().toLowerCase(Locale.ROOT);
                Person p = ctx.person(officer.getValue());
                if (!state.exemptOfficerRoles().contains(role) && ctx.ownerProfessions(p, state).isEmpty()) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " is " + role + " of practice "
                            + practice.id() + " but holds no " + (oregon ? "Oregon license" : "active license") + " (not "
                            + (oregon ? "an Oregon-licensed physician" : "a licensed physician") + "); only "
                            + String.join(", ", state.exemptOfficerRoles()) + " may be held by others", state, List.of(p.id()),
                            "officers"));
                }
            }
        }
        return out;
    }

    private static boolean isPhysician(CheckContext ctx, Person p, StateRules state) {
        return ctx.ownerProfessions(p, state).contains(PHYSICIAN);
    }
}

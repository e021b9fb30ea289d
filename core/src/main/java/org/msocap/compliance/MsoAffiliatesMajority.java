package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Practice;

/**
 * CTRL-02: once Oregon SB 951 applies, the MSO and its shareholders, directors, officers and employees may not,
 * alone or together, own or control a majority of the shares of a practice it manages. A physician whose MSO holding is
 * incidental and without relation to compensation ({@code incidentalMsoHolding}) is not tied to the MSO by it.
 */
final class MsoAffiliatesMajority implements RulePredicate {

    @Override
    public String ruleId() {
        return "CTRL-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> affiliates = ctx.msoAffiliatesUnderSb951();
        for (Practice practice : ctx.venture.practices()) {
            List<String> entities = List.of(CheckOptions.MSO, practice.id());
            if (!rule.coversState(practice.state()) || ctx.managementAgreements(practice.id()).isEmpty()
                    || !ctx.lawApplies(rule.law(), entities)) {
                continue;
            }
            long affiliated = 0;
            List<String> who = new ArrayList<>();
            for (Practice.Shareholding s : practice.shareholders()) {
                if (affiliates.contains(s.holder())) {
                    affiliated += s.shares();
                    who.add(s.holder());
                }
            }
            BigFraction fraction = new BigFraction(affiliated, practice.totalShares());
            if (fraction.compareTo(BigFraction.ONE_HALF) > 0) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), "MSO owners, directors, officers and staff ("
                        + String.join(", ", who) + ") hold " + Percent.of(fraction, BigFraction.ONE_HALF) + " of practice "
                        + practice.id() + "; SB 951 bars them from a majority" + incidentalNote(ctx, who) + "."
                        + ctx.lawAssumption(rule.law(), entities),
                        ctx.catalog.state(practice.state()), who));
            }
        }
        return out;
    }

    /** Physicians tied only by MSO equity might fit the incidental-holding exception: say so. */
    private static String incidentalNote(CheckContext ctx, List<String> who) {
        List<String> equityOnly = who.stream().filter(id -> ctx.msoRoles(id).isEmpty()
                && ctx.professionsIn(ctx.person(id), "OR").contains(PhysicianMajorityAndOfficers.PHYSICIAN)).toList();
        return equityOnly.isEmpty() ? "" : " (unless the MSO holding of " + String.join(", ", equityOnly) + " is incidental and "
                + "without relation to compensation, SB 951's exception: verify, and record incidentalMsoHolding if so)";
    }
}

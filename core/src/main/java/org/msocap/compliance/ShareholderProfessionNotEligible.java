package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Practice;

/**
 * OWN-01: in licensee-only states, every shareholder is actively licensed in the practice's state (Tennessee: any
 * state) in the practice's profession or a co-owner profession the state permits; co-owners a state keeps to a
 * minority stay below half of the shares. Where the research gives no list of co-owner professions, a co-owner of
 * another profession is reported as info to verify, not as ineligible. A single-profession practice of a kind
 * PROF-02 covers (physical therapy, chiropractic, psychology, acupuncture) leaves profession mismatches to PROF-02.
 */
final class ShareholderProfessionNotEligible implements RulePredicate {

    /** "Any other licensed profession" in {@code minorityCoOwners}: the state caps them together, whoever they are. */
    static final String ANY_PROFESSION = "*";

    @Override
    public String ruleId() {
        return "OWN-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Rule singleProfession = ctx.catalog.rule("PROF-02");
        for (Practice practice : ctx.venture.practices()) {
            if (!rule.coversState(practice.state())) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            String profession = practice.profession();
            boolean mixesAreProf02s = singleProfession.coversState(practice.state())
                    && SingleProfessionOwnership.PROFESSIONS.contains(profession);
            Set<String> eligible = state.eligibleOwners(profession);
            Set<String> minority = state.minorityCoOwners().getOrDefault(profession, Set.of());
            List<PracticeOwner> owners = PracticeOwner.of(ctx, practice, state);
            long minorityShares = 0;
            List<String> minorityHolders = new ArrayList<>();
            for (PracticeOwner o : owners) {
                if (o.unlicensedThere()) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), o.id() + " holds " + o.share() + " of "
                            + profession + " practice " + practice.id() + " but has no active license issued by " + where(state)
                            + ctx.licensedElsewhere(o.person()), state, List.of(o.id())));
                    continue;
                }
                if (o.isOf(profession) || mixesAreProf02s) {
                    continue;
                }
                Set<String> asCoOwner = new TreeSet<>(o.professions());
                if (state.knowsCoOwners(profession)) {
                    asCoOwner.retainAll(eligible);
                    if (asCoOwner.isEmpty()) {
                        out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), o.id() + " holds " + o.share() + " of "
                                + profession + " practice " + practice.id() + " but is licensed in " + where(state) + " only as "
                                + o.professionList() + "; eligible owners there: " + String.join(", ", eligible), state,
                                List.of(o.id())));
                        continue;
                    }
                } else {
                    out.add(ctx.finding(rule, Severity.INFO, SubjectKind.PRACTICE, practice.id(), o.id() + " ("
                            + o.professionList() + ") holds " + o.share() + " of " + profession + " practice " + practice.id()
                            + "; the research does not list which professions may co-own a " + profession + " practice in "
                            + state.name() + " (" + state.ownership() + "): verify that " + o.professionList()
                            + " may co-own it", state, List.of(o.id()), "verify"));
                }
                if (minority.contains(ANY_PROFESSION) || minority.containsAll(asCoOwner)) {
                    minorityShares += o.shares();
                    minorityHolders.add(o.id());
                }
            }
            Set<String> smaller = state.smallerThanEachPrincipal().getOrDefault(profession, Set.of());
            long smallestPrincipal = owners.stream().filter(o -> o.isOf(profession)).mapToLong(PracticeOwner::shares).min()
                    .orElse(Long.MAX_VALUE);
            for (PracticeOwner o : owners) {
                boolean onlyAsSmaller = !o.isOf(profession) && o.professions().stream().anyMatch(smaller::contains);
                if (onlyAsSmaller && o.shares() >= smallestPrincipal) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), o.id() + " (" + o.professionList()
                            + ") holds " + Amounts.equity(o.shares(), practice.terms()) + " of practice " + practice.id() + ", not less than the "
                            + Amounts.equity(smallestPrincipal, practice.terms()) + " of the smallest " + profession + " owner; in " + state.name()
                            + " each must hold less", state, List.of(o.id()), "smaller"));
                }
            }
            // A practice whose shareholders the model leaves out has no minority (and no total to divide by).
            BigFraction minorityFraction = minorityShares > 0 ? new BigFraction(minorityShares, practice.totalShares()) : BigFraction.ZERO;
            if (minorityShares > 0 && minorityFraction.compareTo(BigFraction.ONE_HALF) >= 0) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), String.join(", ", minorityHolders) + " ("
                        + (minority.contains(ANY_PROFESSION) ? "licensees other than " + profession + "s" : String.join(", ", minority))
                        + ") hold " + Percent.of(minorityFraction) + " of practice " + practice.id() + "; in " + state.name()
                        + " they must hold a minority (less than 50%)", state, minorityHolders, "minority"));
            }
        }
        return out;
    }

    private static String where(StateRules state) {
        return state.anyStateLicense() ? "any state" : state.state();
    }
}

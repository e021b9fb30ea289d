package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * OWN-01: in licensee-only states, every shareholder is licensed there in the practice's profession or in a
 * co-owner profession the state permits; co-owners a state keeps to a minority stay below half of the shares.
 * Shareholders with no license in the state at all are CPOM-01's.
 */
final class ShareholderProfessionNotEligible implements RulePredicate {

    @Override
    public String ruleId() {
        return "OWN-01";
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
            Set<String> minority = state.minorityCoOwners().getOrDefault(practice.profession(), Set.of());
            long total = practice.totalShares();
            long minorityShares = 0;
            List<String> minorityHolders = new ArrayList<>();
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = ctx.person(s.holder());
                Set<String> professions = ctx.ownerProfessions(p, state);
                if (professions.isEmpty()) {
                    continue;
                }
                Set<String> matching = new TreeSet<>(professions);
                matching.retainAll(eligible);
                if (matching.isEmpty()) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), p.id() + " holds "
                            + Percent.of(new BigFraction(s.shares(), total)) + " of " + practice.profession() + " practice "
                            + practice.id() + " but is licensed in " + where(state) + " only as " + String.join(", ", professions)
                            + "; eligible owners there: " + String.join(", ", eligible), state, List.of(p.id())));
                } else if (!matching.contains(practice.profession()) && minority.containsAll(matching)) {
                    minorityShares += s.shares();
                    minorityHolders.add(p.id());
                }
            }
            Set<String> smaller = state.smallerThanEachPrincipal().getOrDefault(practice.profession(), Set.of());
            long smallestPrincipal = practice.shareholders().stream()
                    .filter(s -> ctx.ownerProfessions(ctx.person(s.holder()), state).contains(practice.profession()))
                    .mapToLong(Practice.Shareholding::shares).min().orElse(Long.MAX_VALUE);
            for (Practice.Shareholding s : practice.shareholders()) {
                Set<String> professions = ctx.ownerProfessions(ctx.person(s.holder()), state);
                boolean onlyAsSmaller = !professions.contains(practice.profession()) && professions.stream().anyMatch(smaller::contains);
                if (onlyAsSmaller && s.shares() >= smallestPrincipal) {
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), s.holder() + " (" + String.join(", ", professions)
                            + ") holds " + s.shares() + " shares of practice " + practice.id() + ", not less than the "
                            + smallestPrincipal + " of the smallest " + practice.profession() + " owner; in " + state.name()
                            + " each must hold less", state, List.of(s.holder())));
                }
            }
            BigFraction minorityFraction = new BigFraction(minorityShares, total);
            if (minorityShares > 0 && minorityFraction.compareTo(BigFraction.ONE_HALF) >= 0) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), String.join(", ", minorityHolders) + " ("
                        + String.join(", ", minority) + ") hold " + Percent.of(minorityFraction) + " of practice " + practice.id()
                        + "; in " + state.name() + " they must hold a minority (less than 50%)", state, minorityHolders));
            }
        }
        return out;
    }

    private static String where(StateRules state) {
        return state.anyStateLicense() ? "any state" : state.state();
    }
}

package org.msocap.compliance;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the research's state table, as data: how strong the state's corporate-practice doctrine is,
 * who may own a professional entity, and what it says about percentage fees. Only what the research says;
 * anything it does not cover stays empty, and the checks then do not judge it.
 *
 * @param cpom STRONG, MODERATE-STRONG, MODERATE, WEAK, NONE or UNVERIFIED
 * @param ownership the ownership rule in words, as the research states it
 * @param coOwners practice profession → other professions that may co-own it in this state; a profession
 *        absent from the map means the research gives no list (the checks then do not judge mixes)
 * @param minorityCoOwners practice profession → co-owner professions that together must stay a minority
 * @param smallerThanEachPrincipal practice profession → co-owner professions each of whose holders must own less
 *        than every holder of the practice's own profession (Texas physician assistants, BOC 301.012(a-6))
 * @param exclusiveProfessions professions whose licensees may own only entities of their own profession
 * @param exemptOfficerRoles officer roles that need not be held by an eligible licensee (e.g. secretary)
 * @param anyStateLicense owners may be licensed in any state (Tennessee), not only this one
 */
public record StateRules(String state, String name, String cpom, Confidence confidence, String authority,
                         String ownership, PercentFeeStance percentFee, String percentFeeNote,
                         Map<String, Set<String>> coOwners, Map<String, Set<String>> minorityCoOwners,
                         Map<String, Set<String>> smallerThanEachPrincipal,
                         Set<String> exclusiveProfessions, Set<String> exemptOfficerRoles, boolean anyStateLicense,
                         Citation citation) {

    public StateRules {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cpom, "cpom of " + state);
        Objects.requireNonNull(confidence, "confidence of " + state);
        authority = authority == null ? "" : authority;
        ownership = ownership == null ? "" : ownership;
        percentFee = percentFee == null ? PercentFeeStance.UNKNOWN : percentFee;
        percentFeeNote = percentFeeNote == null ? "" : percentFeeNote;
        coOwners = Map.copyOf(coOwners);
        minorityCoOwners = Map.copyOf(minorityCoOwners);
        smallerThanEachPrincipal = Map.copyOf(smallerThanEachPrincipal);
        exclusiveProfessions = Set.copyOf(exclusiveProfessions);
        exemptOfficerRoles = Set.copyOf(exemptOfficerRoles);
        Objects.requireNonNull(citation, "citation of " + state);
    }

    /** Whether the research gives this state's list of professions that may co-own a {@code profession} practice. */
    public boolean knowsCoOwners(String profession) {
        return coOwners.containsKey(profession);
    }

    /** The practice's own profession plus the listed co-owners, in alphabetical order (messages list them). */
    public Set<String> eligibleOwners(String profession) {
        java.util.Set<String> out = new java.util.TreeSet<>(coOwners.getOrDefault(profession, Set.of()));
        out.add(profession);
        return java.util.Collections.unmodifiableSet(out);
    }
}

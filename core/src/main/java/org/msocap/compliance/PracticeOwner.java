package org.msocap.compliance;

import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * A practice shareholder as the ownership rules see one: who, how many shares, and the professions that count
 * for owning a practice in its state (licensed there, or anywhere where the state allows it). The one home of
 * the practice × shareholder loop, so each ownership rule states only its test.
 */
record PracticeOwner(Practice practice, Person person, long shares, Set<String> professions) {

    PracticeOwner {
        professions = Set.copyOf(professions);
    }

    static List<PracticeOwner> of(CheckContext ctx, Practice practice, StateRules state) {
        return practice.shareholders().stream().map(s -> {
            Person p = ctx.person(s.holder());
            return new PracticeOwner(practice, p, s.shares(), ctx.ownerProfessions(p, state));
        }).toList();
    }

    String id() {
        return person.id();
    }

    BigFraction fraction() {
        return new BigFraction(shares, practice.totalShares());
    }

    /** The share in words, e.g. {@code 33.3%}. */
    String share() {
        return Percent.of(fraction());
    }

    /** Holds no license that counts in the practice's state. */
    boolean unlicensedThere() {
        return professions.isEmpty();
    }

    boolean isOf(String profession) {
        return professions.contains(profession);
    }

    String professionList() {
        return String.join(", ", new java.util.TreeSet<>(professions));
    }
}

package org.msocap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No sequence of API operations can leave practice shares with a non-licensee. */
class VenturePropertyTest {

    private static final List<String> PEOPLE = List.of("alice", "dr-bob", "carol", "harbor-fund", "dr-eve", "np-fay");

    @Test
    void practiceSharesNeverReachANonLicensee() {
        int[] practiceTransfers = {0};
        qt().withFixedSeed(42L).withExamples(300)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25))
                .checkAssert(ops -> {
                    Venture v = start();
                    for (int op : ops) {
                        try {
                            Venture next = apply(v, op);
                            if (op % 4 == 0) {
                                practiceTransfers[0]++;
                            }
                            v = next;
                        } catch (ModelException refused) {
                            // Refusing is fine; what must never happen is a venture that breaks the rule.
                        }
                        assertOnlyLicenseesHoldPracticeShares(v);
                    }
                });
        // The property is only meaningful if practice shares actually moved, not if every operation was refused.
        assertThat(practiceTransfers[0]).isGreaterThan(50);
    }

    private static Venture start() {
        return Fixtures.sunrise()
                .person(Person.clinician("dr-eve", "Eve Park, MD", License.active("physician", "CA")))
                .person(Person.clinician("np-fay", "Fay Ortiz, NP",
                        new License("nurse-practitioner", "CA", LicenseStatus.ACTIVE, LocalDate.of(2026, 9, 30))))
                .build();
    }

    private static Venture apply(Venture v, int op) {
        int kind = op % 4;
        String who = PEOPLE.get((op / 4) % PEOPLE.size());
        String other = PEOPLE.get((op / 24) % PEOPLE.size());
        long shares = 1 + (op / 144) % 700;
        return switch (kind) {
            case 0 -> v.transferPracticeShares("sunrise-ca", who, other, shares);
            case 1 -> v.withAsOf(Fixtures.AS_OF.plusDays((op / 4) % 1200));
            case 2 -> {
                Person p = v.requirePerson(who);
                LicenseStatus status = LicenseStatus.values()[(op / 24) % LicenseStatus.values().length];
                List<License> licenses = p.isEntity() ? List.of() : List.of(new License("physician", "CA", status, null));
                yield v.withPerson(new Person(p.id(), p.name(), p.type(), licenses, p.refersPatients(), p.privateEquity()));
            }
            default -> v.transferMsoShares("common", "alice", who, shares);
        };
    }

    private static void assertOnlyLicenseesHoldPracticeShares(Venture v) {
        for (Practice practice : v.practices()) {
            for (Practice.Shareholding s : practice.shareholders()) {
                Person holder = v.requirePerson(s.holder());
                assertThat(holder.isEntity()).as("%s is an entity", holder.id()).isFalse();
                assertThat(holder.isLicensedOn(v.asOf())).as("%s licensed on %s", holder.id(), v.asOf()).isTrue();
            }
        }
    }
}

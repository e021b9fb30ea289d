package org.msocap.compliance;

import java.util.Objects;
import java.util.Set;

/**
 * A higher severity a rule takes in some jurisdictions, e.g. CTRL-01 is CRITICAL in Oregon once SB 951
 * applies and in California when a private-equity group or hedge fund is involved once SB 351 applies.
 *
 * @param law may be null: no date gate
 * @param condition may be null: no extra fact required; otherwise a fact the rule's predicate reports, such as
 *        {@code private-equity}
 */
public record Escalation(Severity severity, Set<String> jurisdictions, String law, String condition) {

    public Escalation {
        Objects.requireNonNull(severity, "severity");
        jurisdictions = Set.copyOf(jurisdictions);
    }
}

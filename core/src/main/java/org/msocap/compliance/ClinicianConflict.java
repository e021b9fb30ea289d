package org.msocap.compliance;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.money.Money;

/**
 * The conflict-of-interest view of one clinician (a person with an active license) who holds MSO equity: what
 * they hold, whether they refer, their roles on both sides of the management agreement, and the findings that
 * involve them.
 *
 * @param fullyDiluted their share of the MSO's fully diluted capitalization (SAFEs and notes excluded: they
 *        convert at a price not yet known)
 * @param msoRoles e.g. {@code director}, {@code officer (ceo)}, {@code staff}
 * @param practiceRoles e.g. {@code sunrise-ca shareholder (100%)}, {@code sunrise-ca director}
 * @param findings the findings that involve them, as {@code RULE-ID severity: subject}
 */
public record ClinicianConflict(String personId, String name, List<String> professions, boolean refersPatients,
                                List<Position> positions, BigFraction fullyDiluted, List<String> msoRoles,
                                List<String> practiceRoles, List<String> findings) {

    /**
     * One MSO security the clinician holds.
     *
     * @param security shares, options, warrants, safe or note
     * @param shareClass the class (empty for SAFEs and notes)
     * @param shares shares, options or warrants (0 for SAFEs and notes)
     * @param ofClass shares ÷ the class's issued shares (0 for anything but shares)
     * @param amount SAFE amount or note principal (zero otherwise)
     */
    public record Position(String security, String shareClass, long shares, BigFraction ofClass, Money amount) {
        public Position {
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(shareClass, "shareClass");
            Objects.requireNonNull(ofClass, "ofClass");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public ClinicianConflict {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(name, "name");
        professions = List.copyOf(professions);
        positions = List.copyOf(positions);
        Objects.requireNonNull(fullyDiluted, "fullyDiluted");
        msoRoles = List.copyOf(msoRoles);
        practiceRoles = List.copyOf(practiceRoles);
        findings = List.copyOf(findings);
    }

    /** Sits on both sides: an MSO role or equity (always, here) and a role at a practice. */
    public boolean onBothSides() {
        return !practiceRoles.isEmpty();
    }
}

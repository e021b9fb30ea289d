package org.msocap.compliance;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What-if facts for a check. Today: when the MSO and the practices were formed, which decides whether a law with a
 * grace period (Oregon SB 951: 2026 for new entities, 2029 for existing ones) applies yet; a date given here
 * overrides the model's own {@code formed} date of the MSO or practice.
 *
 * @param formationDates entity id (a practice id, or {@link #MSO} for the MSO) → the date it was formed; an entity
 *        not listed is assumed formed after the law's enactment (the earlier, stricter date), and findings say so
 */
public record CheckOptions(Map<String, LocalDate> formationDates) {

    public static final String MSO = "mso";
    public static final CheckOptions NONE = new CheckOptions(Map.of());

    public CheckOptions {
        formationDates = Map.copyOf(formationDates);
    }

    public Optional<LocalDate> formed(String entityId) {
        return Optional.ofNullable(formationDates.get(entityId));
    }
}

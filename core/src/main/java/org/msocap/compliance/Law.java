package org.msocap.compliance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated law that switches rules on, e.g. Oregon SB 951. Some laws apply later to entities that existed
 * when they were enacted (a grace period); the checker takes formation dates from the model's {@code formed} dates
 * of the MSO and practices (or {@link CheckOptions}) and otherwise assumes the entities were formed after enactment.
 *
 * @param enacted may be null when the research gives no date
 * @param effectiveFrom first day the law applies (to entities formed after enactment, when there is a grace period)
 * @param effectiveFromExisting may be null: no grace period for entities existing at enactment
 */
public record Law(String id, String title, LocalDate enacted, LocalDate effectiveFrom, LocalDate effectiveFromExisting,
                  Citation citation, Confidence confidence) {

    public Law {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom of law " + id);
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(confidence, "confidence");
        if (effectiveFromExisting != null && enacted == null) {
            throw new IllegalArgumentException("law " + id + " has a grace period for existing entities but no enacted date");
        }
    }

    public Optional<LocalDate> enactedDate() {
        return Optional.ofNullable(enacted);
    }

    public boolean hasGracePeriod() {
        return effectiveFromExisting != null;
    }
}

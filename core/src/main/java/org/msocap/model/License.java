package org.msocap.model;

import java.time.LocalDate;

/**
 * A clinical license: profession (physician, nurse-practitioner, psychologist, chiropractor, ...),
 * issuing state (two-letter code), status and optional expiry.
 *
 * @param expires may be null: no expiry recorded
 */
public record License(String profession, String state, LicenseStatus status, LocalDate expires) {

    public License {
        Checks.text(profession, "profession");
        Checks.text(state, "state");
        if (!state.matches("[A-Z]{2}")) {
            throw new ModelException("state", "state must be a two-letter code such as CA but was '" + state + "'");
        }
        Checks.required(status, "status");
    }

    public static License active(String profession, String state) {
        return new License(profession, state, LicenseStatus.ACTIVE, null);
    }

    /** Active on {@code date}: status active and not expired before that day. */
    public boolean isActiveOn(LocalDate date) {
        return status == LicenseStatus.ACTIVE && (expires == null || !expires.isBefore(date));
    }
}

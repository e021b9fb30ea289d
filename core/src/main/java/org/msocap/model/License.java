package org.msocap.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A clinical license: profession (physician, nurse-practitioner, psychologist, chiropractor, ...),
 * issuing state (two-letter code), status and optional expiry.
 *
 * @param expires may be null: no expiry recorded
 */
public record License(String profession, String state, LicenseStatus status, LocalDate expires) {

    /**
     * The professions the compliance checks' state table speaks of (states.catalog), plus those the research names
     * as uncertain (dietitian, nutritionist). A fixed vocabulary, so a misspelt profession is an error, not a licensee
     * every ownership rule silently finds ineligible.
     */
    public static final List<String> PROFESSIONS = List.of("physician", "physician-assistant", "nurse-practitioner",
            "registered-nurse", "podiatrist", "psychologist", "optometrist", "chiropractor", "acupuncturist",
            "naturopathic-doctor", "lcsw", "mft", "lpcc", "dentist", "dental-hygienist", "physical-therapist",
            "occupational-therapist", "speech-language-pathologist", "audiologist", "respiratory-therapist", "pharmacist",
            "dietitian", "nutritionist");

    public License {
        requireProfession(profession, "profession");
        Checks.text(state, "state");
        if (!state.matches("[A-Z]{2}")) {
            throw new ModelException("state", "state must be a two-letter code such as CA but was '" + state + "'");
        }
        Checks.required(status, "status");
    }

    /** Checks {@code profession} against {@link #PROFESSIONS}, suggesting the nearest on a typo. */
    public static String requireProfession(String profession, String field) {
        Checks.text(profession, field);
        if (!PROFESSIONS.contains(profession)) {
            throw new ModelException(field, "unknown profession '" + profession + "'" + Suggest.didYouMean(profession, PROFESSIONS)
                    + "; professions are " + String.join(", ", PROFESSIONS));
        }
        return profession;
    }

    public static License active(String profession, String state) {
        return new License(profession, state, LicenseStatus.ACTIVE, null);
    }

    /** Active on {@code date}: status active and not expired before that day. */
    public boolean isActiveOn(LocalDate date) {
        return status == LicenseStatus.ACTIVE && (expires == null || !expires.isBefore(date));
    }
}

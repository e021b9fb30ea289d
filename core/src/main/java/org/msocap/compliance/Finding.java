package org.msocap.compliance;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found in a venture: a value, never an exception.
 *
 * @param subjectKind what the finding is about; {@code subjectId} names it (practice id, agreement id, person id,
 *        class id, the MSO's name, an exit's name)
 * @param message what triggered it, with the numbers
 * @param confidence the weaker of the rule's and, for state rules, the state's confidence
 * @param involves ids of the people the finding concerns (for the conflict-of-interest view); may be empty
 */
public record Finding(String ruleId, String title, Severity severity, SubjectKind subjectKind, String subjectId,
                      String message, Citation citation, String remediation, Confidence confidence, List<String> involves) {

    /** Most severe first, then by rule id and subject, so reports read the same every run. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::ruleId).thenComparing(f -> f.subjectKind().ordinal()).thenComparing(Finding::subjectId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(confidence, "confidence");
        involves = List.copyOf(involves);
    }

    /** The same finding at a lower confidence, e.g. a decision the research names only for another state. */
    public Finding withConfidence(Confidence lower) {
        return new Finding(ruleId, title, severity, subjectKind, subjectId, message, citation, remediation, confidence.weakest(lower),
                involves);
    }

    public boolean involves(String personId) {
        return involves.contains(personId);
    }
}

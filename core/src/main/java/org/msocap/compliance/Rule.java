package org.msocap.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of the research's rules table, as data. The predicate that evaluates it is a separate small
 * class ({@link RulePredicate}); rules the model has no inputs for carry the reason in {@code notChecked}.
 *
 * @param jurisdictions two-letter states, or {@code US} for federal rules that apply everywhere
 * @param effectiveFrom may be null: in force for as long as the model can tell
 * @param effectiveUntil may be null; the last day the rule applies
 * @param law may be null: the dated law (by id) that switches the rule on, with its grace period
 * @param applicability how the dates apply, in words; may be empty
 * @param notChecked empty when a predicate checks the rule; otherwise why the model cannot
 */
public record Rule(String id, String title, Severity severity, Set<String> jurisdictions, LocalDate effectiveFrom,
                   LocalDate effectiveUntil, String law, String applicability, List<Escalation> escalations,
                   Citation citation, Confidence confidence, String remediation, String notChecked) {

    public static final String FEDERAL = "US";

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title of rule " + id);
        Objects.requireNonNull(severity, "severity of rule " + id);
        jurisdictions = Set.copyOf(jurisdictions);
        if (jurisdictions.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " needs at least one jurisdiction");
        }
        applicability = applicability == null ? "" : applicability;
        escalations = List.copyOf(escalations);
        Objects.requireNonNull(citation, "citation of rule " + id);
        Objects.requireNonNull(confidence, "confidence of rule " + id);
        Objects.requireNonNull(remediation, "remediation of rule " + id);
        notChecked = notChecked == null ? "" : notChecked;
        if (effectiveFrom != null && effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("rule " + id + " ends (" + effectiveUntil + ") before it starts (" + effectiveFrom + ")");
        }
    }

    public boolean isFederal() {
        return jurisdictions.contains(FEDERAL);
    }

    /** Whether the rule reaches a practice or entity in {@code state}; federal rules reach every state. */
    public boolean coversState(String state) {
        return isFederal() || jurisdictions.contains(state);
    }

    /** Whether the rule's own dates (not a law's grace period) include {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    public boolean isChecked() {
        return notChecked.isEmpty();
    }

    public Optional<String> lawId() {
        return Optional.ofNullable(law);
    }
}

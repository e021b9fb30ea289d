package org.msocap.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the compliance checks found in one venture on one date: the findings (most severe first), the
 * conflict-of-interest view of clinician investors, the rules the model cannot check, and the statement every
 * output carries.
 */
public record ComplianceReport(String venture, LocalDate asOf, List<Finding> findings, List<ClinicianConflict> conflicts,
                               List<Rule> notChecked) {

    /** Every output of the checks carries this. */
    public static final String NOT_LEGAL_ADVICE = "msocap is a modeling tool, not legal advice.";

    public ComplianceReport {
        Objects.requireNonNull(venture, "venture");
        Objects.requireNonNull(asOf, "asOf");
        findings = findings.stream().sorted(Finding.ORDER).toList();
        conflicts = List.copyOf(conflicts);
        notChecked = List.copyOf(notChecked);
    }

    public String disclaimer() {
        return NOT_LEGAL_ADVICE;
    }

    public List<Finding> atOrAbove(Severity threshold) {
        return findings.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
    }

    public boolean hasAtOrAbove(Severity threshold) {
        return !atOrAbove(threshold).isEmpty();
    }

    public List<Finding> forRule(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** Findings grouped by severity, most severe first; severities without findings are left out. */
    public Map<Severity, List<Finding>> bySeverity() {
        Map<Severity, List<Finding>> out = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            out.computeIfAbsent(f.severity(), s -> new ArrayList<>()).add(f);
        }
        Map<Severity, List<Finding>> ordered = new java.util.LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            if (out.containsKey(s)) {
                ordered.put(s, List.copyOf(out.get(s)));
            }
        }
        return ordered;
    }

    /** The worst severity found; empty report → none. */
    public java.util.Optional<Severity> worst() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo);
    }
}

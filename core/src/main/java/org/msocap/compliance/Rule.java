package org.msocap.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.msocap.model.EquityTerms;

/**
 * One rule of the research's rules table, as data. The predicate that evaluates it is a separate small
 * class ({@link RulePredicate}); rules the model has no inputs for carry the reason in {@code notChecked}.
 *
 * @param jurisdictions two-letter states, or {@code US} for federal rules that apply everywhere
 * @param effectiveFrom may be null: in force for as long as the model can tell
 * @param effectiveUntil may be null; the last day the rule applies
 * @param law may be null: the dated law (by id) that switches the rule on, with its grace period
 * @param applicability how the dates apply, in words; may be empty
 * @param citation the general citation: every authority and address the rule rests on, as listed for the rule
 * @param ownCitations by jurisdiction (a state, or {@code US}): which of the citation's authorities and addresses
 *        are that jurisdiction's own; may be empty (a rule of one jurisdiction needs none)
 * @param remedies remediations for particular cases a predicate names (catalog keys {@code remediation.<case>}), where
 *        the general {@code remediation} would not fit the finding (an officer-only problem, say); may be empty
 * @param doctrineSeverity the severity by the state's corporate-practice doctrine (states.catalog {@code cpom}); may be
 *        empty: the rule's {@code severity} everywhere
 * @param notChecked empty when a predicate checks the rule; otherwise why the model cannot
 *
 * <p>A title or remediation may name a practice's owners and their equity with the placeholders {@code {shareholder}},
 * {@code {shareholders}}, {@code {Shareholder}} and {@code {shares}}: a finding about a practice says them in the
 * practice's words ({@link #titleFor}, {@link #remediationFor(String, EquityTerms)}: a PLLC's members and units), and
 * everything else (the accessors, a catalog listing) in a professional corporation's, shareholders and shares.
 */
public record Rule(String id, String title, Severity severity, Set<String> jurisdictions, LocalDate effectiveFrom,
                   LocalDate effectiveUntil, String law, String applicability, List<Escalation> escalations,
                   Citation citation, Map<String, OwnCitation> ownCitations, Confidence confidence, String remediation,
                   Map<String, String> remedies, Map<String, Severity> doctrineSeverity, String notChecked) {

    public static final String FEDERAL = "US";

    /**
     * The authorities and source addresses of a rule's citation that belong to one jurisdiction (catalog keys
     * {@code cite.XX} and {@code url.XX}). They are drawn from the rule's own citation, never added to it, so a
     * listing of the rule still shows everything it rests on.
     */
    public record OwnCitation(List<String> parts, List<String> urls) {

        public OwnCitation {
            parts = List.copyOf(parts);
            urls = List.copyOf(urls);
            if (parts.isEmpty() && urls.isEmpty()) {
                throw new IllegalArgumentException("an own citation names at least one authority or address");
            }
        }
    }

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
        ownCitations = Map.copyOf(ownCitations);
        for (Map.Entry<String, OwnCitation> entry : ownCitations.entrySet()) {
            String where = entry.getKey();
            OwnCitation own = entry.getValue();
            if (!jurisdictions.contains(where)) {
                throw new IllegalArgumentException("rule " + id + " cites authority of " + where + ", which is not among its jurisdictions "
                        + jurisdictions);
            }
            for (String part : own.parts()) {
                if (!citation.parts().contains(part)) {
                    throw new IllegalArgumentException("rule " + id + ": '" + part + "' (" + where + ") is not a part of its citation '"
                            + citation.text() + "'");
                }
            }
            for (String url : own.urls()) {
                if (!citation.urls().contains(url)) {
                    throw new IllegalArgumentException("rule " + id + ": " + url + " (" + where + ") is not one of its urls");
                }
            }
        }
        Objects.requireNonNull(confidence, "confidence of rule " + id);
        Objects.requireNonNull(remediation, "remediation of rule " + id);
        remedies = Map.copyOf(remedies);
        requireKnownPlaceholders(id, "title", title);
        requireKnownPlaceholders(id, "remediation", remediation);
        for (Map.Entry<String, String> remedy : remedies.entrySet()) {
            requireKnownPlaceholders(id, "remediation." + remedy.getKey(), remedy.getValue());
        }
        doctrineSeverity = Map.copyOf(doctrineSeverity);
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

    /**
     * The citation for a finding under {@code state}'s law: the state's own authorities and addresses first, then
     * the general ones (those no other state claims; federal ones count as general, as federal law reaches every
     * state). A state the rule does not name is reached only by federal law, so a federal rule's own {@code US}
     * entry leads there. When nothing is left (every authority is another state's), the whole citation, since it
     * is all the rule itself can give; {@link #citationFor(StateRules)} adds the state table instead.
     */
    public Citation citationFor(String state) {
        Citation narrowed = narrowedTo(state);
        return narrowed == null ? citation : narrowed;
    }

    /**
     * As {@link #citationFor(String)}, and when a rule of several states names {@code state} but none of its
     * authorities, the finding says plainly that the research names no authority of that state for this rule
     * (after whatever general or federal authority the rule has), rather than citing another state's law or the
     * state's unrelated law from the state table.
     */
    public Citation citationFor(StateRules state) {
        Citation narrowed = narrowedTo(state.state());
        OwnCitation own = ownCitations.get(state.state());
        boolean noneOfItsOwn = jurisdictions.contains(state.state()) && namedStates().size() > 1
                && (own == null || own.parts().isEmpty());
        if (!noneOfItsOwn) {
            return narrowed == null ? citation : narrowed;
        }
        Citation none = new Citation(noAuthority(state.name()), own == null ? List.of() : own.urls());
        return narrowed == null ? none : narrowed.followedBy(none);
    }

    /** The words a finding cites when the research names no authority of the state for this rule. */
    public String noAuthority(String stateName) {
        return "the research names no " + stateName + "-specific authority for " + id;
    }

    private Set<String> namedStates() {
        Set<String> states = new HashSet<>(jurisdictions);
        states.remove(FEDERAL);
        return states;
    }

    /** The state's own parts and addresses, then the general ones; null when no part is left. */
    private Citation narrowedTo(String state) {
        String key = jurisdictions.contains(state) || !isFederal() ? state : FEDERAL;
        OwnCitation own = ownCitations.get(key);
        List<String> ownParts = own == null ? List.of() : own.parts();
        List<String> ownUrls = own == null ? List.of() : own.urls();
        Set<String> othersParts = new HashSet<>();
        Set<String> othersUrls = new HashSet<>();
        ownCitations.forEach((where, other) -> {
            if (!where.equals(key) && !where.equals(FEDERAL)) {
                othersParts.addAll(other.parts());
                othersUrls.addAll(other.urls());
            }
        });
        List<String> parts = new ArrayList<>(citation.parts().stream().filter(ownParts::contains).toList());
        citation.parts().stream().filter(p -> !ownParts.contains(p) && !othersParts.contains(p)).forEach(parts::add);
        if (parts.isEmpty()) {
            return null;
        }
        List<String> urls = new ArrayList<>(citation.urls().stream().filter(ownUrls::contains).toList());
        citation.urls().stream().filter(u -> !ownUrls.contains(u) && !othersUrls.contains(u)).forEach(urls::add);
        return new Citation(String.join("; ", parts), urls);
    }

    /** The rule's severity in a state of this doctrine, before escalations. */
    public Severity severityUnder(String doctrine) {
        return doctrineSeverity.getOrDefault(doctrine, severity);
    }

    /** The title in a professional corporation's words (shareholders, shares). */
    @Override
    public String title() {
        return titleFor(EquityTerms.PROFESSIONAL_CORPORATION);
    }

    /** The title with a practice's owners and equity in {@code practice}'s words. */
    public String titleFor(EquityTerms practice) {
        return inWords(title, practice);
    }

    /** The general remediation in a professional corporation's words (shareholders, shares). */
    @Override
    public String remediation() {
        return remediationFor(null);
    }

    /** The remediation for a case a predicate names, or the rule's general one, in a professional corporation's words. */
    public String remediationFor(String remedyCase) {
        return remediationFor(remedyCase, EquityTerms.PROFESSIONAL_CORPORATION);
    }

    /** As {@link #remediationFor(String)}, a practice's owners and equity in {@code practice}'s words. */
    public String remediationFor(String remedyCase, EquityTerms practice) {
        if (remedyCase == null) {
            return inWords(remediation, practice);
        }
        String r = remedies.get(remedyCase);
        if (r == null) {
            throw new IllegalArgumentException("rule " + id + " has no remediation." + remedyCase);
        }
        return inWords(r, practice);
    }

    /** The placeholders a title or remediation may hold, each a practice's word for its owners or their equity. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private static String inWords(String text, EquityTerms practice) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(word(m.group(1), practice)));
    }

    /** The word for a placeholder's name, or null when the name is not one. */
    private static String word(String name, EquityTerms practice) {
        return switch (name) {
            case "shareholder" -> practice.owner();
            case "shareholders" -> practice.owners();
            case "Shareholder" -> EquityTerms.capitalized(practice.owner());
            case "shares" -> practice.units();
            default -> null;
        };
    }

    private static void requireKnownPlaceholders(String id, String key, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (word(m.group(1), EquityTerms.PROFESSIONAL_CORPORATION) == null) {
                throw new IllegalArgumentException("rule " + id + ": " + key + " names {" + m.group(1)
                        + "}; a title or remediation may name only {shareholder}, {shareholders}, {Shareholder} and {shares}");
            }
        }
    }

    public boolean isChecked() {
        return notChecked.isEmpty();
    }

    public Optional<String> lawId() {
        return Optional.ofNullable(law);
    }
}

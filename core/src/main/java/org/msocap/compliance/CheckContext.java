package org.msocap.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.msocap.fees.PracticeFeeMetrics;
import org.msocap.model.Agreement;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.EquityTerms;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.Venture;
import org.msocap.model.Warrant;

/**
 * Everything a rule predicate reads, resolved once per check: the venture, the date, the catalog, the fee
 * measures by practice, and the questions several rules ask (who is licensed where, who is tied to the MSO,
 * whether a dated law applies yet).
 */
final class CheckContext {

    final Venture venture;
    final LocalDate asOf;
    final RuleCatalog catalog;
    final CheckOptions options;
    private final Map<String, PracticeFeeMetrics> metricsByPractice = new LinkedHashMap<>();
    private Set<String> msoEquityHolders;

    CheckContext(Venture venture, LocalDate asOf, RuleCatalog catalog, CheckOptions options, List<PracticeFeeMetrics> metrics) {
        this.venture = venture;
        this.asOf = asOf;
        this.catalog = catalog;
        this.options = options;
        for (PracticeFeeMetrics m : metrics) {
            metricsByPractice.putIfAbsent(m.practiceId(), m);
        }
    }

    Person person(String id) {
        return venture.requirePerson(id);
    }

    Optional<PracticeFeeMetrics> metrics(String practiceId) {
        return Optional.ofNullable(metricsByPractice.get(practiceId));
    }

    boolean hasMetrics() {
        return !metricsByPractice.isEmpty();
    }

    /**
     * Whether a license counts on the check date: active then, or active on the model's own {@code asOf} and merely
     * expiring before a later check date. A model records a license's current expiry; checking the structure at a
     * later date (an exit in 2030) assumes it is renewed, and {@link #renewalAssumed} findings say so (LIC-01).
     */
    boolean counts(License l) {
        return l.isActiveOn(asOf) || renewalAssumed(l);
    }

    /** An active license that expires after the model's {@code asOf} but before the (later) check date. */
    boolean renewalAssumed(License l) {
        return !l.isActiveOn(asOf) && asOf.isAfter(venture.asOf()) && l.isActiveOn(venture.asOf());
    }

    /** Professions in which the person holds a license issued by {@code state} and active on the check date. */
    Set<String> professionsIn(Person p, String state) {
        Set<String> out = new TreeSet<>();
        for (License l : p.licenses()) {
            if (l.state().equals(state) && counts(l)) {
                out.add(l.profession());
            }
        }
        return out;
    }

    /** Professions in which the person holds any license active on the check date, in any state. */
    Set<String> professionsAnywhere(Person p) {
        Set<String> out = new TreeSet<>();
        for (License l : p.licenses()) {
            if (counts(l)) {
                out.add(l.profession());
            }
        }
        return out;
    }

    /** The professions that count for owning a practice in {@code state}: in-state, or any state where the state allows it. */
    Set<String> ownerProfessions(Person p, StateRules state) {
        return state.anyStateLicense() ? professionsAnywhere(p) : professionsIn(p, state.state());
    }

    /** For messages: the person's active licenses elsewhere, or that none is active on the check date. */
    String licensedElsewhere(Person p) {
        Set<String> anywhere = professionsAnywhere(p);
        return anywhere.isEmpty() ? " (no license of theirs is active on " + asOf + ")"
                : " (licensed as " + String.join(", ", anywhere) + " elsewhere)";
    }

    boolean isClinician(Person p) {
        return !p.isEntity() && p.licenses().stream().anyMatch(this::counts);
    }

    List<Agreement> managementAgreements(String practiceId) {
        return venture.agreements().stream()
                .filter(a -> a.type() == Agreement.Type.MANAGEMENT_SERVICES && a.practice().equals(practiceId)).toList();
    }

    /** Everyone holding any MSO security: shares, options, warrants, SAFEs or notes. */
    Set<String> msoEquityHolders() {
        // Kept: rules and the conflict view ask it per person (quadratic at 10,000 holders when rebuilt each time).
        if (msoEquityHolders == null) {
            Mso mso = venture.mso();
            Set<String> out = new LinkedHashSet<>();
            mso.holdings().stream().map(Holding::holder).forEach(out::add);
            mso.options().stream().map(OptionGrant::holder).forEach(out::add);
            mso.warrants().stream().map(Warrant::holder).forEach(out::add);
            mso.safes().stream().map(Safe::holder).forEach(out::add);
            mso.notes().stream().map(ConvertibleNote::holder).forEach(out::add);
            msoEquityHolders = Collections.unmodifiableSet(out);
        }
        return msoEquityHolders;
    }

    /**
     * Oregon SB 951's exception: a physician may hold MSO shares "incidental and without relation to" compensation.
     * The law gives no threshold, so the model takes the reviewer's word ({@code incidentalMsoHolding}); it excuses
     * only the holding, never an MSO position, and only an Oregon-licensed physician.
     */
    boolean holdsOnlyIncidentalMsoEquity(String personId) {
        return hasIncidentalMsoHolding(personId) && msoRoles(personId).isEmpty();
    }

    /** An Oregon-licensed physician whose MSO holding the reviewer found incidental (SB 951's exception). */
    boolean hasIncidentalMsoHolding(String personId) {
        Person p = person(personId);
        return p.incidentalMsoHolding() && professionsIn(p, "OR").contains(PhysicianMajorityAndOfficers.PHYSICIAN);
    }

    /** Whoever SB 951 ties to the MSO: its equity holders (but incidental physician holdings), directors, officers, staff. */
    Set<String> msoAffiliatesUnderSb951() {
        Set<String> out = new LinkedHashSet<>();
        msoEquityHolders().stream().filter(id -> !holdsOnlyIncidentalMsoEquity(id)).forEach(out::add);
        out.addAll(msoPositionHolders());
        return out;
    }

    /** MSO directors, officers and staff. */
    Set<String> msoPositionHolders() {
        Mso mso = venture.mso();
        Set<String> out = new LinkedHashSet<>(mso.directors());
        out.addAll(mso.officers().values());
        out.addAll(mso.staff());
        return out;
    }

    /** The MSO's roles for a person, in words: director, officer (ceo), staff. */
    List<String> msoRoles(String personId) {
        Mso mso = venture.mso();
        List<String> out = new ArrayList<>();
        if (mso.directors().contains(personId)) {
            out.add("director");
        }
        mso.officers().forEach((role, id) -> {
            if (id.equals(personId)) {
                out.add("officer (" + role + ")");
            }
        });
        if (mso.staff().contains(personId)) {
            out.add("staff");
        }
        return out;
    }

    /** Whether a private-equity group or hedge fund holds any MSO security. */
    List<String> privateEquityInvestors() {
        return msoEquityHolders().stream().filter(id -> person(id).privateEquity()).toList();
    }

    // ---- dated laws --------------------------------------------------------------------------------

    /**
     * When an entity (a practice id, or {@link CheckOptions#MSO}) was formed, if known: from {@link CheckOptions} when
     * given there (a what-if), else the model's {@code formed} date of the MSO or the practice.
     */
    Optional<LocalDate> formed(String entityId) {
        Optional<LocalDate> given = options.formed(entityId);
        if (given.isPresent()) {
            return given;
        }
        if (entityId.equals(CheckOptions.MSO)) {
            return Optional.ofNullable(venture.mso().formed());
        }
        return venture.practice(entityId).map(Practice::formed);
    }

    /**
     * The first day a law applies to the given entities (the MSO id {@link CheckOptions#MSO} and practice ids).
     * With a grace period, the later date applies only when every entity is known to have existed at enactment.
     */
    LocalDate lawStart(Law law, Collection<String> entities) {
        if (!law.hasGracePeriod()) {
            return law.effectiveFrom();
        }
        boolean allExisting = entities.stream()
                .allMatch(e -> formed(e).map(d -> !d.isAfter(law.enacted())).orElse(false));
        return allExisting ? law.effectiveFromExisting() : law.effectiveFrom();
    }

    boolean lawApplies(String lawId, Collection<String> entities) {
        return !asOf.isBefore(lawStart(catalog.law(lawId), entities));
    }

    /** The assumption a finding must state when formation dates were not given; empty when none was needed. */
    String lawAssumption(String lawId, Collection<String> entities) {
        Law law = catalog.law(lawId);
        if (!law.hasGracePeriod()) {
            return "";
        }
        List<String> unknown = entities.stream().filter(e -> formed(e).isEmpty()).toList();
        if (unknown.isEmpty()) {
            return "";
        }
        return " Assumes " + String.join(" and ", unknown.stream().map(e -> e.equals(CheckOptions.MSO) ? "the MSO" : e).toList())
                + " formed after " + law.enacted() + ", when " + law.id() + " applies from " + law.effectiveFrom()
                + "; entities that existed before are covered from " + law.effectiveFromExisting() + " (record formed dates on the "
                + "MSO and practices to decide).";
    }

    /** The rule's severity in {@code state}, raised by any escalation whose law applies and whose condition holds. */
    Severity severity(Rule rule, String state, Set<String> conditions, Collection<String> entities) {
        Severity s = rule.severityUnder(catalog.state(state).cpom());
        for (Escalation e : rule.escalations()) {
            boolean where = e.jurisdictions().contains(state) || e.jurisdictions().contains(Rule.FEDERAL);
            boolean when = e.law() == null || lawApplies(e.law(), entities);
            boolean fact = e.condition() == null || conditions.contains(e.condition());
            if (where && when && fact && e.severity().compareTo(s) > 0) {
                s = e.severity();
            }
        }
        return s;
    }

    /**
     * A finding of {@code rule}. {@code state} is the state whose law the finding applies (the practice's, an
     * agreement's practice's, the state of an exit's notice), or null for findings about the MSO, a class or a
     * person under federal law only. For a state the rule names, the finding's confidence is the weaker of the
     * rule's and the state's, and it cites that state's law first ({@link Rule#citationFor(StateRules)}); a
     * federal rule reaching another state cites its federal authority first.
     */
    Finding finding(Rule rule, Severity severity, SubjectKind kind, String subjectId, String message, StateRules state,
                    Collection<String> involves) {
        return finding(rule, severity, kind, subjectId, message, state, involves, null);
    }

    /** As above, with the remediation for {@code remedyCase} (catalog key {@code remediation.<case>}); null: the rule's. */
    Finding finding(Rule rule, Severity severity, SubjectKind kind, String subjectId, String message, StateRules state,
                    Collection<String> involves, String remedyCase) {
        boolean underStateLaw = state != null && rule.jurisdictions().contains(state.state());
        Confidence c = underStateLaw ? rule.confidence().weakest(state.confidence()) : rule.confidence();
        Citation citation = state != null ? rule.citationFor(state) : rule.isFederal() ? rule.citationFor(Rule.FEDERAL)
                : rule.citation();
        // A practice's owners and equity in its own words (a PLLC's members and units); any other subject's in a
        // professional corporation's, as the catalog lists them.
        EquityTerms words = kind == SubjectKind.PRACTICE
                ? venture.practice(subjectId).map(Practice::terms).orElse(EquityTerms.PROFESSIONAL_CORPORATION)
                : EquityTerms.PROFESSIONAL_CORPORATION;
        return new Finding(rule.id(), rule.titleFor(words), severity, kind, subjectId, message, citation,
                rule.remediationFor(remedyCase, words), c, List.copyOf(new LinkedHashSet<>(involves)));
    }

    Finding finding(Rule rule, SubjectKind kind, String subjectId, String message, StateRules state, Collection<String> involves) {
        return finding(rule, rule.severity(), kind, subjectId, message, state, involves);
    }

    Finding finding(Rule rule, SubjectKind kind, String subjectId, String message, StateRules state, Collection<String> involves,
                    String remedyCase) {
        return finding(rule, rule.severity(), kind, subjectId, message, state, involves, remedyCase);
    }
}

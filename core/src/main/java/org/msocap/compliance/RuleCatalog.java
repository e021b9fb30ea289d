package org.msocap.compliance;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The research's rules, dated laws and state table, read once from {@code rules.catalog} and
 * {@code states.catalog} beside this class. Immutable.
 */
public record RuleCatalog(Map<String, Rule> rules, Map<String, Law> laws, Map<String, StateRules> states,
                          Map<String, Control> controls) {

    private static final Set<String> RULE_KEYS = Set.of("title", "severity", "jurisdictions", "effectiveFrom",
            "effectiveUntil", "law", "applicability", "escalate", "citation", "url", "confidence", "remediation", "notChecked",
            "doctrineSeverity");
    /** cite.XX and url.XX: the parts of a rule's citation and its urls that are jurisdiction XX's own. */
    private static final String CITE_PREFIX = "cite.";
    private static final String URL_PREFIX = "url.";
    private static final Set<String> OWN_CITATION_PREFIXES = Set.of(CITE_PREFIX, URL_PREFIX);
    /** remediation.CASE: the remediation for a case a predicate names. */
    private static final String REMEDY_PREFIX = "remediation.";
    private static final Set<String> LAW_KEYS = Set.of("title", "enacted", "effectiveFrom", "effectiveFromExisting",
            "citation", "url", "confidence");
    private static final Set<String> STATE_KEYS = Set.of("name", "cpom", "confidence", "authority", "ownership", "percentFee",
            "percentFeeNote", "exclusiveProfessions", "exemptOfficerRoles", "anyStateLicense", "citation", "url");

    /** The catalog shipped with msocap. */
    public static final RuleCatalog DEFAULT = load();

    public RuleCatalog {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        laws = Map.copyOf(laws);
        states = Map.copyOf(states);
        controls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(controls));
        for (Rule r : rules.values()) {
            if (r.law() != null && !laws.containsKey(r.law())) {
                throw new IllegalArgumentException("rule " + r.id() + " names unknown law " + r.law());
            }
            for (Escalation e : r.escalations()) {
                if (e.law() != null && !laws.containsKey(e.law())) {
                    throw new IllegalArgumentException("rule " + r.id() + " escalates under unknown law " + e.law());
                }
            }
        }
    }

    private static RuleCatalog load() {
        return parse(open("rules.catalog"), "rules.catalog", open("states.catalog"), "states.catalog");
    }

    private static Reader open(String name) {
        InputStream in = RuleCatalog.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("resource org/msocap/compliance/" + name));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Reads a catalog from text in the {@link CatalogFormat}; every key is checked, unknown keys are errors. */
    public static RuleCatalog parse(Reader rulesText, String rulesSource, Reader statesText, String statesSource) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, Law> laws = new LinkedHashMap<>();
        Map<String, Control> controls = new LinkedHashMap<>();
        for (CatalogFormat.Section s : CatalogFormat.parse(rulesText, rulesSource)) {
            switch (s.type()) {
                case "rule" -> {
                    requireKnownKeys(s, RULE_KEYS, OWN_CITATION_PREFIXES);
                    if (rules.put(s.name(), rule(s)) != null) {
                        throw new IllegalArgumentException(s.where() + ": rule " + s.name() + " is defined twice");
                    }
                }
                case "law" -> {
                    requireKnownKeys(s, LAW_KEYS);
                    laws.put(s.name(), law(s));
                }
                case "control" -> {
                    requireKnownKeys(s, Set.of("title", "lists"));
                    controls.put(s.name(), new Control(s.name(), s.one("title"), words(s.one("lists"))));
                }
                default -> throw new IllegalArgumentException(s.where() + ": sections are [rule ID], [law ID] or [control ID]");
            }
        }
        Map<String, StateRules> states = new LinkedHashMap<>();
        for (CatalogFormat.Section s : CatalogFormat.parse(statesText, statesSource)) {
            if (!s.type().equals("state")) {
                throw new IllegalArgumentException(s.where() + ": sections are [state XX]");
            }
            for (String key : s.values().keySet()) {
                if (!STATE_KEYS.contains(key) && !key.startsWith("coOwners.") && !key.startsWith("minorityCoOwners.")
                        && !key.startsWith("smallerThanEachPrincipal.")) {
                    throw new IllegalArgumentException(s.where() + ": unknown key '" + key + "'");
                }
            }
            states.put(s.name(), state(s));
        }
        return new RuleCatalog(rules, laws, states, controls);
    }

    private static void requireKnownKeys(CatalogFormat.Section s, Set<String> known) {
        requireKnownKeys(s, known, Set.of());
    }

    /** Keys are {@code known} ones, or one of {@code prefixes} followed by a two-letter jurisdiction ({@code cite.NY}). */
    private static void requireKnownKeys(CatalogFormat.Section s, Set<String> known, Set<String> prefixes) {
        for (String key : s.values().keySet()) {
            boolean byJurisdiction = prefixes.stream().anyMatch(p -> key.startsWith(p) && key.substring(p.length()).matches("[A-Z]{2}"));
            boolean remedy = !prefixes.isEmpty() && key.startsWith(REMEDY_PREFIX) && key.substring(REMEDY_PREFIX.length())
                    .matches("[a-z][a-z-]*");
            if (!known.contains(key) && !byJurisdiction && !remedy) {
                throw new IllegalArgumentException(s.where() + ": unknown key '" + key + "'; keys are " + new java.util.TreeSet<>(known)
                        + (prefixes.isEmpty() ? "" : " and " + prefixes.stream().map(p -> p + "XX").sorted().toList()));
            }
        }
    }

    private static Rule rule(CatalogFormat.Section s) {
        List<Escalation> escalations = new ArrayList<>();
        for (String e : s.all("escalate")) {
            // severity | jurisdictions | law or - | condition or -
            String[] p = e.split("\\|", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException(s.where() + ": escalate is 'severity | states | law or - | condition or -' but was " + e);
            }
            escalations.add(new Escalation(Severity.parse(p[0]), words(p[1]), dash(p[2]), dash(p[3])));
        }
        String title = s.one("title");
        Severity severity = Severity.parse(s.one("severity"));
        Set<String> jurisdictions = words(s.one("jurisdictions"));
        Citation citation = citation(s);
        Map<String, Rule.OwnCitation> own = ownCitations(s);
        Confidence confidence = Confidence.parse(s.one("confidence"));
        String remediation = s.one("remediation");
        try {
            return new Rule(s.name(), title, severity, jurisdictions, date(s.optional("effectiveFrom")),
                    date(s.optional("effectiveUntil")), s.optional("law"), s.optional("applicability"), escalations, citation, own,
                    confidence, remediation, remedies(s), doctrineSeverity(s), s.optional("notChecked"));
        } catch (IllegalArgumentException e) {
            // Rule checks each cite.XX / url.XX against the jurisdictions, citation and urls; say where in the catalog.
            throw new IllegalArgumentException(s.where() + ": " + e.getMessage(), e);
        }
    }

    /** {@code doctrineSeverity = STRONG critical, MODERATE high, ...}: doctrine and severity pairs. */
    private static Map<String, Severity> doctrineSeverity(CatalogFormat.Section s) {
        Map<String, Severity> out = new LinkedHashMap<>();
        String text = s.optional("doctrineSeverity");
        if (text != null) {
            for (String pair : text.split(",")) {
                String[] p = pair.strip().split("\\s+");
                if (p.length != 2) {
                    throw new IllegalArgumentException(s.where() + ": doctrineSeverity is 'DOCTRINE severity, ...' but had '" + pair + "'");
                }
                out.put(p[0], Severity.parse(p[1]));
            }
        }
        return out;
    }

    private static Map<String, String> remedies(CatalogFormat.Section s) {
        Map<String, String> out = new LinkedHashMap<>();
        s.values().keySet().stream().filter(k -> k.startsWith(REMEDY_PREFIX))
                .forEach(k -> out.put(k.substring(REMEDY_PREFIX.length()), s.one(k)));
        return out;
    }

    /** cite.XX (authorities separated by ';', or the key repeated) and url.XX, gathered by jurisdiction in catalog order. */
    private static Map<String, Rule.OwnCitation> ownCitations(CatalogFormat.Section s) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        Map<String, List<String>> urls = new LinkedHashMap<>();
        s.values().forEach((key, values) -> {
            if (key.startsWith(CITE_PREFIX)) {
                String where = key.substring(CITE_PREFIX.length());
                urls.putIfAbsent(where, new ArrayList<>());
                for (String v : values) {
                    parts.computeIfAbsent(where, k -> new ArrayList<>()).addAll(new Citation(v, List.of()).parts());
                }
            } else if (key.startsWith(URL_PREFIX)) {
                String where = key.substring(URL_PREFIX.length());
                parts.putIfAbsent(where, new ArrayList<>());
                urls.computeIfAbsent(where, k -> new ArrayList<>()).addAll(values);
            }
        });
        Map<String, Rule.OwnCitation> out = new LinkedHashMap<>();
        parts.forEach((where, p) -> out.put(where, new Rule.OwnCitation(p, urls.getOrDefault(where, List.of()))));
        return out;
    }

    private static Law law(CatalogFormat.Section s) {
        return new Law(s.name(), s.one("title"), date(s.optional("enacted")), date(s.one("effectiveFrom")),
                date(s.optional("effectiveFromExisting")), citation(s), Confidence.parse(s.one("confidence")));
    }

    private static StateRules state(CatalogFormat.Section s) {
        Map<String, Set<String>> coOwners = new LinkedHashMap<>();
        Map<String, Set<String>> minority = new LinkedHashMap<>();
        Map<String, Set<String>> smaller = new LinkedHashMap<>();
        s.values().forEach((key, v) -> {
            if (key.startsWith("coOwners.")) {
                coOwners.put(key.substring("coOwners.".length()), words(s.one(key)));
            } else if (key.startsWith("minorityCoOwners.")) {
                minority.put(key.substring("minorityCoOwners.".length()), words(s.one(key)));
            } else if (key.startsWith("smallerThanEachPrincipal.")) {
                smaller.put(key.substring("smallerThanEachPrincipal.".length()), words(s.one(key)));
            }
        });
        String percentFee = s.optional("percentFee");
        return new StateRules(s.name(), s.one("name"), s.one("cpom"), Confidence.parse(s.one("confidence")),
                s.optional("authority"), s.optional("ownership"),
                percentFee == null ? PercentFeeStance.UNKNOWN : PercentFeeStance.parse(percentFee), s.optional("percentFeeNote"),
                coOwners, minority, smaller, words(s.optional("exclusiveProfessions")), words(s.optional("exemptOfficerRoles")),
                Boolean.parseBoolean(s.optional("anyStateLicense")), citation(s));
    }

    private static Citation citation(CatalogFormat.Section s) {
        return new Citation(s.one("citation"), s.all("url"));
    }

    /** Space-separated words; {@code none} or nothing is the empty set. */
    private static Set<String> words(String text) {
        if (text == null || text.isBlank() || text.strip().equals("none")) {
            return Set.of();
        }
        return Arrays.stream(text.strip().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String dash(String text) {
        String t = text.strip();
        return t.equals("-") || t.isEmpty() ? null : t;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    public Rule rule(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown rule " + id);
        }
        return r;
    }

    public Law law(String id) {
        Law l = laws.get(id);
        if (l == null) {
            throw new IllegalArgumentException("unknown law " + id);
        }
        return l;
    }

    public Optional<StateRules> knownState(String state) {
        return Optional.ofNullable(states.get(state));
    }

    /**
     * The state's row; a state the research does not cover gets its default: doctrine UNVERIFIED (the research
     * says to treat it as MODERATE), nothing known about ownership mixes or fees, confidence L.
     */
    public StateRules state(String state) {
        return knownState(state).orElseGet(() -> new StateRules(state, state, "UNVERIFIED", Confidence.LOW,
                "not covered by the research; default MODERATE", "", PercentFeeStance.UNKNOWN, "", Map.of(), Map.of(), Map.of(), Set.of(),
                Set.of(), false, new Citation("LEGAL-RESEARCH.md state table, 'Others ... UNVERIFIED'", List.of())));
    }

    /** Rules without a predicate, with the reason, in catalog order. */
    public List<Rule> notChecked() {
        return rules.values().stream().filter(r -> !r.isChecked()).toList();
    }
}

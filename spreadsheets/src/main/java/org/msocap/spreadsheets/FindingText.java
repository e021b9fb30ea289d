package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.msocap.compliance.Finding;
import org.msocap.model.Agreement;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/**
 * A finding's message as a client reads it: the model's ids replaced by names ("agreement msa-ny … of practice
 * sunrise-ny" → "the management services agreement with Sunrise Medical of New York, P.C. … of Sunrise Medical of New
 * York, P.C."). The messages themselves stay as {@code msocap check} prints them; only the workbook rewrites them.
 *
 * <p>Findings carry their subject and the people they involve, not the other ids their messages name (the agreement's
 * practice, the class), so the rewrite is textual, made safe this way: an id is replaced only as a whole word (not
 * inside a longer id or word), the longest id first; a kind word before it ("agreement ", "practice ", "class ")
 * decides what it is; and without one, an id is replaced only when it cannot be an ordinary word (it holds a hyphen or
 * a digit, as {@code msa-ny} or {@code dr-bob}) or it is a person the finding names as involved ({@code claire}). A
 * class id ({@code common}) is replaced only after "class ", so "common" elsewhere stays a word.
 */
final class FindingText {

    private enum Kind { PERSON, PRACTICE, AGREEMENT, CLASS }

    private final Map<String, Map<Kind, String>> names = new LinkedHashMap<>();
    private final Pattern ids;
    /** The services and decisions this venture's agreements name. */
    private final Set<String> vocabulary = new java.util.TreeSet<>();

    FindingText(Venture venture, ClientLabels labels) {
        for (Person p : venture.people()) {
            put(p.id(), Kind.PERSON, p.name());
        }
        for (Practice p : venture.practices()) {
            put(p.id(), Kind.PRACTICE, p.name());
        }
        for (Agreement a : venture.agreements()) {
            vocabulary.addAll(a.services());
            vocabulary.addAll(a.msoControls());
            put(a.id(), Kind.AGREEMENT, "the " + AgreementsSheet.type(a.type()).toLowerCase(Locale.ROOT) + " with "
                    + labels.practice(a.practice()));
        }
        for (ShareClass c : venture.mso().classes()) {
            String name = labels.className(c.id());
            put(c.id(), Kind.CLASS, CLASS_WORD.matcher(name).find() ? name : "class " + name);
        }
        List<String> sorted = new ArrayList<>(names.keySet());
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        String alternatives = sorted.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // Not preceded by an id character; not followed by one, nor by a hyphen that continues a longer id.
        ids = sorted.isEmpty() ? null
                : Pattern.compile("(?<![\\w-])(?:(agreement|practice|class|person) )?(" + alternatives + ")(?![\\w]|-\\w)");
    }

    /** A class name that already says what it is ("Common Units", "Class A Preferred") needs no "class" before it. */
    private static final Pattern CLASS_WORD = Pattern.compile("(?i)\\b(class|units?|shares?|stock)\\b");

    private void put(String id, Kind kind, String name) {
        names.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(kind, name);
    }

    /** The finding's message with names for ids. */
    String message(Finding f) {
        return rewrite(f.message(), f);
    }

    /** The finding's remediation with names for ids (remediations are general; this keeps it so should one name an id). */
    String remediation(Finding f) {
        return rewrite(f.remediation(), f);
    }

    String rewrite(String text, Finding f) {
        if (ids == null) {
            return text;
        }
        Set<String> named = new HashSet<>(f.involves());
        named.add(f.subjectId());
        Matcher m = ids.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            String id = m.group(2);
            Map<Kind, String> kinds = names.get(id);
            String replacement = null;
            if (word != null) {
                String name = kinds.get(Kind.valueOf(word.toUpperCase(Locale.ROOT)));
                if (name != null) {
                    // "physician practice X", "managing California practice X": the word stays for a practice.
                    replacement = word.equals("practice") ? word + " " + name : name;
                }
            }
            if (replacement == null && (!isWord(id) || named.contains(id))) {
                String bare = kinds.containsKey(Kind.PERSON) ? kinds.get(Kind.PERSON)
                        : kinds.containsKey(Kind.PRACTICE) ? kinds.get(Kind.PRACTICE) : kinds.get(Kind.AGREEMENT);
                if (bare != null) {
                    replacement = (word == null ? "" : word + " ") + bare;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return vocabulary(out.toString());
    }

    /**
     * The agreements' services and decisions as words: "services: billing, staffing, it, real-estate" → "services:
     * billing, staffing, IT, real estate". Hyphenated ones anywhere ("payer-contracting (setting payer …)"); the others
     * only in the lists after "services: " and "provides ", where "it" cannot be the pronoun.
     */
    private String vocabulary(String text) {
        Matcher lists = LIST.matcher(text);
        StringBuilder out = new StringBuilder();
        while (lists.find()) {
            String words = java.util.Arrays.stream(lists.group(2).split(", "))
                    .map(w -> vocabulary.contains(w) ? ClientLabels.words(w) : w).collect(Collectors.joining(", "));
            lists.appendReplacement(out, Matcher.quoteReplacement(lists.group(1) + words));
        }
        lists.appendTail(out);
        String result = out.toString();
        for (String w : vocabulary) {
            if (w.indexOf('-') > 0) {
                result = Pattern.compile("(?<![\\w-])" + Pattern.quote(w) + "(?![\\w]|-\\w)").matcher(result)
                        .replaceAll(Matcher.quoteReplacement(ClientLabels.words(w)));
            }
        }
        return result;
    }

    private static final Pattern LIST = Pattern.compile("(services: |provides )([a-z-]+(?:, [a-z-]+)*)");

    /** Letters only: an id that could be an ordinary word in a sentence. */
    private static boolean isWord(String id) {
        return id.chars().allMatch(Character::isLetter);
    }
}

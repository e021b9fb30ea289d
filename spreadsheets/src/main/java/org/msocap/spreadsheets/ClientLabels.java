package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.msocap.compliance.SubjectKind;
import org.msocap.deal.Timeline;
import org.msocap.model.HolderCategory;
import org.msocap.model.ModelException;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/**
 * What a client reads in place of the engine's ids: "Options at $0.25" for {@code options@0.25},
 * "Warrants (Common) at $1.00" for {@code warrants:common@1}, "Convertible note — Marcus Lee" for
 * {@code note:angel-two}, "SAFE — Priya Raman" for {@code safe:angel}, the class's name or "Series A" for
 * the class {@code series-a}, practices and agreements by name. The ids stay the keys of every formula and working column; only visible labels change.
 * The command line's tables name things by these labels too (its JSON and CSV keep the ids).
 */
public final class ClientLabels {

    private final Venture venture;

    public ClientLabels(Venture venture) {
        this.venture = venture;
    }

    /** A waterfall claimant (share class, options or warrants at a strike, a SAFE, a note) for people. */
    public String claimant(String id) {
        if (id.startsWith("options@")) {
            return "Options at " + dollars(id.substring("options@".length()));
        }
        if (id.startsWith("warrants:") && id.indexOf('@') > 0) {
            int at = id.lastIndexOf('@');
            String cls = id.substring("warrants:".length(), at);
            return "Warrants (" + (cls.equals("common") ? cls : className(cls)) + ") at "
                    + dollars(id.substring(at + 1));
        }
        if (id.startsWith("safe:")) {
            return "SAFE — " + holderWithNumber(id.substring("safe:".length()));
        }
        if (id.startsWith("note:")) {
            return "Convertible note — " + holderWithNumber(id.substring("note:".length()));
        }
        if (id.indexOf('@') > 0 && id.indexOf('/') > id.indexOf('@')) {
            // A performance-vested holding's own series: class@threshold/holder (or class@hurdle-H/holder, -2 for a second).
            int slash = id.indexOf('/');
            String holder = id.substring(slash + 1);
            // A holder's second such series is holder-2: "Elena Vasquez (2)", so the two lines read differently.
            String person = holderWithNumber(holder);
            return claimant(id.substring(0, slash)) + " — " + person + " (performance-vested)";
        }
        if (id.indexOf('@') > 0) {
            // A profits-interest series: class@threshold or class@hurdle-H.
            int at = id.indexOf('@');
            String series = id.substring(at + 1);
            return className(id.substring(0, at)) + (series.startsWith("hurdle-")
                    ? " over a " + dollars(series.substring("hurdle-".length())) + " hurdle"
                    : " above " + dollars(series) + " a unit");
        }
        return className(id);
    }

    /** A simulated class or security key as the Simulation sheet says it: a class by name, "SAFEs", "Convertible notes". */
    public String simulated(String key) {
        return SimulationSheet.security(key, this);
    }

    /**
     * A share class as people know it: the model's {@code name}, else the id as words ({@code series-a} → "Series A"). A
     * class a deal event creates (a round's shadow series for conversions, {@code series-a-conv-1}) goes by the name the
     * event gives it ("Series A (converted at 0.85)").
     */
    public String className(String id) {
        return venture.mso().classes().stream().filter(c -> c.id().equals(id) && c.name() != null).findFirst()
                .map(ShareClass::name)
                .or(() -> afterEvents().stream().filter(c -> c.id().equals(id) && c.name() != null).findFirst().map(ShareClass::name))
                .map(ClientLabels::conversionPrice)
                .orElseGet(() -> shareClass(id));
    }

    /**
     * The conversion price a round writes into a converted SAFE's or note's series ("Series A Preferred (converted at
     * 0.686338825172566)") as a price: "(converted at $0.6863)".
     */
    private static String conversionPrice(String name) {
        Matcher m = CONVERTED_AT.matcher(name);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("converted at $"
                    + new BigDecimal(m.group(1)).setScale(4, RoundingMode.HALF_UP).toPlainString()));
        }
        return m.appendTail(out).toString();
    }

    private static final Pattern CONVERTED_AT = Pattern.compile("converted at (\\d+(?:\\.\\d+)?)");

    private List<ShareClass> afterEvents;

    /** The classes after every deal event; computed when a class is not among the model's own. */
    private List<ShareClass> afterEvents() {
        if (afterEvents == null) {
            afterEvents = List.of();
            if (!venture.events().isEmpty()) {
                try {
                    afterEvents = Timeline.of(venture).everyClass();
                } catch (ModelException e) {
                    // Events that cannot apply are refused before a workbook is built; the id in words then.
                }
            }
        }
        return afterEvents;
    }

    /** A practice by its name. */
    public String practice(String id) {
        return venture.practice(id).map(Practice::name).orElse(id);
    }

    /** An agreement by what it is and with whom: "Management services agreement — Sunrise Medical of Texas, PLLC". */
    public String agreement(String id) {
        return venture.agreements().stream().filter(a -> a.id().equals(id)).findFirst()
                .map(a -> AgreementsSheet.type(a.type()) + " — " + practice(a.practice())).orElse(id);
    }

    /** An agreement's kind, and "(draft)" when it is not signed, beside its practice's name. */
    public String agreementKind(String id) {
        return venture.agreements().stream().filter(a -> a.id().equals(id)).findFirst()
                .map(a -> AgreementsSheet.type(a.type()) + (a.signed() ? "" : " (draft)")).orElse(id);
    }

    /** Finding messages with names for the model's ids. */
    FindingText findingText() {
        return new FindingText(venture, this);
    }

    /** What a finding is about, by name. */
    String subject(SubjectKind kind, String id) {
        return switch (kind) {
            case PRACTICE -> "Practice: " + practice(id);
            case AGREEMENT -> agreement(id);
            case PERSON -> holder(id);
            case CLASS -> "Class: " + className(id);
            case MSO -> "MSO: " + venture.mso().name();
            case EXIT -> "Exit scenario: " + id;
        };
    }

    /** A holder category as a reader says it; the SUMIFs over category columns key on these words. */
    static String category(HolderCategory category) {
        return switch (category) {
            case CLINICIAN -> "Clinician";
            case LAY -> "Lay individual";
            case ENTITY -> "Entity";
        };
    }

    /** A model vocabulary word as text: {@code real-estate} → "real estate", {@code it} → "IT", {@code pllc} → "PLLC". */
    static String words(String id) {
        return switch (id) {
            case "it" -> "IT";
            case "pc", "pllc", "pa", "psc", "llc" -> id.toUpperCase(Locale.ROOT);
            case "c-corp" -> "C corporation";
            case "s-corp" -> "S corporation";
            default -> id.replace('-', ' ');
        };
    }

    /** Model vocabulary words as a list in text: "billing, staffing, IT, real estate". */
    static String words(java.util.List<String> ids) {
        return String.join(", ", ids.stream().map(ClientLabels::words).toList());
    }

    /** A share class id as words: {@code series-a} → "Series A", {@code common} → "Common". */
    static String shareClass(String id) {
        StringBuilder out = new StringBuilder();
        for (String word : id.split("[-_ ]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word.length() == 1 ? word.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }

    /** A holder's name, or the id when the model names no such person (never for a valid model). */
    public String holder(String id) {
        return person(id).map(Person::name).orElse(id);
    }

    /** A multiple as bankers write it: 1.78x. */
    static String moic(BigDecimal moic) {
        return moic.setScale(2, RoundingMode.HALF_UP).toPlainString() + "x";
    }

    // SAFE and note ids repeat the holder id, numbered from the second instrument on ("angel-2").
    private String holderWithNumber(String rest) {
        if (person(rest).isPresent()) {
            return holder(rest);
        }
        int dash = rest.lastIndexOf('-');
        if (dash > 0 && rest.substring(dash + 1).chars().allMatch(Character::isDigit) && person(rest.substring(0, dash)).isPresent()) {
            return holder(rest.substring(0, dash)) + " (" + rest.substring(dash + 1) + ")";
        }
        return rest;
    }

    private Optional<Person> person(String id) {
        return venture.people().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static String dollars(String amount) {
        try {
            return "$" + String.format(Locale.US, "%,.2f", new BigDecimal(amount));
        } catch (NumberFormatException e) {
            return amount;
        }
    }
}

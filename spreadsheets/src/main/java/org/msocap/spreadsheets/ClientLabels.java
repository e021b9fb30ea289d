package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import org.msocap.model.Person;
import org.msocap.model.Venture;

/**
 * What a client reads in place of the engine's ids: "Options at $0.25" for {@code options@0.25},
 * "Warrants (Common) at $1.00" for {@code warrants:common@1}, "Convertible note — Marcus Lee" for
 * {@code note:angel-two}, "SAFE — Priya Raman" for {@code safe:angel}, "Series A" for the class
 * {@code series-a}. The ids stay the keys of every formula and working column; only visible labels change.
 */
final class ClientLabels {

    private final Venture venture;

    ClientLabels(Venture venture) {
        this.venture = venture;
    }

    /** A waterfall claimant (share class, options or warrants at a strike, a SAFE, a note) for people. */
    String claimant(String id) {
        if (id.startsWith("options@")) {
            return "Options at " + dollars(id.substring("options@".length()));
        }
        if (id.startsWith("warrants:") && id.indexOf('@') > 0) {
            int at = id.lastIndexOf('@');
            String cls = id.substring("warrants:".length(), at);
            return "Warrants (" + (cls.equals("common") ? cls : shareClass(cls)) + ") at "
                    + dollars(id.substring(at + 1));
        }
        if (id.startsWith("safe:")) {
            return "SAFE — " + holderWithNumber(id.substring("safe:".length()));
        }
        if (id.startsWith("note:")) {
            return "Convertible note — " + holderWithNumber(id.substring("note:".length()));
        }
        if (id.indexOf('@') > 0) {
            // A profits-interest series: class@threshold or class@hurdle-H.
            int at = id.indexOf('@');
            String series = id.substring(at + 1);
            return shareClass(id.substring(0, at)) + (series.startsWith("hurdle-")
                    ? " over a " + dollars(series.substring("hurdle-".length())) + " hurdle"
                    : " above " + dollars(series) + " a unit");
        }
        return shareClass(id);
    }

    /** A share class id as a name: {@code series-a} → "Series A", {@code common} → "Common". */
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
    String holder(String id) {
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

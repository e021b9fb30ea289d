package org.msocap.model;

/**
 * Values from a file as an error message shows them: control and format characters escaped ({@code \n},
 * {@code \u202E}), so a message cannot rewrite the terminal or reverse the text around it, and long values cut,
 * so a megabyte of garbage becomes one readable line.
 */
public final class Shown {

    /** How much of one value a message shows. */
    public static final int VALUE_CHARS = 80;
    /** How long a whole message may grow, and one word in it (a file path is a word; values are cut shorter where quoted). */
    public static final int MESSAGE_CHARS = 1000;
    private static final int WORD_CHARS = 240;

    private static final String CUT = "…";

    private Shown() {
    }

    /** One value: escaped and cut to {@link #VALUE_CHARS} characters. */
    public static String value(String text) {
        return escape(cut(text, VALUE_CHARS));
    }

    /**
     * A whole message: escaped, every word longer than {@link #WORD_CHARS} cut, and the message itself cut at
     * {@link #MESSAGE_CHARS}; a message of ordinary length passes unchanged.
     */
    public static String message(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MESSAGE_CHARS + 16));
        int word = 0;
        for (int i = 0; i < text.length() && out.length() < MESSAGE_CHARS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            word = cp == ' ' ? 0 : word + 1;
            if (word == WORD_CHARS + 1) {
                out.append(CUT);
            }
            if (word <= WORD_CHARS) {
                appendEscaped(out, cp);
            }
            if (out.length() >= MESSAGE_CHARS && i < text.length()) {
                out.append(CUT);
            }
        }
        return out.toString();
    }

    /** Control, format and separator characters as escapes; everything else as it is. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (out == null && needsEscape(cp)) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                appendEscaped(out, cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    private static String cut(String text, int chars) {
        if (text.length() <= chars || text.codePointCount(0, text.length()) <= chars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, chars)) + CUT;
    }

    private static boolean needsEscape(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || isBidiControl(cp);
    }

    /**
     * The bidirectional marks, embeddings, overrides and isolates, which reorder what follows them. Other format
     * characters print as written: the zero-width joiner and non-joiner belong in Persian and Indic names and emoji.
     */
    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        if (!needsEscape(cp)) {
            out.appendCodePoint(cp);
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (cp == '\t') {
            out.append("\\t");
        } else {
            out.append(cp > 0xFFFF ? String.format("\\u{%X}", cp) : String.format("\\u%04X", cp));
        }
    }
}

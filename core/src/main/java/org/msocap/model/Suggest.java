package org.msocap.model;

import java.util.Collection;

/** "Did you mean" suggestions by edit distance, for unknown fields, classes and ids. */
public final class Suggest {

    private Suggest() {
    }

    /** {@code " (did you mean 'x'?)"} when a candidate is close enough, else the empty string. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        if (wrong.length() > Shown.VALUE_CHARS) {
            return ""; // no name is this long, and the distance table would grow with it
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        // A third of the word's length tolerates a typo or two without suggesting nonsense.
        int tolerance = Math.max(2, wrong.length() / 3);
        return best != null && bestDistance <= tolerance ? " (did you mean '" + best + "'?)" : "";
    }

    /** Damerau-Levenshtein (optimal string alignment) distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

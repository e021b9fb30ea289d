package org.msocap.model;

import java.math.BigDecimal;

/**
 * A class of MSO equity (or LLC units). Common has seniority 0 and no preference; preferred carries a liquidation
 * preference of {@code shares × issuePrice × preference} (plus accrued dividends), paid by seniority. A
 * profits-interest class (incentive units, PRODUCT.md §7) shares only in value above each holding's threshold or
 * hurdle, which its holdings carry.
 *
 * @param issuePrice original issue price per share; may be null for common and profits interests
 * @param cap capped participation only: total return cap as a multiple of issue price; else null
 * @param dividend may be null: no dividend preference
 * @param catchUp profits interests only (defaults to none); null for every other class
 * @param name may be null: the class's name for people ("Series A Preferred"); outputs fall back to the id
 * @param antiDilution preferred classes: protection against a later round priced below this class's conversion price
 *     (PRODUCT.md §8.2); defaults to none
 */
public record ShareClass(String id, Type type, BigDecimal issuePrice, BigDecimal preference,
                         Participation participation, BigDecimal cap, int seniority, BigDecimal conversionRatio,
                         Dividend dividend, CatchUp catchUp, String name, AntiDilution antiDilution) {

    public enum Type {
        COMMON, PREFERRED, PROFITS_INTEREST;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * Profits interests: {@code full} — once the residual's value per unit passes a holding's threshold, the residual
     * goes to it until it holds {@code units × value} as if its threshold were 0 (PRODUCT.md §7.3).
     */
    public enum CatchUp {
        NONE, FULL;

        public String id() {
            return name().toLowerCase();
        }
    }

    /**
     * Anti-dilution protection of a preferred class (PRODUCT.md §8.2): in a round priced below the class's conversion
     * price, the weighted-average formulas (broad- or narrow-based) or a full ratchet lower that price, raising the
     * class's conversion ratio.
     */
    public enum AntiDilution {
        NONE, BROAD_BASED, NARROW_BASED, FULL_RATCHET;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public enum Participation {
        NONE, FULL, CAPPED;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** Dividend preference: a rate on the issue price, cumulative or not, simple or compounding annually. */
    public record Dividend(BigDecimal rate, boolean cumulative, Compounding compounding) {

        public enum Compounding {
            SIMPLE, ANNUAL;

            public String id() {
                return name().toLowerCase();
            }
        }

        public Dividend {
            Checks.fraction(rate, "rate");
            compounding = compounding == null ? Compounding.SIMPLE : compounding;
        }
    }

    /** A class without catch-up terms (every class but a profits interest). */
    public ShareClass(String id, Type type, BigDecimal issuePrice, BigDecimal preference, Participation participation,
                      BigDecimal cap, int seniority, BigDecimal conversionRatio, Dividend dividend) {
        this(id, type, issuePrice, preference, participation, cap, seniority, conversionRatio, dividend, null);
    }

    /** A class without a display name or anti-dilution protection. */
    public ShareClass(String id, Type type, BigDecimal issuePrice, BigDecimal preference, Participation participation,
                      BigDecimal cap, int seniority, BigDecimal conversionRatio, Dividend dividend, CatchUp catchUp) {
        this(id, type, issuePrice, preference, participation, cap, seniority, conversionRatio, dividend, catchUp, null,
                null);
    }

    public ShareClass {
        Checks.id(id, "id");
        Checks.required(type, "type");
        if (name != null) {
            Checks.text(name, "name");
        }
        antiDilution = antiDilution == null ? AntiDilution.NONE : antiDilution;
        if (antiDilution != AntiDilution.NONE && type != Type.PREFERRED) {
            throw new ModelException("antiDilution", "antiDilution applies only to preferred classes, but class " + id + " is "
                    + type.id());
        }
        if (type == Type.PROFITS_INTEREST) {
            catchUp = catchUp == null ? CatchUp.NONE : catchUp;
            if ((preference != null && preference.signum() != 0) || (participation != null && participation != Participation.NONE)
                    || dividend != null || seniority != 0 || cap != null
                    || (conversionRatio != null && conversionRatio.compareTo(BigDecimal.ONE) != 0)) {
                throw new ModelException("type", "class " + id + " is a profits interest and cannot carry a preference, "
                        + "participation, cap, dividend, seniority or conversionRatio (its holdings carry a threshold or hurdle)");
            }
        } else if (catchUp != null) {
            throw new ModelException("catchUp", "catchUp applies only to profits-interest classes, but class " + id + " is "
                    + type.id());
        }
        preference = preference == null ? (type == Type.PREFERRED ? BigDecimal.ONE : BigDecimal.ZERO) : preference;
        participation = participation == null ? Participation.NONE : participation;
        conversionRatio = conversionRatio == null ? BigDecimal.ONE : conversionRatio;
        Checks.positive(conversionRatio, "conversionRatio");
        Checks.nonNegative(preference, "preference");
        if (issuePrice != null) {
            Checks.nonNegative(issuePrice, "issuePrice");
        }
        if (type == Type.COMMON || type == Type.PROFITS_INTEREST) {
            if (preference.signum() != 0 || participation != Participation.NONE || dividend != null || seniority != 0
                    || cap != null) {
                throw new ModelException("type", "class " + id + " is common and cannot carry a preference, participation, cap, dividend or seniority");
            }
        } else {
            Checks.required(issuePrice, "issuePrice");
            if (seniority < 1) {
                throw new ModelException("seniority", "seniority of preferred class " + id + " must be >= 1 (common is 0) but was " + seniority);
            }
        }
        if (participation == Participation.CAPPED) {
            Checks.required(cap, "cap");
            if (cap.compareTo(preference) < 0) {
                throw new ModelException("cap", "cap of class " + id + " (" + cap.toPlainString() + "x) must be >= its preference ("
                        + preference.toPlainString() + "x)");
            }
        } else if (cap != null) {
            throw new ModelException("cap", "cap applies only to participation: capped, but class " + id + " has participation "
                    + participation.id());
        }
    }

    public static ShareClass common(String id) {
        return new ShareClass(id, Type.COMMON, null, BigDecimal.ZERO, Participation.NONE, null, 0, BigDecimal.ONE, null);
    }

    /** A 1x non-participating preferred class without dividends. */
    public static ShareClass preferred(String id, BigDecimal issuePrice, int seniority) {
        return new ShareClass(id, Type.PREFERRED, issuePrice, BigDecimal.ONE, Participation.NONE, null, seniority,
                BigDecimal.ONE, null);
    }

    public ShareClass withPreference(BigDecimal multiple) {
        return new ShareClass(id, type, issuePrice, multiple, participation, cap, seniority, conversionRatio, dividend, catchUp,
                name, antiDilution);
    }

    public ShareClass withParticipation(Participation p, BigDecimal capMultiple) {
        return new ShareClass(id, type, issuePrice, preference, p, capMultiple, seniority, conversionRatio, dividend, catchUp,
                name, antiDilution);
    }

    public ShareClass withConversionRatio(BigDecimal ratio) {
        return new ShareClass(id, type, issuePrice, preference, participation, cap, seniority, ratio, dividend, catchUp,
                name, antiDilution);
    }

    public ShareClass withDividend(Dividend d) {
        return new ShareClass(id, type, issuePrice, preference, participation, cap, seniority, conversionRatio, d, catchUp,
                name, antiDilution);
    }

    /** A profits-interest class with the given catch-up. */
    public static ShareClass profitsInterest(String id, CatchUp catchUp) {
        return new ShareClass(id, Type.PROFITS_INTEREST, null, BigDecimal.ZERO, Participation.NONE, null, 0, BigDecimal.ONE,
                null, catchUp);
    }

    public ShareClass withName(String displayName) {
        return new ShareClass(id, type, issuePrice, preference, participation, cap, seniority, conversionRatio, dividend, catchUp,
                displayName, antiDilution);
    }

    public ShareClass withAntiDilution(AntiDilution protection) {
        return new ShareClass(id, type, issuePrice, preference, participation, cap, seniority, conversionRatio, dividend, catchUp,
                name, protection);
    }

    public ShareClass withIssuePrice(BigDecimal price) {
        return new ShareClass(id, type, price, preference, participation, cap, seniority, conversionRatio, dividend, catchUp,
                name, antiDilution);
    }

    /** The same terms under another id and name (a round's shadow series for converted SAFEs and notes). */
    public ShareClass withId(String newId, String displayName) {
        return new ShareClass(newId, type, issuePrice, preference, participation, cap, seniority, conversionRatio, dividend,
                catchUp, displayName, antiDilution);
    }

    /** The name people read: the given {@code name}, else the id. */
    public String displayName() {
        return name == null ? id : name;
    }

    public boolean isPreferred() {
        return type == Type.PREFERRED;
    }

    public boolean isProfitsInterest() {
        return type == Type.PROFITS_INTEREST;
    }

    /** Issue price, or zero when none was given (common issued for services). */
    public BigDecimal issuePriceOrZero() {
        return issuePrice == null ? BigDecimal.ZERO : issuePrice;
    }
}

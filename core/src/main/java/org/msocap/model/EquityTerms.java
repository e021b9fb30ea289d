package org.msocap.model;

import java.util.Objects;

/**
 * The words outputs use for an entity's equity. The MSO's follow its form (PRODUCT.md §7): an LLC has units and members,
 * a corporation shares and stockholders. A practice's follow its own: a PLLC, a limited liability company, has members
 * holding units; a PC, PA, PSC or medical corporation shareholders holding shares (the professional-entity statutes'
 * word). Only what is printed changes; JSON keys and the model file's field names ({@code shares}) stay.
 *
 * @param unit one piece of equity: "unit" or "share"
 * @param units the plural: "units" or "shares"
 * @param owner one who holds it: "member", "stockholder" or "shareholder"
 * @param owners the plural: "members", "stockholders" or "shareholders"
 * @param classes the classes of equity: "classes of units" or "classes of stock"
 */
public record EquityTerms(String unit, String units, String owner, String owners, String classes) {

    public static final EquityTerms LLC = new EquityTerms("unit", "units", "member", "members", "classes of units");
    public static final EquityTerms CORPORATION = new EquityTerms("share", "shares", "stockholder", "stockholders", "classes of stock");
    public static final EquityTerms PROFESSIONAL_CORPORATION = new EquityTerms("share", "shares", "shareholder", "shareholders",
            "classes of stock");

    public EquityTerms {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(classes, "classes");
    }

    public static EquityTerms of(Mso.Form form) {
        return form == Mso.Form.LLC ? LLC : CORPORATION;
    }

    public static EquityTerms of(Mso mso) {
        return of(mso.form());
    }

    /** A practice's words: a PLLC's members and units, every other form's shareholders and shares. */
    public static EquityTerms of(Practice.Form form) {
        return form == Practice.Form.PLLC ? LLC : PROFESSIONAL_CORPORATION;
    }

    /**
     * A cap-table security's id as these words say it: a holding ({@code shares}) is "units" in an LLC; options,
     * warrants and the unissued pool keep their ids.
     */
    public String security(String securityId) {
        return "shares".equals(securityId) ? units : securityId;
    }

    /** The word with its first letter in upper case, for the start of a title: "Units", "Stockholders". */
    public static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

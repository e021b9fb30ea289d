package org.msocap.model;

import java.util.Objects;

/**
 * The words outputs use for the MSO's equity (PRODUCT.md §7): an LLC has units and members, a corporation shares and
 * stockholders. Only what is printed changes; JSON keys and the model file's field names ({@code shares}) stay.
 *
 * @param unit one piece of equity: "unit" or "share"
 * @param units the plural: "units" or "shares"
 * @param owners those who hold it: "members" or "stockholders"
 * @param classes the classes of equity: "classes of units" or "classes of stock"
 */
public record EquityTerms(String unit, String units, String owners, String classes) {

    public static final EquityTerms LLC = new EquityTerms("unit", "units", "members", "classes of units");
    public static final EquityTerms CORPORATION = new EquityTerms("share", "shares", "stockholders", "classes of stock");

    public EquityTerms {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(classes, "classes");
    }

    public static EquityTerms of(Mso.Form form) {
        return form == Mso.Form.LLC ? LLC : CORPORATION;
    }

    public static EquityTerms of(Mso mso) {
        return of(mso.form());
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

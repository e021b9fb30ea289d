package org.msocap.model;

import java.util.List;

/**
 * An agreement between the MSO and a practice; above all the management services agreement (MSA).
 *
 * @param practice the practice id this agreement binds
 * @param fee the fee terms; required for a management services agreement, may be null otherwise
 * @param msoControls decisions where the MSO has the final say (coding, pricing, clinical-hiring, ...)
 * @param termMonths may be null
 */
public record Agreement(String id, Type type, String practice, FeeTerms fee, boolean fmvOpinion, List<String> services,
                        List<String> msoControls, boolean noncompete, Integer termMonths, boolean signed) {

    public enum Type {
        MANAGEMENT_SERVICES, STOCK_TRANSFER_RESTRICTION, LEASE, EMPLOYMENT, OTHER;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public Agreement {
        Checks.id(id, "id");
        type = type == null ? Type.MANAGEMENT_SERVICES : type;
        Checks.id(practice, "practice");
        if (type == Type.MANAGEMENT_SERVICES) {
            Checks.required(fee, "fee");
        }
        services = Checks.list(services);
        msoControls = Checks.list(msoControls);
        if (termMonths != null && termMonths <= 0) {
            throw new ModelException("termMonths", "termMonths must be > 0 but was " + termMonths);
        }
    }

    public static Agreement msa(String id, String practice, FeeTerms fee) {
        return new Agreement(id, Type.MANAGEMENT_SERVICES, practice, fee, false, List.of(), List.of(), false, null, true);
    }
}

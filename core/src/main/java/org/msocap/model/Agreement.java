package org.msocap.model;

import java.util.List;

/**
 * An agreement between the MSO and a practice; above all the management services agreement (MSA).
 *
 * @param practice the practice id this agreement binds
 * @param fee the fee terms; required for a management services agreement, may be null otherwise
 * @param msoControls decisions where the MSO has the final say, from {@link #DECISIONS}
 * @param termMonths may be null
 */
public record Agreement(String id, Type type, String practice, FeeTerms fee, boolean fmvOpinion, List<String> services,
                        List<String> msoControls, boolean noncompete, Integer termMonths, boolean signed) {

    /**
     * The decisions an MSA may hand to the MSO that the compliance checks know (their [control] sections in
     * rules.catalog say which are clinical where). A fixed vocabulary, so a misspelt decision is an error, not a
     * silently unchecked one.
     */
    public static final List<String> DECISIONS = List.of("treatment", "diagnosis", "diagnostic-tests", "referrals", "prescribing",
            "clinical-policies", "coding", "billing", "clinical-hiring", "clinician-compensation", "clinical-staffing",
            "scheduling-of-clinicians", "patient-volume", "medical-records", "pricing", "payer-contracting", "equipment",
            "advertising");

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
        for (int i = 0; i < msoControls.size(); i++) {
            String decision = msoControls.get(i);
            if (!DECISIONS.contains(decision)) {
                throw new ModelException("msoControls[" + i + "]", "unknown decision '" + decision + "'"
                        + Suggest.didYouMean(decision, DECISIONS) + "; decisions are " + String.join(", ", DECISIONS));
            }
        }
        if (termMonths != null && termMonths <= 0) {
            throw new ModelException("termMonths", "termMonths must be > 0 but was " + termMonths);
        }
    }

    public static Agreement msa(String id, String practice, FeeTerms fee) {
        return new Agreement(id, Type.MANAGEMENT_SERVICES, practice, fee, false, List.of(), List.of(), false, null, true);
    }
}

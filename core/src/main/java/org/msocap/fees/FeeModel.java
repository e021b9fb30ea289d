package org.msocap.fees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Financials.MsoFinancials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;

/**
 * What a fee projection needs from a venture, resolved once: each projected practice bound to its one
 * management services agreement and its financials, in the venture's practice order, plus the MSO's
 * costs. Resolving is where inconsistent inputs are refused, each with the field to fix.
 *
 * @param start first day of the projection
 * @param years length of the projection in the model file
 * @param practices the practices under management, in the venture's order
 * @param mso the MSO's costs and net debt
 */
public record FeeModel(LocalDate start, int years, List<ManagedPractice> practices, MsoFinancials mso) {

    /**
     * A practice under a management services agreement, with its projection inputs.
     *
     * @param agreementField where the agreement sits in the file, e.g. {@code agreements[0]}
     */
    public record ManagedPractice(String practiceId, String agreementId, String agreementField, FeeTerms terms,
                                  PracticeFinancials financials) {
        public ManagedPractice {
            Objects.requireNonNull(practiceId, "practiceId");
            Objects.requireNonNull(agreementId, "agreementId");
            Objects.requireNonNull(agreementField, "agreementField");
            Objects.requireNonNull(terms, "terms");
            Objects.requireNonNull(financials, "financials");
        }

        /** The same practice under different fee terms (for comparing bases). */
        public ManagedPractice withTerms(FeeTerms other) {
            return new ManagedPractice(practiceId, agreementId, agreementField, other, financials);
        }
    }

    public FeeModel {
        Objects.requireNonNull(start, "start");
        if (years < 1) {
            throw new IllegalArgumentException("years must be >= 1 but was " + years);
        }
        practices = List.copyOf(practices);
        Objects.requireNonNull(mso, "mso");
    }

    /**
     * Binds each practice with financials to its management services agreement.
     *
     * @throws ModelException naming the field when there is no {@code financials:} section (the venture itself refuses
     *         financials and management services agreements that do not pair one to one)
     */
    public static FeeModel resolve(Venture venture) {
        Financials financials = venture.financials();
        if (financials == null) {
            throw new ModelException("financials", "fees needs a financials: section (start, years, practices, mso) "
                    + "to project collections and the management fee");
        }
        List<Agreement> agreements = venture.agreements();
        Map<String, Integer> msaByPractice = financials.managementAgreementsByPractice(agreements);
        List<ManagedPractice> managed = new ArrayList<>();
        // The venture's practice order, so allocations (ties to the earlier part) do not depend on map order.
        venture.practices().forEach(p -> {
            Integer i = msaByPractice.get(p.id());
            if (i != null) {
                Agreement a = agreements.get(i);
                managed.add(new ManagedPractice(p.id(), a.id(), "agreements[" + i + "]", a.fee(),
                        financials.practices().get(p.id())));
            }
        });
        return new FeeModel(financials.start(), financials.years(), managed, financials.mso());
    }

    /** Months in the projection as the model file states it. */
    public int months() {
        return years * 12;
    }

    public ManagedPractice practice(String practiceId) {
        return practices.stream().filter(p -> p.practiceId().equals(practiceId)).findFirst().orElseThrow(
                () -> new ModelException("practice", "practice '" + practiceId + "' is not under a management services agreement "
                        + "with financials; projected practices are "
                        + String.join(", ", practices.stream().map(ManagedPractice::practiceId).toList())));
    }

    /** This model with one practice's fee terms replaced. */
    public FeeModel withTerms(String practiceId, FeeTerms terms) {
        practice(practiceId);
        List<ManagedPractice> next = new ArrayList<>();
        for (ManagedPractice p : practices) {
            next.add(p.practiceId().equals(practiceId) ? p.withTerms(terms) : p);
        }
        return new FeeModel(start, years, next, mso);
    }
}

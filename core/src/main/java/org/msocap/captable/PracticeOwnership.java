package org.msocap.captable;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.License;
import org.msocap.model.EquityTerms;

/**
 * Who owns one practice, with each owner's licenses, as the captable command shows it.
 *
 * @param terms the words for its owners and their holdings: members and units of a PLLC, shareholders and shares otherwise
 */
public record PracticeOwnership(String practiceId, String practiceName, String state, String form, String profession,
                                long totalShares, List<Owner> owners, EquityTerms terms) {

    public record Owner(String holder, String holderName, long shares, BigFraction fraction, List<License> licenses) {
        public Owner {
            licenses = List.copyOf(licenses);
        }
    }

    public PracticeOwnership {
        owners = List.copyOf(owners);
        Objects.requireNonNull(terms, "terms");
    }
}

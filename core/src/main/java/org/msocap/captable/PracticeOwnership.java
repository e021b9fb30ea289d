package org.msocap.captable;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.License;

/** Who owns one practice, with each owner's licenses, as the captable command shows it. */
public record PracticeOwnership(String practiceId, String practiceName, String state, String form, String profession,
                                long totalShares, List<Owner> owners) {

    public record Owner(String holder, String holderName, long shares, BigFraction fraction, List<License> licenses) {
        public Owner {
            licenses = List.copyOf(licenses);
        }
    }

    public PracticeOwnership {
        owners = List.copyOf(owners);
    }
}

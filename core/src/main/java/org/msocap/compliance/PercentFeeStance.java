package org.msocap.compliance;

import java.util.Locale;

/** What a state's law says about a management fee that is a percentage of the practice's revenue. */
public enum PercentFeeStance {
    /** Barred for space, equipment or personnel (New York 8 NYCRR 29.1(b)(4)). */
    PROHIBITED,
    /** Barred except for billing, administrative preparation or collection services (Illinois 225 ILCS 60/22.2). */
    PROHIBITED_EXCEPT_BILLING,
    /** Barred for dental practices (North Carolina AG 1999 on G.S. 90-29(b)(11)). */
    PROHIBITED_FOR_DENTAL,
    /** Barred when tied to marketing or other patient-generating services, otherwise permitted (Florida, Bakarania). */
    PROHIBITED_IF_MARKETING,
    /** Allowed when fair market value and not for referrals (California B&P 650(b); Texas, tolerated). */
    ALLOWED_IF_FMV,
    /** Not specifically barred. */
    NOT_BARRED,
    /** The research does not say. */
    UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PercentFeeStance parse(String text) {
        for (PercentFeeStance s : values()) {
            if (s.id().equals(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown percent-fee stance '" + text + "'");
    }

    /** States that allow a percentage fee subject to fair-market-value support (FEE-04). */
    public boolean isPermissiveWithFmv() {
        return this == ALLOWED_IF_FMV || this == PROHIBITED_IF_MARKETING;
    }
}

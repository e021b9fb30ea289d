package org.msocap.waterfall;

import java.util.Objects;

/**
 * One distribution of the equity proceeds for fixed conversion decisions: per claimant the preference
 * paid and the participation paid, the price per common share, and anything no one could take.
 *
 * <p>Participation is worked out per claimant on first use and kept. Settling the conversion equilibrium
 * evaluates the waterfall once per tried decision but compares only the one claimant that switched, so
 * computing every claimant's participation (exact products, each reduced by a gcd) would be mostly wasted:
 * it was most of the time of resolving a breakpoint table on the large cap table.
 */
final class Outcome {

    private final Layout layout;
    private final boolean[] converted;
    private final Affine[] preferencePaid;
    private final Affine price;
    private final Affine unabsorbed;
    /** Per claimant, the participation paid once computed (null until then). */
    private final Affine[] participationPaid;
    private final Affine[] payout;

    Outcome(Layout layout, boolean[] converted, Affine[] preferencePaid, Affine price, Affine unabsorbed) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.converted = converted;
        this.preferencePaid = preferencePaid;
        this.price = price;
        this.unabsorbed = unabsorbed;
        this.participationPaid = new Affine[layout.size];
        this.payout = new Affine[layout.size];
    }

    boolean[] converted() {
        return converted;
    }

    Affine[] preferencePaid() {
        return preferencePaid;
    }

    Affine price() {
        return price;
    }

    Affine unabsorbed() {
        return unabsorbed;
    }

    Affine payout(int i) {
        Affine p = payout[i];
        if (p == null) {
            p = preferencePaid[i].plus(participation(i));
            payout[i] = p;
        }
        return p;
    }

    /** What claimant {@code i} takes at the price: converted shares, or participation above its strike up to its cap. */
    Affine participation(int i) {
        Affine p = participationPaid[i];
        if (p == null) {
            p = Affine.ZERO;
            if (converted[i]) {
                p = price.times(layout.shares[i]);
            } else if (layout.participatesUnconverted[i]) {
                Affine strike = Affine.constant(layout.strike[i]);
                if (price.compareTo(strike) > 0) {
                    if (layout.capped[i] && price.compareTo(Affine.constant(layout.capPrice[i])) >= 0) {
                        p = Affine.constant(layout.capPrice[i].subtract(layout.strike[i]).multiply(layout.shares[i]));
                    } else {
                        p = price.minus(strike).times(layout.shares[i]);
                    }
                }
            }
            participationPaid[i] = p;
        }
        return p;
    }
}

package org.msocap.waterfall;

/**
 * One distribution of the equity proceeds for fixed conversion decisions: per claimant the preference
 * paid and the participation paid, the price per common share, and anything no one could take.
 */
record Outcome(boolean[] converted, Affine[] preferencePaid, Affine[] participationPaid, Affine price, Affine unabsorbed) {

    Affine payout(int i) {
        return preferencePaid[i].plus(participationPaid[i]);
    }
}

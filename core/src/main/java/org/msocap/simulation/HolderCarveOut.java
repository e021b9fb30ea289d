package org.msocap.simulation;

/**
 * A listed holder's mean total split in two, in currency units: what the waterfall paid them from equity and their
 * part of the carve-out. Each is its exact sum in cents over the runs ÷ runs, like every mean, so they add up to the
 * holder's mean (up to the last bit of a double).
 *
 * @param payout mean payout from equity
 * @param carveOut mean carve-out
 */
public record HolderCarveOut(double payout, double carveOut) {
}

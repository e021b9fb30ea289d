package org.msocap.waterfall;

import java.util.Objects;

import org.msocap.money.Money;

/**
 * What one line of the waterfall receives at one exit value.
 *
 * @param id a share class id, {@code safe:HOLDER}, {@code note:HOLDER}, {@code options@STRIKE} or
 *           {@code warrants:CLASS@STRIKE}
 * @param converted converted to common (options and warrants: exercised)
 */
public record ClassPayout(String id, ResolvedCapTable.Kind kind, Money payout, boolean converted) {
    public ClassPayout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payout, "payout");
    }
}

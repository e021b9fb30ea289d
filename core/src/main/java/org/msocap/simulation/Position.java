package org.msocap.simulation;

import java.time.LocalDate;
import java.util.Objects;
import org.msocap.model.HolderCategory;

/**
 * One line that receives a payout at an exit: a holder's stake in one class or security. Results are
 * grouped from positions by {@code group} (a share class id, or {@code options}, {@code warrants},
 * {@code safes}, {@code notes}, {@code carve-out}), by holder category and by holder.
 *
 * @param costCents what the holder paid for this stake (0 for options and carve-outs)
 * @param acquired when it was paid; may be null (then no IRR for groups containing a cost without a date)
 */
public record Position(String holder, HolderCategory category, String group, long costCents, LocalDate acquired) {

    public Position {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(group, "group");
        if (costCents < 0) {
            throw new IllegalArgumentException("cost must be >= 0 but was " + costCents + " cents (" + holder + ", " + group + ")");
        }
    }
}

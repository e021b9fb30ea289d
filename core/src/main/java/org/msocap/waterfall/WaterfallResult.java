package org.msocap.waterfall;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * The waterfall at one exit value: class payouts and holder payouts, each adding up to the equity
 * proceeds to the cent; in an exit with a carve-out, holders' and categories' totals add the carve-out too.
 *
 * @param exitValue the enterprise value of the sale (the equity proceeds when distributed directly)
 * @param classes in claimant id order
 * @param holders in holder id order
 * @param byCategory total per holder category (payout plus carve-out); every category present
 */
public record WaterfallResult(Money exitValue, Money equityProceeds, List<ClassPayout> classes, List<HolderPayout> holders,
                              Map<HolderCategory, Money> byCategory) {

    public WaterfallResult {
        Objects.requireNonNull(exitValue, "exitValue");
        Objects.requireNonNull(equityProceeds, "equityProceeds");
        classes = List.copyOf(classes);
        holders = List.copyOf(holders);
        Objects.requireNonNull(byCategory, "byCategory");
    }

    public Optional<ClassPayout> classPayout(String id) {
        return classes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<HolderPayout> holder(String id) {
        // Holders are in id order, so a binary search (the workbook asks for each holder in each scenario: a scan was
        // quadratic at 10,000 holders); the scan remains for a result built in another order.
        int low = 0;
        int high = holders.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = holders.get(mid).id().compareTo(id);
            if (c == 0) {
                return Optional.of(holders.get(mid));
            }
            if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return holders.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** Payout of a class, or zero when the cap table has no such claimant. */
    public Money payoutOf(String classId) {
        return classPayout(classId).map(ClassPayout::payout).orElse(Money.ZERO);
    }
}

package org.msocap.simulation;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.HolderCategory;
import org.msocap.money.Allocation;

/**
 * Test double of the waterfall: one non-participating 1x preferred class whose preference grows by a
 * simple dividend per day since {@code issued} (so payouts depend on the exit date), paid first; common
 * shares the rest pro rata. Exact: BigFraction, then largest remainder over all positions.
 */
final class SimplePreferredPayoutModel implements PayoutModel {

    record Stake(String holder, HolderCategory category, boolean preferred, long shares, long costCents, LocalDate acquired) {
    }

    private final List<Stake> stakes;
    private final long preferenceCents;
    private final double dividendRate;
    private final LocalDate issued;
    private final List<Position> positions = new ArrayList<>();
    int resolved;

    SimplePreferredPayoutModel(List<Stake> stakes, long preferenceCents, double dividendRatePercent, LocalDate issued) {
        this.stakes = List.copyOf(stakes);
        this.preferenceCents = preferenceCents;
        this.dividendRate = dividendRatePercent;
        this.issued = issued;
        for (Stake s : stakes) {
            positions.add(new Position(s.holder(), s.category(), s.preferred() ? "series-a" : "common", s.costCents(), s.acquired()));
        }
    }

    static SimplePreferredPayoutModel sample() {
        LocalDate d = LocalDate.of(2024, 1, 1);
        return new SimplePreferredPayoutModel(List.of(
                new Stake("alice", HolderCategory.LAY, false, 6_000_000, 60_000, d),
                new Stake("dr-bob", HolderCategory.CLINICIAN, false, 3_000_000, 30_000, d),
                new Stake("carol", HolderCategory.LAY, false, 1_000_000, 0, null),
                new Stake("harbor-fund", HolderCategory.ENTITY, true, 700_000, 140_000_000, LocalDate.of(2025, 3, 1)),
                new Stake("angel", HolderCategory.LAY, true, 300_000, 60_000_000, LocalDate.of(2025, 3, 1))),
                200_000_000, 8, LocalDate.of(2025, 3, 1));
    }

    @Override
    public List<Position> positions() {
        return positions;
    }

    /** The preference on a day: principal plus simple dividends, whole percent per 365 days, exact. */
    BigFraction preference(int day) {
        long days = Math.max(0, day - issued.toEpochDay());
        return new BigFraction(preferenceCents).multiply(BigFraction.ONE.add(
                new BigFraction(BigInteger.valueOf((long) dividendRate * days), BigInteger.valueOf(36_500))));
    }

    @Override
    public PayoutEvaluator at(int day) {
        synchronized (this) {
            resolved++;
        }
        BigFraction pref = preference(day);
        return (proceeds, out) -> {
            BigFraction total = new BigFraction(proceeds);
            BigFraction toPreferred = total.compareTo(pref) < 0 ? total : pref;
            BigFraction toCommon = total.subtract(toPreferred);
            long prefShares = stakes.stream().filter(Stake::preferred).mapToLong(Stake::shares).sum();
            long commonShares = stakes.stream().filter(s -> !s.preferred()).mapToLong(Stake::shares).sum();
            List<BigFraction> parts = new ArrayList<>();
            for (Stake s : stakes) {
                parts.add(s.preferred() ? toPreferred.multiply(s.shares()).divide(prefShares)
                        : toCommon.multiply(s.shares()).divide(commonShares));
            }
            long[] cents = Allocation.largestRemainder(proceeds, parts);
            System.arraycopy(cents, 0, out, 0, cents.length);
        };
    }
}

package org.msocap.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.fraction.BigFraction;

import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;
import org.msocap.waterfall.BreakpointTable;

/**
 * The large benchmark cap table of PRODUCT.md §6: 12 preferred classes, 500 holders, 200 option grants at 20
 * strikes, 5 SAFEs, 3 notes. Deterministic (fixed seed), so every run measures the same table.
 *
 * <p>Holders h-000 … h-499: every seventh is an entity (fund). Common is held by h-000…h-099 and h-458…h-499,
 * the preferred classes by h-100…h-299 (about 17 each), options are granted to lay holders among h-300…h-449,
 * SAFEs belong to h-450…h-454 and notes to h-455…h-457.
 */
public final class LargeCapTable {

    public static final LocalDate EXIT_DATE = LocalDate.of(2031, 6, 30);
    public static final int HOLDERS = 500;

    private LargeCapTable() {
    }

    public static Venture venture() {
        Random r = new Random(20260101L);
        Venture.Builder v = Venture.builder("Large benchmark MSO").asOf(LocalDate.of(2026, 1, 1));
        for (int i = 0; i < HOLDERS; i++) {
            String id = id(i);
            v.person(isEntity(i) ? Person.entity(id, "Fund " + i) : Person.lay(id, "Holder " + i));
        }
        Mso.Builder m = Mso.builder().name("Large MSO, LLC");
        m.shareClass(ShareClass.common("common"));
        for (int i = 0; i < 100; i++) {
            m.holding(new Holding(id(i), "common", 200_000L + r.nextInt(800_000), date(r), null));
        }
        for (int i = 458; i < HOLDERS; i++) {
            m.holding(new Holding(id(i), "common", 10_000L + r.nextInt(90_000), date(r), null));
        }
        for (int c = 0; c < 12; c++) {
            String cls = "series-" + (char) ('a' + c);
            BigDecimal price = BigDecimal.valueOf(50 + 40L * c, 2); // $0.50 … $4.90
            Participation participation = c % 4 == 1 ? Participation.CAPPED : c % 6 == 5 ? Participation.FULL : Participation.NONE;
            BigDecimal preference = c % 3 == 2 ? new BigDecimal("1.5") : BigDecimal.ONE;
            ShareClass sc = new ShareClass(cls, ShareClass.Type.PREFERRED, price, preference, participation,
                    participation == Participation.CAPPED ? new BigDecimal("3") : null, 1 + c / 3,
                    c % 5 == 4 ? new BigDecimal("1.25") : BigDecimal.ONE,
                    c % 4 == 3 ? new ShareClass.Dividend(new BigDecimal("0.08"), true,
                            c == 3 ? ShareClass.Dividend.Compounding.SIMPLE : ShareClass.Dividend.Compounding.ANNUAL) : null);
            m.shareClass(sc);
            for (int i = 100 + c * 200 / 12; i < 100 + (c + 1) * 200 / 12; i++) {
                m.holding(new Holding(id(i), cls, 100_000L + r.nextInt(1_900_000), date(r), null));
            }
        }
        long pool = 0;
        int grantee = 300;
        for (int g = 0; g < 200; g++) {
            while (isEntity(grantee)) {
                grantee = grantee == 449 ? 300 : grantee + 1;
            }
            long shares = 5_000L + r.nextInt(95_000);
            pool += shares;
            BigDecimal strike = BigDecimal.valueOf(10 + 25L * (g % 20), 2); // 20 strikes, $0.10 … $4.85
            LocalDate granted = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(1500));
            m.option(new OptionGrant(id(grantee), shares, strike, granted, new Vesting(granted, 48, 12),
                    OptionGrant.Acceleration.values()[g % 3]));
            grantee = grantee == 449 ? 300 : grantee + 1;
        }
        m.optionPool(pool + 1_000_000);
        for (int s = 0; s < 5; s++) {
            m.safe(new Safe(id(450 + s), Money.of(250_000L * (s + 1)), Money.of(40_000_000L + 10_000_000L * s),
                    s % 2 == 0 ? new BigDecimal("0.20") : null, s < 3 ? Safe.Kind.POST_MONEY : Safe.Kind.PRE_MONEY,
                    date(r), s == 4 ? 2 : null));
        }
        for (int n = 0; n < 3; n++) {
            m.note(new ConvertibleNote(id(455 + n), Money.of(500_000L * (n + 1)), new BigDecimal("0.06"), date(r),
                    n == 2 ? null : Money.of(30_000_000L + 15_000_000L * n), null, new BigDecimal(n == 1 ? "1.5" : "1"), null));
        }
        return v.mso(m.build()).build();
    }

    /**
     * The LLC version of the table (issue 13): the same holdings plus a profits-interest pool of 200 grants at 50
     * distinct thresholds ($0.10 … $4.95 a unit), half of the series with a full catch-up, to lay holders among
     * h-300…h-449.
     */
    public static Venture llcVenture() {
        Venture base = venture();
        Mso.Builder m = base.mso().toBuilder().form(Mso.Form.LLC)
                .shareClass(ShareClass.profitsInterest("incentive", ShareClass.CatchUp.NONE))
                .shareClass(ShareClass.profitsInterest("promote", ShareClass.CatchUp.FULL));
        Random r = new Random(20261202L);
        int grantee = 300;
        for (int g = 0; g < 200; g++) {
            while (isEntity(grantee)) {
                grantee = grantee == 449 ? 300 : grantee + 1;
            }
            int series = g % 50;
            BigDecimal threshold = BigDecimal.valueOf(10 + 10L * series, 2);
            m.holding(Holding.profitsInterest(id(grantee), series % 2 == 0 ? "incentive" : "promote", 5_000L + r.nextInt(95_000),
                    threshold));
            grantee = grantee == 449 ? 300 : grantee + 1;
        }
        return base.toBuilder().mso(m.build()).build();
    }

    /**
     * {@code count} exit values in cents, uniform from $0 to 20% past the table's last breakpoint, so every segment
     * is visited in proportion to its width: the low segments where few lines move and the high ones where nearly
     * every claimant shares at the margin. Deterministic (fixed seed).
     */
    public static long[] exitValuesCents(BreakpointTable breakpoints, int count) {
        List<BigFraction> points = breakpoints.breakpoints();
        double top = points.isEmpty() ? 1e9 : points.get(points.size() - 1).doubleValue() * 1.2;
        Random r = new Random(7);
        long[] exits = new long[count];
        for (int i = 0; i < count; i++) {
            exits[i] = (long) (r.nextDouble() * top * 100);
        }
        return exits;
    }

    static String id(int i) {
        return String.format("h-%03d", i);
    }

    private static boolean isEntity(int i) {
        return i % 7 == 0;
    }

    private static LocalDate date(Random r) {
        return LocalDate.of(2025, 1, 1).plusDays(r.nextInt(1200));
    }
}

package org.msocap.waterfall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;

/**
 * Cap tables with every instrument kind, up to 12 classes, drawn from one seed (so QuickTheories' fixed seed
 * fixes the table). Amounts have at most two decimals, as a model file would.
 */
final class RandomCapTables {

    private RandomCapTables() {
    }

    static Mso generate(long seed) {
        Random r = new Random(seed);
        Mso.Builder b = Mso.builder();
        b.shareClass(ShareClass.common("common"));
        int founders = 1 + r.nextInt(3);
        for (int i = 0; i < founders; i++) {
            b.holding(new Holding("founder-" + i, "common", 100_000L * (1 + r.nextInt(60)), date(r), null));
        }
        int preferred = r.nextInt(12); // with common: up to 12 classes
        for (int c = 0; c < preferred; c++) {
            String id = "series-" + (char) ('a' + c);
            BigDecimal price = BigDecimal.valueOf(10 + r.nextInt(390), 2);
            BigDecimal preference = pick(r, "1", "1", "1.5", "2");
            Participation participation = Participation.values()[r.nextInt(3)];
            BigDecimal cap = participation == Participation.CAPPED ? preference.add(pick(r, "0.5", "1", "2")) : null;
            ShareClass cls = new ShareClass(id, ShareClass.Type.PREFERRED, price, preference, participation, cap,
                    1 + r.nextInt(4), pick(r, "1", "1", "1.5", "2"),
                    r.nextInt(4) == 0 ? new ShareClass.Dividend(pick(r, "0.06", "0.08"), true,
                            r.nextBoolean() ? ShareClass.Dividend.Compounding.SIMPLE : ShareClass.Dividend.Compounding.ANNUAL)
                            : null);
            b.shareClass(cls);
            int holders = 1 + r.nextInt(3);
            for (int h = 0; h < holders; h++) {
                b.holding(new Holding("fund-" + r.nextInt(6), id, 50_000L * (1 + r.nextInt(40)), date(r), null));
            }
        }
        int grants = r.nextInt(5);
        long pool = 0;
        for (int g = 0; g < grants; g++) {
            long shares = 10_000L * (1 + r.nextInt(50));
            pool += shares;
            Vesting vesting = r.nextBoolean() ? null : new Vesting(LocalDate.of(2026 + r.nextInt(4), 1 + r.nextInt(12), 1), 48, 12);
            b.option(new OptionGrant("staff-" + r.nextInt(4), shares, pick(r, "0.10", "0.50", "1", "2.50"),
                    null, vesting, OptionGrant.Acceleration.values()[r.nextInt(3)]));
        }
        b.optionPool(pool + r.nextInt(100_000));
        if (r.nextInt(3) == 0) {
            b.warrant(new Warrant("fund-" + r.nextInt(6), "common", 10_000L * (1 + r.nextInt(20)), pick(r, "0.25", "1.50"), null));
        }
        int safes = r.nextInt(3);
        for (int s = 0; s < safes; s++) {
            boolean capped = r.nextInt(4) != 0;
            b.safe(new Safe("angel-" + r.nextInt(3), Money.of(50_000L * (1 + r.nextInt(20))),
                    capped ? Money.of(1_000_000L * (5 + r.nextInt(20))) : null,
                    capped && r.nextBoolean() ? null : new BigDecimal("0.20"),
                    r.nextBoolean() ? Safe.Kind.POST_MONEY : Safe.Kind.PRE_MONEY, date(r),
                    r.nextInt(4) == 0 ? 1 + r.nextInt(5) : null));
        }
        int notes = r.nextInt(3);
        for (int n = 0; n < notes; n++) {
            b.note(new ConvertibleNote("lender-" + r.nextInt(2), Money.of(25_000L * (1 + r.nextInt(20))),
                    pick(r, "0", "0.05", "0.08"), date(r), r.nextInt(3) == 0 ? null : Money.of(1_000_000L * (3 + r.nextInt(20))),
                    null, pick(r, "1", "1.5", "2"), null));
        }
        return b.build();
    }

    /** A generated cap table with the date of its sale and whether double-trigger acceleration fires. */
    record Sale(Mso mso, LocalDate exitDate, boolean doubleTriggerFires) {
        ResolvedCapTable resolve() {
            return ResolvedCapTable.of(CapTables.venture(mso), exitDate, doubleTriggerFires);
        }
    }

    /**
     * Tables that stress SAFEs, notes, dividends, warrants and vesting together (issue 16): always at least one SAFE
     * and one note, often no preferred class at all (the SAFEs then rank alone above common), cumulative dividends
     * on most preferred classes, warrants on common and preferred, options vesting around a sale date that moves
     * over five years, with single and double triggers.
     */
    static Sale withConvertibles(long seed) {
        Random r = new Random(seed);
        Mso.Builder b = Mso.builder();
        b.shareClass(ShareClass.common("common"));
        int founders = 1 + r.nextInt(2);
        for (int i = 0; i < founders; i++) {
            b.holding(new Holding("founder-" + i, "common", 100_000L * (1 + r.nextInt(60)), date(r), null));
        }
        int preferred = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(3);
        for (int c = 0; c < preferred; c++) {
            String id = "series-" + (char) ('a' + c);
            Participation participation = Participation.values()[r.nextInt(3)];
            BigDecimal preference = pick(r, "1", "1", "1.5");
            ShareClass cls = new ShareClass(id, ShareClass.Type.PREFERRED, BigDecimal.valueOf(10 + r.nextInt(190), 2),
                    preference, participation, participation == Participation.CAPPED ? preference.add(pick(r, "1", "2")) : null,
                    1 + r.nextInt(3), pick(r, "1", "1", "1.5"),
                    r.nextInt(4) == 0 ? null : new ShareClass.Dividend(pick(r, "0.06", "0.08", "0.12"), true,
                            r.nextBoolean() ? ShareClass.Dividend.Compounding.SIMPLE : ShareClass.Dividend.Compounding.ANNUAL));
            b.shareClass(cls);
            int holders = 1 + r.nextInt(2);
            for (int h = 0; h < holders; h++) {
                b.holding(new Holding("fund-" + r.nextInt(4), id, 50_000L * (1 + r.nextInt(40)), date(r), null));
            }
        }
        int grants = 1 + r.nextInt(4);
        long pool = 0;
        for (int g = 0; g < grants; g++) {
            long shares = 10_000L * (1 + r.nextInt(50));
            pool += shares;
            Vesting vesting = r.nextInt(4) == 0 ? null
                    : new Vesting(LocalDate.of(2025, 1, 1).plusDays(r.nextInt(1500)), 12 * (1 + r.nextInt(4)), r.nextInt(13));
            b.option(new OptionGrant("staff-" + r.nextInt(4), shares, pick(r, "0.05", "0.25", "1", "3"),
                    null, vesting, OptionGrant.Acceleration.values()[r.nextInt(3)]));
        }
        b.optionPool(pool + r.nextInt(100_000));
        int warrants = 1 + r.nextInt(2);
        for (int w = 0; w < warrants; w++) {
            String cls = preferred > 0 && r.nextBoolean() ? "series-a" : "common";
            b.warrant(new Warrant("fund-" + r.nextInt(4), cls, 10_000L * (1 + r.nextInt(20)), pick(r, "0.10", "0.75", "2"),
                    r.nextInt(4) == 0 ? LocalDate.of(2027, 1, 1).plusDays(r.nextInt(1500)) : null));
        }
        int safes = 1 + r.nextInt(3);
        for (int s = 0; s < safes; s++) {
            boolean capped = r.nextInt(5) != 0;
            b.safe(new Safe("angel-" + r.nextInt(3), Money.of(50_000L * (1 + r.nextInt(20))),
                    capped ? Money.of(1_000_000L * (3 + r.nextInt(20))) : null,
                    capped && r.nextBoolean() ? null : new BigDecimal("0.20"),
                    r.nextBoolean() ? Safe.Kind.POST_MONEY : Safe.Kind.PRE_MONEY, date(r),
                    r.nextInt(5) == 0 ? 1 + r.nextInt(4) : null));
        }
        int notes = 1 + r.nextInt(3);
        for (int n = 0; n < notes; n++) {
            b.note(new ConvertibleNote("lender-" + r.nextInt(2), Money.of(25_000L * (1 + r.nextInt(20))),
                    pick(r, "0", "0.06", "0.08", "0.10"), date(r),
                    r.nextInt(4) == 0 ? null : Money.of(1_000_000L * (2 + r.nextInt(20))),
                    null, pick(r, "1", "1", "1.5", "2"), null));
        }
        return new Sale(b.build(), LocalDate.of(2026, 1, 1).plusDays(r.nextInt(5 * 365)), r.nextBoolean());
    }

    /** The same table with every list in another order. */
    static Mso shuffled(Mso mso, long seed) {
        Random r = new Random(seed);
        return new Mso(mso.name(), mso.state(), mso.form(), shuffle(mso.classes(), r), shuffle(mso.holdings(), r),
                mso.optionPool(), shuffle(mso.options(), r), shuffle(mso.warrants(), r), shuffle(mso.safes(), r),
                shuffle(mso.notes(), r), mso.directors(), mso.officers(), mso.staff());
    }

    private static <T> List<T> shuffle(List<T> list, Random r) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, r);
        return copy;
    }

    private static LocalDate date(Random r) {
        return LocalDate.of(2024, 1, 1).plusDays(r.nextInt(1800));
    }

    private static BigDecimal pick(Random r, String... options) {
        return new BigDecimal(options[r.nextInt(options.length)]);
    }
}

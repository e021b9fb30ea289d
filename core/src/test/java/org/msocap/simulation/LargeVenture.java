package org.msocap.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;

/**
 * The large benchmark cap table of PRODUCT.md §6, generated deterministically: 12 preferred classes (mixed
 * seniority, participation and cumulative dividends), 500 holders, 200 option grants at 20 strikes, 5 SAFEs,
 * 3 notes; {@code holders} and counts can be scaled down for exactness tests.
 */
final class LargeVenture {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private LargeVenture() {
    }

    static Mso mso(int holders, int classes, int grants, int strikes, int safes, int notes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Mso.Builder b = Mso.builder().name("Large MSO");
        b.shareClass(ShareClass.common("common"));
        List<String> classIds = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            String id = "series-" + (char) ('a' + c);
            BigDecimal price = BigDecimal.valueOf(50 + 25L * c, 2);
            ShareClass.Participation participation = switch (c % 4) {
                case 1 -> ShareClass.Participation.FULL;
                case 3 -> ShareClass.Participation.CAPPED;
                default -> ShareClass.Participation.NONE;
            };
            ShareClass cls = new ShareClass(id, ShareClass.Type.PREFERRED, price, BigDecimal.ONE, participation,
                    participation == ShareClass.Participation.CAPPED ? new BigDecimal("3") : null, 1 + c / 2, BigDecimal.ONE,
                    c % 3 == 0 ? new ShareClass.Dividend(new BigDecimal("0.08"), true,
                            c % 2 == 0 ? ShareClass.Dividend.Compounding.SIMPLE : ShareClass.Dividend.Compounding.ANNUAL) : null);
            b.shareClass(cls);
            classIds.add(id);
        }
        for (int h = 0; h < holders; h++) {
            String holder = holderId(h);
            LocalDate acquired = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1400));
            if (h % 3 == 0 || classes == 0) {
                b.holding(new Holding(holder, "common", 10_000 + random.nextInt(500_000), acquired, Money.of(100 + random.nextInt(5000))));
            } else {
                String cls = classIds.get(random.nextInt(classIds.size()));
                b.holding(new Holding(holder, cls, 5_000 + random.nextInt(400_000), acquired, null));
            }
        }
        long pool = 0;
        for (int g = 0; g < grants; g++) {
            long shares = 1_000 + random.nextInt(50_000);
            pool += shares;
            BigDecimal strike = BigDecimal.valueOf(10 + 15L * (g % strikes), 2);
            LocalDate start = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1200));
            OptionGrant.Acceleration acc = g % 5 == 0 ? OptionGrant.Acceleration.DOUBLE : OptionGrant.Acceleration.NONE;
            b.option(new OptionGrant(holderId(g % holders % 7 == 0 ? (g + 1) % holders : g % holders), shares, strike, start, new Vesting(start, 48, 12), acc));
        }
        b.optionPool(pool + 100_000);
        b.warrant(new Warrant(holderId(1), "common", 50_000, new BigDecimal("1.00"), null));
        for (int s = 0; s < safes; s++) {
            b.safe(new Safe(holderId(2 + s), Money.of(100_000 + 50_000L * s), Money.of(20_000_000 + 5_000_000L * s), new BigDecimal("0.20"),
                    Safe.Kind.POST_MONEY, LocalDate.of(2024, 6, 1), null));
        }
        for (int n = 0; n < notes; n++) {
            b.note(new ConvertibleNote(holderId(10 + n), Money.of(200_000 + 100_000L * n), new BigDecimal("0.06"),
                    LocalDate.of(2024, 9, 1), Money.of(30_000_000), new BigDecimal("0.20"), BigDecimal.ONE, null));
        }
        return b.build();
    }

    static String holderId(int h) {
        return (h % 7 == 0 ? "fund-" : "holder-") + h;
    }

    /** A venture around the MSO: holders named fund-* are entities, every fifth person a licensed clinician. */
    static Venture venture(Mso mso) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        mso.holdings().forEach(h -> ids.add(h.holder()));
        mso.options().forEach(o -> ids.add(o.holder()));
        mso.warrants().forEach(w -> ids.add(w.holder()));
        mso.safes().forEach(s -> ids.add(s.holder()));
        mso.notes().forEach(n -> ids.add(n.holder()));
        Venture.Builder v = Venture.builder("Large venture").asOf(AS_OF).mso(mso);
        int i = 0;
        for (String id : ids) {
            v.person(id.startsWith("fund") ? Person.entity(id, id)
                    : i % 5 == 0 ? Person.clinician(id, id, License.active("physician", "CA")) : Person.lay(id, id));
            i++;
        }
        return v.build();
    }

    static Venture large() {
        return venture(mso(500, 12, 200, 20, 5, 3, 42));
    }
}

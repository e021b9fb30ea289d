package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.msocap.model.Agreement;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.LicenseStatus;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Distribution;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;

/** The ventures the workbook tests export: the specification's Sunrise Telehealth example, built in Java. */
final class TestVentures {

    private TestVentures() {
    }

    /** The specification's simulation section with {@code runs} runs. */
    static SimulationSpec simulation(int runs) {
        return new SimulationSpec(runs, 42L,
                new Distribution.Uniform(LocalDate.of(2029, 1, 1).toEpochDay(), LocalDate.of(2032, 12, 31).toEpochDay()),
                new Distribution.LogNormal(10, 0.35), new Distribution.Normal(0.18, 0.08), null, null, null, 0.15, List.of());
    }

    static Venture sunrise() {
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        Person bob = new Person("dr-bob", "Robert Diaz, MD", Person.Type.PERSON,
                List.of(new License("physician", "CA", LicenseStatus.ACTIVE, LocalDate.of(2027, 6, 30))), true, false);
        Mso mso = Mso.builder()
                .name("Sunrise Health Management, LLC").state("DE").form(Mso.Form.LLC)
                .shareClass(ShareClass.common("common"))
                .shareClass(ShareClass.preferred("series-a", new BigDecimal("2.00"), 2)
                        .withParticipation(ShareClass.Participation.NONE, null))
                .holding(new Holding("alice", "common", 6_000_000, LocalDate.of(2024, 1, 15), Money.of(600)))
                .holding(new Holding("dr-bob", "common", 1_500_000, LocalDate.of(2024, 1, 15), Money.of(150)))
                .holding(new Holding("harbor-fund", "series-a", 1_000_000, LocalDate.of(2025, 3, 1), null))
                .optionPool(1_500_000)
                .option(new OptionGrant("carol", 200_000, new BigDecimal("0.25"), LocalDate.of(2025, 1, 1),
                        new Vesting(LocalDate.of(2025, 1, 1), 48, 12), OptionGrant.Acceleration.DOUBLE))
                .warrant(new Warrant("harbor-fund", "common", 50_000, new BigDecimal("1.00"), null))
                .safe(new Safe("angel", Money.of(250_000), Money.of(8_000_000), new BigDecimal("0.20"), Safe.Kind.POST_MONEY,
                        LocalDate.of(2024, 6, 1), null))
                .note(new ConvertibleNote("angel-two", Money.of(100_000), new BigDecimal("0.06"), LocalDate.of(2024, 6, 1),
                        Money.of(6_000_000), new BigDecimal("0.20"), BigDecimal.ONE, null))
                .director("alice").director("dr-bob").officer("ceo", "alice")
                .build();
        Practice practice = Practice.builder("sunrise-ca", "Sunrise Medical Group of California, P.C.", "CA")
                .form(Practice.Form.PC).profession("physician")
                .shareholder("dr-bob", 1000)
                .director("dr-bob").officer("president", "dr-bob").officer("secretary", "dr-bob")
                .transferRestriction(new Practice.TransferRestriction(true, true, Money.of(1000)))
                .service("primary-care").patientState("CA")
                .build();
        Agreement msa = new Agreement("msa-ca", Agreement.Type.MANAGEMENT_SERVICES, "sunrise-ca",
                FeeTerms.fixed(Money.of(85_000), new BigDecimal("0.03")), true,
                List.of("billing", "staffing", "it", "real-estate", "marketing", "payer-contracting"), List.of(), false, 60, true);
        Financials financials = new Financials(asOf, 5,
                Map.of("sunrise-ca", new Financials.PracticeFinancials(Money.of(4_000_000), new BigDecimal("0.20"),
                        new BigDecimal("0.45"), Money.of(250_000), new BigDecimal("0.30"))),
                new Financials.MsoFinancials(Money.of(600_000), new BigDecimal("0.05"), Money.of(150_000)));
        ExitScenario strategic = new ExitScenario("Strategic sale", LocalDate.of(2030, 12, 31), null, new BigDecimal("12"), null,
                ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.03")),
                new ExitScenario.Escrow(new BigDecimal("0.10"), 18, new BigDecimal("0.9")),
                new ExitScenario.CarveOut(new BigDecimal("0.05"), Map.of("alice", new BigDecimal("0.5"), "carol", new BigDecimal("0.5"))),
                new ExitScenario.Earnout(Money.of(5_000_000), new BigDecimal("0.4")), true);
        ExitScenario small = ExitScenario.atValue("Modest sale", LocalDate.of(2028, 6, 30), Money.of(12_000_000));
        return Venture.builder("Sunrise Telehealth").currency("USD").asOf(asOf)
                .person(Person.lay("alice", "Alice Chen"))
                .person(bob)
                .person(Person.entity("harbor-fund", "Harbor Seed Fund I, LP"))
                .person(Person.lay("carol", "Carol Okafor"))
                .person(Person.lay("angel", "Dana Angel"))
                .person(Person.lay("angel-two", "Evan Second"))
                .mso(mso).practice(practice).agreement(msa).financials(financials)
                .exit(strategic).exit(small)
                .simulation(simulation(500))
                .build();
    }

    /**
     * A harder waterfall: a cumulative dividend, a capped participating senior class held by two investors,
     * options at two strikes, a SAFE and a note; no fee model, exits at given values.
     */
    static Venture layered(boolean investorsBoughtTogether) {
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        LocalDate seriesB = LocalDate.of(2025, 6, 1);
        Mso mso = Mso.builder()
                .name("Layered Health MSO, Inc.").state("DE").form(Mso.Form.C_CORP)
                .shareClass(ShareClass.common("common"))
                .shareClass(new ShareClass("series-a", ShareClass.Type.PREFERRED, new BigDecimal("1.00"), BigDecimal.ONE,
                        ShareClass.Participation.NONE, null, 1, BigDecimal.ONE,
                        new ShareClass.Dividend(new BigDecimal("0.08"), true, ShareClass.Dividend.Compounding.SIMPLE)))
                .shareClass(new ShareClass("series-b", ShareClass.Type.PREFERRED, new BigDecimal("3.00"), new BigDecimal("1.5"),
                        ShareClass.Participation.CAPPED, new BigDecimal("3.0"), 2, new BigDecimal("1.25"),
                        new ShareClass.Dividend(new BigDecimal("0.06"), true, ShareClass.Dividend.Compounding.ANNUAL)))
                .holding(new Holding("founder", "common", 5_000_000, LocalDate.of(2023, 1, 1), Money.of(500)))
                .holding(new Holding("doc", "common", 1_000_000, LocalDate.of(2023, 1, 1), Money.of(100)))
                .holding(new Holding("fund-a", "series-a", 2_000_000, LocalDate.of(2024, 3, 1), null))
                .holding(new Holding("fund-b", "series-b", 800_000, seriesB, null))
                .holding(new Holding("angel", "series-b", 200_000, investorsBoughtTogether ? seriesB : LocalDate.of(2025, 9, 15), null))
                .optionPool(1_000_000)
                .option(new OptionGrant("emp", 300_000, new BigDecimal("0.40"), LocalDate.of(2024, 1, 1),
                        new Vesting(LocalDate.of(2024, 1, 1), 48, 12), OptionGrant.Acceleration.SINGLE))
                .option(new OptionGrant("emp2", 150_000, new BigDecimal("2.10"), LocalDate.of(2025, 1, 1), null, null))
                .safe(new Safe("angel", Money.of(300_000), Money.of(15_000_000), null, Safe.Kind.POST_MONEY, LocalDate.of(2024, 6, 1), null))
                .note(new ConvertibleNote("fund-a", Money.of(250_000), new BigDecimal("0.05"), LocalDate.of(2024, 9, 1),
                        Money.of(12_000_000), null, new BigDecimal("1.5"), null))
                .director("founder")
                .build();
        return Venture.builder("Layered Health").asOf(asOf)
                .person(Person.lay("founder", "Fran Founder"))
                .person(Person.clinician("doc", "Dana Doc, MD", License.active("physician", "TX")))
                .person(Person.entity("fund-a", "Fund A, LP"))
                .person(Person.entity("fund-b", "Fund B, LP"))
                .person(Person.lay("angel", "Angel Investor"))
                .person(Person.lay("emp", "Employee One"))
                .person(Person.lay("emp2", "Employee Two"))
                .mso(mso)
                .exit(ExitScenario.atValue("Sale in 2028", LocalDate.of(2028, 3, 31), Money.of(30_000_000)))
                .exit(ExitScenario.atValue("Big sale in 2029", LocalDate.of(2029, 9, 30), Money.of(90_000_000)))
                .build();
    }

    /**
     * A cap table the size of PRODUCT.md §6's benchmark table: {@code classes} preferred classes, {@code holders}
     * holders, {@code grants} option grants at {@code strikes} strikes; exits at given values, no fee model.
     */
    static Venture large(int classes, int holders, int grants, int strikes) {
        java.util.Random random = new java.util.Random(7);
        Mso.Builder mso = Mso.builder().name("Large MSO").shareClass(ShareClass.common("common"));
        for (int c = 1; c <= classes; c++) {
            ShareClass cls = ShareClass.preferred("series-" + c, new BigDecimal(c).divide(new BigDecimal(4)).add(BigDecimal.ONE),
                    1 + c / 3);
            if (c % 4 == 0) {
                cls = cls.withParticipation(ShareClass.Participation.FULL, null);
            } else if (c % 4 == 1) {
                cls = cls.withParticipation(ShareClass.Participation.CAPPED, new BigDecimal("2.5"));
            }
            mso.shareClass(cls);
        }
        Venture.Builder venture = Venture.builder("Large Venture").asOf(LocalDate.of(2026, 1, 1));
        for (int h = 0; h < holders; h++) {
            String id = "holder-" + h;
            venture.person(h % 14 == 0 ? Person.entity(id, "Fund " + h) : Person.lay(id, "Holder " + h));
            String cls = h % 3 == 0 ? "common" : "series-" + (1 + h % classes);
            mso.holding(new Holding(id, cls, 10_000 + random.nextInt(200_000), LocalDate.of(2024, 1, 1), null));
        }
        long pool = 0;
        for (int g = 0; g < grants; g++) {
            long shares = 1_000 + random.nextInt(20_000);
            pool += shares;
            mso.option(new OptionGrant("holder-" + ((g * 7 % holders) | 1), shares, new BigDecimal(g % strikes + 1).divide(new BigDecimal(10)),
                    LocalDate.of(2024, 1, 1), new Vesting(LocalDate.of(2024, 1, 1), 48, 12), OptionGrant.Acceleration.NONE));
        }
        mso.optionPool(pool + 100_000);
        return venture.mso(mso.build())
                .exit(ExitScenario.atValue("Exit", LocalDate.of(2029, 6, 30), Money.of(250_000_000)))
                .build();
    }
}

package org.msocap.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.msocap.model.Agreement;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.LicenseStatus;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * The four example ventures of the compliance checks, built with the Java API. Each mirrors the YAML file of
 * the same name in src/test/resources/org/msocap/compliance (the file format's reader is built elsewhere);
 * keep the two in step.
 */
final class ExampleVentures {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

    private ExampleVentures() {
    }

    private static Person physician(String id, String name, String state, LocalDate expires) {
        return Person.clinician(id, name, new License("physician", state, LicenseStatus.ACTIVE, expires));
    }

    private static Holding holding(String holder, String cls, long shares, LocalDate acquired, String cost) {
        return new Holding(holder, cls, shares, acquired, cost == null ? null : Money.parse(cost));
    }

    private static Agreement msa(String id, String practice, FeeTerms fee, List<String> services, int termMonths) {
        return new Agreement(id, Agreement.Type.MANAGEMENT_SERVICES, practice, fee, true, services, List.of(), false, termMonths, true);
    }

    /** new-york-percentage-fee.yaml */
    static Venture newYorkPercentageFee() {
        Mso mso = Mso.builder().name("Empire Skin Management, LLC").state("DE").form(Mso.Form.LLC)
                .shareClass(ShareClass.common("common"))
                .holding(holding("maya-reyes", "common", 6_000_000, LocalDate.of(2025, 2, 1), "60000"))
                .holding(holding("hudson-seed", "common", 3_000_000, LocalDate.of(2025, 6, 1), "30000"))
                .holding(holding("dr-okafor", "common", 1_000_000, LocalDate.of(2025, 6, 1), "10000"))
                .director("maya-reyes").officer("ceo", "maya-reyes").build();
        Practice practice = Practice.builder("empire-derm", "Empire Dermatology, P.C.", "NY").form(Practice.Form.PC)
                .profession("physician").shareholder("dr-okafor", 600).shareholder("dr-lindqvist", 400)
                .director("dr-okafor").director("dr-lindqvist").officer("president", "dr-okafor")
                .officer("secretary", "dr-lindqvist").service("dermatology").patientState("NY").build();
        return Venture.builder("Empire Skin Health").currency("USD").asOf(AS_OF)
                .person(Person.lay("maya-reyes", "Maya Reyes"))
                .person(physician("dr-okafor", "Chidi Okafor, MD", "NY", LocalDate.of(2027, 10, 31)).withRefersPatients(true))
                .person(physician("dr-lindqvist", "Anna Lindqvist, MD", "NY", LocalDate.of(2028, 4, 30)))
                .person(Person.entity("hudson-seed", "Hudson Seed Partners II, LP"))
                .mso(mso).practice(practice)
                .agreement(msa("msa-empire", "empire-derm", FeeTerms.percentOfCollections(new BigDecimal("0.06")),
                        List.of("billing", "staffing", "it", "real-estate", "marketing"), 60))
                .financials(new Financials(LocalDate.of(2026, 1, 1), 5, Map.of("empire-derm", new Financials.PracticeFinancials(
                        Money.parse("3.2M"), new BigDecimal("0.12"), new BigDecimal("0.42"), Money.parse("180k"),
                        new BigDecimal("0.18"))), new Financials.MsoFinancials(Money.parse("900k"), new BigDecimal("0.04"), Money.ZERO)))
                .build();
    }

    /** oregon-founder-directs-practice.yaml */
    static Venture oregonFounderDirectsPractice() {
        Mso mso = Mso.builder().name("Cascade Health Services, LLC").state("OR").form(Mso.Form.LLC)
                .shareClass(ShareClass.common("common"))
                .holding(holding("dr-park", "common", 5_500_000, LocalDate.of(2025, 8, 1), "55000"))
                .holding(holding("tom-berg", "common", 3_500_000, LocalDate.of(2025, 8, 1), "35000"))
                .holding(holding("willamette-angels", "common", 1_000_000, LocalDate.of(2025, 11, 1), "10000"))
                .director("dr-park").director("tom-berg").officer("ceo", "dr-park").officer("coo", "tom-berg").build();
        Practice practice = Practice.builder("cascade-pc", "Cascade Family Medicine, P.C.", "OR").form(Practice.Form.PC)
                .profession("physician").shareholder("dr-park", 1000).director("dr-park").officer("president", "dr-park")
                .transferRestriction(new Practice.TransferRestriction(true, false, Money.of(100)))
                .service("primary-care").patientState("OR").build();
        return Venture.builder("Cascade Family Medicine").currency("USD").asOf(AS_OF)
                .person(physician("dr-park", "Lena Park, MD", "OR", LocalDate.of(2027, 12, 31)).withRefersPatients(true))
                .person(Person.lay("tom-berg", "Tom Berg"))
                .person(Person.entity("willamette-angels", "Willamette Angels Fund I, LLC"))
                .mso(mso).practice(practice)
                .agreement(msa("msa-cascade", "cascade-pc", FeeTerms.fixed(Money.of(65_000), new BigDecimal("0.03")),
                        List.of("billing", "staffing", "it", "real-estate"), 60))
                .build();
    }

    /** california-psychologist-half-owner.yaml */
    static Venture californiaPsychologistHalfOwner() {
        Mso mso = Mso.builder().name("Golden State Behavioral Management, Inc.").state("DE").form(Mso.Form.C_CORP)
                .shareClass(ShareClass.common("common"))
                .holding(holding("sam-cole", "common", 8_000_000, LocalDate.of(2025, 4, 1), "8000"))
                .director("sam-cole").officer("ceo", "sam-cole").build();
        Practice practice = Practice.builder("gsbh-medical", "Golden State Behavioral Health Medical Group, Inc.", "CA")
                .form(Practice.Form.MEDICAL_CORPORATION).profession("physician")
                .shareholder("dr-nguyen", 500).shareholder("dr-alvarez", 500).director("dr-nguyen").director("dr-alvarez")
                .officer("president", "dr-nguyen").officer("secretary", "dr-alvarez")
                .service("psychiatry").service("psychotherapy").patientState("CA").build();
        return Venture.builder("Golden State Behavioral Health").currency("USD").asOf(AS_OF)
                .person(physician("dr-nguyen", "Linh Nguyen, MD", "CA", LocalDate.of(2027, 8, 31)))
                .person(Person.clinician("dr-alvarez", "Rosa Alvarez, PsyD",
                        new License("psychologist", "CA", LicenseStatus.ACTIVE, LocalDate.of(2027, 5, 31))))
                .person(Person.lay("sam-cole", "Sam Cole"))
                .mso(mso).practice(practice)
                .agreement(msa("msa-gsbh", "gsbh-medical", FeeTerms.fixed(Money.of(40_000), new BigDecimal("0.03")),
                        List.of("billing", "staffing", "it", "real-estate"), 36))
                .exit(new ExitScenario("Sale to a national platform", LocalDate.of(2028, 6, 30), Money.parse("24M"), null, null,
                        ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.03")), null, null, null, false))
                .build();
    }

    /** florida-clean.yaml */
    static Venture floridaClean() {
        Mso mso = Mso.builder().name("Sunshine Pediatric Management, LLC").state("FL").form(Mso.Form.LLC)
                .shareClass(ShareClass.common("common"))
                .shareClass(ShareClass.preferred("series-a", new BigDecimal("1.50"), 1))
                .holding(holding("jordan-lee", "common", 4_500_000, LocalDate.of(2025, 1, 10), "4500"))
                .holding(holding("priya-shah", "common", 3_500_000, LocalDate.of(2025, 1, 10), "3500"))
                .holding(holding("dr-brooks", "common", 1_000_000, LocalDate.of(2025, 1, 10), "1000"))
                .holding(holding("gulf-ventures", "series-a", 2_000_000, LocalDate.of(2025, 9, 15), null))
                .director("jordan-lee").director("priya-shah").officer("ceo", "jordan-lee").officer("cfo", "priya-shah").build();
        Practice practice = Practice.builder("sunshine-pa", "Sunshine Pediatrics, P.A.", "FL").form(Practice.Form.PA)
                .profession("physician").shareholder("dr-brooks", 1000).director("dr-brooks").officer("president", "dr-brooks")
                .service("pediatrics").patientState("FL").build();
        return Venture.builder("Sunshine Pediatrics").currency("USD").asOf(AS_OF)
                .person(Person.lay("jordan-lee", "Jordan Lee"))
                .person(Person.lay("priya-shah", "Priya Shah"))
                .person(physician("dr-brooks", "Evan Brooks, MD", "FL", LocalDate.of(2028, 1, 31)).withRefersPatients(true))
                .person(Person.entity("gulf-ventures", "Gulf Coast Ventures III, LP"))
                .mso(mso).practice(practice)
                .agreement(msa("msa-sunshine", "sunshine-pa", FeeTerms.fixed(Money.of(70_000), new BigDecimal("0.025")),
                        List.of("billing", "staffing", "it", "real-estate"), 60))
                .financials(new Financials(LocalDate.of(2026, 1, 1), 5, Map.of("sunshine-pa", new Financials.PracticeFinancials(
                        Money.parse("3.6M"), new BigDecimal("0.10"), new BigDecimal("0.45"), Money.parse("220k"),
                        new BigDecimal("0.12"))), new Financials.MsoFinancials(Money.parse("650k"), new BigDecimal("0.04"), Money.ZERO)))
                .exit(new ExitScenario("Strategic sale", LocalDate.of(2030, 6, 30), null, new BigDecimal("10"), null,
                        ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.03")), null, null, null, false))
                .build();
    }
}

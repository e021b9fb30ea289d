package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.msocap.money.Money;

/** Small ventures built through the Java API, shared by model and cap-table tests. */
public final class Fixtures {

    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private Fixtures() {
    }

    public static Venture.Builder sunrise() {
        return Venture.builder("Sunrise Telehealth").asOf(AS_OF)
                .person(Person.lay("alice", "Alice Chen"))
                .person(Person.clinician("dr-bob", "Robert Diaz, MD",
                        new License("physician", "CA", LicenseStatus.ACTIVE, LocalDate.of(2027, 6, 30))))
                .person(Person.lay("carol", "Carol Nguyen"))
                .person(Person.entity("harbor-fund", "Harbor Seed Fund I, LP"))
                .mso(Mso.builder().name("Sunrise Health Management, LLC").state("DE")
                        .shareClass(ShareClass.common("common"))
                        .shareClass(ShareClass.preferred("series-a", new BigDecimal("2.00"), 1))
                        .holding("alice", "common", 6_000_000)
                        .holding("dr-bob", "common", 500_000)
                        .holding("harbor-fund", "series-a", 1_000_000)
                        .optionPool(1_500_000)
                        .option(OptionGrant.of("carol", 200_000, new BigDecimal("0.25"),
                                new Vesting(LocalDate.of(2025, 1, 1), 48, 12)))
                        .build())
                .practice(Practice.builder("sunrise-ca", "Sunrise Medical Group of California, P.C.", "CA")
                        .shareholder("dr-bob", 1000).director("dr-bob").officer("president", "dr-bob").build())
                .agreement(Agreement.msa("msa-ca", "sunrise-ca", FeeTerms.fixed(Money.of(85_000), new BigDecimal("0.03"))));
    }
}

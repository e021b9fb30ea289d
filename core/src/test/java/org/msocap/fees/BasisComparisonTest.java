package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msocap.fees.FeeFixtures.financials;
import static org.msocap.fees.FeeFixtures.managed;
import static org.msocap.fees.FeeFixtures.mso;
import static org.msocap.fees.FeeFixtures.terms;
import static org.msocap.fees.FeeFixtures.venture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.fees.BasisComparison.Alternative;
import org.msocap.fees.BasisComparison.Source;
import org.msocap.model.FeeTerms;
import org.msocap.model.FeeTerms.Basis;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * Comparing fee bases for practice pc-a (collections 1,200,000 growing 10%, clinician compensation 40%, practice
 * costs 240,000; profit before fee 480,000 in year 1 and 552,000 in year 2, 1,032,000 in all) under a fixed fee of
 * 30,000 a month escalating 3% (360,000 in year 1, 370,800 in year 2, 730,800 in all). The MSO is its only client;
 * its costs are 240,000 then 252,000 (492,000 in all).
 */
class BasisComparisonTest {

    private static final Venture VENTURE = venture(2, mso(240_000, "0.05", 0),
            managed("pc-a", financials(1_200_000, "0.10", "0.40", 240_000, "0"), terms(Basis.FIXED, 30_000, "0.03", "0", "0")));

    private static Alternative of(BasisComparison c, Basis basis) {
        return c.alternatives().stream().filter(a -> a.terms().basis() == basis).findFirst().orElseThrow();
    }

    @Test
    void everyBasisCalibratedToTheAgreementsFirstYear() {
        BasisComparison c = FeeProjector.DEFAULT.compareBases(VENTURE, "pc-a");
        assertThat(c.agreementId()).isEqualTo("msa-pc-a");
        assertThat(c.alternatives()).extracting(a -> a.terms().basis()).containsExactly(Basis.values());

        // The agreement itself: fee 730,800, practice keeps 1,032,000 − 730,800 = 301,200, MSO EBITDA 730,800 − 492,000 = 238,800
        Alternative fixed = of(c, Basis.FIXED);
        assertThat(fixed.source()).isEqualTo(Source.AGREEMENT);
        assertThat(fixed.feeToMso()).isEqualTo(Money.of(730_800));
        assertThat(fixed.leftToPractice()).isEqualTo(Money.of(301_200));
        assertThat(fixed.msoEbitda()).isEqualTo(Money.of(238_800));

        // % of collections: 360,000 / 1,200,000 = 30%; year 2 30% × 1,320,000 = 396,000 → 756,000; practice keeps 276,000
        Alternative poc = of(c, Basis.PERCENT_OF_COLLECTIONS);
        assertThat(poc.source()).isEqualTo(Source.EQUIVALENT);
        assertThat(poc.terms().percent()).isEqualByComparingTo("0.3");
        assertThat(poc.feeToMso()).isEqualTo(Money.of(756_000));
        assertThat(poc.leftToPractice()).isEqualTo(Money.of(276_000));

        // % of net: 360,000 / 480,000 = 75%; year 2 75% × 552,000 = 414,000 → 774,000; practice keeps 258,000
        Alternative pon = of(c, Basis.PERCENT_OF_NET);
        assertThat(pon.terms().percent()).isEqualByComparingTo("0.75");
        assertThat(pon.feeToMso()).isEqualTo(Money.of(774_000));
        assertThat(pon.leftToPractice()).isEqualTo(Money.of(258_000));

        // Cost-plus: 360,000 / 240,000 − 1 = 50% markup; year 2 252,000 × 1.5 = 378,000 → 738,000
        Alternative costPlus = of(c, Basis.COST_PLUS);
        assertThat(costPlus.terms().markup()).isEqualByComparingTo("0.5");
        assertThat(costPlus.feeToMso()).isEqualTo(Money.of(738_000));

        // Hybrid: half fixed (360,000 / 24 = 15,000 a month, escalating 3%), half percent ((360,000 − 180,000) / 1,200,000 = 15%)
        //   year 2: 12 × (15,450 + 15% × 110,000) = 12 × (15,450 + 16,500) = 383,400 → 743,400
        Alternative hybrid = of(c, Basis.HYBRID);
        assertThat(hybrid.terms().monthly()).isEqualTo(Money.of(15_000));
        assertThat(hybrid.terms().percent()).isEqualByComparingTo("0.15");
        assertThat(hybrid.feeToMso()).isEqualTo(Money.of(743_400));

        // Residual: the MSO takes all 1,032,000, the practice keeps nothing; MSO EBITDA 1,032,000 − 492,000 = 540,000
        Alternative residual = of(c, Basis.RESIDUAL);
        assertThat(residual.feeToMso()).isEqualTo(Money.of(1_032_000));
        assertThat(residual.leftToPractice()).isEqualTo(Money.ZERO);
        assertThat(residual.msoEbitda()).isEqualTo(Money.of(540_000));
        assertThat(residual.metrics().feeShareOfProfit()).isEqualByComparingTo("1");
    }

    @Test
    void agreementParametersAreUsedWhereTheAgreementHasThem() {
        // A hybrid agreement has a monthly part, an escalator and a percent: fixed, % of collections, % of net and hybrid
        // all take them as they are.
        Venture v = venture(1, mso(120_000, "0", 0),
                managed("pc-a", financials(1_200_000, "0", "0.40", 240_000, "0"), terms(Basis.HYBRID, 10_000, "0.03", "0.10", "0.2")));
        BasisComparison c = FeeProjector.DEFAULT.compareBases(v, "pc-a");
        assertThat(of(c, Basis.HYBRID).source()).isEqualTo(Source.AGREEMENT);
        // fixed 10,000 × 12 = 120,000; 10% of 1,200,000 = 120,000; 10% of 480,000 = 48,000; cost-plus 120,000 × 1.2 = 144,000
        assertThat(of(c, Basis.FIXED).source()).isEqualTo(Source.AGREEMENT_PARAMETERS);
        assertThat(of(c, Basis.FIXED).feeToMso()).isEqualTo(Money.of(120_000));
        assertThat(of(c, Basis.PERCENT_OF_COLLECTIONS).feeToMso()).isEqualTo(Money.of(120_000));
        assertThat(of(c, Basis.PERCENT_OF_NET).feeToMso()).isEqualTo(Money.of(48_000));
        assertThat(of(c, Basis.COST_PLUS).feeToMso()).isEqualTo(Money.of(144_000));
    }

    @Test
    void statedTermsAreComparedWithTheAgreement() {
        // 20% of collections over 1,200,000 + 1,320,000 = 2,520,000 → 504,000
        BasisComparison c = FeeProjector.DEFAULT.compareBases(VENTURE, "pc-a",
                List.of(FeeTerms.percentOfCollections(new BigDecimal("0.2"))));
        assertThat(c.alternatives()).extracting(Alternative::source).containsExactly(Source.AGREEMENT, Source.STATED);
        assertThat(c.alternatives().get(1).feeToMso()).isEqualTo(Money.of(504_000));
    }

    @Test
    void basesWithNoMeaningfulEquivalentAreLeftOut() {
        // A residual agreement on a practice that never makes a profit charges nothing, so no fixed or percentage fee is
        // "equivalent" to it; cost-plus at cost (markup 0) and residual itself remain.
        Venture v = venture(1, mso(120_000, "0", 0), managed("pc-a", financials(1_200_000, "0", "0.9", 240_000, "0"),
                new FeeTerms(Basis.RESIDUAL, null, null, null, null)));
        BasisComparison c = FeeProjector.DEFAULT.compareBases(v, "pc-a");
        assertThat(c.alternatives()).extracting(a -> a.terms().basis()).containsExactly(Basis.COST_PLUS, Basis.RESIDUAL);
        assertThat(of(c, Basis.COST_PLUS).terms().markup()).isEqualByComparingTo("0");
    }

    @Test
    void comparingEveryPracticeAtOnceEqualsProjectingTheWholeVentureForEachAlternative() {
        // Four practices under every kind of terms, one of them losing money (so percent-of-net and residual fees are
        // zero in some months), a three-year projection, both cost drivers: the shortcut (only the compared practice is
        // projected again) must give exactly what re-projecting the whole venture under each alternative gives.
        Venture v = venture(3, mso(900_000, "0.04", 0),
                managed("pc-a", financials(1_200_000, "0.10", "0.40", 240_000, "0.05"), terms(Basis.FIXED, 30_000, "0.03", "0", "0")),
                managed("pc-b", financials(2_345_678, "0.07", "0.45", 310_000, "0"), terms(Basis.PERCENT_OF_COLLECTIONS, 0, "0", "0.27", "0")),
                managed("pc-c", financials(700_001, "-0.20", "0.80", 200_000, "0"), terms(Basis.HYBRID, 5_000, "0.02", "0.11", "0")),
                managed("pc-d", financials(1_999_999, "0.15", "0.35", 180_000, "0.1"), new FeeTerms(Basis.COST_PLUS, null, null, null, new BigDecimal("0.13"))));
        FeeModel model = FeeModel.resolve(v);
        for (FeeProjector projector : List.of(FeeProjector.DEFAULT, new FeeProjector(CostAllocationDriver.EQUAL))) {
            List<BasisComparison> all = projector.compareBases(model);
            assertThat(all).extracting(BasisComparison::practiceId).containsExactly("pc-a", "pc-b", "pc-c", "pc-d");
            for (BasisComparison c : all) {
                assertThat(c).isEqualTo(reprojectingEverything(projector, model, c.practiceId()));
                if (projector == FeeProjector.DEFAULT) {
                    assertThat(FeeProjector.DEFAULT.compareBases(v, c.practiceId())).isEqualTo(c);
                }
            }
        }
    }

    /** The comparison the plain way: the whole venture projected again under each alternative. */
    private static BasisComparison reprojectingEverything(FeeProjector projector, FeeModel model, String practiceId) {
        FeeModel.ManagedPractice practice = model.practice(practiceId);
        Projection agreed = projector.projectYears(model, model.years());
        PracticeProjection rows = agreed.practice(practiceId).orElseThrow();
        PracticePeriod firstYear = new PracticeProjection(practiceId, rows.agreementId(), rows.terms(), rows.referredByInvestors(),
                rows.rows().subList(0, 12)).total();
        List<Alternative> alternatives = new ArrayList<>();
        for (Basis basis : Basis.values()) {
            BasisComparison.Candidate candidate = BasisComparison.candidate(basis, practice.terms(), firstYear);
            if (candidate != null) {
                Projection p = projector.projectYears(model.withTerms(practiceId, candidate.terms()), model.years());
                alternatives.add(new Alternative(candidate.terms(), candidate.source(), p.practice(practiceId).orElseThrow().metrics(),
                        p.msoTotal().ebitda()));
            }
        }
        return new BasisComparison(practiceId, practice.agreementId(), practice.terms(), alternatives);
    }
}

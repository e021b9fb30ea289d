package org.msocap.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.fees.FeeModel;
import org.msocap.fees.Valuator;
import org.msocap.io.VentureReader;
import org.msocap.model.Agreement;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** The per-run closed form equals the fee package's projection and valuation to the cent. */
class ProjectedExitValueTest {

    static Venture sunrise() {
        return VentureReader.read(Path.of("../examples/ventures/sunrise-telehealth.yaml"));
    }

    /** Sunrise with the four practices on the other bases: percent of net, hybrid, residual, and cost-plus kept. */
    static Venture otherBases() {
        Venture v = sunrise();
        List<Agreement> next = new ArrayList<>();
        for (Agreement a : v.agreements()) {
            FeeTerms fee = switch (a.practice()) {
                case "sunrise-ca" -> new FeeTerms(FeeTerms.Basis.PERCENT_OF_NET, null, null, new BigDecimal("0.55"), null);
                case "sunrise-tx" -> new FeeTerms(FeeTerms.Basis.HYBRID, Money.of(20_000), new BigDecimal("0.025"), new BigDecimal("0.07"), null);
                case "sunrise-ny" -> new FeeTerms(FeeTerms.Basis.RESIDUAL, null, null, null, null);
                default -> a.fee();
            };
            next.add(new Agreement(a.id(), a.type(), a.practice(), fee, a.fmvOpinion(), a.services(), a.msoControls(), a.noncompete(),
                    a.termMonths(), a.signed()));
        }
        Venture.Builder b = v.toBuilder();
        Venture rebuilt = rebuild(b, next);
        return rebuilt;
    }

    private static Venture rebuild(Venture.Builder b, List<Agreement> agreements) {
        Venture base = b.build();
        Venture.Builder fresh = Venture.builder(base.name()).currency(base.currency()).asOf(base.asOf()).mso(base.mso())
                .financials(base.financials()).simulation(base.simulation()).people(base.people()).practices(base.practices());
        agreements.forEach(fresh::agreement);
        base.exits().forEach(fresh::exit);
        return fresh.build();
    }

    /** The venture as the fee engine would see one run: every practice's growth and compensation replaced. */
    static Venture withDrivers(Venture v, double growth, double comp) {
        Map<String, PracticeFinancials> practices = new LinkedHashMap<>();
        v.financials().practices().forEach((id, f) -> practices.put(id, new PracticeFinancials(f.collections(),
                Double.isNaN(growth) ? f.growth() : new BigDecimal(growth),
                Double.isNaN(comp) ? f.clinicianComp() : new BigDecimal(comp), f.otherCosts(), f.referredByInvestors())));
        Financials f = v.financials();
        return v.toBuilder().financials(new Financials(f.start(), f.years(), practices, f.mso())).build();
    }

    @Test
    void equalsTheFeeEngineWithFixedPercentOfCollectionsAndHybridFeesSummedByWindow() {
        assertMatchesValuator(windowBases());
    }

    private static void assertMatchesValuator(Venture v) {
        ProjectedExitValue fast = ProjectedExitValue.of(FeeModel.resolve(v));
        RandomStream random = RandomStream.forRun(42, 0);
        for (int i = 0; i < 40; i++) {
            LocalDate date = LocalDate.of(2027, 1, 1).plusDays((long) (random.nextDouble() * 365 * 6));
            double growth = i % 5 == 0 ? Double.NaN : 0.18 + 0.1 * (random.nextDouble() - 0.5);
            double comp = i % 3 == 0 ? Double.NaN : 0.40 + 0.1 * random.nextDouble();
            double multiple = 6 + 8 * random.nextDouble();
            Venture run = withDrivers(v, growth, comp);
            ExitScenario exit = new ExitScenario("run", date, null, new BigDecimal(multiple), null, null, null, null, null, false);
            Money expected = Valuator.DEFAULT.value(run, exit).enterpriseValue();
            long ttm = Valuator.DEFAULT.trailingTwelveMonths(FeeModel.resolve(run), date, "date").ebitda().cents();
            assertThat(fast.ttmEbitdaCents((int) date.toEpochDay(), growth, comp)).as("TTM EBITDA on " + date).isEqualTo(ttm);
            assertThat(fast.enterpriseValueCents((int) date.toEpochDay(), multiple, growth, comp)).as("EV on " + date)
                    .isEqualTo(expected.cents());
        }
    }

    @Test
    void equalsTheFeeEngineWithFixedPercentOfCollectionsAndCostPlusFees() {
        assertMatchesValuator(sunrise());
    }

    @Test
    void equalsTheFeeEngineWithPercentOfNetHybridAndResidualFees() {
        assertMatchesValuator(otherBases());
    }

    /** Sunrise with its percent-of-collections and cost-plus practices on hybrid and percent-of-collections fees. */
    static Venture windowBases() {
        Venture v = sunrise();
        List<Agreement> next = new ArrayList<>();
        for (Agreement a : v.agreements()) {
            FeeTerms fee = a.fee().basis() == FeeTerms.Basis.COST_PLUS
                    ? new FeeTerms(FeeTerms.Basis.HYBRID, Money.of(20_000), new BigDecimal("0.025"), new BigDecimal("0.07"), null)
                    : a.fee().basis() == FeeTerms.Basis.FIXED ? a.fee()
                    : FeeTerms.percentOfCollections(new BigDecimal("0.35"));
            next.add(new Agreement(a.id(), a.type(), a.practice(), fee, a.fmvOpinion(), a.services(), a.msoControls(), a.noncompete(),
                    a.termMonths(), a.signed()));
        }
        return rebuild(v.toBuilder(), next);
    }

    /**
     * The trailing twelve months summed by window (fixed, percent-of-collections and hybrid fees) equal the month-by-month
     * sum to the cent, over many draws: growth drawn near every tie and far out, dates over the whole projection.
     */
    @Test
    void windowSumsEqualTheMonthByMonthProjection() {
        for (Venture v : List.of(windowBases(), VentureReader.read(Path.of("../benchmarks/ten-class.yaml")),
                VentureReader.read(Path.of("../examples/ventures/chiro-md-integrated.yaml")))) {
            ProjectedExitValue fast = ProjectedExitValue.of(FeeModel.resolve(v));
            assertThat(fast.byWindow()).isTrue();
            java.util.SplittableRandom random = new java.util.SplittableRandom(17);
            LocalDate first = LocalDate.ofEpochDay(fast.earliestExitDay());
            for (int i = 0; i < 200_000; i++) {
                int day = (int) first.plusDays(random.nextInt(365 * (i % 10 == 0 ? 40 : 6))).toEpochDay();
                double growth = switch (i % 4) {
                    case 0 -> Double.NaN;
                    case 1 -> random.nextDouble(-0.5, 0.8);
                    case 2 -> random.nextInt(-20, 60) / 100.0;       // round rates: amounts often land on half cents
                    default -> random.nextDouble(-1.5, -0.9);         // floored at -0.99
                };
                double comp = i % 3 == 0 ? Double.NaN : random.nextDouble(-0.2, 1.2);
                long byMonth;
                try {
                    byMonth = fast.ttmEbitdaCentsByMonth(day, growth, comp);
                } catch (ArithmeticException e) {
                    long d = day;
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fast.ttmEbitdaCents((int) d, growth, comp))
                            .isInstanceOf(ArithmeticException.class);
                    continue;
                }
                assertThat(fast.ttmEbitdaCents(day, growth, comp)).as("%s growth %s comp %s", LocalDate.ofEpochDay(day), growth, comp)
                        .isEqualTo(byMonth);
            }
        }
        assertThat(ProjectedExitValue.of(FeeModel.resolve(sunrise())).byWindow()).isFalse();
    }

    @Test
    void grownAmountsRoundHalfUpExactlyEvenOnTies() {
        // 1.5 × 1.1 = 1.65 → 2 cents; 0.05 growth on 10 cents: 10.5 → 11 (a tie, decided exactly).
        assertThat(ProjectedExitValue.grownCents(10, 0.05, 1)).isEqualTo(11);
        assertThat(ProjectedExitValue.grownCents(400_000_000, 0.2, 3)).isEqualTo(691_200_000);
        assertThat(ProjectedExitValue.grownCents(123, 0.0, 5)).isEqualTo(123);
    }

    @Test
    void earliestExitIsElevenMonthsAfterTheStart() {
        ProjectedExitValue fast = ProjectedExitValue.of(FeeModel.resolve(sunrise()));
        assertThat(LocalDate.ofEpochDay(fast.earliestExitDay())).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}

package org.msocap.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.msocap.model.Agreement;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.License;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * {@link LargeCapTable} with what a simulation needs around it: one practice under a percent-of-collections
 * management agreement, a five-year projection, a strategic-sale scenario (costs, escrow, earnout) and the
 * simulation section of PRODUCT.md §3 (exit date over four years, lognormal multiple, normal growth correlated
 * with it, 15% chance of no exit). Enterprise values land around $800M (p5 $350M, p95 $1.7B), across the table's breakpoints.
 */
public final class LargeSimulation {

    private LargeSimulation() {
    }

    public static Venture venture(int runs) {
        return venture(runs, false);
    }

    /** With {@code llc}, around {@link LargeCapTable#llcVenture()} (200 profits-interest grants at 50 thresholds). */
    public static Venture venture(int runs, boolean llc) {
        Venture base = llc ? LargeCapTable.llcVenture() : LargeCapTable.venture();
        Practice practice = Practice.builder("bench-pc", "Bench Medical Group, P.C.", "CA").profession("physician")
                .shareholder("dr-bench", 1000).build();
        Financials financials = new Financials(LocalDate.of(2026, 1, 1), 5,
                Map.of("bench-pc", new Financials.PracticeFinancials(Money.of(150_000_000), new BigDecimal("0.18"),
                        new BigDecimal("0.45"), Money.of(2_000_000), BigDecimal.ZERO)),
                new Financials.MsoFinancials(Money.of(2_000_000), new BigDecimal("0.05"), Money.ZERO));
        ExitScenario sale = new ExitScenario("Strategic sale", LocalDate.of(2030, 12, 31), null, BigDecimal.TEN, null,
                ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.03")),
                new ExitScenario.Escrow(new BigDecimal("0.10"), 18, new BigDecimal("0.9")), null,
                new ExitScenario.Earnout(Money.of(5_000_000), new BigDecimal("0.4")), true);
        SimulationSpec spec = new SimulationSpec(runs, 42,
                new Distribution.Uniform(LocalDate.of(2029, 1, 1).toEpochDay(), LocalDate.of(2032, 12, 31).toEpochDay()),
                new Distribution.LogNormal(10, 0.35), new Distribution.Normal(0.18, 0.08), null, null, null, 0.15,
                List.of(new SimulationSpec.Correlation("ebitdaMultiple", "collectionsGrowth", 0.4)));
        return base.toBuilder()
                .person(Person.clinician("dr-bench", "Dr. Bench", License.active("physician", "CA")))
                .practice(practice)
                .agreement(Agreement.msa("msa-bench", "bench-pc", FeeTerms.percentOfCollections(new BigDecimal("0.30"))))
                .financials(financials)
                .exit(sale)
                .simulation(spec)
                .build();
    }
}

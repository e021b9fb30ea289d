package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.Finding;
import org.msocap.fees.BasisComparison;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.Valuator;
import org.msocap.model.ExitScenario;
import org.msocap.model.HolderCategory;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.money.Rounding;
import org.msocap.simulation.MonteCarloSimulator;
import org.msocap.simulation.SeriesStatistics;
import org.msocap.simulation.SimulationOptions;
import org.msocap.simulation.SimulationResult;
import org.msocap.simulation.SimulationSetup;
import org.msocap.waterfall.ExitWaterfall;
import org.msocap.waterfall.WaterfallEngine;
import org.msocap.waterfall.WaterfallResult;

/**
 * Runs the {@code main} of every example program (found by listing the source directory, so a new program
 * cannot be forgotten) with {@code System.out} captured, and checks the output carries numbers computed here
 * directly through the engines — and, where they are simple enough, by hand — so a program that prints the
 * wrong thing fails.
 */
class RunEveryExampleTest {

    /** Maven runs the examples module's tests from {@code examples/}. */
    private static final Path SOURCES = Path.of("src/main/java/org/msocap/examples");

    /** What each program's output must contain; every program with a main needs an entry. */
    private static final Map<String, Consumer<String>> EXPECTATIONS = new LinkedHashMap<>();

    static {
        EXPECTATIONS.put("BuildAndValueVenture", RunEveryExampleTest::buildAndValueVenture);
        EXPECTATIONS.put("FeeBasesCompared", RunEveryExampleTest::feeBasesCompared);
        EXPECTATIONS.put("ComplianceReview", RunEveryExampleTest::complianceReview);
        EXPECTATIONS.put("SimulateExit", RunEveryExampleTest::simulateExit);
    }

    /** Simple names of the classes under {@link #SOURCES} that declare {@code public static void main(String[])}. */
    static List<String> programs() throws IOException, ClassNotFoundException {
        List<String> programs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (mainOf(Class.forName("org.msocap.examples." + name)) != null) {
                    programs.add(name);
                }
            }
        }
        return programs;
    }

    private static Method mainOf(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) ? main : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Test
    void everyProgramHasExpectationsAndEveryExpectationAProgram() throws Exception {
        assertThat(programs()).as("programs with a main under " + SOURCES + "; add checks for a new one to EXPECTATIONS")
                .containsExactlyInAnyOrderElementsOf(EXPECTATIONS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyProgramRunsAndPrintsTheEnginesNumbers() throws Exception {
        return programs().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String output = runMain(name);
            assertThat(output).as(name + " prints the statement").contains("msocap is a modeling tool, not legal advice.");
            assertThat(EXPECTATIONS).as("checks for " + name).containsKey(name);
            EXPECTATIONS.get(name).accept(output);
        }));
    }

    private static String runMain(String name) throws Exception {
        Method main = mainOf(Class.forName("org.msocap.examples." + name));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    // ---- per program ------------------------------------------------------------------------------

    private static void buildAndValueVenture(String output) {
        Venture venture = BuildAndValueVenture.lakesideHealth();
        ExitScenario terms = venture.exit(BuildAndValueVenture.STRATEGIC_SALE).orElseThrow();
        for (Money enterpriseValue : BuildAndValueVenture.EXIT_VALUES) {
            WaterfallResult result = WaterfallEngine.DEFAULT.exit(venture, terms, enterpriseValue,
                    venture.financials().mso().netDebt()).waterfall();
            assertThat(output).contains("Exit at enterprise value " + Text.money(enterpriseValue));
            assertThat(output).containsPattern("series-a +" + quoted(Text.money(result.payoutOf("series-a"))));
            assertThat(output).containsPattern("common +" + quoted(Text.money(result.payoutOf("common"))));
            assertThat(output).containsPattern("clinician +" + quoted(Text.money(result.byCategory().get(HolderCategory.CLINICIAN))));
        }

        // By hand, at 6M: 5,320,000 of equity (6M − 500k net debt − 3% costs). The Series A keeps its preference,
        // 2,000,000 × 1.50 plus 8% simple cumulative dividends for the days from 2025-03-01 to the sale (ACT/365);
        // the SAFE cashes out its 500,000; common takes the rest.
        long days = ChronoUnit.DAYS.between(LocalDate.of(2025, 3, 1), terms.date());
        Money seriesA = Rounding.toCents(new BigDecimal("3000000").multiply(BigDecimal.ONE.add(
                new BigDecimal("0.08").multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(365), 20,
                        RoundingMode.HALF_EVEN))));
        assertThat(seriesA).isEqualTo(Money.of("4401205.48"));
        assertThat(output).containsPattern("series-a +4,401,205\\.48 +takes its preference");
        assertThat(output).containsPattern("safe:sam +500,000\\.00 +cashes out");
        assertThat(output).containsPattern("common +418,794\\.52");
        assertThat(output).contains("equity proceeds            5,320,000.00");

        assertThat(output).contains("Agree to the cent: yes");
        ExitValuation valuation = Valuator.DEFAULT.value(venture, terms);
        ExitWaterfall asStated = WaterfallEngine.DEFAULT.exit(venture, terms);
        assertThat(asStated.bridge().enterpriseValue()).isEqualTo(valuation.enterpriseValue());
        assertThat(output).contains("(ebitda-multiple x 12): " + Text.money(valuation.enterpriseValue()));
        assertThat(output).contains("Equity proceeds at that value: " + Text.money(asStated.bridge().equityProceeds()));
        assertThat(output).containsPattern("to lay +" + quoted(Text.money(asStated.waterfall().byCategory().get(HolderCategory.LAY))));
        assertThat(output).contains("Fully diluted shares: 11,000,000");
        String refusal = refusalMessage(venture);
        assertThat(refusal).contains("maya has no clinical license");
        assertThat(output).contains("Refused: " + refusal);
    }

    private static String refusalMessage(Venture venture) {
        List<String> message = new ArrayList<>();
        assertThatThrownBy(() -> venture.transferPracticeShares("lakeside-ca", "dr-patel", "maya", 100))
                .isInstanceOfSatisfying(ModelException.class, e -> message.add(e.getMessage()));
        return message.get(0);
    }

    private static void feeBasesCompared(String output) {
        Venture venture = BuildAndValueVenture.lakesideHealth();
        BasisComparison comparison = FeeProjector.DEFAULT.compareBases(venture, FeeBasesCompared.PRACTICE);
        assertThat(comparison.alternatives()).hasSize(6);
        for (BasisComparison.Alternative alternative : comparison.alternatives()) {
            assertThat(output).containsPattern(quoted(FeeBasesCompared.describe(alternative.terms())) + " +"
                    + alternative.source().id() + " +" + quoted(Text.money(alternative.feeToMso())) + " +"
                    + quoted(Text.money(alternative.leftToPractice())));
        }
        // By hand, the first year of the hybrid fee: 60,000 × 12 + 12% × 6,000,000 of collections.
        assertThat(output).containsPattern("2026 +6,000,000\\.00 +2,520,000\\.00 +220,000\\.00 +1,440,000\\.00 +1,820,000\\.00");
        // The residual fee leaves the practice nothing, by definition.
        assertThat(output).containsPattern("residual +agreement-parameters +[0-9,.]+ +0\\.00 +100\\.00%");
    }

    private static void complianceReview(String output) {
        Venture asBuilt = BuildAndValueVenture.lakesideHealth();
        ComplianceReport clean = ComplianceReview.review(asBuilt);
        ComplianceReport risky = ComplianceReview.review(ComplianceReview.withRiskyCaliforniaFee(asBuilt));
        for (ComplianceReport report : List.of(clean, risky)) {
            assertThat(output).contains("Findings: " + report.findings().size());
            for (Finding f : report.findings()) {
                assertThat(output).contains("[" + f.severity().id().toUpperCase() + "] " + f.ruleId() + " " + f.title());
                assertThat(output).contains("citation:    " + f.citation().text());
            }
        }
        // The rewritten California fee is what brings in the fee-splitting and FMV findings.
        assertThat(clean.forRule("FEE-04")).isEmpty();
        assertThat(risky.forRule("FEE-04")).isNotEmpty();
        assertThat(risky.findings().size()).isGreaterThan(clean.findings().size());
        assertThat(output).contains("Anika Patel, MD (physician), 4.55% of the MSO fully diluted, refers patients");
    }

    private static void simulateExit(String output) {
        Venture venture = BuildAndValueVenture.lakesideHealth();
        SimulationResult result = MonteCarloSimulator.DEFAULT.simulate(SimulationSetup.of(venture),
                new SimulationOptions(SimulateExit.RUNS, venture.simulation().seed(), 1, 5, 0, 10));
        assertThat(output).contains(SimulateExit.RUNS + " runs, seed 42: " + result.exitRuns() + " end in a sale");
        SeriesStatistics seriesA = result.classes().stream().filter(s -> s.key().equals("series-a")).findFirst().orElseThrow();
        assertThat(output).containsPattern("series-a +" + quoted(Text.amount(seriesA.mean())) + " +"
                + quoted(Text.amount(seriesA.p5())) + " +" + quoted(Text.amount(seriesA.p50())));
        SeriesStatistics lay = result.categories().stream().filter(s -> s.key().equals("lay")).findFirst().orElseThrow();
        assertThat(output).containsPattern("lay +" + quoted(Text.amount(lay.mean())));
        assertThat(output).contains("gives the same statistics: yes");
    }

    private static String quoted(String literal) {
        return Pattern.quote(literal);
    }
}

package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaterfallCommandTest {

    @Test
    void distributesEveryScenarioOfTheFile() {
        CliRun run = CliRun.of("waterfall", CliRun.TELEHEALTH.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("Early acquihire — enterprise value 9,000,000.00")
                .contains("equity proceeds                           8,600,000.00")
                .contains("Classes")
                .contains("By category")
                // priced at 12 × the projected trailing EBITDA by the fee projection
                .containsPattern("Strategic sale — enterprise value [0-9,]+\\.[0-9]{2}")
                .contains("Platform sale — enterprise value 60,000,000.00");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonForAnExitValueHasTheProductShapeAndAddsUpToTheCent() {
        CliRun run = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "25M", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"exitValue\" : \"25000000.00\"").contains("\"equityProceeds\" : \"25000000.00\"")
                .contains("\"converted\" : ").contains("\"category\" : \"lay\"");
        String classes = run.out().substring(run.out().indexOf("\"classes\""), run.out().indexOf("\"holders\""));
        assertThat(sumOfPayouts(classes)).isEqualTo(2_500_000_000L);
        String holders = run.out().substring(run.out().indexOf("\"holders\""), run.out().indexOf("\"byCategory\""));
        assertThat(sumOfPayouts(holders)).isEqualTo(2_500_000_000L);
    }

    @Test
    void scenarioTermsApplyToAGivenExitValue() {
        CliRun run = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "60M", "--scenario", "Strategic sale",
                "--format", "json");
        assertThat(run.exitCode()).isZero();
        // 3% costs of 60M = 1.8M; carve-out 2% of 58.2M = 1.164M; equity 57.036M.
        assertThat(run.out()).contains("\"transactionCosts\" : \"1800000.00\"").contains("\"carveOut\" : \"1164000.00\"")
                .contains("\"equityProceeds\" : \"57036000.00\"");
    }

    /** Issue 16: a carve-out recipient's part is its own field and column and is in the holder's total. */
    @Test
    void aCarveOutIsShownPerHolderAndCountedInTheTotal() {
        CliRun json = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "60M", "--scenario", "Strategic sale",
                "--format", "json");
        assertThat(json.exitCode()).isZero();
        // 1.164M split 0.5 / 0.5 between alice and carol.
        String holders = json.out().substring(json.out().indexOf("\"holders\""), json.out().indexOf("\"byCategory\""));
        String alice = holders.substring(holders.indexOf("\"id\" : \"alice\""));
        alice = alice.substring(0, alice.indexOf('}'));
        long payout = cents(alice, "payout");
        assertThat(cents(alice, "carveOut")).isEqualTo(58_200_000L);
        assertThat(cents(alice, "total")).isEqualTo(payout + 58_200_000L);
        CliRun table = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "60M", "--scenario", "Strategic sale");
        assertThat(table.out()).contains("Members and other holders (total = payout from equity + carve-out)").contains("carve-out").contains("582,000.00");
        CliRun csv = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "60M", "--scenario", "Strategic sale",
                "--format", "csv");
        assertThat(csv.out()).contains("holder,category,payout,carve-out,total,% of proceeds,cost,MOIC,IRR");
    }

    /**
     * Issue 16: an exit in 2033 on a projection that ends in 2030 was valued silently. The value is still the multiple
     * of months projected further at the same growth rates, and the output and stderr say so.
     */
    @Test
    void anExitPastTheProjectionSaysHowItWasValuedAndWarns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("late.yaml");
        String yaml = Files.readString(CliRun.TELEHEALTH);
        Files.writeString(file, yaml.replaceFirst("  - name: Strategic sale\n    date: 2030-12-31", "  - name: Strategic sale\n    date: 2033-12-31"));
        CliRun run = CliRun.of("waterfall", file.toString(), "--scenario", "Strategic sale");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(12× TTM EBITDA (projected past the model's projection, which ends 2030-12-31, "
                + "at the same growth rates))");
        assertThat(run.err()).isEqualTo("msocap: warning: exit 'Strategic sale' on 2033-12-31 is valued at 12× TTM EBITDA "
                + "(projected past the model's projection, which ends 2030-12-31, at the same growth rates); extend "
                + "financials.years to project it\n");
        CliRun json = CliRun.of("waterfall", file.toString(), "--scenario", "Strategic sale", "--format", "json");
        assertThat(json.out()).contains("\"extendedBeyondProjection\" : true").contains("\"method\" : \"ebitda-multiple\"");
        CliRun inside = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--scenario", "Strategic sale", "--format", "json");
        assertThat(inside.out()).contains("\"extendedBeyondProjection\" : false");
        assertThat(inside.err()).isEmpty();
    }

    private static long cents(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\" : \"([0-9]+)\\.([0-9]{2})\"").matcher(json);
        assertThat(m.find()).as(field).isTrue();
        return Long.parseLong(m.group(1)) * 100 + Long.parseLong(m.group(2));
    }

    /** Net debt over the value of the Distressed sale; Ana's holding has no acquisition date. */
    static final String UNDERWATER = """
            msocap: 1
            venture: Underwater
            asOf: 2026-03-01
            people:
              - {id: maya, name: Maya Patel}
              - {id: ana, name: Ana Morales}
              - {id: fund, name: Fund LP, type: entity}
              - id: dr-a
                name: Dr A
                licenses: [{profession: physician, state: FL, status: active}]
            mso:
              form: c-corp
              classes:
                - {id: common, type: common, name: Common Stock}
                - {id: pref, type: preferred, name: Pref, issuePrice: 1.00, preference: 1.0, participation: none, seniority: 1}
              holdings:
                - {holder: maya, class: common, shares: 5000000, acquired: 2025-01-15, cost: 500}
                - {holder: ana, class: common, shares: 1000000, cost: 1000}
                - {holder: fund, class: pref, shares: 2000000, acquired: 2026-01-15, cost: 2000000}
            practices:
              - {id: pc, name: PC, state: FL, shareholders: [{holder: dr-a, shares: 1}]}
            agreements:
              - {id: msa, practice: pc, fee: {basis: fixed, monthly: 10000}}
            financials:
              start: 2026-01-01
              practices:
                pc: {collections: 1M}
              mso: {operatingCosts: 0, netDebt: 5M}
            exits:
              - {name: Distressed, date: 2028-06-30, enterpriseValue: 3M, transactionCosts: 0.02}
              - {name: Sale, date: 2028-06-30, enterpriseValue: 20M}
            """;

    @Test
    void debtOverTheValueShowsTheShortfallAndATotalLossIsMinus100Percent(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("underwater.yaml");
        Files.writeString(f, UNDERWATER);
        CliRun run = CliRun.of("waterfall", f.toString(), "--scenario", "Distressed");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        // 5,000,000 net debt + 60,000 costs (2% of 3,000,000) − 3,000,000 = 2,060,000 unpaid ahead of the equity.
        assertThat(run.out()).contains("equity proceeds                                     0.00\n"
                        + "shortfall (debt and costs over the value)   2,060,000.00\n")
                .contains("Net debt and transaction costs (5,060,000.00) exceed the enterprise value by 2,060,000.00: the equity "
                        + "receives nothing.")
                .containsPattern("fund +entity +0\\.00 +0\\.00% +2,000,000\\.00 +0\\.00x +-100\\.0%")
                .containsPattern("ana +lay +0\\.00 +0\\.00% +1,000\\.00 +0\\.00x +-100\\.0%")
                .doesNotContain("IRR —");
        CliRun json = CliRun.of("waterfall", f.toString(), "--format", "json");
        assertThat(json.out()).contains("\"shortfall\" : \"2060000.00\"", "\"shortfall\" : \"0.00\"", "\"irr\" : -1.0");
        // A sale that covers the debt: no shortfall line; a holding without an acquisition date that receives something
        // has no one rate of return, still "—".
        CliRun sale = CliRun.of("waterfall", f.toString(), "--scenario", "Sale");
        assertThat(sale.out()).doesNotContain("shortfall").containsPattern("ana +lay +1,875,000\\.00 .* +—\n").contains("IRR —");
    }

    @Test
    void badInputIsAUsageError() {
        CliRun badValue = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "lots");
        assertThat(badValue.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badValue.err()).contains("--exit expects an amount");
        CliRun badScenario = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--scenario", "IPO");
        assertThat(badScenario.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badScenario.err()).contains("no exit scenario named 'IPO'");
    }

    @Test
    void anExitValueBelowACentIsRefusedAsInTheModelFileNotRounded() {
        // It was sold at 1.23 without a word; the file refuses enterpriseValue: 1.234 ("at most two decimals").
        CliRun run = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "1.234");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("msocap: --exit has at most two decimals (cents) but was '1.234'\n");
        CliRun value = CliRun.of("captable", CliRun.TELEHEALTH.toString(), "--value", "25000000.005");
        assertThat(value.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(value.err()).contains("--value has at most two decimals (cents) but was '25000000.005'");
        CliRun cents = CliRun.of("waterfall", CliRun.TELEHEALTH.toString(), "--exit", "1.230", "--format", "json");
        assertThat(cents.exitCode()).as(cents.err()).isZero();
        assertThat(cents.out()).contains("\"exitValue\" : \"1.23\"");
    }

    private static long sumOfPayouts(String json) {
        Matcher m = Pattern.compile("\"payout\" : \"([0-9]+)\\.([0-9]{2})\"").matcher(json);
        long cents = 0;
        int count = 0;
        while (m.find()) {
            cents += Long.parseLong(m.group(1)) * 100 + Long.parseLong(m.group(2));
            count++;
        }
        assertThat(count).isPositive();
        return cents;
    }
}

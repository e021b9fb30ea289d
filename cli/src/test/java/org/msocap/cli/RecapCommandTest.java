package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recap through the commands (PRODUCT.md §8.3–8.5): proforma's recap section, realized totals in waterfall, errors. */
class RecapCommandTest {

    private static final Path DERM = CliRun.EXAMPLES.resolve("derm-recap-second-bite.yaml");

    @TempDir
    Path dir;

    @Test
    void proformaJsonGivesSourcesAndUsesCashAndRolloverThatBalance() throws IOException {
        CliRun run = CliRun.of("proforma", DERM.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode e = new ObjectMapper().readTree(run.out()).get("events").get(0);
        assertThat(e.get("type").asText()).isEqualTo("recap");
        assertThat(e.get("sources").get("total").asText()).isEqualTo(e.get("uses").get("total").asText());
        assertThat(e.get("rollover")).hasSize(3);
        BigDecimal rolled = BigDecimal.ZERO;
        for (JsonNode r : e.get("rollover")) {
            assertThat(r.get("class").asText()).isEqualTo("class-a");
            assertThat(r.get("units").asLong()).isEqualTo(new BigDecimal(r.get("amount").asText()).longValueExact()); // $1 a unit
            rolled = rolled.add(new BigDecimal(r.get("amount").asText()));
        }
        assertThat(rolled).isEqualByComparingTo(e.get("sources").get("rollover").asText());
        for (JsonNode p : e.get("proceeds")) {
            assertThat(new BigDecimal(p.get("cashAtClose").asText()).add(new BigDecimal(p.get("rollover").asText())))
                    .isEqualByComparingTo(p.get("proceeds").asText());
        }
        assertThat(e.get("cash")).extracting(c -> c.get("holder").asText()).containsExactly("dr-hale", "dr-lin", "dr-osei", "tom");
        assertThat(e.get("after")).extracting(l -> l.get("holder").asText()).contains("magnolia", "dana");
    }

    @Test
    void anExitAfterTheRecapAddsEachPersonsRealizedTotal() throws IOException {
        CliRun run = CliRun.of("waterfall", DERM.toString(), "--scenario", "Sale to a national platform", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        JsonNode hale = null;
        for (JsonNode r : exit.get("realized")) {
            assertThat(new BigDecimal(r.get("earlier").asText()).add(new BigDecimal(r.get("payout").asText())))
                    .isEqualByComparingTo(r.get("total").asText());
            if (r.get("id").asText().equals("dr-hale")) {
                hale = r;
            }
        }
        assertThat(hale).isNotNull();
        assertThat(hale.get("cost").asText()).isEqualTo("500000.00"); // the rollover is not new cost
        for (JsonNode h : exit.get("holders")) {
            if (h.get("id").asText().equals("dr-hale")) {
                assertThat(hale.get("payout").asText()).isEqualTo(h.get("total").asText());
            }
        }
        // Net debt at the exit: the new $22M loan amortized 5% a year for 1,280 days, not the $2M written in financials.
        assertThat(exit.get("netDebt").asText()).isEqualTo("18142465.75");

        CliRun csv = CliRun.of("waterfall", DERM.toString(), "--scenario", "Sale to a national platform", "--format", "csv");
        assertThat(csv.out()).contains("realized over the deal").contains("person,category,earlier,this exit,total,original cost,MOIC,IRR");
        CliRun before = CliRun.of("waterfall", DERM.toString(), "--exit", "50M", "--date", "2027-01-01", "--format", "json");
        assertThat(new ObjectMapper().readTree(before.out()).get("exits").get(0).has("realized")).isFalse();
    }

    @Test
    void feesValuesAnExitAfterTheRecapWithTheNetDebtInForce() throws IOException {
        CliRun run = CliRun.of("fees", DERM.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode exits = new ObjectMapper().readTree(run.out()).get("exits");
        CliRun waterfall = CliRun.of("waterfall", DERM.toString(), "--format", "json");
        JsonNode paid = new ObjectMapper().readTree(waterfall.out()).get("exits");
        assertThat(exits).hasSize(paid.size());
        for (int i = 0; i < exits.size(); i++) {
            assertThat(exits.get(i).get("netDebt").asText()).as(exits.get(i).get("name").asText())
                    .isEqualTo(paid.get(i).get("netDebt").asText());
        }
        // As in the waterfall: the $22M loan amortized 5% a year for 1,280 days, not the $2M written in financials.
        assertThat(exits.get(0).get("netDebt").asText()).isEqualTo("18142465.75");
    }

    @Test
    void aRolloverLargerThanTheProceedsIsExitThreeAtItsLine() throws IOException {
        Path bad = dir.resolve("derm.yaml");
        Files.writeString(bad, Files.readString(DERM).replace("{holder: dr-lin, fraction: 0.30,", "{holder: dr-lin, amount: 90M,"));

        CliRun run = CliRun.of("proforma", bad.toString());

        assertThat(CliRun.of("validate", bad.toString()).err()).isEqualTo(run.err());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).matches("(?s)msocap: invalid model: .*derm\\.yaml:\\d+:\\d+: events\\[0\\]\\.rollover\\[2\\]\\.amount: "
                + "recap 'Majority recapitalisation with Magnolia': dr-lin rolls over 90,000,000\\.00 but receives only .*");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void reportPaysTheExitsAfterTheRecapThroughTheHoldcoAndShowsRealizedTotals() {
        CliRun run = CliRun.of("report", DERM.toString(), "-o", dir.toString(), "--runs", "100", "--no-workbook");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Sale to a national platform — realized over the deal")
                .contains("Flat sale at the recap's value — realized over the deal");
        CliRun waterfall = CliRun.of("waterfall", DERM.toString(), "--scenario", "Flat sale at the recap's value");
        // The report's exit line and the waterfall agree: both pay the holdco's units net of the scheduled debt.
        String equity = waterfall.out().lines().filter(l -> l.startsWith("equity proceeds")).findFirst().orElseThrow()
                .replaceAll("\\s+", " ").split(" ")[2];
        assertThat(run.out()).contains(equity);
    }

    /** The bundled recap followed by a second one in which tom, paid cash for his options at the first, buys in as the sponsor. */
    private Path secondRecap() throws IOException {
        String derm = Files.readString(DERM);
        String second = """
                  - type: recap
                    name: Second recap
                    date: 2029-09-30
                    enterpriseValue: 95M
                    sellerCosts: 0.02
                    newDebt: {amount: 30M, pikRate: 0.08}
                    classes:
                      - {id: class-a, type: preferred, issuePrice: 1, preference: 1.0, participation: none, seniority: 1,
                         dividend: {rate: 0.1, cumulative: true}}
                      - {id: class-b, type: common}
                    buyer: {holder: tom, class: class-a, price: 1}
                    rollover:
                      - {holder: magnolia, fraction: 0.5, class: class-a, price: 1}
                      - {holder: dana, fraction: 0.5, class: class-b, price: 1}
                      - {holder: dr-hale, amount: 1M, class: class-b, price: 0.5}

                """;
        int exits = derm.indexOf("\nexits:");
        Path file = dir.resolve("second-recap.yaml");
        Files.writeString(file, derm.substring(0, exits + 1) + second + derm.substring(exits + 1));
        return file;
    }

    /**
     * tom took $2.66M for his options at the first recap, paid $41.8M at the second and gets nothing at an exit that only
     * covers the debt: 0.06x. The one rate solving +2.66M then −41.8M, +239%, is no return: "—" with the reason, null in JSON.
     */
    @Test
    void aRealizedTotalWhoseFlowsStartWithCashReceivedHasNoIrr() throws IOException {
        Path file = secondRecap();
        CliRun run = CliRun.of("waterfall", file.toString(), "--exit", "33M", "--date", "2030-12-31");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        String tom = run.out().lines().filter(l -> l.startsWith("tom ")).reduce((a, b) -> b).orElseThrow();
        assertThat(tom).contains("0.06x").endsWith("—").doesNotContain("239");
        assertThat(run.out()).contains(Formats.NO_RATE_NOTE);
        String hale = run.out().lines().filter(l -> l.startsWith("dr-hale ")).reduce((a, b) -> b).orElseThrow();
        assertThat(hale).matches(".*[0-9]x +[0-9]+\\.[0-9]%");

        CliRun json = CliRun.of("waterfall", file.toString(), "--exit", "33M", "--date", "2030-12-31", "--format", "json");
        for (JsonNode r : new ObjectMapper().readTree(json.out()).get("exits").get(0).get("realized")) {
            if (r.get("id").asText().equals("tom")) {
                assertThat(r.get("moic").asText()).startsWith("0.06");
                assertThat(r.get("irr").isNull()).isTrue();
            }
        }
    }
}

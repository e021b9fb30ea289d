package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proforma}, {@code captable --at} and exits after a round (PRODUCT.md §8). */
class ProformaCommandTest {

    static final String MODEL = """
            msocap: 1
            venture: Telehealth
            asOf: 2026-01-01
            people:
              - {id: founder, name: Founder}
              - {id: angel, name: Angel}
              - {id: fund, name: Fund LP, type: entity}
            mso:
              classes:
                - {id: common, type: common}
              holdings:
                - {holder: founder, class: common, shares: 9000000}
              safes:
                - {holder: angel, amount: 1M, cap: 10M, kind: post-money}
            exits:
              - {name: Early sale, date: 2026-06-01, enterpriseValue: 30M}
              - {name: Sale after A, date: 2028-06-01, enterpriseValue: 30M}
            events:
              - type: round
                name: Series A
                date: 2027-03-01
                class: {id: series-a, type: preferred, seniority: 1, name: Series A Preferred}
                preMoney: 20M
                investments: [{holder: fund, amount: 5M}]
                poolTopUp: 0.10
            """;

    @TempDir
    Path dir;

    private Path model(String content) throws IOException {
        Path f = dir.resolve("deal.yaml");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void proformaJsonHasThePriceTheSharesIssuedAndTheRatios() throws IOException {
        CliRun run = CliRun.of("proforma", model(MODEL).toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode e = new ObjectMapper().readTree(run.out()).get("events").get(0);
        assertThat(e.get("name").asText()).isEqualTo("Series A");
        assertThat(e.get("type").asText()).isEqualTo("round");
        assertThat(e.get("date").asText()).isEqualTo("2027-03-01");
        // 20M ÷ (9,000,000 + 1,000,000 SAFE + 1,428,571.43 pool) = 1.75 exactly
        assertThat(e.get("pricePerShare").asText()).isEqualTo("1.75");
        assertThat(e.get("issued").toString()).isEqualTo("[{\"holder\":\"angel\",\"class\":\"series-a-conv-1\",\"shares\":1000000,"
                + "\"for\":\"safe\"},{\"holder\":\"fund\",\"class\":\"series-a\",\"shares\":2857142,\"for\":\"investment\"}]");
        assertThat(e.get("poolIncrease").asLong()).isEqualTo(1_428_572);
        assertThat(e.get("classes").get(0).get("conversionRatio").asText()).isEqualTo("1");
        assertThat(e.has("cash") && e.has("rollover") && e.has("sources") && e.has("uses")).isTrue();
        assertThat(e.get("after").size()).isEqualTo(4);
    }

    @Test
    void proformaTableAndCsvAndOneEventByName() throws IOException {
        Path f = model(MODEL);
        CliRun table = CliRun.of("proforma", f.toString());
        assertThat(table.out()).contains("price per unit", "1.75", "cap table before", "cap table after", "pool increase");
        CliRun csv = CliRun.of("proforma", f.toString(), "--format", "csv", "--event", "series a");
        assertThat(csv.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(csv.out()).contains("# Series A (round, 2027-03-01) — units issued").contains("fund,series-a,investment,2857142");
        CliRun unknown = CliRun.of("proforma", f.toString(), "--event", "Series B");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("no event named 'Series B'; the file has: Series A");
    }

    @Test
    void anLlcsProformaSpeaksOfUnitsAndItsJsonKeepsItsKeys() throws IOException {
        // An MSO is an LLC unless its form says otherwise (mso.form); MODEL gives none.
        Path f = model(MODEL);
        CliRun table = CliRun.of("proforma", f.toString());
        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCode.OK);
        assertThat(table.out()).contains("price per unit", "Series A (round, 2027-03-01) — units issued")
                .containsPattern("holder +class +security +units +as-converted").containsPattern("founder +Common +units +9,000,000")
                .doesNotContain("per share").doesNotContain("shares");
        assertThat(CliRun.of("captable", f.toString()).out()).containsPattern("founder +Founder +lay +Common +units +9,000,000")
                .doesNotContain("shares");
        // CSV, like JSON, keeps the security's id.
        assertThat(CliRun.of("captable", f.toString(), "--format", "csv").out()).contains("founder,Founder,lay,common,shares,9000000");
        CliRun corporation = CliRun.of("proforma", model(MODEL.replace("mso:\n", "mso:\n  form: c-corp\n")).toString());
        assertThat(corporation.out()).contains("price per share", "Series A (round, 2027-03-01) — shares issued")
                .containsPattern("founder +Common +shares +9,000,000").doesNotContain("units");
        JsonNode e = new ObjectMapper().readTree(CliRun.of("proforma", f.toString(), "--format", "json").out()).get("events").get(0);
        assertThat(e.get("pricePerShare").asText()).isEqualTo("1.75");
        assertThat(e.get("issued").get(0).has("shares")).isTrue();
    }

    @Test
    void aRecapIntoAnLlcIssuesUnitsFromACorporationsShares() {
        CliRun run = CliRun.of("proforma", "../examples/ventures/derm-recap-second-bite.yaml");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Majority recapitalisation with Magnolia: units issued at close")
                .containsPattern("cap table before\n.*security +shares +as-converted")
                .containsPattern("cap table after\n.*security +units +as-converted.*\n[- ]+\nmagnolia +Class A Preferred Units +units ");
    }

    @Test
    void captableAtADateShowsTheTableInForce() throws IOException {
        Path f = model(MODEL);
        String before = CliRun.of("captable", f.toString(), "--at", "2027-02-28", "--format", "csv").out();
        String after = CliRun.of("captable", f.toString(), "--at", "2027-03-01", "--format", "csv").out();

        assertThat(before).doesNotContain("series-a").doesNotContain("Series A");
        // Tables show a class by its name (the round's class is named); CSV and JSON keep the id.
        assertThat(after).contains("fund,Fund LP,entity,series-a,shares,2857142");
        assertThat(CliRun.of("captable", f.toString(), "--at", "2027-03-01").out()).containsPattern("fund +Fund LP +entity +Series A Preferred +units");
        assertThat(CliRun.of("captable", f.toString(), "--at", "2027-03-01", "--format", "json").out()).contains("\"at\" : \"2027-03-01\"");
    }

    @Test
    void eachExitIsPaidThroughTheTableInForceAtItsDate() throws IOException {
        JsonNode exits = new ObjectMapper().readTree(CliRun.of("waterfall", model(MODEL).toString(), "--format", "json").out())
                .get("exits");

        assertThat(exits.get(0).toString()).doesNotContain("\"fund\"");
        assertThat(exits.get(1).toString()).contains("\"fund\"");
    }

    @Test
    void aBrokenEventIsLocatedAndExits3() throws IOException {
        Path f = model(MODEL.replace("{id: series-a, type: preferred", "{id: common, type: preferred"));

        CliRun run = CliRun.of("proforma", f.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(run.err()).contains("deal.yaml:22:17: events[0].class.id: round 'Series A' creates class 'common'");
        assertThat(CliRun.of("captable", f.toString(), "--at", "2028-01-01").exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        CliRun validate = CliRun.of("validate", f.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        assertThat(validate.err()).contains("deal.yaml:22:17: events[0].class.id");
        assertThat(CliRun.of("validate", model(MODEL).toString()).out()).contains("events").contains("1");
    }
}

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
        assertThat(table.out()).contains("price per share", "1.75", "cap table before", "cap table after", "pool increase");
        CliRun csv = CliRun.of("proforma", f.toString(), "--format", "csv", "--event", "series a");
        assertThat(csv.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(csv.out()).contains("# Series A (round, 2027-03-01) — shares issued").contains("fund,series-a,investment,2857142");
        CliRun unknown = CliRun.of("proforma", f.toString(), "--event", "Series B");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("no event named 'Series B'; the file has: Series A");
    }

    @Test
    void captableAtADateShowsTheTableInForce() throws IOException {
        Path f = model(MODEL);
        String before = CliRun.of("captable", f.toString(), "--at", "2027-02-28", "--format", "csv").out();
        String after = CliRun.of("captable", f.toString(), "--at", "2027-03-01", "--format", "csv").out();

        assertThat(before).doesNotContain("series-a").doesNotContain("Series A");
        // Tables show a class by its name (the round's class is named); CSV and JSON keep the id.
        assertThat(after).contains("fund,Fund LP,entity,series-a,shares,2857142");
        assertThat(CliRun.of("captable", f.toString(), "--at", "2027-03-01").out()).containsPattern("fund +Fund LP +entity +Series A Preferred +shares");
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

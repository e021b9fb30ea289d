package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptableCommandTest {

    @Test
    void printsTheFullyDilutedTableWithPercentagesThatAddUp() {
        CliRun run = CliRun.of("captable", CliRun.TELEHEALTH.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Sunrise Telehealth — MSO fully diluted cap table")
                .contains("alice        Alice Chen              lay        common    shares         4,000,000     4,000,000         50.00%           44.20%")
                .contains("Practice sunrise-ca")
                .contains("total                                                                                  9,050,000        100.00%          100.00%");
    }

    @Test
    void jsonCarriesExactFractionsAndTheDisclaimer() {
        CliRun run = CliRun.of("captable", CliRun.TELEHEALTH.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("\"totalFullyDiluted\" : \"9050000\"")
                .contains("\"ofOutstanding\" : \"0.5\"")
                .contains("\"disclaimer\" : \"msocap is a modeling tool, not legal advice.\"");
    }

    /** Issue 16: each SAFE and note shows what it would convert into at its cap, so a SAFE holder does not read 0%. */
    @Test
    void safesAndNotesShowWhatTheyConvertIntoAtTheirCap() {
        CliRun table = CliRun.of("captable", CliRun.TELEHEALTH.toString());
        assertThat(table.out()).contains("as converted at cap").contains("% as converted at cap");
        CliRun json = CliRun.of("captable", CliRun.TELEHEALTH.toString(), "--format", "json");
        assertThat(json.out()).contains("\"asConvertedAtCap\" : \"").contains("\"ofAsConvertedAtCap\" : \"");
        CliRun csv = CliRun.of("captable", CliRun.TELEHEALTH.toString(), "--format", "csv");
        assertThat(csv.out()).contains("holder,name,category,kind,amount,cap,discount,as converted at cap,% as converted at cap\n");
    }

    @Test
    void csvHasOneSectionPerTable() {
        CliRun run = CliRun.of("captable", CliRun.TELEHEALTH.toString(), "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# Sunrise Telehealth — MSO fully diluted cap table\n"
                + "holder,name,category,class,security,shares,as-converted,% outstanding,% fully diluted\n"
                + "alice,Alice Chen,lay,common,shares,4000000,4000000,50.00%,44.20%\n");
        assertThat(run.out()).contains("# MSO by category\n");
    }
}

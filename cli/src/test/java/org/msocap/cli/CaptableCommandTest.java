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
                .contains("alice        Alice Chen              lay        Common    units          4,000,000     4,000,000         50.00%           44.20%")
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
        assertThat(run.out()).startsWith("# Sunrise Telehealth — MSO fully diluted cap table (units)\n"
                + "holder,name,category,class,security,units,as-converted,% outstanding,% fully diluted\n"
                + "alice,Alice Chen,lay,common,shares,4000000,4000000,50.00%,44.20%\n");
        assertThat(run.out()).contains("# MSO by category\n");
    }

    /**
     * Issue 13: profits interests show their threshold per unit or hurdle and the % if fully participating, which is
     * the fully diluted % of the cap table (every unit counted as a common unit): 3,000 / 55,500 = 5.41%, 1,500 /
     * 55,500 = 2.70%, 5,556 / 55,556 = 10.00%.
     */
    @Test
    void profitsInterestsShowTheirThresholdOrHurdleAndTheirShareIfFullyParticipating() {
        java.nio.file.Path holdco = CliRun.EXAMPLES.resolve("pe-derm-holdco.yaml");
        CliRun table = CliRun.of("captable", holdco.toString());
        assertThat(table.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(table.out())
                .contains("holder  name           class               units  threshold per unit         hurdle  % if fully participating"
                        + "  performance vesting\n")
                .contains("jordan  Jordan Blake   Series 1 Incentive  3,000              200.00                                    5.41%\n")
                .contains("elena   Elena Vasquez  Series 2 Incentive  1,500                      90,000,000.00                     2.70%"
                        + "  performance-vested: 50% at Class A MOIC 2×, 100% at 3×\n");
        CliRun csv = CliRun.of("captable", holdco.toString(), "--format", "csv");
        assertThat(csv.out()).contains("holder,name,class,units,threshold per unit,hurdle,% if fully participating,performance vesting\n"
                + "jordan,Jordan Blake,series-1-incentive,3000,200.00,,5.41%,\n"
                + "priya,Priya Raman,series-1-incentive,1000,200.00,,1.80%,\n"
                + "elena,Elena Vasquez,series-2-incentive,1500,,90000000.00,2.70%,\"performance-vested: 50% at class-a MOIC 2×, 100% at 3×\"\n");
        CliRun json = CliRun.of("captable", holdco.toString(), "--format", "json");
        assertThat(json.out())
                .contains("\"ofFullyDiluted\" : \"0.0540540541\",\n    \"threshold\" : \"200\",\n    \"hurdle\" : null,\n"
                        + "    \"ofFullyDilutedIfFullyParticipating\" : \"0.0540540541\"")
                .contains("\"threshold\" : null,\n    \"hurdle\" : \"90000000.00\",\n"
                        + "    \"ofFullyDilutedIfFullyParticipating\" : \"0.027027027\"");

        CliRun cascade = CliRun.of("captable", CliRun.EXAMPLES.resolve("physician-led-llc.yaml").toString());
        assertThat(cascade.out())
                .contains("rachel  Rachel Whitman  Incentive Units  5,556                      24,000,000.00                    10.00%\n");
        assertThat(CliRun.of("captable", CliRun.TELEHEALTH.toString()).out()).doesNotContain("Profits interests");
    }

    /**
     * Issue 13: --value shows each profits interest at given equity proceeds. Rachel's 5,556 units over a 24M hurdle: the
     * hurdle is a threshold of 24M ÷ 50,000 = 480 a unit; at 30M she takes 10% of the 6M above it, 600,043.20.
     */
    @Test
    void valueShowsWhetherAndHowMuchEachProfitsInterestTakesPart() {
        String llc = CliRun.EXAMPLES.resolve("physician-led-llc.yaml").toString();
        CliRun table = CliRun.of("captable", llc, "--value", "30M");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("Profits interests at equity proceeds of 30,000,000.00 (sale on 2026-01-01, every granted unit vested; "
                        + "value per common unit 587.999136)")
                .contains("rachel  Rachel Whitman  incentive-units  5,556              480.00  24,000,000.00  yes            "
                        + "600,043.20                      18.37%          2.00%");
        CliRun below = CliRun.of("captable", llc, "--value", "24M", "--format", "csv");
        assertThat(below.out()).contains("holder,name,class,units,threshold per unit,hurdle,participating,payout,"
                + "% of a common unit's value,% of proceeds\n"
                + "rachel,Rachel Whitman,incentive-units,5556,480.00,24000000.00,no,0.00,0.00%,0.00%\n");
        CliRun json = CliRun.of("captable", llc, "--value", "30M", "--format", "json");
        assertThat(json.out()).contains("\"atValue\" : {\n    \"equityProceeds\" : \"30000000.00\"")
                .contains("\"threshold\" : \"480\"").contains("\"participating\" : \"yes\"")
                .contains("\"payout\" : \"600043.20\"");
        assertThat(CliRun.of("captable", llc).out()).doesNotContain("Profits interests at equity proceeds");
        assertThat(CliRun.of("captable", CliRun.TELEHEALTH.toString(), "--value", "30M").out())
                .contains("Profits interests at equity proceeds of 30,000,000.00: the model has none");
        CliRun bad = CliRun.of("captable", llc, "--value", "lots");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--value expects an amount such as 25M");
    }
}

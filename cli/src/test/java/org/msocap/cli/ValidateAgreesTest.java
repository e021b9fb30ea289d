package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code validate} refuses every command refuses with the same one line at the same place, and nothing it
 * accepts fails later at {@code FILE:1:1}: each shape here once passed {@code validate} and then failed one command.
 */
class ValidateAgreesTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            msocap: 1
            venture: Agree
            asOf: 2026-01-01
            people:
              - {id: alice, name: Alice}
              - {id: ceo, name: CEO}
              - id: dr-a
                name: Dr A
                licenses: [{profession: physician, state: TX, status: active}]
            mso:
              form: llc
              classes:
                - {id: common, type: common}
                - {id: incentive, type: profits-interest}
              holdings:
                - {holder: alice, class: common, shares: 1000}
                - {holder: ceo, class: incentive, shares: 100, hurdle: 1M}
            practices:
              - {id: pa, name: Doc PA, state: TX, form: pa, shareholders: [{holder: dr-a, shares: 10}]}
            agreements:
              - {id: msa, practice: pa, fee: {basis: fixed, monthly: 10000}}
            financials:
              start: 2026-01-01
              practices:
                pa: {collections: 1M}
            """;

    private void assertEveryCommandRefuses(String model, String located) throws IOException {
        Path f = dir.resolve("model.yaml");
        Files.writeString(f, model);
        String[][] commands = {{"validate"}, {"captable"}, {"waterfall", "--exit", "5M"}, {"breakpoints"}, {"fees"}, {"check"},
                {"export", "-o", dir.resolve("out.xlsx").toString()}, {"report", "-o", dir.resolve("report").toString()}};
        for (String[] command : commands) {
            String[] args = new String[command.length + 1];
            args[0] = command[0];
            args[1] = f.toString();
            System.arraycopy(command, 1, args, 2, command.length - 1);
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(command[0] + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command[0]).isEqualTo("msocap: invalid model: " + f + ":" + located + "\n");
        }
        assertThat(dir.resolve("out.xlsx")).doesNotExist();
    }

    @Test
    void theModelAsWrittenRunsEveryCommand() throws IOException {
        Path f = dir.resolve("model.yaml");
        Files.writeString(f, MODEL);
        for (String command : new String[] {"validate", "captable", "breakpoints", "fees", "check"}) {
            CliRun run = CliRun.of(command, f.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
        }
        CliRun waterfall = CliRun.of("waterfall", f.toString(), "--exit", "2M");
        assertThat(waterfall.exitCode()).as(waterfall.err()).isZero();
    }

    @Test
    void anMsoOfHurdleSeriesAloneIsRefusedAtItsFirstHolding() throws IOException {
        String onlyInterests = MODEL.replace("    - {holder: alice, class: common, shares: 1000}\n", "");
        assertEveryCommandRefuses(onlyInterests, "16:60: mso.holdings[0].hurdle: every holding of the MSO is a profits interest "
                + "over a hurdle (class incentive held by ceo), so no hurdle has units to be priced on: a hurdle is the equity value "
                + "the rest of the table takes first; add the members' common or preferred units, or give the founders' series a "
                + "threshold");
    }

    @Test
    void profitsInterestsOverThresholdsOrBesideWarrantsPriceAHurdle() throws IOException {
        String onlyInterests = MODEL.replace("    - {holder: alice, class: common, shares: 1000}\n", "");
        // Founders' units at a zero threshold, and the CEO's hurdle priced on them.
        String thresholds = onlyInterests.replace("shares: 100, hurdle: 1M}", "shares: 100, hurdle: 1M}\n"
                + "    - {holder: alice, class: incentive, shares: 1000, threshold: 0}");
        // A hurdle series beside warrants on the common units.
        String warrants = onlyInterests.replace("\npractices:\n", "\n  warrants: [{holder: alice, class: common, shares: 1000, "
                + "strike: 0.01}]\npractices:\n");
        for (String model : new String[] {thresholds, warrants}) {
            Path f = dir.resolve("model.yaml");
            Files.writeString(f, model);
            assertThat(CliRun.of("validate", f.toString()).exitCode()).isZero();
            CliRun waterfall = CliRun.of("waterfall", f.toString(), "--exit", "5M", "--format", "csv");
            assertThat(waterfall.exitCode()).as(waterfall.err()).isZero();
            assertThat(waterfall.out()).contains("ceo");
        }
    }

    @Test
    void unitsForfeitedAtTheSaleAreAnInvalidModelAtThatExitNotAnInternalError() throws IOException {
        String onlyInterests = MODEL.replace("    - {holder: alice, class: common, shares: 1000}\n", "");
        String unvested = "    - {holder: alice, class: incentive, shares: 50, threshold: 2, acquired: 2026-01-01, "
                + "vesting: {start: 2026-01-01, months: 48, cliffMonths: 12}}";
        // Beside a hurdle series: the hurdle has nothing left to be priced on at a sale before the cliff.
        Path f = dir.resolve("model.yaml");
        Files.writeString(f, onlyInterests.replace("shares: 100, hurdle: 1M}", "shares: 100, hurdle: 1M}\n" + unvested));
        assertThat(CliRun.of("validate", f.toString()).exitCode()).isZero();
        CliRun hurdle = CliRun.of("waterfall", f.toString(), "--exit", "5M");
        assertThat(hurdle.exitCode()).isEqualTo(3);
        assertThat(hurdle.err()).contains("mso.holdings: at the exit on 2026-01-01 profits interests of class incentive over a "
                + "hurdle of").contains("have no other units to be priced on").doesNotContain("Exception");
        // Alone: every unit is forfeited and the proceeds have no one to go to.
        Files.writeString(f, onlyInterests.replace("    - {holder: ceo, class: incentive, shares: 100, hurdle: 1M}", unvested));
        CliRun alone = CliRun.of("waterfall", f.toString(), "--exit", "5M");
        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(3);
        assertThat(alone.err()).contains("mso.holdings: at the exit on 2026-01-01 every holding of the MSO is forfeited at the "
                + "sale").doesNotContain("Exception");
    }

    @Test
    void anEventThatCannotApplyIsRefusedByCommandsThatReadOnlyTheCapTableAsWritten() throws IOException {
        // captable without --at and export --ocf once never applied the events, so they accepted what validate refuses.
        String taken = MODEL + """
                events:
                  - type: round
                    name: Seed
                    date: 2027-01-01
                    class: {id: common, type: preferred}
                    pricePerShare: 1
                    investments: [{holder: alice, amount: 1000}]
                """;
        String located = "30:17: events[0].class.id: round 'Seed' creates class 'common', but the cap table in force on "
                + "2027-01-01 already has a class with that id";
        assertEveryCommandRefuses(taken, located);
        Path f = dir.resolve("model.yaml");
        for (String[] command : new String[][] {{"export", f.toString(), "--ocf", "-o", dir.resolve("out.ocf.zip").toString()},
                {"proforma", f.toString()}, {"simulate", f.toString()}, {"captable", f.toString(), "--format", "json"}}) {
            CliRun run = CliRun.of(command);
            assertThat(run.exitCode()).as(command[0] + ": " + run.err()).isEqualTo(ExitCode.INVALID_MODEL);
            assertThat(run.err()).as(command[0]).isEqualTo("msocap: invalid model: " + f + ":" + located + "\n");
        }
        assertThat(dir.resolve("out.ocf.zip")).doesNotExist();
    }

    @Test
    void practiceFiguresWithoutAManagementAgreementAreRefusedWhereTheyAreWritten() throws IOException {
        assertEveryCommandRefuses(MODEL.replace("agreements:\n  - {id: msa, practice: pa, fee: {basis: fixed, monthly: 10000}}\n", ""),
                "23:5: financials.practices.pa: practice pa has financials but no management-services agreement, so it has no fee "
                        + "to project; add one under agreements (or remove its financials)");
    }

    @Test
    void aPracticeWithoutShareholdersIsRefusedAtTheList() throws IOException {
        assertEveryCommandRefuses(MODEL.replace("shareholders: [{holder: dr-a, shares: 10}]", "shareholders: []"),
                "19:63: practices[0].shareholders: practice pa has no shareholders: a professional entity is owned by licensees "
                        + "of its profession, so list at least one (a person with an active license)");
    }
    @Test
    void postMoneySafesClaimingTheWholeCompanyAreRefusedAtTheSafeThatReachesIt() throws IOException {
        String safes = MODEL.replace("    - {holder: ceo, class: incentive, shares: 100, hurdle: 1M}\n",
                "    - {holder: ceo, class: incentive, shares: 100, hurdle: 1M}\n  safes:\n"
                        + "    - {holder: alice, amount: 6M, cap: 10M}\n    - {holder: alice, amount: 2M, cap: 3M}\n");
        assertEveryCommandRefuses(safes, "20:31: mso.safes[1].amount: post-money SAFEs claim 1.2667 of the company up to this one "
                + "(sum of amount ÷ cap); together they must claim less than 1");
        // Exactly the whole company is refused too; just under it is not.
        assertEveryCommandRefuses(safes.replace("amount: 2M, cap: 3M", "amount: 4M, cap: 10M"), "20:31: mso.safes[1].amount: "
                + "post-money SAFEs claim 1.0000 of the company up to this one (sum of amount ÷ cap); together they must claim less "
                + "than 1");
        Path f = dir.resolve("under.yaml");
        Files.writeString(f, safes.replace("amount: 2M, cap: 3M", "amount: 3999999.99, cap: 10M"));
        CliRun run = CliRun.of("waterfall", f.toString(), "--exit", "20M");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}

package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.model.Distribution;
import org.msocap.model.FeeTerms;
import org.msocap.model.Mso;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

class VentureReaderTest {

    /** A small valid model; tests break one thing in it. Line numbers in assertions count from here. */
    static final String BASE = """
            msocap: 1
            venture: Sunrise
            asOf: 2026-01-01
            people:
              - {id: alice, name: Alice}
              - {id: fund, name: Fund LP, type: entity}
              - id: dr-bob
                name: Bob
                licenses:
                  - {profession: physician, state: CA, status: active, expires: 2025-06-30}
              - id: dr-eve
                name: Eve
                licenses:
                  - {profession: physician, state: CA, status: active}
            mso:
              classes:
                - {id: common, type: common}
              holdings:
                - {holder: alice, class: common, shares: 100}
                - {holder: fund, class: common, shares: 50}
            practices:
              - id: pc
                name: Sunrise PC
                state: CA
                shareholders:
                  - {holder: dr-eve, shares: 10}
            """;

    static String resource(String name) throws IOException {
        try (InputStream in = VentureReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InvalidModelException error(String content, String fileName) {
        try {
            VentureReader.read(content, fileName);
        } catch (InvalidModelException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidModelException for:\n" + content);
    }

    private static String message(String content) {
        return error(content, "sunrise.yaml").getMessage();
    }

    @Test
    void readsTheBaseModel() {
        Venture v = VentureReader.read(BASE, "sunrise.yaml");
        assertThat(v.name()).isEqualTo("Sunrise");
        assertThat(v.currency()).isEqualTo("USD");
        assertThat(v.asOf()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(v.people()).hasSize(4);
        assertThat(v.mso().holdings()).extracting(h -> h.shares()).containsExactly(100L, 50L);
        assertThat(v.practices().get(0).shareholders()).containsExactly(new Practice.Shareholding("dr-eve", 10));
    }

    @Test
    void readsEveryFieldOfTheFullExample() throws IOException {
        Venture v = VentureReader.read(resource("full.yaml"), "full.yaml");
        ShareClass a = v.mso().requireClass("series-a");
        assertThat(a.issuePrice()).isEqualTo(new BigDecimal("2.00"));
        assertThat(a.participation()).isEqualTo(ShareClass.Participation.CAPPED);
        assertThat(a.cap()).isEqualTo(new BigDecimal("3.0"));
        assertThat(a.dividend()).isEqualTo(new ShareClass.Dividend(new BigDecimal("0.08"), true,
                ShareClass.Dividend.Compounding.SIMPLE));
        assertThat(v.mso().safes().get(0).cap()).isEqualTo(Money.of(8_000_000));
        assertThat(v.mso().safes().get(0).kind()).isEqualTo(Safe.Kind.POST_MONEY);
        assertThat(v.mso().notes().get(0).principal()).isEqualTo(Money.of(100_000));
        assertThat(v.mso().form()).isEqualTo(Mso.Form.LLC);
        assertThat(v.mso().officers()).containsEntry("ceo", "alice").containsEntry("cfo", "carol");
        assertThat(v.practices().get(0).form()).isEqualTo(Practice.Form.MEDICAL_CORPORATION);
        assertThat(v.agreements().get(0).fee().basis()).isEqualTo(FeeTerms.Basis.HYBRID);
        assertThat(v.financials().mso().operatingCosts()).isEqualTo(Money.of(1_200_000));
        assertThat(v.financials().practices().get("sunrise-ca").collections()).isEqualTo(Money.of(4_000_000));
        assertThat(v.exits()).hasSize(3);
        assertThat(v.exits().get(0).transactionCosts().fraction()).isEqualTo(new BigDecimal("0.03"));
        assertThat(v.exits().get(1).transactionCosts().fixed()).isEqualTo(Money.of(500_000));
        assertThat(v.exits().get(1).enterpriseValue()).isEqualTo(Money.of(60_000_000));
        assertThat(v.exits().get(0).carveOut().recipients()).containsEntry("alice", new BigDecimal("0.5"));
        assertThat(v.simulation().exitDate()).isEqualTo(new Distribution.Uniform(
                LocalDate.of(2029, 1, 1).toEpochDay(), LocalDate.of(2032, 12, 31).toEpochDay()));
        assertThat(v.simulation().ebitdaMultiple()).isEqualTo(new Distribution.LogNormal(10, 0.35));
        assertThat(v.simulation().collectionsGrowth()).isEqualTo(new Distribution.Normal(0.18, 0.08));
        assertThat(v.simulation().clinicianComp()).isEqualTo(new Distribution.Triangular(0.40, 0.45, 0.55));
        assertThat(v.simulation().escrowRelease()).isEqualTo(new Distribution.Beta(9, 1, 0, 1));
        assertThat(v.simulation().earnoutPaid()).isEqualTo(new Distribution.Empirical(java.util.List.of(0.0, 0.0, 1.0)));
        assertThat(v.simulation().correlations()).hasSize(1);
    }

    @Test
    void jsonTwinReadsEqualToTheYaml() throws IOException {
        assertThat(VentureReader.read(resource("full.json"), "full.json"))
                .isEqualTo(VentureReader.read(resource("full.yaml"), "full.yaml"));
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sunrise.yaml");
        Files.writeString(file, BASE);
        assertThat(VentureReader.read(file)).isEqualTo(VentureReader.read(BASE, "sunrise.yaml"));
    }

    @Test
    void amountsAcceptSuffixesAndQuotedDecimals() {
        String yaml = BASE.replace("shares: 100}", "shares: 100, cost: 2.5M}")
                .replace("shares: 50}", "shares: 50, cost: \"2500000.00\"}");
        Venture v = VentureReader.read(yaml, "sunrise.yaml");
        assertThat(v.mso().holdings().get(0).cost()).isEqualTo(Money.of(2_500_000));
        assertThat(v.mso().holdings().get(1).cost()).isEqualTo(Money.of(2_500_000));
    }

    @Test
    void aSchemaReferenceForEditorsIsAllowedAndIgnored() {
        String json = "{\"$schema\": \"./msocap.schema.json\", \"msocap\": 1, \"venture\": \"x\", \"mso\": {\"classes\":"
                + " [{\"id\": \"common\", \"type\": \"common\"}], \"holdings\": []}}";
        assertThat(error(json.replace("\"holdings\": []", "\"holdings\": [{\"holder\": \"x\", \"class\": \"common\", \"shares\": 1}]"),
                "s.json").getMessage()).isEqualTo("s.json:1:147: mso.holdings[0].holder: unknown person 'x'; add them under people:");
        Venture v = VentureReader.read(BASE.replace("msocap: 1\n", "$schema: https://example.org/msocap.schema.json\nmsocap: 1\n"), "s.yaml");
        assertThat(v).isEqualTo(VentureReader.read(BASE, "s.yaml"));
    }

    @Test
    void boardAndOfficerReferencesAreLocated() {
        assertThat(message(BASE.replace("mso:\n", "mso:\n  directors: [alice, bobby]\n")))
                .isEqualTo("sunrise.yaml:16:22: mso.directors[1]: unknown person 'bobby'; add them under people:");
        assertThat(message(BASE.replace("mso:\n", "mso:\n  officers: {ceo: alicia}\n")))
                .isEqualTo("sunrise.yaml:16:19: mso.officers.ceo: unknown person 'alicia' (did you mean 'alice'?); add them under people:");
    }

    @Test
    void enumsAreCaseInsensitive() {
        Venture v = VentureReader.read(BASE.replace("mso:\n", "mso:\n  form: C-Corp\n"), "sunrise.yaml");
        assertThat(v.mso().form()).isEqualTo(Mso.Form.C_CORP);
    }

    @Test
    void emptyListItem() {
        assertThat(message(BASE.replace("    - {holder: fund, class: common, shares: 50}", "    -")))
                .isEqualTo("sunrise.yaml:20:6: mso.holdings[1]: expected a map of fields but found an empty value");
    }

    @Test
    void booleanOfTheWrongKind() {
        assertThat(message(BASE.replace("{id: alice, name: Alice}", "{id: alice, name: Alice, refersPatients: sometimes}")))
                .isEqualTo("sunrise.yaml:5:46: people[0].refersPatients: expected true or false but found text 'sometimes'");
    }

    @Test
    void optionGrantsBeyondThePool() {
        String yaml = BASE.replace("mso:\n", "mso:\n  optionPool: 100\n  options:\n    - {holder: alice, shares: 150, strike: 0.1}\n");
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:16:15: mso.optionPool: option grants total 150 shares but the option pool is 100");
    }

    @Test
    void financialsForAnUnknownPractice() {
        String yaml = BASE + "financials:\n  start: 2026-01-01\n  practices:\n    pcc: {collections: 1M}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:30:5: financials.practices.pcc: unknown practice 'pcc'"
                + " (did you mean 'pc'?); practices are pc");
    }

    @Test
    void carveOutForAnUnknownPerson() {
        String yaml = BASE + "exits:\n  - name: Sale\n    enterpriseValue: 10M\n"
                + "    carveOut: {fraction: 0.05, recipients: {alce: 1}}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:30:45: exits[0].carveOut.recipients.alce: unknown person 'alce'"
                + " (did you mean 'alice'?); add them under people:");
    }

    @Test
    void exitNeedsExactlyOneValue() {
        String yaml = BASE + "exits:\n  - name: Sale\n    enterpriseValue: 10M\n    ebitdaMultiple: 8\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:29:22: exits[0].enterpriseValue: exit 'Sale' needs exactly one of"
                + " enterpriseValue, ebitdaMultiple or revenueMultiple but has 2");
    }

    /** Issue 16: revenueBasis says whose revenue a revenue multiple applies to; without one it is refused, located. */
    @Test
    void revenueBasisGoesWithARevenueMultiple() throws IOException {
        assertThat(VentureReader.read(resource("full.yaml"), "full.yaml").exits().get(2).revenueBasis())
                .isEqualTo(org.msocap.model.ExitScenario.RevenueBasis.PLATFORM);
        String yaml = BASE + "exits:\n  - name: Sale\n    ebitdaMultiple: 8\n    revenueBasis: platform\n";
        assertThat(message(yaml)).startsWith("sunrise.yaml:30:19: exits[0].revenueBasis: exit 'Sale' has a revenueBasis "
                + "but no revenueMultiple");
        String unknown = BASE + "exits:\n  - {name: Sale, revenueMultiple: 2, revenueBasis: practice}\n";
        assertThat(message(unknown)).contains("exits[0].revenueBasis: unknown value 'practice'").contains("mso, platform");
    }

    @Test
    void fixedTransactionCostsNeedTheAmount() {
        String yaml = BASE + "exits:\n  - {name: Sale, enterpriseValue: 10M, transactionCosts: {fixd: 5}}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:28:59: exits[0].transactionCosts.fixd: unknown field 'fixd'"
                + " (did you mean 'fixed'?); allowed fields are fixed");
    }

    /** Runs outside what --runs allows say the range, as --runs does (a count past an int said only "is too large"). */
    @Test
    void simulationRunsOutsideTheirRangeSayTheRange() {
        for (String runs : new String[] {"3000000000", "0", "-5", "2.5", "3B"}) {
            String yaml = BASE + "simulation:\n  runs: " + runs + "\n";
            assertThat(message(yaml)).as(runs).isEqualTo("sunrise.yaml:28:9: simulation.runs: runs must be a whole number from 1 to "
                    + "2,147,483,647 but was " + new java.math.BigDecimal(runs.replace("3B", "3000000000")).toPlainString());
        }
    }

    @Test
    void distributionParametersAreLocated() {
        String yaml = BASE + "simulation:\n  ebitdaMultiple: {lognormal: {median: 10, sigma: -0.3}}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:28:51: simulation.ebitdaMultiple.lognormal.sigma: sigma must be >= 0 but was -0.3");
        String uniform = BASE + "simulation:\n  exitDate: {uniform: [2032-01-01, 2029-01-01]}\n";
        assertThat(message(uniform)).startsWith("sunrise.yaml:28:23: simulation.exitDate.uniform: uniform needs low <= high");
        String two = BASE + "simulation:\n  ebitdaMultiple: {normal: {mean: 1, sd: 1}, uniform: [1, 2]}\n";
        assertThat(message(two)).isEqualTo("sunrise.yaml:28:19: simulation.ebitdaMultiple: a distribution is a number or one of"
                + " constant, normal, lognormal, uniform, triangular, beta, empirical, e.g. {lognormal: {median: 10, sigma: 0.35}},"
                + " but 2 were given");
        String shape = BASE + "simulation:\n  ebitdaMultiple: {triangular: [1, 2]}\n";
        assertThat(message(shape)).isEqualTo("sunrise.yaml:28:32: simulation.ebitdaMultiple.triangular: expected [low, mode, high]"
                + " but found a list of 2");
    }

    @Test
    void boundsOutOfOrderAreShownAsWrittenNotAsDayNumbers() {
        String uniform = BASE + "simulation:\n  exitDate: {uniform: [2032-01-01, 2029-01-01]}\n";
        assertThat(message(uniform)).isEqualTo("sunrise.yaml:28:23: simulation.exitDate.uniform: uniform needs low <= high but"
                + " was [2032-01-01, 2029-01-01]");
        String triangular = BASE + "simulation:\n  exitDate: {triangular: [2031-01-01, 2029-01-01, 2032-01-01]}\n";
        assertThat(message(triangular)).isEqualTo("sunrise.yaml:28:26: simulation.exitDate.triangular: triangular needs low <="
                + " mode <= high but was [2031-01-01, 2029-01-01, 2032-01-01]");
        String beta = BASE + "simulation:\n  exitDate: {beta: {alpha: 2, beta: 2, low: 2031-01-01, high: 2029-01-01}}\n";
        assertThat(message(beta)).isEqualTo("sunrise.yaml:28:20: simulation.exitDate.beta: beta needs low < high but was"
                + " [2031-01-01, 2029-01-01]");
        String numbers = BASE + "simulation:\n  ebitdaMultiple: {triangular: [9, 8.5, 7]}\n";
        assertThat(message(numbers)).isEqualTo("sunrise.yaml:28:32: simulation.ebitdaMultiple.triangular: triangular needs low"
                + " <= mode <= high but was [9, 8.5, 7]");
    }

    @Test
    void aBetaOfDatesNeedsBothEnds() {
        // Without high the fraction default 1 became the date 1970-01-02: "beta needs low < high but was [21550.0, 1.0]".
        String yaml = BASE + "simulation:\n  exitDate: {beta: {alpha: 2, beta: 2, low: 2029-01-01}}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:28:20: simulation.exitDate.beta: a beta of dates needs both low and"
                + " high, e.g. {alpha: 2, beta: 2, low: 2028-01-01, high: 2031-12-31}");
    }

    @Test
    void correlationWithAnUnknownDriver() {
        String yaml = BASE + "simulation:\n  correlations:\n    - {a: ebitdaMultiple, b: colectionsGrowth, rho: 0.5}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:29:30: simulation.correlations[0].b: unknown driver 'colectionsGrowth'"
                + " (did you mean 'collectionsGrowth'?)");
    }

    @Test
    void invalidIdIsLocated() {
        assertThat(message(BASE.replace("{id: alice, name: Alice}", "{id: Alice Chen, name: Alice}")))
                .isEqualTo("sunrise.yaml:5:10: people[0].id: id must be lowercase letters, digits and '-' (starting with a"
                        + " letter or digit) but was 'Alice Chen'");
    }

    @Test
    void managementAgreementWithoutAFee() {
        String yaml = BASE + "agreements:\n  - {id: msa, practice: pc}\n";
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:28:5: agreements[0].fee: fee is required");
    }

    @Test
    void hugeExponentsAreRefusedQuickly() {
        assertThat(message(BASE.replace("shares: 50}", "shares: 50, cost: 1e999999999}")))
                .isEqualTo("sunrise.yaml:20:55: mso.holdings[1].cost: number out of range: 1e999999999; numbers have at most"
                        + " 19 digits before the point and 20 after it");
        assertThat(message(BASE.replace("shares: 50}", "shares: 1e-999999999}")))
                .isEqualTo("sunrise.yaml:20:45: mso.holdings[1].shares: number out of range: 1e-999999999; numbers have at most"
                        + " 19 digits before the point and 20 after it");
    }

    @Test
    void smallCountsOutOfIntegerRange() {
        String yaml = BASE.replace("{id: common, type: common}", "{id: common, type: common}\n    - {id: pref, type: preferred, issuePrice: 1, seniority: 5000000000}");
        assertThat(message(yaml)).isEqualTo("sunrise.yaml:18:61: mso.classes[1].seniority: 5000000000 is too large");
    }

    @Test
    void sharesAcceptAmountSuffixes() {
        Venture v = VentureReader.read(BASE.replace("shares: 100}", "shares: 1.5M}"), "sunrise.yaml");
        assertThat(v.mso().holdings().get(0).shares()).isEqualTo(1_500_000L);
    }

    // ---- bad input: every message exactly, with line and column -------------------------------------

    @Test
    void negativeShareCount() {
        assertThat(message(BASE.replace("shares: 50}", "shares: -5}")))
                .isEqualTo("sunrise.yaml:20:45: mso.holdings[1].shares: shares must be > 0 but was -5");
    }

    @Test
    void theUnderlyingErrorIsKeptForDebuggingButNotInTheMessage() {
        InvalidModelException invalid = error(BASE.replace("shares: 50}", "shares: -5}"), "sunrise.yaml");
        assertThat(invalid.getCause()).isInstanceOf(org.msocap.model.ModelException.class);
        assertThat(error("msocap: [", "sunrise.yaml").getCause()).isNotNull();
        assertThat(invalid.getStackTrace()).isNotEmpty();
    }

    @Test
    void fractionalShareCount() {
        assertThat(message(BASE.replace("shares: 50}", "shares: 10.5}")))
                .isEqualTo("sunrise.yaml:20:45: mso.holdings[1].shares: fractional shares are not allowed: 10.5");
    }

    @Test
    void wrongScalarType() {
        InvalidModelException e = error(BASE.replace("shares: 50}", "shares: abc}"), "sunrise.yaml");
        assertThat(e.getMessage())
                .isEqualTo("sunrise.yaml:20:45: mso.holdings[1].shares: expected a whole number of shares but found text 'abc'");
        assertThat(e.file()).isEqualTo("sunrise.yaml");
        assertThat(e.line()).isEqualTo(20);
        assertThat(e.column()).isEqualTo(45);
        assertThat(e.field()).isEqualTo("mso.holdings[1].shares");
        assertThat(e.reason()).isEqualTo("expected a whole number of shares but found text 'abc'");
    }

    @Test
    void mapWhereAListIsExpected() {
        assertThat(message(BASE.replace("  classes:\n    - {id: common, type: common}", "  classes: {id: common, type: common}")))
                .isEqualTo("sunrise.yaml:16:12: mso.classes: expected a list but found a map");
    }

    @Test
    void unknownClass() {
        assertThat(message(BASE.replace("{holder: fund, class: common", "{holder: fund, class: comon")))
                .isEqualTo("sunrise.yaml:20:29: mso.holdings[1].class: unknown class 'comon' (did you mean 'common'?); classes are common");
    }

    @Test
    void unknownFieldWithSuggestion() {
        assertThat(message(BASE.replace("shares: 50}", "shars: 50}")))
                .isEqualTo("sunrise.yaml:20:37: mso.holdings[1].shars: unknown field 'shars' (did you mean 'shares'?);"
                        + " allowed fields are holder, class, shares, acquired, cost, threshold, hurdle, vesting, acceleration,"
                        + " performanceVesting, dividendFrom");
    }

    @Test
    void anUnquotedCommaInAFlowMapIsNamedAsTheLikelyCause() {
        // YAML ends a plain value inside { } at a comma: the rest reads as a field with no value.
        assertThat(message(BASE.replace("{id: fund, name: Fund LP, type: entity}", "{id: fund, name: Fund 1, LP, type: entity}")))
                .isEqualTo("sunrise.yaml:6:30: people[1].LP: unknown field 'LP'; allowed fields are id, name, type, licenses,"
                        + " refersPatients, privateEquity, incidentalMsoHolding; inside { } a comma ends the value, so name reads"
                        + " as 'Fund 1': a value containing a comma must be quoted (name: \"Fund 1, LP\")");
        assertThat(message(BASE.replace("class: common, shares: 50}", "class: common, shares: 50, cost: 1,000}")))
                .startsWith("sunrise.yaml:20:57: mso.holdings[1].000: unknown field '000'; allowed fields are holder,")
                .endsWith("; inside { } a comma ends the value, so cost: 1,000 reads as 1: write numbers without thousands"
                        + " separators (cost: 1000, or 1k, 2.5M)");
        assertThat(message(BASE.replace("class: common, shares: 50}", "class: common, shares: 50, cost: 1,000,000}")))
                .startsWith("sunrise.yaml:20:61: mso.holdings[1].000: duplicate field '000' (first written at line 20, column 57);"
                        + " inside { } a comma ends the value: write numbers without thousands separators (1000000, or 1M)");
    }

    @Test
    void anUnknownFieldThatIsNotACommaSplitGetsNoCommaHint() {
        // A misspelt field has a value; a block map, a quoted value or a number before a word cannot be a split value.
        assertThat(message(BASE.replace("{id: fund, name: Fund LP, type: entity}", "{id: fund, name: Fund LP, typ: entity}")))
                .doesNotContain("comma");
        assertThat(message(BASE.replace("{id: fund, name: Fund LP, type: entity}", "{id: fund, name: \"Fund 1\", LP, type: entity}")))
                .contains("unknown field 'LP'").doesNotContain("comma");
        assertThat(message(BASE.replace("    name: Bob\n", "    name: Bob\n    LP:\n")))
                .contains("unknown field 'LP'").doesNotContain("comma");
        assertThat(message(BASE.replace("class: common, shares: 50}", "class: common, shares: 50, LP}")))
                .contains("unknown field 'LP'").doesNotContain("comma");
    }

    @Test
    void unknownTopLevelFieldSuggestsWithoutListingWhenTheListIsLong() {
        assertThat(message(BASE + "excits: []\n"))
                .isEqualTo("sunrise.yaml:27:1: excits: unknown field 'excits' (did you mean 'exits'?); allowed fields are $schema,"
                        + " msocap, venture, currency, asOf, people, mso, practices, agreements, financials, exits, simulation, events");
        assertThat(message(BASE.replace("mso:\n", "mso:\n  optionPol: 5\n")))
                .isEqualTo("sunrise.yaml:16:3: mso.optionPol: unknown field 'optionPol' (did you mean 'optionPool'?)");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        assertThat(message(BASE.replace("mso:\n", "mso:\n  form: corp\n")))
                .isEqualTo("sunrise.yaml:16:9: mso.form: unknown value 'corp' (did you mean 'c-corp'?); allowed values are llc, c-corp, s-corp");
    }

    @Test
    void duplicateId() {
        assertThat(message(BASE.replace("{id: fund, name: Fund LP", "{id: alice, name: Fund LP")))
                .isEqualTo("sunrise.yaml:6:10: people[1].id: id 'alice' is already used by people[0].id; ids must be unique across the file");
    }

    @Test
    void brokenPersonReference() {
        assertThat(message(BASE.replace("{holder: fund, class", "{holder: fnd, class")))
                .isEqualTo("sunrise.yaml:20:16: mso.holdings[1].holder: unknown person 'fnd' (did you mean 'fund'?); add them under people:");
    }

    @Test
    void layPersonHoldingPracticeShares() {
        assertThat(message(BASE.replace("{holder: dr-eve, shares: 10}", "{holder: alice, shares: 10}")))
                .isEqualTo("sunrise.yaml:26:18: practices[0].shareholders[0].holder: practice pc shares may be held only by"
                        + " licensed clinicians, but alice has no clinical license");
    }

    @Test
    void entityHoldingPracticeShares() {
        assertThat(message(BASE.replace("{holder: dr-eve, shares: 10}", "{holder: fund, shares: 10}")))
                .isEqualTo("sunrise.yaml:26:18: practices[0].shareholders[0].holder: practice pc shares may be held only by"
                        + " licensed clinicians, but fund is an entity");
    }

    @Test
    void expiredLicenseHoldingPracticeShares() {
        assertThat(message(BASE.replace("{holder: dr-eve, shares: 10}", "{holder: dr-bob, shares: 10}")))
                .isEqualTo("sunrise.yaml:26:18: practices[0].shareholders[0].holder: practice pc shares may be held only by"
                        + " licensed clinicians, but dr-bob has no clinical license active on 2026-01-01 (physician CA active until 2025-06-30)");
    }

    /** BASE with its practice a PLLC whose owners are written as members holding units (line 26: members, 27: the entry). */
    static final String PLLC_MEMBERS = BASE.replace("    shareholders:\n      - {holder: dr-eve, shares: 10}\n",
            "    form: pllc\n    members:\n      - {holder: dr-eve, units: 10}\n");

    @Test
    void aPllcListsItsMembersAndTheirUnitsAsShareholdersOfTheModel() {
        assertThat(PLLC_MEMBERS).contains("members:");
        Practice pllc = VentureReader.read(PLLC_MEMBERS, "sunrise.yaml").practices().get(0);
        assertThat(pllc.form()).isEqualTo(Practice.Form.PLLC);
        assertThat(pllc.shareholders()).containsExactly(new Practice.Shareholding("dr-eve", 10));
        // The same PLLC written with shareholders, as every existing file does, reads the same.
        String asShareholders = BASE.replace("    shareholders:\n", "    form: pllc\n    shareholders:\n");
        assertThat(VentureReader.read(asShareholders, "sunrise.yaml").practices()).containsExactly(pllc);
    }

    @Test
    void aPracticeListsItsOwnersOnceNotAsMembersAndShareholders() {
        assertThat(message(PLLC_MEMBERS.replace("    members:\n", "    shareholders: [{holder: dr-eve, shares: 1}]\n    members:\n")))
                .isEqualTo("sunrise.yaml:27:5: practices[0].members: a practice lists its owners once: members (a PLLC's members"
                        + " and their units) or shareholders, not both");
    }

    @Test
    void membersAreAPllcsWordOnly() {
        assertThat(message(PLLC_MEMBERS.replace("    form: pllc\n", "    form: pc\n")))
                .isEqualTo("sunrise.yaml:26:5: practices[0].members: members is for a PLLC (form: pllc), whose owners are members"
                        + " holding units; this practice is a pc: list its owners as shareholders: [{holder, shares}]");
        assertThat(message(PLLC_MEMBERS.replace("    form: pllc\n", ""))).startsWith("sunrise.yaml:25:5: practices[0].members:")
                .contains("this practice is a pc (the default form)");
    }

    @Test
    void aMembersEntryHoldsUnits() {
        assertThat(message(PLLC_MEMBERS.replace("units: 10}", "shares: 10}")))
                .isEqualTo("sunrise.yaml:27:26: practices[0].members[0].shares: unknown field 'shares'; allowed fields are holder, units");
        assertThat(message(PLLC_MEMBERS.replace("units: 10}", "unit: 10}")))
                .startsWith("sunrise.yaml:27:26: practices[0].members[0].unit: unknown field 'unit' (did you mean 'units'?)");
        assertThat(message(PLLC_MEMBERS.replace("units: 10}", "units: 0}")))
                .isEqualTo("sunrise.yaml:27:33: practices[0].members[0].units: units must be > 0 but was 0");
        assertThat(message(PLLC_MEMBERS.replace("units: 10}", "units: 2.5}")))
                .isEqualTo("sunrise.yaml:27:33: practices[0].members[0].units: fractional units are not allowed: 2.5");
    }

    @Test
    void theModelsRulesAboutAPllcsOwnersArePlacedAtTheMembersAsWritten() {
        assertThat(message(PLLC_MEMBERS.replace("{holder: dr-eve, units: 10}", "{holder: alice, units: 10}")))
                .isEqualTo("sunrise.yaml:27:18: practices[0].members[0].holder: practice pc units may be held only by"
                        + " licensed clinicians, but alice has no clinical license");
        assertThat(message(PLLC_MEMBERS.replace("    members:\n      - {holder: dr-eve, units: 10}\n", "    members: []\n")))
                .isEqualTo("sunrise.yaml:26:14: practices[0].members: practice pc has no members: a professional entity is owned"
                        + " by licensees of its profession, so list at least one (a person with an active license)");
    }

    @Test
    void missingRequiredFieldPointsAtTheEnclosingObject() {
        assertThat(message(BASE.replace("{holder: fund, class: common, shares: 50}", "{holder: fund, class: common}")))
                .isEqualTo("sunrise.yaml:20:7: mso.holdings[1].shares: shares is required");
        assertThat(message(BASE.replace("venture: Sunrise\n", "")))
                .isEqualTo("sunrise.yaml:1:1: venture: venture is required");
        assertThat(message("venture: x\n"))
                .isEqualTo("sunrise.yaml:1:1: msocap: msocap is required: start the file with 'msocap: 1' (the format version)");
    }

    @Test
    void wrongFormatVersion() {
        assertThat(message(BASE.replace("msocap: 1", "msocap: 2")))
                .isEqualTo("sunrise.yaml:1:9: msocap: msocap format version must be 1 but was 2");
    }

    @Test
    void invalidDate() {
        assertThat(message(BASE.replace("asOf: 2026-01-01", "asOf: 2026-02-30")))
                .isEqualTo("sunrise.yaml:3:7: asOf: not a valid date: 2026-02-30");
        assertThat(message(BASE.replace("asOf: 2026-01-01", "asOf: 01/02/2026")))
                .isEqualTo("sunrise.yaml:3:7: asOf: expected a date YYYY-MM-DD but found text '01/02/2026'");
    }

    @Test
    void percentagesMustBeFractions() {
        String yaml = BASE + "exits:\n  - {name: Sale, enterpriseValue: 10M, transactionCosts: 3%}\n";
        assertThat(message(yaml))
                .isEqualTo("sunrise.yaml:28:58: exits[0].transactionCosts: write fractions, not percentages: 0.08 for 8%, but found 3%");
    }

    @Test
    void amountsHaveAtMostTwoDecimals() {
        assertThat(message(BASE.replace("shares: 50}", "shares: 50, cost: 10.005}")))
                .isEqualTo("sunrise.yaml:20:55: mso.holdings[1].cost: amounts have at most two decimals (cents) but found 10.005");
    }

    @Test
    void malformedYamlReportsTheParsersPlace() {
        assertThat(message(BASE.replace("shares: 50}", "shares: 50")))
                .isEqualTo("sunrise.yaml:21:10: mso.holdings[1]: malformed YAML: expected ',' or '}', but got :"
                        + " (while parsing a flow mapping at line 20, column 7)");
    }

    @Test
    void malformedJson() {
        InvalidModelException e = error("{\"msocap\": 1, \"venture\": \"x\",\n \"mso\": {\"classes\": [}\n", "sunrise.json");
        assertThat(e.getMessage()).isEqualTo("sunrise.json:2:22: mso.classes: malformed JSON: Unexpected close marker '}': expected ']' (the list starts at line 2, column 21)")
                .doesNotContain("Source").doesNotContain("com.fasterxml");
    }

    @Test
    void duplicateKey() {
        assertThat(message(BASE.replace("venture: Sunrise\n", "venture: Sunrise\nventure: Dawn\n")))
                .isEqualTo("sunrise.yaml:3:1: venture: duplicate field 'venture' (first written at line 2, column 1)");
    }

    @Test
    void aliasBombIsRefusedAtTheFirstAnchor() {
        String bomb = """
                msocap: 1
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;
        assertThat(message(bomb))
                .isEqualTo("sunrise.yaml:2:4: a: YAML anchors (&a) are not allowed in model files; write the value out");
    }

    @Test
    void aliasWithoutAnchorIsRefused() {
        assertThat(message(BASE.replace("venture: Sunrise", "venture: *name")))
                .isEqualTo("sunrise.yaml:2:10: venture: YAML aliases (*name) are not allowed in model files; write the value out");
    }

    @Test
    void emptyFile() {
        String expected = "sunrise.yaml:1:1: file is empty: expected a venture model (msocap: 1, venture: ..., mso: ...)";
        assertThat(message("")).isEqualTo(expected);
        assertThat(message("# only a comment\n")).isEqualTo(expected);
        assertThat(error("", "sunrise.yaml").field()).isEmpty();
    }

    @Test
    void rootThatIsNotAMap() {
        assertThat(message("- alice\n- bob\n"))
                .isEqualTo("sunrise.yaml:1:1: expected a venture model, a map of fields (msocap: 1, venture: ..., mso: ...), but found a list");
        assertThat(message("just text\n"))
                .isEqualTo("sunrise.yaml:1:1: expected a venture model, a map of fields (msocap: 1, venture: ..., mso: ...), but found text 'just text'");
    }

    @Test
    void secondDocumentIsRefused() {
        assertThat(message(BASE + "---\n" + BASE))
                .isEqualTo("sunrise.yaml:28:1: a model file holds one venture, but a second document starts here");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "msocap: 1\nventure: x\nmso: " + "[".repeat(40) + "]".repeat(40) + "\n";
        assertThat(message(deep)).isEqualTo("sunrise.yaml:3:37: mso" + "[0]".repeat(31)
                + ": nesting is deeper than 32 levels; a venture model is never nested this deep");
    }

    @Test
    void tooManyValuesAreRefused() {
        String many = "msocap: 1\nventure: x\nstaff:\n" + "  - a\n".repeat(TreeReader.MAX_VALUES);
        assertThat(message(many)).isEqualTo("sunrise.yaml:500000:5: staff[499996]: the file holds more than 500000 values;"
                + " a venture model has far fewer");
    }

    @Test
    void fileOverTenMegabytesIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            out.write("msocap: 1\n".getBytes(StandardCharsets.US_ASCII));
            long target = 50L * 1024 * 1024;
            for (long written = 10; written < target; written += line.length) {
                out.write(line);
            }
        }
        long size = Files.size(big);
        assertThat(size).isGreaterThanOrEqualTo(50L * 1024 * 1024);
        assertThatThrownBy(() -> VentureReader.read(big))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage(big + ":1:1: file is too large (" + size + " bytes); model files are limited to 10 MB");
    }

    @Test
    void stringOverTenMegabytesIsRefused() {
        String big = "#".repeat((int) TreeReader.MAX_BYTES + 1);
        assertThat(message(big)).isEqualTo("sunrise.yaml:1:1: file is too large (10485761 characters); model files are limited to 10 MB");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> VentureReader.read(missing)).hasMessage(missing + ":1:1: no such file");
    }

    @Test
    void directory(@TempDir Path dir) {
        assertThatThrownBy(() -> VentureReader.read(dir)).hasMessage(dir + ":1:1: this is a directory, not a model file");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void devicesAndFifosAreRefusedUnread(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> VentureReader.read(Path.of("/dev/zero")))
                .hasMessage("/dev/zero:1:1: not a regular file (a device, a FIFO or a socket), not a model file");
        Path fifo = dir.resolve("fifo.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertThatThrownBy(() -> VentureReader.read(fifo)).hasMessageContaining("not a regular file");
    }

    /** The bytes read are counted, not the size the file reports (which a growing file or /proc gets wrong). */
    @Test
    void theReadItselfIsBounded(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("m.yaml"), "x".repeat(101));
        assertThat(VentureReader.readAtMost(file, 101, "m.yaml")).hasSize(101);
        assertThatThrownBy(() -> VentureReader.readAtMost(file, 100, "m.yaml"))
                .hasMessage("m.yaml:1:1: file is too large (more than 100 bytes); model files are limited to 10 MB");
    }

    @Test
    void datesAreWrittenAsDatesInTheSimulationToo() {
        String yaml = BASE + "simulation:\n  exitDate: 20280101\n";
        assertThat(message(yaml)).endsWith(": simulation.exitDate: expected a date YYYY-MM-DD but found the number 20280101");
        String uniform = BASE + "simulation:\n  exitDate: {uniform: [2028-01-01, 20311231]}\n";
        assertThat(message(uniform)).endsWith(": simulation.exitDate.uniform[1]: expected a date YYYY-MM-DD but found the number 20311231");
    }

    @Test
    void everyKindOfNumberHasItsRange() {
        assertThat(message(BASE.replace("shares: 50}", "shares: 50, cost: 1000000000000.01}")))
                .endsWith("mso.holdings[1].cost: amount out of range: 1000000000000.01; amounts are at most 1 trillion (1,000,000,000,000) in size");
        assertThat(message(BASE.replace("shares: 50}", "shares: 1000000000001}")))
                .endsWith("mso.holdings[1].shares: shares out of range: 1000000000001; a holding has at most 1,000,000,000,000 shares");
        assertThat(message(BASE + "simulation:\n  ebitdaMultiple: {normal: {mean: 8, sd: 1e30}}\n"))
                .endsWith("simulation.ebitdaMultiple.normal.sd: number out of range: 1e30; distribution parameters and probabilities are at most 1,000,000 in size");
        assertThat(message(BASE.replace("{id: common, type: common}", "{id: common, type: common}\n    - {id: p, type: preferred, issuePrice: 1, preference: 101}")))
                .endsWith("mso.classes[1].preference: number out of range: 101; numbers are at most 100 in size");
        assertThat(message(BASE.replace("{id: common, type: common}", "{id: common, type: common}\n    - {id: p, type: preferred, issuePrice: 1000001}")))
                .endsWith("mso.classes[1].issuePrice: price out of range: 1000001; prices are at most 1,000,000 in size");
    }

    @Test
    void aCapTableWorthMoreThanTheLimitAtItsOwnPriceIsRefused() {
        String yaml = BASE.replace("{id: common, type: common}", "{id: common, type: common}\n    - {id: p, type: preferred, issuePrice: 1000000}")
                .replace("shares: 50}", "shares: 50}\n    - {holder: alice, class: p, shares: 2000000}");
        assertThat(message(yaml)).contains("mso.classes[1].issuePrice: at 1000000 a share (with its preference or cap), the 2,000,")
                .endsWith("fully diluted shares are worth more than 1 trillion (1,000,000,000,000), the limit for amounts");
    }

    @Test
    void longNumbersAreRefusedUnparsedAndValuesInMessagesAreCutAndEscaped() {
        String digits = "9".repeat(300_000);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();   // CPU time: the build machine is shared
        String refused = message(BASE.replace("shares: 50}", "shares: " + digits + "}"));
        long cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        System.out.println("refusing 300,000 digits took " + cpuMillis + " ms of CPU");
        assertThat(cpuMillis).as("CPU ms").isLessThan(3_000);
        assertThat(refused).contains("mso.holdings[1].shares: number too long (300000 characters): " + "9".repeat(80) + "…;");
        assertThat(message(BASE.replace("{id: common, type: common}", "{id: common, type: \"com\\u202Emon\\u0007\"}")))
                .contains("unknown value 'com\\u202Emon\\u0007'").doesNotContain("\u202E", "\u0007");
    }

    @Test
    void notUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'v', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> VentureReader.read(file)).hasMessage(file + ":1:1: the file is not UTF-8 text");
    }

    @Test
    void yamlFeaturesAModelNeverNeeds() {
        assertThat(message("msocap: !!binary aGVsbG8=\n"))
                .isEqualTo("sunrise.yaml:1:9: msocap: unsupported YAML value; tagged values such as !!binary have no place in a model file");
        assertThat(message("msocap: 1\n? [a, b]\n: c\n"))
                .isEqualTo("sunrise.yaml:2:4: malformed YAML: a map key must be plain text, not a list or a map");
        assertThat(message("msocap: 1\nventure: x\nmso:\n\tclasses: []\n"))
                .isEqualTo("sunrise.yaml:4:1: mso: malformed YAML: found character '\\t(TAB)' that cannot start any token."
                        + " (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void messagesNeverCarryJavaClassNames() {
        String[] broken = {"msocap: [", "{\"a\": tru}", "a: b: c", "a:\n\t- b"};
        for (String text : broken) {
            for (String name : new String[] {"x.yaml", "x.json"}) {
                String m = error(text, name).getMessage();
                assertThat(m).doesNotContain("com.").doesNotContain("org.").doesNotContain("Exception").doesNotContain("\n");
            }
        }
    }

    @Test
    void aStreamIsReadLikeAFileUpToTheSameLimit() {
        ModelFile read = VentureReader.load(new java.io.ByteArrayInputStream(BASE.getBytes(StandardCharsets.UTF_8)), "<stdin>");
        assertThat(read.venture().name()).isEqualTo("Sunrise");
        assertThat(read.file()).isEqualTo("<stdin>");
        // Refused as soon as more than 10 MB arrive, not after reading whatever the stream holds.
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> VentureReader.load(endless, "<stdin>")).isInstanceOf(InvalidModelException.class)
                .hasMessageStartingWith("<stdin>:1:1: file is too large (more than 10485760 bytes)");
    }
}

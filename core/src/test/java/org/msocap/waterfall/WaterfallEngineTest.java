package org.msocap.waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msocap.waterfall.CapTables.preferred;
import static org.msocap.waterfall.CapTables.resolve;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.model.Vesting;
import org.msocap.money.Money;

class WaterfallEngineTest {

    private static final WaterfallEngine ENGINE = WaterfallEngine.DEFAULT;

    private static WaterfallResult run(Mso mso, String proceeds) {
        WaterfallResult r = ENGINE.distribute(resolve(mso), Money.parse(proceeds));
        Money sum = r.classes().stream().map(ClassPayout::payout).reduce(Money.ZERO, Money::plus);
        assertThat(sum).isEqualTo(r.equityProceeds());
        return r;
    }

    /**
     * Venture Deals (Feld &amp; Mendelson), liquidation preference chapter: an investor paid $50M for 60% of the
     * company; at a $100M exit a 1x non-participating preferred converts and takes $60M, a fully participating
     * preferred takes its $50M back and 60% of the remaining $50M, $80M in all.
     */
    @Test
    void ventureDealsFiftyMillionForSixtyPercent() {
        // 5M shares at $10 = $50M, each convertible into 1.2 common: 6M of 10M as-converted shares, 60%.
        ShareClass nonParticipating = preferred("series-a", "10", 1, "1", Participation.NONE, null)
                .withConversionRatio(new BigDecimal("1.2"));
        Mso.Builder base = Mso.builder().shareClass(ShareClass.common("common"))
                .holding("founder", "common", 4_000_000).holding("fund", "series-a", 5_000_000);

        WaterfallResult nonPart = run(base.shareClass(nonParticipating).build(), "100M");
        assertThat(nonPart.payoutOf("series-a")).isEqualTo(Money.parse("60M"));
        assertThat(nonPart.classPayout("series-a").orElseThrow().converted()).isTrue();
        assertThat(nonPart.payoutOf("common")).isEqualTo(Money.parse("40M"));

        ShareClass participating = nonParticipating.withParticipation(Participation.FULL, null);
        Mso.Builder full = Mso.builder().shareClass(ShareClass.common("common")).shareClass(participating)
                .holding("founder", "common", 4_000_000).holding("fund", "series-a", 5_000_000);
        WaterfallResult fullPart = run(full.build(), "100M");
        assertThat(fullPart.payoutOf("series-a")).isEqualTo(Money.parse("80M"));
        assertThat(fullPart.payoutOf("common")).isEqualTo(Money.parse("20M"));
        assertThat(fullPart.holder("fund").orElseThrow().payout()).isEqualTo(Money.parse("80M"));
    }

    /**
     * Gust Equity Management help, "Liquidation Preference": $2M for 30% at a 1x preference converts at a $10M
     * sale and takes $3M; with a 2x preference it keeps its $4M preference instead.
     */
    @Test
    void gustOneTimesConvertsTwoTimesKeepsPreference() {
        WaterfallResult one = run(thirtyPercentFor2M("1"), "10M");
        assertThat(one.payoutOf("series-a")).isEqualTo(Money.parse("3M"));
        assertThat(one.classPayout("series-a").orElseThrow().converted()).isTrue();
        WaterfallResult two = run(thirtyPercentFor2M("2"), "10M");
        assertThat(two.payoutOf("series-a")).isEqualTo(Money.parse("4M"));
        assertThat(two.classPayout("series-a").orElseThrow().converted()).isFalse();
        assertThat(two.payoutOf("common")).isEqualTo(Money.parse("6M"));
    }

    private static Mso thirtyPercentFor2M(String preference) {
        // 2M shares at $1, each convertible into 1.5 common: 3M of 10M as-converted shares.
        return Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, preference, Participation.NONE, null)
                        .withConversionRatio(new BigDecimal("1.5")))
                .holding("founder", "common", 7_000_000).holding("fund", "series-a", 2_000_000).build();
    }

    /**
     * "Liquidation Preference Calculation Table V1" (scribd.com/document/6879756): Series A raises $5M at a $10M
     * pre-money valuation (33%), negotiated as a 2x participating preferred capped at 3x. The table's rows, to the
     * cent (the source rounds to dollars): the 2x preference, participation, the cap flat-lining at $15M from $30M
     * to $45M, and conversion above it.
     */
    @Test
    void twoTimesParticipatingCappedAtThreeTimes() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "2", Participation.CAPPED, "3"))
                .holding("management", "common", 10_000_000).holding("fund", "series-a", 5_000_000).build();
        String[][] rows = {
            // exit, management, investors
            {"5M", "0", "5M"},
            {"10M", "0", "10M"},
            {"20M", "6666666.67", "13333333.33"},
            {"30M", "15M", "15M"},
            {"40M", "25M", "15M"},
            {"45M", "30M", "15M"},
            {"50M", "33333333.33", "16666666.67"},
            {"100M", "66666666.67", "33333333.33"},
        };
        for (String[] row : rows) {
            WaterfallResult r = run(mso, row[0]);
            assertThat(r.payoutOf("common")).as("management at " + row[0]).isEqualTo(Money.parse(row[1]));
            assertThat(r.payoutOf("series-a")).as("investors at " + row[0]).isEqualTo(Money.parse(row[2]));
        }
        assertThat(run(mso, "40M").classPayout("series-a").orElseThrow().converted()).isFalse();
        assertThat(run(mso, "50M").classPayout("series-a").orElseThrow().converted()).isTrue();
    }

    /**
     * The same $5M-at-$10M-pre deal as a 2x fully participating preferred (the table's negotiated column without its
     * cap): the investors take $10M first, then a third of everything above it, however large the exit.
     */
    @Test
    void twoTimesFullyParticipating() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "2", Participation.FULL, null))
                .holding("management", "common", 10_000_000).holding("fund", "series-a", 5_000_000).build();
        String[][] rows = {
            {"5M", "0", "5M"},
            {"20M", "6666666.67", "13333333.33"},
            {"50M", "26666666.67", "23333333.33"},
            {"100M", "60M", "40M"},
        };
        for (String[] row : rows) {
            WaterfallResult r = run(mso, row[0]);
            assertThat(r.payoutOf("common")).as("management at " + row[0]).isEqualTo(Money.parse(row[1]));
            assertThat(r.payoutOf("series-a")).as("investors at " + row[0]).isEqualTo(Money.parse(row[2]));
            assertThat(r.classPayout("series-a").orElseThrow().converted()).isFalse();
        }
    }

    /** Same source, "plain vanilla" column: 1x non-participating converts once a third of the exit beats $5M. */
    @Test
    void plainVanillaOneTimesNonParticipating() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .holding("management", "common", 10_000_000).holding("fund", "series-a", 5_000_000).build();
        assertThat(run(mso, "5M").payoutOf("series-a")).isEqualTo(Money.parse("5M"));
        assertThat(run(mso, "10M").payoutOf("common")).isEqualTo(Money.parse("5M"));
        assertThat(run(mso, "20M").payoutOf("common")).isEqualTo(Money.parse("13333333.33"));
        assertThat(run(mso, "20M").payoutOf("series-a")).isEqualTo(Money.parse("6666666.67"));
    }

    /**
     * Seniority vs pari passu, as Venture Deals (Feld &amp; Mendelson) explains the two structures: Series A put in $5M,
     * Series B $10M, the company sells for $12M. Stacked (B senior), B is made whole and A gets the $2M left;
     * pari passu they share the $12M in proportion to their preferences, 1:2.
     */
    @Test
    void seniorStackVersusPariPassu() {
        Mso senior = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .shareClass(preferred("series-b", "2", 2, "1", Participation.NONE, null))
                .holding("founder", "common", 10_000_000).holding("fund-a", "series-a", 5_000_000)
                .holding("fund-b", "series-b", 5_000_000).build();
        WaterfallResult stacked = run(senior, "12M");
        assertThat(stacked.payoutOf("series-b")).isEqualTo(Money.parse("10M"));
        assertThat(stacked.payoutOf("series-a")).isEqualTo(Money.parse("2M"));
        assertThat(stacked.payoutOf("common")).isEqualTo(Money.ZERO);

        Mso pari = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .shareClass(preferred("series-b", "2", 1, "1", Participation.NONE, null))
                .holding("founder", "common", 10_000_000).holding("fund-a", "series-a", 5_000_000)
                .holding("fund-b", "series-b", 5_000_000).build();
        WaterfallResult shared = run(pari, "12M");
        assertThat(shared.payoutOf("series-b")).isEqualTo(Money.parse("8M"));
        assertThat(shared.payoutOf("series-a")).isEqualTo(Money.parse("4M"));
    }

    /**
     * A four-class stack computed by hand: Seed 1x non-participating ($1M, 1M shares), Series A 1x participating
     * capped at 2x ($3M, 1.5M shares), Series B 1x participating capped at 2x ($6M, 1.5M shares, senior to A,
     * A senior to Seed), 6M common. 10M shares as converted.
     */
    @Test
    void fourClassStackAtSeveralExits() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("seed", "1", 1, "1", Participation.NONE, null))
                .shareClass(preferred("series-a", "2", 2, "1", Participation.CAPPED, "2"))
                .shareClass(preferred("series-b", "4", 3, "1", Participation.CAPPED, "2"))
                .holding("founder", "common", 6_000_000).holding("angel", "seed", 1_000_000)
                .holding("fund-a", "series-a", 1_500_000).holding("fund-b", "series-b", 1_500_000).build();
        // exit, common, seed, series-a, series-b
        String[][] rows = {
            {"5M", "0", "0", "0", "5M"},            // B's preference not even covered
            {"8M", "0", "0", "2M", "6M"},           // B whole, A short
            {"10M", "0", "1M", "3M", "6M"},         // every preference exactly covered
            // 20M: Seed converts; 11M over 10M shares, 1.10 a share; A and B under their caps.
            {"20M", "6600000", "1100000", "4650000", "7650000"},
            // 40M: A reaches its $6M cap; 28M over 8.5M shares; the cent of remainder goes to Seed.
            {"40M", "19764705.88", "3294117.65", "6M", "10941176.47"},
            // 60M: B capped at $12M; A is better off converting (48M over 8.5M shares: 8.47M > 6M).
            {"60M", "33882352.94", "5647058.82", "8470588.24", "12M"},
            // 100M: everyone converts, $10 a share.
            {"100M", "60M", "10M", "15M", "15M"},
        };
        for (String[] row : rows) {
            WaterfallResult r = run(mso, row[0]);
            assertThat(List.of(r.payoutOf("common"), r.payoutOf("seed"), r.payoutOf("series-a"), r.payoutOf("series-b")))
                    .as("exit " + row[0])
                    .containsExactly(Money.parse(row[1]), Money.parse(row[2]), Money.parse(row[3]), Money.parse(row[4]));
        }
        WaterfallResult at60 = run(mso, "60M");
        assertThat(at60.classPayout("series-a").orElseThrow().converted()).isTrue();
        assertThat(at60.classPayout("series-b").orElseThrow().converted()).isFalse();
    }

    @Test
    void postMoneySafeCashesOutLowAndConvertsHigh() {
        // $1M at a $10M post-money cap owns 10% of 10M shares: 1M shares.
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 9_000_000)
                .safe(new Safe("angel", Money.parse("1M"), Money.parse("10M"), null, Safe.Kind.POST_MONEY, null, null))
                .build();
        WaterfallResult low = run(mso, "5M");
        assertThat(low.payoutOf("safe:angel")).isEqualTo(Money.parse("1M"));
        assertThat(low.classPayout("safe:angel").orElseThrow().converted()).isFalse();
        WaterfallResult high = run(mso, "50M");
        assertThat(high.payoutOf("safe:angel")).isEqualTo(Money.parse("5M"));
        assertThat(high.payoutOf("common")).isEqualTo(Money.parse("45M"));
    }

    @Test
    void safeRanksWithMostJuniorPreferredUnlessGivenSeniority() {
        Mso.Builder b = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .holding("founder", "common", 9_000_000).holding("fund", "series-a", 1_000_000);
        Mso pari = b.build().toBuilder()
                .safe(new Safe("angel", Money.parse("1M"), Money.parse("100M"), null, Safe.Kind.POST_MONEY, null, null)).build();
        WaterfallResult shared = run(pari, "1M");
        assertThat(shared.payoutOf("safe:angel")).isEqualTo(Money.parse("500000"));
        assertThat(shared.payoutOf("series-a")).isEqualTo(Money.parse("500000"));
        Mso senior = b.build().toBuilder()
                .safe(new Safe("angel", Money.parse("1M"), Money.parse("100M"), null, Safe.Kind.POST_MONEY, null, 5)).build();
        assertThat(run(senior, "1M").payoutOf("safe:angel")).isEqualTo(Money.parse("1M"));
    }

    @Test
    void noteIsDebtWithInterestAndExitMultipleOrConvertsAtItsCap() {
        // Issued 2029-01-01, exit 2030-01-01 (365 days): 100,000 + 6% = 106,000; cash-out 2x = 212,000.
        ConvertibleNote note = new ConvertibleNote("lender", Money.parse("100000"), new BigDecimal("0.06"),
                LocalDate.of(2029, 1, 1), Money.parse("1.06M"), null, new BigDecimal("2"), null);
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .holding("founder", "common", 9_000_000).holding("fund", "series-a", 1_000_000).note(note).build();
        // Paid before the preferred: at 1M the note takes 212,000 and Series A the rest.
        WaterfallResult low = run(mso, "1M");
        assertThat(low.payoutOf("note:lender")).isEqualTo(Money.parse("212000"));
        assertThat(low.payoutOf("series-a")).isEqualTo(Money.parse("788000"));
        // At the cap 106,000 ÷ 1.06M of 10M base shares = 1M shares; at 110M that is 1/11: 10M, more than 212,000.
        WaterfallResult high = run(mso, "110M");
        assertThat(high.payoutOf("note:lender")).isEqualTo(Money.parse("10M"));
        assertThat(high.classPayout("note:lender").orElseThrow().converted()).isTrue();
    }

    /**
     * Issue 16: below the note's and the SAFE's combined claims, an unconverted note is debt and is paid in full before
     * the SAFE (which ranks with stock). With no preferred class the SAFE's default rank used to equal the note's, and
     * the two shared 800,000 pro rata (the note got 309,902.65). Both the exact engine and the breakpoint table.
     */
    @Test
    void anUnconvertedNoteIsPaidInFullBeforeASafeWithNoPreferredClass() {
        ConvertibleNote note = new ConvertibleNote("noteholder", Money.parse("250000"), new BigDecimal("0.06"),
                LocalDate.of(2025, 1, 1), Money.parse("4M"), null, BigDecimal.ONE, null);
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 10_000_000)
                .safe(new Safe("safeholder", Money.parse("500000"), Money.parse("5M"), null, Safe.Kind.POST_MONEY, null, null))
                .note(note).build();
        // 1,610 days at 6% simple: 250,000 × (1 + 0.06 × 1610/365) = 316,164.38
        ResolvedCapTable table = ResolvedCapTable.of(CapTables.venture(mso), LocalDate.of(2029, 5, 30), false);
        WaterfallResult r = ENGINE.distribute(table, Money.parse("800000"));
        assertThat(r.payoutOf("note:noteholder")).isEqualTo(Money.parse("316164.38"));
        assertThat(r.payoutOf("safe:safeholder")).isEqualTo(Money.parse("483835.62"));
        assertThat(r.payoutOf("common")).isEqualTo(Money.ZERO);
        long[] fromBreakpoints = BreakpointTable.resolve(table).classPayoutCents(80_000_000L);
        assertThat(fromBreakpoints).containsExactly(r.classes().stream().mapToLong(c -> c.payout().cents()).toArray());
    }

    @Test
    void optionsExerciseOnlyInTheMoneyAndAddTheirStrikeToProceeds() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).holding("founder", "common", 9_000_000)
                .optionPool(2_000_000)
                .option(OptionGrant.of("carol", 1_000_000, new BigDecimal("1"), null))
                .option(new OptionGrant("dave", 1_000_000, new BigDecimal("1"), LocalDate.of(2029, 1, 1),
                        new Vesting(LocalDate.of(2029, 1, 1), 48, 12), OptionGrant.Acceleration.DOUBLE))
                .build();
        // Below the strike: 5M over 9M shares is 0.56 a share; the options lapse out of the money.
        assertThat(run(mso, "5M").payoutOf("options@1")).isEqualTo(Money.ZERO);
        // Above: carol's 1M vested (dave has 12 of 48 months: 250,000) exercise: (20M + 1.25M) ÷ 10.25M shares.
        WaterfallResult r = run(mso, "20M");
        BigDecimal price = new BigDecimal("21250000").divide(new BigDecimal("10250000"), 20, java.math.RoundingMode.HALF_UP);
        assertThat(r.holder("carol").orElseThrow().payout().amount())
                .isEqualByComparingTo(price.subtract(BigDecimal.ONE).multiply(new BigDecimal("1000000"))
                        .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(r.holder("carol").orElseThrow().exerciseCash()).isEqualTo(Money.parse("1M"));
        assertThat(r.classPayout("options@1").orElseThrow().converted()).isTrue();
    }

    @Test
    void cumulativeDividendsAccrueFromEachHoldingsAcquisition() {
        ShareClass a = preferred("series-a", "1", 1, "1", Participation.NONE, null)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.10"), true, ShareClass.Dividend.Compounding.ANNUAL));
        Mso mso = Mso.builder().shareClass(ShareClass.common("common")).shareClass(a)
                .holding("founder", "common", 9_000_000)
                .holding(CapTables.holding("fund", "series-a", 1_000_000, LocalDate.of(2028, 1, 1)))
                .build();
        // 2028-01-01 to 2030-01-01 is 731 days = 2 years + 1 day: 1M × (1.1² × (1 + 0.1/365) − 1) = 210,331.51
        WaterfallResult r = run(mso, "2M");
        assertThat(r.payoutOf("series-a")).isEqualTo(Money.parse("1210331.51"));
    }

    @Test
    void holdersGetMoicAndIrr() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .holding("founder", "common", 9_000_000)
                .holding(CapTables.holding("fund", "series-a", 1_000_000, LocalDate.of(2029, 1, 1))).build();
        // At 1.21M the fund keeps its 1M preference (converting would give it 121,000); common takes 210,000.
        WaterfallResult r = run(mso, "1.21M");
        HolderPayout fund = r.holder("fund").orElseThrow();
        assertThat(fund.payout()).isEqualTo(Money.parse("1M"));
        assertThat(fund.moic()).contains(new BigDecimal("1.0000"));
        assertThat(fund.irr().orElseThrow()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        WaterfallResult high = run(mso, "20M");
        HolderPayout rich = high.holder("fund").orElseThrow();
        assertThat(rich.payout()).isEqualTo(Money.parse("2M"));
        assertThat(rich.moic()).contains(new BigDecimal("2.0000"));
        // One year (365 days) from 1M to 2M: 100%.
        assertThat(rich.irr().orElseThrow()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(high.holder("founder").orElseThrow().irr()).isEmpty();
        assertThat(high.byCategory().get(org.msocap.model.HolderCategory.ENTITY)).isEqualTo(Money.parse("2M"));
        assertThat(high.byCategory().get(org.msocap.model.HolderCategory.LAY)).isEqualTo(Money.parse("18M"));
    }

    @Test
    void exitScenarioBridgesToEquityAndDistributesIt() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .shareClass(preferred("series-a", "1", 1, "1", Participation.NONE, null))
                .holding("founder", "common", 9_000_000).holding("fund", "series-a", 1_000_000).build();
        org.msocap.model.Venture venture = CapTables.venture(mso);
        org.msocap.model.ExitScenario sale = new org.msocap.model.ExitScenario("Sale", LocalDate.of(2030, 1, 1),
                Money.parse("10M"), null, null, org.msocap.model.ExitScenario.TransactionCosts.ofFixed(Money.parse("500k")),
                null, new org.msocap.model.ExitScenario.CarveOut(new BigDecimal("0.1"), java.util.Map.of("founder", BigDecimal.ONE)),
                null, false);
        ExitWaterfall exit = ENGINE.exit(venture, sale);
        // 10M − 0.5M = 9.5M; carve-out 0.95M to the founder outside the waterfall; 8.55M of equity.
        assertThat(exit.bridge().equityProceeds()).isEqualTo(Money.parse("8.55M"));
        assertThat(exit.waterfall().equityProceeds()).isEqualTo(Money.parse("8.55M"));
        assertThat(exit.waterfall().exitValue()).isEqualTo(Money.parse("10M"));
        assertThat(exit.waterfall().payoutOf("series-a")).isEqualTo(Money.parse("1M"));
        assertThat(exit.bridge().carveOutPayments()).containsEntry("founder", Money.parse("950k"));

        org.msocap.model.ExitScenario byMultiple = new org.msocap.model.ExitScenario("Multiple", null, null,
                new BigDecimal("10"), null, null, null, null, null, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINE.exit(venture, byMultiple))
                .isInstanceOf(org.msocap.model.ModelException.class).hasMessageContaining("needs a financials: section");
    }

    /**
     * Issue 16: an option holder's MOIC divided a payout net of the strike by a cost that included it, and the cost
     * itself changed with the price (the strike counted only in the money). One definition now: what the holder takes
     * home (net of the strike) over what they paid before the sale. Carol paid 100,000 for 1M common and holds 500,000
     * options at 1.00.
     */
    @Test
    void optionHoldersMoicIsNetPayoutOverCostPaidInOrOutOfTheMoney() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .holding("founder", "common", 9_000_000)
                .holding(new org.msocap.model.Holding("carol", "common", 1_000_000, LocalDate.of(2029, 1, 1), Money.parse("100000")))
                .optionPool(500_000)
                .option(new OptionGrant("carol", 500_000, BigDecimal.ONE, null, null, OptionGrant.Acceleration.NONE))
                .build();
        // 5M over 10M shares is 0.50 a share: the options lapse; carol takes 500,000 for her 100,000.
        HolderPayout low = run(mso, "5M").holder("carol").orElseThrow();
        assertThat(low.payout()).isEqualTo(Money.parse("500000"));
        assertThat(low.costBasis()).isEqualTo(Money.parse("100000"));
        assertThat(low.moic()).contains(new BigDecimal("5.0000"));
        // 20M: the options exercise, (20M + 0.5M) ÷ 10.5M a share; carol nets 1M × p + 500,000 × (p − 1) = 2,428,571.43.
        HolderPayout high = run(mso, "20M").holder("carol").orElseThrow();
        assertThat(high.payout()).isEqualTo(Money.parse("2428571.43"));
        assertThat(high.exerciseCash()).isEqualTo(Money.parse("500000"));
        assertThat(high.costBasis()).as("the strike is netted from the payout, not added to the cost").isEqualTo(Money.parse("100000"));
        assertThat(high.moic()).contains(new BigDecimal("24.2857"));
        // A holder of options only paid nothing: no multiple, in or out of the money.
        Mso optionsOnly = mso.toBuilder().option(new OptionGrant("dave", 0 + 100_000, BigDecimal.ONE, null, null,
                OptionGrant.Acceleration.NONE)).optionPool(600_000).build();
        assertThat(run(optionsOnly, "20M").holder("dave").orElseThrow().costBasis()).isEqualTo(Money.ZERO);
        assertThat(run(optionsOnly, "20M").holder("dave").orElseThrow().moic()).isEmpty();
        assertThat(run(optionsOnly, "5M").holder("dave").orElseThrow().moic()).isEmpty();
    }

    /**
     * Issue 16: the carve-out is part of what a recipient receives in the sale (simulate always counted it): the
     * holder's total, MOIC, IRR and category include it, and it is a field of its own; a recipient holding nothing
     * gets a line. Holder payouts still add up to the equity proceeds.
     */
    @Test
    void aCarveOutIsPartOfItsRecipientsTotalMoicIrrAndCategory() {
        Mso mso = Mso.builder().shareClass(ShareClass.common("common"))
                .holding(new org.msocap.model.Holding("founder", "common", 9_000_000, LocalDate.of(2029, 1, 1), Money.parse("900000")))
                .holding("fund", "common", 1_000_000).build();
        org.msocap.model.Venture venture = CapTables.venture(mso).toBuilder().person(org.msocap.model.Person.lay("manager", "Manager"))
                .build();
        org.msocap.model.ExitScenario sale = new org.msocap.model.ExitScenario("Sale", LocalDate.of(2030, 1, 1),
                Money.parse("10M"), null, null, null, null,
                new org.msocap.model.ExitScenario.CarveOut(new BigDecimal("0.1"),
                        java.util.Map.of("founder", new BigDecimal("0.5"), "manager", new BigDecimal("0.5"))),
                null, false);
        ExitWaterfall exit = ENGINE.exit(venture, sale);
        WaterfallResult r = exit.waterfall();
        HolderPayout founder = r.holder("founder").orElseThrow();
        assertThat(founder.payout()).isEqualTo(Money.parse("8.1M"));
        assertThat(founder.carveOut()).isEqualTo(Money.parse("500k"));
        assertThat(founder.total()).isEqualTo(Money.parse("8.6M"));
        assertThat(founder.moic()).contains(new BigDecimal("9.5556"));
        // One year from 900,000 to 8.6M.
        assertThat(founder.irr().orElseThrow()).isCloseTo(8.6 / 0.9 - 1, org.assertj.core.data.Offset.offset(1e-9));
        HolderPayout manager = r.holder("manager").orElseThrow();
        assertThat(manager.payout()).isEqualTo(Money.ZERO);
        assertThat(manager.carveOut()).isEqualTo(Money.parse("500k"));
        assertThat(r.holders().stream().map(HolderPayout::payout).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.parse("9M"));
        assertThat(r.holders().stream().map(HolderPayout::total).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.parse("10M"));
        assertThat(r.byCategory().get(org.msocap.model.HolderCategory.LAY)).isEqualTo(Money.parse("9.1M"));
    }

    @Test
    void aLoneCappedClassConvertsAboveItsCapSoNothingIsLeftOver() {
        // Without common, the residual above the cap has no one to go to unless the class converts: it does.
        Mso mso = Mso.builder().shareClass(preferred("series-a", "1", 1, "1", Participation.CAPPED, "2"))
                .holding("fund", "series-a", 1_000_000).build();
        WaterfallResult r = run(mso, "5M");
        assertThat(r.payoutOf("series-a")).isEqualTo(Money.parse("5M"));
        assertThat(r.classPayout("series-a").orElseThrow().converted()).isTrue();
    }
}

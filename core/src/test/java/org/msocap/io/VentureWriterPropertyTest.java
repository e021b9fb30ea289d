package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msocap.model.Agreement;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.LicenseStatus;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Any valid venture, written as YAML or JSON, reads back equal, and the text conforms to the schema. */
class VentureWriterPropertyTest {

    private static final long SEED = 42L;

    @Test
    void yamlRoundTripIsExact() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(venturesWithProfitsInterests())
                .checkAssert(v -> assertThat(VentureReader.read(VentureWriter.toYaml(v), "gen.yaml")).isEqualTo(v));
    }

    @Test
    void jsonRoundTripIsExact() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(venturesWithProfitsInterests())
                .checkAssert(v -> assertThat(VentureReader.read(VentureWriter.toJson(v), "gen.json")).isEqualTo(v));
    }

    @Test
    void writingIsStable() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(venturesWithProfitsInterests())
                .checkAssert(v -> {
                    String yaml = VentureWriter.toYaml(v);
                    assertThat(VentureWriter.toYaml(VentureReader.read(yaml, "gen.yaml"))).isEqualTo(yaml);
                    assertThat(VentureWriter.toYaml(VentureReader.read(VentureWriter.toJson(v), "gen.json"))).isEqualTo(yaml);
                });
    }

    @Test
    void writtenFilesConformToTheSchema() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(venturesWithProfitsInterests())
                .checkAssert(v -> {
                    assertThat(SchemaTest.validate(VentureWriter.toYaml(v), "gen.yaml")).isEmpty();
                    assertThat(SchemaTest.validate(VentureWriter.toJson(v), "gen.json")).isEmpty();
                });
    }

    static Gen<Venture> ventures() {
        return source -> new Generator(source, false).venture();
    }

    /** As {@link #ventures()}, sometimes with a performance-vested profits interest (which OCF has no class for). */
    static Gen<Venture> venturesWithProfitsInterests() {
        return source -> new Generator(source, true).venture();
    }

    /** Builds one valid venture from the randomness QuickTheories hands over. */
    private static final class Generator {
        private static final String[] NAMES = {"Alice Chen", "Robert Diaz, MD", "null", "true", "123", "a: b", "# not a comment",
            "- dash", "'quoted'", "\"double\"", "Zoë Ünal", "tab\there", "two\nlines", "  padded  ", "~", "yes", "no", "2026-01-01",
            "{braces}", "[brackets]", "50%", "&anchor", "*alias", "@at", "`tick`", "key: value # comment"};
        private static final String[] STATES = {"CA", "NY", "TX", "OR", "NO", "ON", "DE", "NV"};

        private final RandomnessSource source;
        private final boolean profitsInterests;
        private int ids;

        Generator(RandomnessSource source, boolean profitsInterests) {
            this.source = source;
            this.profitsInterests = profitsInterests;
        }

        long between(long low, long high) {
            return source.next(Constraint.between(low, high));
        }

        boolean coin() {
            return between(0, 1) == 1;
        }

        <T> T pick(T[] values) {
            return values[(int) between(0, values.length - 1)];
        }

        String id(String prefix) {
            return prefix + "-" + (ids++);
        }

        String name() {
            return pick(NAMES);
        }

        LocalDate date() {
            return LocalDate.of(2020, 1, 1).plusDays(between(0, 4000));
        }

        LocalDate maybeDate() {
            return coin() ? date() : null;
        }

        /** A sale date: on or after the generated ventures' asOf (2026-01-01), as the model requires. */
        LocalDate exitDate() {
            return LocalDate.of(2026, 1, 1).plusDays(between(0, 4000));
        }

        /** A decimal with 0 to 4 places, trailing zeros kept, in [0, max]. */
        BigDecimal decimal(long max) {
            int scale = (int) between(0, 4);
            long unscaled = between(0, max * (long) Math.pow(10, scale));
            return BigDecimal.valueOf(unscaled, scale);
        }

        BigDecimal positiveDecimal(long max) {
            BigDecimal d = decimal(max);
            return d.signum() == 0 ? BigDecimal.valueOf(15, 1) : d;
        }

        BigDecimal fraction() {
            int scale = (int) between(1, 4);
            long unit = (long) Math.pow(10, scale);
            return BigDecimal.valueOf(between(0, unit), scale);
        }

        Money money(long maxWhole) {
            return Money.ofCents(between(1, maxWhole * 100));
        }

        double dbl(double low, double high) {
            long bits = between(0, 1_000_000);
            return low + (high - low) * bits / 1_000_000.0;
        }

        Venture venture() {
            List<Person> people = new ArrayList<>();
            List<String> lay = new ArrayList<>();
            List<String> clinicians = new ArrayList<>();
            List<String> anyone = new ArrayList<>();
            LocalDate asOf = LocalDate.of(2026, 1, 1);
            for (int i = 0, n = (int) between(1, 5); i < n; i++) {
                String id = id("p");
                Person p = Person.lay(id, name()).withRefersPatients(coin()).withPrivateEquity(coin());
                people.add(p);
                lay.add(id);
                anyone.add(id);
            }
            for (int i = 0, n = (int) between(0, 3); i < n; i++) {
                String id = id("dr");
                List<License> licenses = new ArrayList<>();
                licenses.add(new License(coin() ? "physician" : "nurse-practitioner", pick(STATES), LicenseStatus.ACTIVE,
                        coin() ? null : asOf.plusDays(between(0, 2000))));
                if (coin()) {
                    licenses.add(new License("physician", pick(STATES), pick(LicenseStatus.values()), maybeDate()));
                }
                people.add(new Person(id, name(), Person.Type.PERSON, licenses, coin(), false));
                clinicians.add(id);
                anyone.add(id);
            }
            for (int i = 0, n = (int) between(0, 2); i < n; i++) {
                String id = id("fund");
                people.add(Person.entity(id, name()).withPrivateEquity(coin()));
                anyone.add(id);
            }

            Mso mso = mso(lay, anyone);
            List<Practice> practices = new ArrayList<>();
            if (!clinicians.isEmpty()) {
                for (int i = 0, n = (int) between(0, 2); i < n; i++) {
                    practices.add(practice(clinicians, anyone));
                }
            }
            List<Agreement> agreements = new ArrayList<>();
            for (Practice p : practices) {
                if (coin()) {
                    agreements.add(new Agreement(id("msa"), pick(Agreement.Type.values()), p.id(), fee(), coin(),
                            List.of("billing", "it"), coin() ? List.of("coding") : List.of(), coin(),
                            coin() ? (int) between(1, 120) : null, coin()));
                }
            }
            Financials financials = null;
            if (coin()) {
                Map<String, Financials.PracticeFinancials> pf = new LinkedHashMap<>();
                // Figures for each managed practice, as the model requires: one management services agreement each.
                for (Agreement a : agreements) {
                    if (a.type() != Agreement.Type.MANAGEMENT_SERVICES) {
                        continue;
                    }
                    pf.put(a.practice(), new Financials.PracticeFinancials(money(10_000_000), fraction(), fraction(),
                            coin() ? money(500_000) : null, fraction()));
                }
                // Before every generated date by more than a year, so each dated exit has a trailing year to be valued on.
                financials = new Financials(LocalDate.of(2018, 1, 1).plusDays(between(0, 300)), (int) between(1, 50), pf, coin() ? null
                        : new Financials.MsoFinancials(money(5_000_000), fraction(), coin() ? money(1_000_000) : Money.ZERO.minus(money(1000))));
            }
            List<ExitScenario> exits = new ArrayList<>();
            for (int i = 0, n = (int) between(0, 3); i < n; i++) {
                exits.add(exit(anyone, financials != null));
            }
            return new Venture(1, name(), coin() ? "USD" : "EUR", asOf, people, mso, practices, agreements, financials,
                    exits, coin() ? simulation(financials != null) : null, events(asOf, anyone));
        }

        /** Rounds and recaps in date order after asOf; the model checks nothing that needs them applied. */
        List<org.msocap.model.DealEvent> events(LocalDate asOf, List<String> anyone) {
            List<org.msocap.model.DealEvent> events = new ArrayList<>();
            LocalDate date = asOf;
            for (int i = 0, n = (int) between(0, 3); i < n; i++) {
                date = date.plusDays(between(i == 0 ? 1 : 0, 900));
                String holder = anyone.get((int) between(0, anyone.size() - 1));
                if (coin()) {
                    ShareClass cls = new ShareClass("round-" + i, ShareClass.Type.PREFERRED, positiveDecimal(20), null,
                            ShareClass.Participation.NONE, null, (int) between(1, 5), null, null, null, coin() ? name() : null,
                            pick(ShareClass.AntiDilution.values()));
                    boolean byPrice = coin();
                    events.add(new org.msocap.model.RoundEvent("Round " + i, date, cls, byPrice ? null : money(100_000_000),
                            byPrice ? positiveDecimal(20) : null, pick(org.msocap.model.RoundEvent.PriceBasis.values()),
                            List.of(new org.msocap.model.RoundEvent.Investment(holder, money(10_000_000))),
                            coin() ? BigDecimal.valueOf(between(0, 99), 2) : null));
                } else {
                    List<ShareClass> classes = List.of(ShareClass.preferred("class-a", positiveDecimal(5), 1)
                            .withName(name()), ShareClass.common("class-b"));
                    org.msocap.model.RecapEvent.Cost seller = switch ((int) between(0, 2)) {
                        case 0 -> null;
                        case 1 -> org.msocap.model.RecapEvent.Cost.ofFraction(BigDecimal.valueOf(between(0, 99), 2));
                        default -> org.msocap.model.RecapEvent.Cost.ofFixed(money(1_000_000));
                    };
                    org.msocap.model.RecapEvent.NewDebt debt = coin() ? null : new org.msocap.model.RecapEvent.NewDebt(
                            money(50_000_000), coin() ? fraction() : null, null);
                    List<org.msocap.model.RecapEvent.Rollover> rollover = new ArrayList<>();
                    if (coin()) {
                        boolean byFraction = coin();
                        rollover.add(new org.msocap.model.RecapEvent.Rollover(holder, byFraction ? positiveFraction() : null,
                                byFraction ? null : money(1_000_000), "class-b", coin() ? positiveDecimal(5) : null));
                    }
                    boolean byValue = coin();
                    events.add(new org.msocap.model.RecapEvent("Recap " + i, date, byValue ? money(500_000_000) : null,
                            byValue ? null : positiveDecimal(30), seller,
                            coin() ? org.msocap.model.RecapEvent.Cost.ofFixed(money(1_000_000)) : null, debt, classes,
                            new org.msocap.model.RecapEvent.Buyer(holder, "class-a", coin() ? positiveDecimal(5) : null),
                            rollover, coin() ? List.of(Holding.of(holder, "class-b", between(1, 1_000_000))) : List.of(),
                            coin() ? null : org.msocap.model.Mso.Form.values()[(int) between(0, 2)]));
                }
            }
            return events;
        }

        BigDecimal positiveFraction() {
            BigDecimal f = fraction();
            return f.signum() == 0 ? new BigDecimal("0.3") : f;
        }

        Mso mso(List<String> lay, List<String> anyone) {
            List<ShareClass> classes = new ArrayList<>();
            classes.add(ShareClass.common("common"));
            for (int i = 0, n = (int) between(0, 3); i < n; i++) {
                ShareClass.Participation participation = pick(ShareClass.Participation.values());
                BigDecimal preference = coin() ? decimal(3) : null;
                BigDecimal effective = preference == null ? BigDecimal.ONE : preference;
                BigDecimal cap = participation == ShareClass.Participation.CAPPED ? effective.add(decimal(3)) : null;
                ShareClass.Dividend dividend = coin() ? null
                        : new ShareClass.Dividend(fraction(), coin(), pick(ShareClass.Dividend.Compounding.values()));
                classes.add(new ShareClass("series-" + i, ShareClass.Type.PREFERRED, positiveDecimal(20),
                        preference, participation, cap, (int) between(1, 5),
                        coin() ? positiveDecimal(3) : null, dividend));
            }
            for (int i = 1; i < classes.size(); i++) {
                if (coin()) {
                    classes.set(i, classes.get(i).withName(name()).withAntiDilution(pick(ShareClass.AntiDilution.values())));
                }
            }
            List<Holding> holdings = new ArrayList<>();
            for (int i = 0, n = (int) between(1, 6); i < n; i++) {
                ShareClass c = classes.get((int) between(0, classes.size() - 1));
                Holding h = new Holding(anyone.get((int) between(0, anyone.size() - 1)), c.id(), between(1, 100_000_000L),
                        maybeDate(), coin() ? money(10_000_000) : null);
                if (h.acquired() != null && coin()) {
                    h = h.withDividendFrom(h.acquired().plusDays(between(0, 2_000)));
                }
                holdings.add(h);
            }
            if (profitsInterests && coin()) {
                // A performance-vested profits interest on the common units' MOIC (which then need a cost).
                classes.add(ShareClass.profitsInterest("incentive", pick(ShareClass.CatchUp.values())));
                holdings.add(new Holding(anyone.get(0), "common", between(1, 1_000_000), maybeDate(), Money.of(between(1, 10_000_000))));
                List<PerformanceVesting.Level> levels = new ArrayList<>();
                BigDecimal at = BigDecimal.ZERO;
                for (int k = 0, n = (int) between(1, 3); k < n; k++) {
                    at = at.add(positiveFraction()).add(BigDecimal.valueOf(between(0, 3)));
                    levels.add(new PerformanceVesting.Level(at, BigDecimal.valueOf(k + 1, 0).divide(BigDecimal.valueOf(n), 4,
                            java.math.RoundingMode.DOWN).max(new BigDecimal("0.0001"))));
                }
                Vesting vesting = coin() ? null : new Vesting(date(), 48, (int) between(0, 48));
                holdings.add(new Holding(lay.get(0), "incentive", between(1, 1_000_000), maybeDate(), null, decimal(5), null, vesting,
                        vesting == null ? null : pick(OptionGrant.Acceleration.values()), new PerformanceVesting("common", levels)));
            }
            List<OptionGrant> options = new ArrayList<>();
            long pool = between(0, 3_000_000);
            long left = pool;
            while (left > 0 && coin()) {
                long shares = between(1, left);
                left -= shares;
                Vesting vesting = coin() ? null : new Vesting(date(), 48, (int) between(0, 48));
                options.add(new OptionGrant(lay.get((int) between(0, lay.size() - 1)), shares, decimal(5), maybeDate(), vesting,
                        pick(OptionGrant.Acceleration.values())));
            }
            List<Warrant> warrants = new ArrayList<>();
            if (coin()) {
                warrants.add(new Warrant(anyone.get(0), "common", between(1, 100_000), decimal(5), maybeDate()));
            }
            List<Safe> safes = new ArrayList<>();
            if (coin()) {
                BigDecimal discount = coin() ? BigDecimal.valueOf(between(0, 99), 2) : null;
                Money amount = money(1_000_000);
                // A cap above the amount: a post-money SAFE must claim less than the whole company.
                safes.add(new Safe(anyone.get(0), amount, discount == null || coin() ? amount.plus(money(50_000_000)) : null,
                        discount, pick(Safe.Kind.values()), maybeDate(), coin() ? (int) between(1, 4) : null));
            }
            List<ConvertibleNote> notes = new ArrayList<>();
            if (coin()) {
                notes.add(new ConvertibleNote(anyone.get(0), money(1_000_000), coin() ? fraction() : null, date(),
                        coin() ? money(20_000_000) : null, coin() ? fraction() : null, coin() ? positiveDecimal(3) : null,
                        maybeDate()));
            }
            Map<String, String> officers = new LinkedHashMap<>();
            if (coin()) {
                officers.put("ceo", anyone.get(0));
            }
            return new Mso(coin() ? name() : null, coin() ? pick(STATES) : null, pick(Mso.Form.values()), classes, holdings,
                    pool, options, warrants, safes, notes, coin() ? List.of(anyone.get(0)) : List.of(), officers,
                    coin() ? List.of(lay.get(0)) : List.of());
        }

        Practice practice(List<String> clinicians, List<String> anyone) {
            List<Practice.Shareholding> holders = new ArrayList<>();
            for (String c : clinicians) {
                if (coin()) {
                    holders.add(new Practice.Shareholding(c, between(1, 10_000)));
                }
            }
            if (holders.isEmpty()) {
                holders.add(new Practice.Shareholding(clinicians.get(0), between(1, 10_000))); // the model requires an owner
            }
            Practice.TransferRestriction restriction = coin() ? null
                    : new Practice.TransferRestriction(coin(), coin(), coin() ? Money.ofCents(between(0, 1_000_000)) : null);
            return new Practice(id("pc"), name(), pick(STATES), pick(Practice.Form.values()), coin() ? null : "psychologist",
                    holders, coin() ? List.of(clinicians.get(0)) : List.of(),
                    coin() ? Map.of("president", clinicians.get(0)) : Map.of(), restriction,
                    coin() ? List.of("primary-care", "lab") : List.of(), coin() ? List.of(pick(STATES)) : List.of());
        }

        FeeTerms fee() {
            FeeTerms.Basis basis = pick(FeeTerms.Basis.values());
            Money monthly = coin() || basis == FeeTerms.Basis.FIXED || basis == FeeTerms.Basis.HYBRID ? money(200_000) : null;
            BigDecimal percent = basis.isPercentage() || coin() ? BigDecimal.valueOf(between(1, 100), 2) : null;
            return new FeeTerms(basis, monthly, coin() ? fraction() : null, percent, coin() ? decimal(1) : null);
        }

        /** A multiple needs financials to project from; without them the exit gives its enterprise value. */
        ExitScenario exit(List<String> anyone, boolean projected) {
            int kind = projected ? (int) between(0, 2) : 0;
            ExitScenario.TransactionCosts costs = switch ((int) between(0, 2)) {
                case 0 -> null;
                case 1 -> ExitScenario.TransactionCosts.ofFraction(fraction());
                default -> ExitScenario.TransactionCosts.ofFixed(money(1_000_000));
            };
            ExitScenario.CarveOut carveOut = null;
            if (coin()) {
                Map<String, BigDecimal> recipients = new LinkedHashMap<>();
                recipients.put(anyone.get(0), new BigDecimal("0.25"));
                recipients.put(anyone.get(anyone.size() - 1), new BigDecimal("0.75"));
                if (anyone.size() == 1) {
                    recipients = Map.of(anyone.get(0), new BigDecimal("1.0"));
                }
                carveOut = new ExitScenario.CarveOut(fraction(), recipients);
            }
            return new ExitScenario(name(), coin() ? exitDate() : null, kind == 0 ? money(500_000_000) : null,
                    kind == 1 ? positiveDecimal(30) : null, kind == 2 ? positiveDecimal(10) : null, costs,
                    coin() ? new ExitScenario.Escrow(fraction(), (int) between(0, 36), coin() ? fraction() : null) : null,
                    carveOut, coin() ? new ExitScenario.Earnout(money(10_000_000), fraction()) : null, coin());
        }

        /** A simulated multiple only with the projection to apply it to ({@code projected}), as the model requires. */
        SimulationSpec simulation(boolean projected) {
            List<SimulationSpec.Correlation> correlations = new ArrayList<>();
            if (coin()) {
                correlations.add(new SimulationSpec.Correlation("ebitdaMultiple", "collectionsGrowth", dbl(-1, 1)));
            }
            return new SimulationSpec((int) between(1, 1_000_000), between(Long.MIN_VALUE, Long.MAX_VALUE),
                    coin() ? distribution(true) : null, coin() && projected ? distribution(false) : null, coin() ? distribution(false) : null,
                    coin() ? distribution(false) : null, coin() ? distribution(false) : null, coin() ? distribution(false) : null,
                    dbl(0, 1), correlations);
        }

        Distribution distribution(boolean dates) {
            double low = dates ? exitDate().toEpochDay() : dbl(-5, 5);
            double high = low + (dates ? between(0, 2000) : dbl(0, 10));
            return switch ((int) between(0, 6)) {
                case 0 -> new Distribution.Constant(low);
                case 1 -> new Distribution.Normal(low, dbl(0, 3));
                // Date-valued locations are whole days (files write them as YYYY-MM-DD, the only way dates are read);
                // a log-normal has no date form in the schema.
                case 2 -> dates ? new Distribution.Normal(low, dbl(0, 3)) : new Distribution.LogNormal(Math.abs(low) + 0.5, dbl(0, 2));
                case 3 -> new Distribution.Uniform(low, high);
                case 4 -> new Distribution.Triangular(low, dates ? Math.floor((low + high) / 2) : (low + high) / 2, high);
                case 5 -> new Distribution.Beta(dbl(0.1, 10), dbl(0.1, 10), low, high + 1);
                default -> new Distribution.Empirical(List.of(low, high, low));
            };
        }
    }
}

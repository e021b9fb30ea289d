package org.msocap.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.ShareClass.Participation;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.money.Money;

/**
 * A venture of a given size for the scale bar of PRODUCT.md §6 (10,000 holders and 200 practices: {@code check}
 * ≤ 5 s, {@code export} ≤ 60 s). Deterministic (fixed seed), so every run measures the same model.
 *
 * <p>Holders h-00000 …: two clinicians per practice come first (each owns part of one practice, is licensed in its
 * state, holds MSO common, and every fifth refers patients), then lay holders, funds (every seventh an entity) and
 * physician investors (every tenth, half of them referring), so the conflict-of-interest view has a clinician in
 * every eight holders. The MSO has common and four preferred series; every fourth lay holder
 * has an option grant instead of shares; two SAFEs and a note. Practices cycle through the states of the state table
 * with a management services agreement each (fixed, percent-of-collections and cost-plus fees, some without a fair
 * market value opinion or with MSO controls), their financials, two exit scenarios and a small simulation section.
 */
public final class ScaleVenture {

    /** The states of the state table; practices cycle through them. */
    private static final List<String> STATES = List.of("CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI", "NJ",
            "VA", "WA", "AZ", "TN", "MA", "CO", "IA", "OR", "MN", "MD", "WI", "SC", "SD", "WV", "NV", "ND", "AR", "AL", "AK");
    private static final Practice.Form[] FORMS = Practice.Form.values();
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    private ScaleVenture() {
    }

    /**
     * @param holders MSO holders (people and entities), at least two per practice
     * @param practices practices, each with its agreement and financials
     * @param runs the simulation section's runs
     */
    public static Venture venture(int holders, int practices, int runs) {
        if (holders < 2 * practices + 10) {
            throw new IllegalArgumentException("need at least two holders per practice plus ten, but got " + holders
                    + " holders for " + practices + " practices");
        }
        Random r = new Random(20261202L);
        Venture.Builder v = Venture.builder("Scale benchmark MSO (" + holders + " holders, " + practices + " practices)")
                .asOf(START);
        int clinicians = 2 * practices;
        for (int i = 0; i < holders; i++) {
            String id = id(i);
            if (i < clinicians) {
                String state = STATES.get(i / 2 % STATES.size());
                List<License> licenses = new ArrayList<>();
                licenses.add(new License("physician", state, LicenseStatus.ACTIVE, START.plusDays(400 + r.nextInt(1000))));
                if (i % 3 == 0) {
                    licenses.add(License.active("physician", STATES.get((i / 2 + 1) % STATES.size())));
                }
                Person clinician = new Person(id, "Dr. Holder " + i, Person.Type.PERSON, licenses, i % 5 == 0, false);
                v.person(clinician);
            } else if (i % 7 == 0) {
                v.person(Person.entity(id, "Fund " + i).withPrivateEquity(i % 21 == 0));
            } else if (i % 10 == 3) {
                v.person(new Person(id, "Dr. Investor " + i, Person.Type.PERSON,
                        List.of(License.active("physician", STATES.get(i % STATES.size()))), i % 20 == 3, false));
            } else {
                v.person(Person.lay(id, "Holder " + i));
            }
        }

        Mso.Builder m = Mso.builder().name("Scale MSO, Inc.").state("DE");
        m.shareClass(ShareClass.common("common"));
        for (int c = 0; c < 4; c++) {
            BigDecimal price = BigDecimal.valueOf(100 + 75L * c, 2);
            Participation participation = c == 1 ? Participation.CAPPED : c == 3 ? Participation.FULL : Participation.NONE;
            m.shareClass(new ShareClass("series-" + (char) ('a' + c), ShareClass.Type.PREFERRED, price, BigDecimal.ONE,
                    participation, participation == Participation.CAPPED ? new BigDecimal("3") : null, 1 + c / 2,
                    BigDecimal.ONE, c == 2 ? new ShareClass.Dividend(new BigDecimal("0.08"), true,
                            ShareClass.Dividend.Compounding.SIMPLE) : null));
        }
        long pool = 0;
        for (int i = 0; i < holders; i++) {
            String id = id(i);
            LocalDate acquired = START.minusDays(1 + r.nextInt(1200));
            if (i < clinicians) {
                m.holding(new Holding(id, "common", 5_000L + r.nextInt(45_000), acquired, null));
            } else if (i % 7 == 0) {
                m.holding(new Holding(id, "series-" + (char) ('a' + i % 4), 100_000L + r.nextInt(900_000), acquired, null));
            } else if (i % 4 == 0 && i < holders - 3) {
                long shares = 1_000L + r.nextInt(20_000);
                pool += shares;
                LocalDate granted = START.minusDays(r.nextInt(900));
                m.option(new OptionGrant(id, shares, BigDecimal.valueOf(10 + 5L * (i % 20), 2), granted,
                        new Vesting(granted, 48, 12), OptionGrant.Acceleration.values()[i % 3]));
            } else {
                m.holding(new Holding(id, "common", 10_000L + r.nextInt(190_000), acquired, null));
            }
        }
        m.optionPool(pool + 1_000_000);
        m.safe(new Safe(id(holders - 1), Money.of(500_000), Money.of(60_000_000), new BigDecimal("0.20"),
                Safe.Kind.POST_MONEY, START.minusDays(300), null));
        m.safe(new Safe(id(holders - 2), Money.of(250_000), Money.of(80_000_000), null, Safe.Kind.PRE_MONEY,
                START.minusDays(200), null));
        m.note(new ConvertibleNote(id(holders - 3), Money.of(1_000_000), new BigDecimal("0.06"), START.minusDays(400),
                Money.of(50_000_000), null, BigDecimal.ONE, null));
        String ceo = id(clinicians + 1);
        m.director(ceo).director(id(clinicians + 2)).director(id(0)).officer("ceo", ceo).officer("cfo", id(clinicians + 2));
        m.staff(id(clinicians + 3));
        v.mso(m.build());

        Map<String, Financials.PracticeFinancials> financials = new LinkedHashMap<>();
        for (int p = 0; p < practices; p++) {
            String practiceId = "pc-" + String.format("%04d", p);
            String state = STATES.get(p % STATES.size());
            String owner = id(2 * p);
            String partner = id(2 * p + 1);
            Practice.Builder practice = Practice.builder(practiceId, "Practice " + p + " Medical Group", state)
                    .form(FORMS[p % FORMS.length]).profession("physician")
                    .shareholder(owner, 600 + r.nextInt(400)).shareholder(partner, 100 + r.nextInt(400))
                    .director(owner).officer("president", owner).officer("secretary", p % 9 == 0 ? ceo : partner)
                    .service("primary-care").patientState(state);
            if (p % 4 != 3) {
                practice.transferRestriction(new Practice.TransferRestriction(true, p % 2 == 0, Money.of(1_000)));
            }
            if (p % 6 == 0) {
                practice.patientState(STATES.get((p + 5) % STATES.size()));
            }
            v.practice(practice.build());

            FeeTerms fee = switch (p % 3) {
                case 0 -> FeeTerms.fixed(Money.of(20_000 + 1_000L * (p % 50)), new BigDecimal("0.03"));
                case 1 -> FeeTerms.percentOfCollections(new BigDecimal("0.25"));
                default -> new FeeTerms(FeeTerms.Basis.COST_PLUS, null, null, null, new BigDecimal("0.10"));
            };
            List<String> controls = p % 10 == 1 ? List.of("pricing") : List.of();
            v.agreement(new Agreement("msa-" + String.format("%04d", p), Agreement.Type.MANAGEMENT_SERVICES, practiceId, fee,
                    p % 5 != 1, List.of("billing", "staffing", "it"), controls, p % 8 == 0, 60, p % 11 != 0));
            financials.put(practiceId, new Financials.PracticeFinancials(Money.of(1_000_000L + 10_000L * r.nextInt(400)),
                    new BigDecimal("0.15"), new BigDecimal("0.45"), Money.of(100_000), new BigDecimal("0.05")));
        }
        v.financials(new Financials(START, 5, financials,
                new Financials.MsoFinancials(Money.of(500_000L * Math.max(1, practices / 10)), new BigDecimal("0.05"), Money.ZERO)));

        v.exit(new ExitScenario("Strategic sale", LocalDate.of(2030, 12, 31), null, BigDecimal.TEN, null,
                ExitScenario.TransactionCosts.ofFraction(new BigDecimal("0.03")),
                new ExitScenario.Escrow(new BigDecimal("0.10"), 18, new BigDecimal("0.9")), null,
                new ExitScenario.Earnout(Money.of(5_000_000), new BigDecimal("0.4")), true));
        v.exit(ExitScenario.atValue("Early sale", LocalDate.of(2028, 6, 30), Money.of(150_000_000)));
        v.simulation(new SimulationSpec(runs, 42,
                new Distribution.Uniform(LocalDate.of(2029, 1, 1).toEpochDay(), LocalDate.of(2030, 12, 31).toEpochDay()),
                new Distribution.LogNormal(10, 0.35), new Distribution.Normal(0.15, 0.08), null, null, null, 0.15,
                List.of(new SimulationSpec.Correlation("ebitdaMultiple", "collectionsGrowth", 0.4))));
        return v.build();
    }

    static String id(int i) {
        return String.format("h-%05d", i);
    }
}

package org.msocap.captable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Warrant;

class CapTablePropertyTest {

    @Test
    void percentagesOfAnyCapTableAddUpToExactlyOne() {
        qt().withFixedSeed(7L).withExamples(200)
                .forAll(lists().of(longs().between(1, 50_000_000)).ofSizeBetween(1, 40), integers().between(0, 5),
                        longs().between(0, 3_000_000))
                .checkAssert((shares, options, pool) -> {
                    CapTable cap = CapTable.of(venture(shares, options, pool, 1L));
                    BigFraction out = cap.lines().stream().map(CapTableLine::ofOutstanding).reduce(BigFraction.ZERO, BigFraction::add);
                    BigFraction fd = cap.lines().stream().map(CapTableLine::ofFullyDiluted).reduce(BigFraction.ZERO, BigFraction::add);
                    assertThat(out).isEqualTo(BigFraction.ONE);
                    assertThat(fd).isEqualTo(BigFraction.ONE);
                    for (List<CapTableGroup> groups : List.of(cap.byHolder(), cap.byClass(), cap.byCategory())) {
                        assertThat(groups.stream().map(CapTableGroup::ofFullyDiluted).reduce(BigFraction.ZERO, BigFraction::add))
                                .isEqualTo(BigFraction.ONE);
                    }
                });
    }

    @Test
    void holderOrderNeverChangesAResult() {
        qt().withFixedSeed(11L).withExamples(200)
                .forAll(lists().of(longs().between(1, 50_000_000)).ofSizeBetween(2, 30), integers().between(0, 5),
                        longs().between(0, 3_000_000), longs().all())
                .checkAssert((shares, options, pool, shuffleSeed) -> {
                    CapTable a = CapTable.of(venture(shares, options, pool, 1L));
                    CapTable b = CapTable.of(venture(shares, options, pool, shuffleSeed));
                    assertThat(byKey(b.byHolder())).isEqualTo(byKey(a.byHolder()));
                    assertThat(byKey(b.byClass())).isEqualTo(byKey(a.byClass()));
                    assertThat(byKey(b.byCategory())).isEqualTo(byKey(a.byCategory()));
                });
    }

    private static Map<String, List<BigFraction>> byKey(List<CapTableGroup> groups) {
        return groups.stream().collect(Collectors.toMap(CapTableGroup::key,
                g -> List.of(g.outstanding(), g.fullyDiluted(), g.ofOutstanding(), g.ofFullyDiluted())));
    }

    /** Holders h0..hn with the given shares across three classes; {@code order} shuffles every list. */
    static Venture venture(List<Long> shares, int options, long pool, long order) {
        List<Person> people = new ArrayList<>();
        List<Holding> holdings = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            people.add(i % 3 == 2 ? Person.entity("h" + i, "Holder " + i) : Person.lay("h" + i, "Holder " + i));
            String cls = i % 3 == 0 ? "common" : i % 3 == 1 ? "series-a" : "series-b";
            holdings.add(Holding.of("h" + i, cls, shares.get(i)));
        }
        List<OptionGrant> grants = new ArrayList<>();
        long granted = 0;
        for (int i = 0; i < options; i++) {
            people.add(Person.lay("opt" + i, "Optionee " + i));
            grants.add(OptionGrant.of("opt" + i, 1000L * (i + 1), new BigDecimal("0.10"), null));
            granted += 1000L * (i + 1);
        }
        List<Warrant> warrants = List.of(new Warrant("h0", "common", 12_345, BigDecimal.ONE, null));
        Random random = new Random(order);
        if (order != 1L) {
            Collections.shuffle(people, random);
            Collections.shuffle(holdings, random);
            Collections.shuffle(grants, random);
        }
        Mso mso = new Mso("MSO", "DE", Mso.Form.LLC,
                List.of(ShareClass.common("common"), ShareClass.preferred("series-a", new BigDecimal("1.00"), 1),
                        ShareClass.preferred("series-b", new BigDecimal("3.00"), 2).withConversionRatio(new BigDecimal("1.5"))),
                holdings, granted + pool, grants, warrants, List.of(), List.of(), List.of(), Map.of(), List.of());
        return Venture.builder("Generated").asOf(java.time.LocalDate.of(2026, 1, 1)).people(people).mso(mso).build();
    }
}

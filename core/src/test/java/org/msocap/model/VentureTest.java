package org.msocap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VentureTest {

    @Test
    void buildsAValidVenture() {
        Venture v = Fixtures.sunrise().build();
        assertThat(v.categoryOf("alice")).isEqualTo(HolderCategory.LAY);
        assertThat(v.categoryOf("dr-bob")).isEqualTo(HolderCategory.CLINICIAN);
        assertThat(v.categoryOf("harbor-fund")).isEqualTo(HolderCategory.ENTITY);
        assertThat(v.mso().unissuedPool()).isEqualTo(1_300_000);
    }

    @Test
    void refusesALayPersonHoldingPracticeShares() {
        Venture.Builder b = Fixtures.sunrise();
        b.practices(java.util.List.of(Practice.builder("sunrise-ca", "Sunrise CA", "CA").shareholder("alice", 10).build()));
        assertThatThrownBy(b::build).isInstanceOf(ModelException.class)
                .hasMessage("practice sunrise-ca shares may be held only by licensed clinicians, but alice has no clinical license")
                .extracting(e -> ((ModelException) e).field()).isEqualTo("practices[0].shareholders[0].holder");
    }

    @Test
    void refusesAnEntityHoldingPracticeShares() {
        Venture.Builder b = Fixtures.sunrise();
        b.practices(java.util.List.of(Practice.builder("sunrise-ca", "Sunrise CA", "CA").shareholder("harbor-fund", 10).build()));
        assertThatThrownBy(b::build).hasMessageContaining("harbor-fund is an entity");
    }

    @Test
    void refusesAnExpiredLicenseOnTheAsOfDate() {
        Venture v = Fixtures.sunrise().build();
        assertThatThrownBy(() -> v.withAsOf(LocalDate.of(2027, 7, 1)))
                .hasMessageContaining("dr-bob has no clinical license active on 2027-07-01 (physician CA active until 2027-06-30)");
        assertThat(v.withAsOf(LocalDate.of(2027, 6, 30)).asOf()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void refusesDuplicateIdsAcrossTheFile() {
        Venture.Builder b = Fixtures.sunrise().person(Person.lay("sunrise-ca", "Confusing Name"));
        assertThatThrownBy(b::build).hasMessageContaining("id 'sunrise-ca' is already used by people[4].id");
    }

    @Test
    void refusesUnknownReferencesWithASuggestion() {
        Venture.Builder b = Fixtures.sunrise().mso(Fixtures.sunrise().build().mso().toBuilder().holding("alcie", "common", 5).build());
        assertThatThrownBy(b::build).hasMessageContaining("unknown person 'alcie' (did you mean 'alice'?)");
        assertThatThrownBy(() -> Mso.builder().shareClass(ShareClass.common("common")).holding("alice", "comon", 5).build())
                .hasMessageContaining("unknown class 'comon' (did you mean 'common'?)");
    }

    @Test
    void refusesNonPositiveShares() {
        assertThatThrownBy(() -> Holding.of("alice", "common", -5)).hasMessage("shares must be > 0 but was -5");
        assertThatThrownBy(() -> Holding.of("alice", "common", 0)).hasMessage("shares must be > 0 but was 0");
    }

    @Test
    void refusesGrantsBeyondThePool() {
        assertThatThrownBy(() -> Mso.builder().shareClass(ShareClass.common("common")).holding("alice", "common", 5)
                .optionPool(100).option(OptionGrant.of("carol", 101, BigDecimal.ONE, null)).build())
                .hasMessage("option grants total 101 shares but the option pool is 100");
    }

    @Test
    void transfersPracticeSharesOnlyToLicensees() {
        Venture v = Fixtures.sunrise()
                .person(Person.clinician("dr-eve", "Eve Park, MD", License.active("physician", "CA"))).build();
        Venture after = v.transferPracticeShares("sunrise-ca", "dr-bob", "dr-eve", 400);
        assertThat(after.practice("sunrise-ca").orElseThrow().sharesOf("dr-eve")).isEqualTo(400);
        assertThat(after.practice("sunrise-ca").orElseThrow().sharesOf("dr-bob")).isEqualTo(600);
        assertThatThrownBy(() -> v.transferPracticeShares("sunrise-ca", "dr-bob", "alice", 1))
                .hasMessageContaining("alice has no clinical license");
        assertThatThrownBy(() -> v.transferPracticeShares("sunrise-ca", "dr-bob", "dr-eve", 1001))
                .hasMessageContaining("dr-bob holds 1000 shares of sunrise-ca, cannot transfer 1001");
    }

    @Test
    void aLicenseLapseThatWouldLeavePracticeSharesWithANonLicenseeIsRefused() {
        Venture v = Fixtures.sunrise().build();
        Person lapsed = new Person("dr-bob", "Robert Diaz, MD", Person.Type.PERSON,
                java.util.List.of(new License("physician", "CA", LicenseStatus.SUSPENDED, null)), false, false);
        assertThatThrownBy(() -> v.withPerson(lapsed)).hasMessageContaining("dr-bob has no clinical license active");
    }

    @Test
    void transfersMsoSharesToAnyone() {
        Venture v = Fixtures.sunrise().build().transferMsoShares("common", "alice", "harbor-fund", 1_000_000);
        long fund = v.mso().holdings().stream().filter(h -> h.holder().equals("harbor-fund") && h.shareClass().equals("common"))
                .mapToLong(Holding::shares).sum();
        assertThat(fund).isEqualTo(1_000_000);
    }

    /**
     * A cumulative dividend accrued on shares travels with them: the buyer takes each lot with its dates, so the class's
     * claim, and what seller and buyer receive together, are the same after a transfer as before.
     */
    @Test
    void aTransferCarriesEachLotsDividendStartToTheBuyer() {
        ShareClass preferred = ShareClass.preferred("series-a", new BigDecimal("2.00"), 1)
                .withDividend(new ShareClass.Dividend(new BigDecimal("0.08"), true, null));
        Mso mso = Mso.builder().name("Sunrise Health Management, LLC").state("DE")
                .shareClass(ShareClass.common("common")).shareClass(preferred)
                .holding("alice", "common", 6_000_000)
                .holding(new Holding("harbor-fund", "series-a", 600_000, LocalDate.of(2025, 1, 1), null)
                        .withDividendFrom(LocalDate.of(2025, 6, 1)))
                .holding(new Holding("harbor-fund", "series-a", 400_000, LocalDate.of(2025, 3, 1), null))
                .build();
        Venture before = Fixtures.sunrise().mso(mso).build();
        Venture after = before.transferMsoShares("series-a", "harbor-fund", "carol", 800_000);

        assertThat(after.mso().holdings().stream().filter(h -> h.holder().equals("carol")).toList()).containsExactly(
                new Holding("carol", "series-a", 600_000, LocalDate.of(2025, 1, 1), null).withDividendFrom(LocalDate.of(2025, 6, 1)),
                new Holding("carol", "series-a", 200_000, LocalDate.of(2025, 3, 1), null));
        LocalDate exit = LocalDate.of(2028, 6, 30);
        org.msocap.money.Money proceeds = org.msocap.money.Money.of(3_000_000);
        var was = org.msocap.waterfall.WaterfallEngine.DEFAULT.distribute(
                org.msocap.waterfall.ResolvedCapTable.of(before, exit, false), proceeds);
        var is = org.msocap.waterfall.WaterfallEngine.DEFAULT.distribute(
                org.msocap.waterfall.ResolvedCapTable.of(after, exit, false), proceeds);
        assertThat(is.classes()).isEqualTo(was.classes());
        assertThat(is.holder("harbor-fund").orElseThrow().payout().plus(is.holder("carol").orElseThrow().payout()))
                .isEqualTo(was.holder("harbor-fund").orElseThrow().payout());
    }

    @Test
    void findsPeopleByIdThroughEveryChange() {
        // The people are indexed by id (a scan per lookup made check quadratic in the holders); the index must follow
        // the list through the builder and every change, and the list must read as before.
        Venture v = Fixtures.sunrise().build();
        for (Person p : v.people()) {
            assertThat(v.person(p.id())).containsSame(p);
        }
        assertThat(v.person("nobody")).isEmpty();
        assertThat(v.person(null)).isEmpty();
        assertThat(v.people()).isEqualTo(java.util.List.copyOf(v.people())).hasSameHashCodeAs(java.util.List.copyOf(v.people()));
        assertThatThrownBy(() -> v.people().add(Person.lay("zed", "Zed"))).isInstanceOf(UnsupportedOperationException.class);

        Venture added = v.withPerson(Person.lay("zed", "Zed"));
        assertThat(added.requirePerson("zed").name()).isEqualTo("Zed");
        assertThat(v.person("zed")).isEmpty();
        Venture renamed = added.withPerson(Person.lay("zed", "Zed Two"));
        assertThat(renamed.requirePerson("zed").name()).isEqualTo("Zed Two");
        assertThat(renamed.toBuilder().build().requirePerson("zed").name()).isEqualTo("Zed Two");
        assertThat(renamed).isEqualTo(renamed.toBuilder().build());
    }
}

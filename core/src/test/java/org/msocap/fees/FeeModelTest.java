package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msocap.fees.FeeFixtures.START;
import static org.msocap.fees.FeeFixtures.base;
import static org.msocap.fees.FeeFixtures.financials;
import static org.msocap.fees.FeeFixtures.managed;
import static org.msocap.fees.FeeFixtures.mso;
import static org.msocap.fees.FeeFixtures.practice;
import static org.msocap.fees.FeeFixtures.venture;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** Resolving a venture for the fee projection: every inconsistency is refused with the field to fix. */
class FeeModelTest {

    private static final FeeTerms FIXED = FeeTerms.fixed(Money.of(10_000), BigDecimal.ZERO);
    private static final PracticeFinancials SOME = financials(1_000_000, "0.1", "0.4", 100_000, "0");

    private static void assertField(ThrowingCallable call, String field, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo(field))
                .hasMessageContaining(messagePart);
    }

    @Test
    void bindsEachPracticeToItsAgreementInVentureOrder() {
        Venture v = venture(2, mso(0, "0", 0), managed("pc-b", SOME, FIXED), managed("pc-a", SOME, FeeTerms.percentOfCollections(
                new BigDecimal("0.1"))));
        FeeModel model = FeeModel.resolve(v);
        assertThat(model.practices()).extracting(FeeModel.ManagedPractice::practiceId).containsExactly("pc-b", "pc-a");
        assertThat(model.practice("pc-a").agreementId()).isEqualTo("msa-pc-a");
        assertThat(model.practice("pc-a").agreementField()).isEqualTo("agreements[1]");
        assertThat(model.months()).isEqualTo(24);
        assertThat(model.withTerms("pc-a", FIXED).practice("pc-a").terms()).isEqualTo(FIXED);
        assertThatThrownBy(() -> model.practice("pc-z")).isInstanceOf(ModelException.class).hasMessageContaining("pc-a");
    }

    @Test
    void aProjectionWithoutFinancialsNamesTheSection() {
        Venture v = base().practice(practice("pc-a")).agreement(Agreement.msa("msa-a", "pc-a", FIXED)).build();
        assertField(() -> FeeProjector.DEFAULT.project(v, Period.MONTH), "financials", "fees needs a financials: section");
    }

    @Test
    void practiceFinancialsWithoutAnAgreement() {
        Map<String, PracticeFinancials> f = new LinkedHashMap<>();
        f.put("pc-a", SOME);
        f.put("pc-b", SOME);
        // The venture refuses it, so validate and every command that projects fees agree.
        Venture.Builder v = base().practice(practice("pc-a")).practice(practice("pc-b"))
                .agreement(Agreement.msa("msa-a", "pc-a", FIXED))
                .financials(new Financials(START, 1, f, null));
        assertField(v::build, "financials.practices.pc-b", "no management-services agreement");
    }

    @Test
    void anAgreementWhosePracticeHasNoFinancials() {
        Venture.Builder v = base().practice(practice("pc-a")).practice(practice("pc-b"))
                .agreement(Agreement.msa("msa-a", "pc-a", FIXED)).agreement(Agreement.msa("msa-b", "pc-b", FIXED))
                .financials(new Financials(START, 1, Map.of("pc-a", SOME), null));
        assertField(v::build, "financials.practices", "pc-b has management services agreement msa-b");
    }

    @Test
    void twoManagementAgreementsForOnePractice() {
        Venture.Builder v = base().practice(practice("pc-a"))
                .agreement(Agreement.msa("msa-a", "pc-a", FIXED)).agreement(Agreement.msa("msa-a2", "pc-a", FIXED))
                .financials(new Financials(START, 1, Map.of("pc-a", SOME), null));
        assertField(v::build, "agreements[1].practice", "already has management services agreement msa-a");
    }

    @Test
    void otherAgreementsDoNotCarryAFee() {
        Agreement lease = new Agreement("lease-a", Agreement.Type.LEASE, "pc-a", null, false, null, null, false, null, true);
        Venture v = base().practice(practice("pc-a")).agreement(lease).agreement(Agreement.msa("msa-a", "pc-a", FIXED))
                .financials(new Financials(START, 1, Map.of("pc-a", SOME), null)).build();
        assertThat(FeeModel.resolve(v).practice("pc-a").agreementId()).isEqualTo("msa-a");
    }

    @Test
    void inconsistentInputsTheModelAlreadyRefuses() {
        // An agreement for an unknown practice, growth at or below −100%, a percent fee over 100%.
        assertField(() -> base().practice(practice("pc-a")).agreement(Agreement.msa("msa-x", "pc-x", FIXED)).build(),
                "agreements[0].practice", "unknown practice 'pc-x'");
        assertField(() -> financials(1_000_000, "-1", "0.4", 0, "0"), "growth", "growth must be > -1");
        assertField(() -> FeeTerms.percentOfCollections(new BigDecimal("1.2")), "percent", "must be <= 1");
    }
}

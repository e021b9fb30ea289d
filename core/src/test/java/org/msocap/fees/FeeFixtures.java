package org.msocap.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Financials.MsoFinancials;
import org.msocap.model.Financials.PracticeFinancials;
import org.msocap.model.License;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/** Small ventures for fee tests: practices {@code pc-a}, {@code pc-b}, ... each under agreement {@code msa-<practice>}. */
final class FeeFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);

    private FeeFixtures() {
    }

    /** One practice's inputs. */
    record Managed(String practiceId, PracticeFinancials financials, FeeTerms terms) {
    }

    static Managed managed(String practiceId, PracticeFinancials financials, FeeTerms terms) {
        return new Managed(practiceId, financials, terms);
    }

    static PracticeFinancials financials(long collections, String growth, String clinicianComp, long otherCosts,
                                         String referredByInvestors) {
        return new PracticeFinancials(Money.of(collections), new BigDecimal(growth), new BigDecimal(clinicianComp),
                Money.of(otherCosts), new BigDecimal(referredByInvestors));
    }

    static MsoFinancials mso(long operatingCosts, String costGrowth, long netDebt) {
        return new MsoFinancials(Money.of(operatingCosts), new BigDecimal(costGrowth), Money.of(netDebt));
    }

    static FeeTerms terms(FeeTerms.Basis basis, long monthly, String escalator, String percent, String markup) {
        return new FeeTerms(basis, Money.of(monthly), new BigDecimal(escalator), new BigDecimal(percent), new BigDecimal(markup));
    }

    /** A builder with a lay founder owning the MSO and one licensed physician owning every practice. */
    static Venture.Builder base() {
        return Venture.builder("Fee Test")
                .asOf(START)
                .person(Person.lay("alice", "Alice"))
                .person(Person.clinician("dr-bob", "Dr Bob", License.active("physician", "CA")))
                .mso(Mso.builder().shareClass(ShareClass.common("common")).holding("alice", "common", 1000).build());
    }

    static Practice practice(String id) {
        return Practice.builder(id, "Practice " + id, "CA").shareholder("dr-bob", 100).build();
    }

    static Venture venture(LocalDate start, int years, MsoFinancials mso, List<Managed> managed) {
        Venture.Builder b = base();
        Map<String, PracticeFinancials> financials = new LinkedHashMap<>();
        for (Managed m : managed) {
            b.practice(practice(m.practiceId()));
            b.agreement(Agreement.msa("msa-" + m.practiceId(), m.practiceId(), m.terms()));
            financials.put(m.practiceId(), m.financials());
        }
        return b.financials(new Financials(start, years, financials, mso)).build();
    }

    static Venture venture(int years, MsoFinancials mso, Managed... managed) {
        return venture(START, years, mso, List.of(managed));
    }
}

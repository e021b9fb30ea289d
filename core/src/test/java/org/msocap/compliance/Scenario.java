package org.msocap.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.model.Agreement;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * A small, compliant-by-default venture whose knobs tests turn one at a time, so each rule's test compares a
 * model that triggers it with a near-identical one that does not.
 */
final class Scenario {

    LocalDate asOf = LocalDate.of(2026, 3, 1);
    String state = "FL";
    String profession = "physician";
    final Map<String, Person> people = new LinkedHashMap<>();
    final Map<String, Long> practiceShares = new LinkedHashMap<>();
    final List<String> practiceDirectors = new ArrayList<>();
    final Map<String, String> practiceOfficers = new LinkedHashMap<>();
    final List<String> practiceServices = new ArrayList<>(List.of("primary-care"));
    Practice.TransferRestriction transferRestriction;
    final List<ShareClass> classes = new ArrayList<>(List.of(ShareClass.common("common")));
    final List<Holding> holdings = new ArrayList<>();
    final List<String> msoDirectors = new ArrayList<>();
    final Map<String, String> msoOfficers = new LinkedHashMap<>();
    final List<String> msoStaff = new ArrayList<>();
    FeeTerms fee = FeeTerms.fixed(Money.of(50_000), BigDecimal.ZERO);
    boolean fmvOpinion = true;
    List<String> services = List.of("billing", "staffing", "it");
    List<String> msoControls = List.of();
    boolean noncompete = false;
    Integer termMonths = 60;
    boolean signed = true;
    Financials financials;
    final List<ExitScenario> exits = new ArrayList<>();
    LocalDate msoFormed;
    LocalDate practiceFormed;
    Mso.Form msoForm;
    /** The practice's form; null: a PC. */
    Practice.Form practiceForm;

    Scenario() {
        person(Person.lay("founder", "Fay Founder"));
        person(physician("dr-a", "FL"));
        holding("founder", "common", 6_000, "6000");
        practiceShares.put("dr-a", 1_000L);
        practiceDirectors.add("dr-a");
        practiceOfficers.put("president", "dr-a");
        msoDirectors.add("founder");
        msoOfficers.put("ceo", "founder");
    }

    /** The default scenario moved to {@code state}: dr-a becomes licensed there instead. */
    static Scenario in(String state) {
        Scenario s = new Scenario();
        s.state = state;
        s.person(physician("dr-a", state));
        return s;
    }

    static Person physician(String id, String state) {
        return licensee(id, "physician", state);
    }

    static Person licensee(String id, String profession, String state) {
        return Person.clinician(id, "Dr " + id, License.active(profession, state));
    }

    Scenario person(Person p) {
        people.put(p.id(), p);
        return this;
    }

    Scenario holding(String holder, String cls, long shares, String cost) {
        holdings.add(new Holding(holder, cls, shares, null, cost == null ? null : Money.of(cost)));
        return this;
    }

    Scenario practiceShares(String holder, long shares) {
        practiceShares.put(holder, shares);
        return this;
    }

    Venture build() {
        Practice.Builder practice = Practice.builder("p1", "Test Medical Group, P.C.", state).form(practiceForm).profession(profession)
                .transferRestriction(transferRestriction).formed(practiceFormed);
        practiceShares.forEach(practice::shareholder);
        practiceDirectors.forEach(practice::director);
        practiceOfficers.forEach(practice::officer);
        practiceServices.forEach(practice::service);
        Mso.Builder mso = Mso.builder().name("Test MSO, LLC").state("DE").formed(msoFormed).form(msoForm);
        classes.forEach(mso::shareClass);
        holdings.forEach(mso::holding);
        msoDirectors.forEach(mso::director);
        msoOfficers.forEach(mso::officer);
        msoStaff.forEach(mso::staff);
        Venture.Builder v = Venture.builder("Test venture").asOf(asOf).mso(mso.build()).practice(practice.build())
                .agreement(new Agreement("msa", Agreement.Type.MANAGEMENT_SERVICES, "p1", fee, fmvOpinion, services, msoControls,
                        noncompete, termMonths, signed))
                .financials(financials);
        people.values().forEach(v::person);
        exits.forEach(v::exit);
        return v.build();
    }

    ComplianceReport check() {
        return ComplianceChecker.DEFAULT.check(build(), asOf, FeeMetricsSource.NONE);
    }

    List<Finding> findings(String ruleId) {
        return check().forRule(ruleId);
    }
}

package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTest {

    private static final String NY_PAGE = "https://ny.example/bcl-1508";
    private static final String CA_PAGE = "https://ca.example/16-ccr-1343";
    private static final String GUIDE = "https://guide.example/all-states";
    private static final String OIG_PAGE = "https://oig.example/ao-98-4";

    private static Rule rule(String jurisdictions, String citation, List<String> urls, Map<String, Rule.OwnCitation> own) {
        return new Rule("R-01", "A rule", Severity.HIGH, Set.of(jurisdictions.split(" ")), null, null, null, null, List.of(),
                new Citation(citation, urls), own, Confidence.HIGH, "Fix it.", Map.of(), Map.of(), null);
    }

    private static Rule.OwnCitation own(List<String> parts, String... urls) {
        return new Rule.OwnCitation(parts, List.of(urls));
    }

    /** Like OWN-05: every authority is one state's, plus a general guide. */
    private static Rule ownershipRule() {
        Map<String, Rule.OwnCitation> own = new LinkedHashMap<>();
        own.put("NY", own(List.of("BCL 1508(a)"), NY_PAGE));
        own.put("CA", own(List.of("16 CCR 1343(b)"), CA_PAGE));
        return rule("NY CA CO", "16 CCR 1343(b); BCL 1508(a); state tables", List.of(CA_PAGE, GUIDE, NY_PAGE), own);
    }

    private static StateRules state(String code, String name, String citation, String url) {
        return new StateRules(code, name, "STRONG", Confidence.HIGH, "", "", PercentFeeStance.UNKNOWN, "", Map.of(), Map.of(),
                Map.of(), Set.of(), Set.of(), false, new Citation(citation, List.of(url)));
    }

    @Test
    void aStatesOwnAuthorityAndPageComeFirstAndOtherStatesAreLeftOut() {
        Citation ny = ownershipRule().citationFor("NY");
        assertThat(ny.text()).isEqualTo("BCL 1508(a); state tables");
        assertThat(ny.urls()).containsExactly(NY_PAGE, GUIDE);
        Citation ca = ownershipRule().citationFor("CA");
        assertThat(ca.text()).isEqualTo("16 CCR 1343(b); state tables");
        assertThat(ca.urls()).containsExactly(CA_PAGE, GUIDE);
    }

    @Test
    void aStateWithoutItsOwnEntryGetsWhatIsGeneral() {
        Citation co = ownershipRule().citationFor("CO");
        assertThat(co.text()).isEqualTo("state tables");
        assertThat(co.urls()).containsExactly(GUIDE);
    }

    @Test
    void whenEveryAuthorityIsAnotherStatesTheWholeCitationIsAllTheRuleCanGive() {
        Rule r = rule("NY CA", "16 CCR 1343(b); BCL 1508(a)", List.of(CA_PAGE, NY_PAGE),
                Map.of("NY", own(List.of("BCL 1508(a)"), NY_PAGE), "CA", own(List.of("16 CCR 1343(b)"), CA_PAGE)));
        assertThat(r.citationFor("TX")).isEqualTo(r.citation());
    }

    @Test
    void aMultiStateRuleNamingNoAuthorityOfTheStateSaysSoInsteadOfCitingTheStateTable() {
        Rule r = rule("NY CA", "16 CCR 1343(b)", List.of(CA_PAGE), Map.of("CA", own(List.of("16 CCR 1343(b)"), CA_PAGE)));
        Citation ny = r.citationFor(state("NY", "New York", "BCL 1503, 1507, 1508", NY_PAGE));
        assertThat(ny.text()).isEqualTo("the research names no New York-specific authority for R-01");
        assertThat(ny.urls()).isEmpty();

        Citation co = ownershipRule().citationFor(state("CO", "Colorado", "C.R.S. 12-240-138", "https://co.example"));
        assertThat(co.text()).isEqualTo("state tables; the research names no Colorado-specific authority for R-01");
        assertThat(co.urls()).containsExactly(GUIDE);
    }

    @Test
    void theStateTableIsNotAddedWhereTheRuleCitesTheStateOrNamesOnlyOneState() {
        StateRules ny = state("NY", "New York", "BCL 1503", "https://table.example");
        assertThat(ownershipRule().citationFor(ny)).isEqualTo(ownershipRule().citationFor("NY"));
        Rule single = rule("NY", "Carothers (NY 2019)", List.of(NY_PAGE), Map.of());
        assertThat(single.citationFor(ny)).isEqualTo(single.citation());
    }

    @Test
    void federalAuthorityCountsForEveryStateAndLeadsWhereOnlyFederalLawReaches() {
        // Like FEE-02: Florida cases, and an OIG opinion that applies everywhere.
        Rule r = rule("FL US", "Bakarania (Fla. 1st DCA 1999); Fla. Stat. 458.331(1)(i); OIG AO 98-4",
                List.of("https://fl.example", OIG_PAGE), Map.of(
                        "FL", own(List.of("Bakarania (Fla. 1st DCA 1999)", "Fla. Stat. 458.331(1)(i)"), "https://fl.example"),
                        "US", own(List.of("OIG AO 98-4"), OIG_PAGE)));
        assertThat(r.citationFor("FL").text()).isEqualTo("Bakarania (Fla. 1st DCA 1999); Fla. Stat. 458.331(1)(i); OIG AO 98-4");
        assertThat(r.citationFor("FL").urls()).containsExactly("https://fl.example", OIG_PAGE);
        assertThat(r.citationFor("NY").text()).isEqualTo("OIG AO 98-4");
        assertThat(r.citationFor("NY").urls()).containsExactly(OIG_PAGE);
        assertThat(r.citationFor(state("NY", "New York", "BCL 1503", NY_PAGE))).isEqualTo(r.citationFor("NY"));
    }

    @Test
    void aRuleWithoutOwnCitationsCitesTheSameEverywhere() {
        Rule federal = rule("US", "42 CFR 1001.952(a)(2)(i); (a)(3)", List.of(OIG_PAGE), Map.of());
        assertThat(federal.citationFor("NY")).isEqualTo(federal.citation());
        assertThat(federal.citationFor("US")).isEqualTo(federal.citation());
    }

    @Test
    void ownCitationsMustBeTheRulesJurisdictionsPartsAndUrls() {
        assertThatThrownBy(() -> rule("NY CA", "BCL 1508(a)", List.of(NY_PAGE), Map.of("TX", own(List.of("BCL 1508(a)")))))
                .hasMessageContaining("TX, which is not among its jurisdictions");
        assertThatThrownBy(() -> rule("NY CA", "BCL 1508(a)", List.of(NY_PAGE), Map.of("NY", own(List.of("BCL 1507")))))
                .hasMessageContaining("'BCL 1507' (NY) is not a part of its citation");
        assertThatThrownBy(() -> rule("NY CA", "BCL 1508(a)", List.of(NY_PAGE), Map.of("NY", own(List.of(), CA_PAGE))))
                .hasMessageContaining(CA_PAGE + " (NY) is not one of its urls");
        assertThatThrownBy(() -> own(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.msocap.model.License;
import org.msocap.model.ModelException;

/** Professions are a fixed vocabulary (item 13); the research's uncertain ones are info to verify. */
class ProfessionVocabularyTest {

    @Test
    void aMisspeltProfessionIsAnErrorWithASuggestion() {
        assertThatThrownBy(() -> License.active("chiropracter", "NY")).isInstanceOf(ModelException.class)
                .hasMessageContaining("unknown profession 'chiropracter'").hasMessageContaining("did you mean 'chiropractor'");
        Scenario s = new Scenario();
        s.profession = "phisician";
        assertThatThrownBy(s::build).isInstanceOf(ModelException.class).hasMessageContaining("did you mean 'physician'");
    }

    @Test
    void theStateTableUsesOnlyTheVocabulary() {
        Set<String> used = new HashSet<>();
        for (StateRules st : RuleCatalog.DEFAULT.states().values()) {
            used.addAll(st.coOwners().keySet());
            st.coOwners().values().forEach(used::addAll);
            st.minorityCoOwners().values().forEach(used::addAll);
            st.smallerThanEachPrincipal().values().forEach(used::addAll);
            used.addAll(st.exclusiveProfessions());
        }
        used.remove(ShareholderProfessionNotEligible.ANY_PROFESSION);
        assertThat(License.PROFESSIONS).containsAll(used);
    }

    @Test
    void dietitiansAndNutritionistsAreInfoToVerify() {
        Scenario practice = Scenario.in("NY").person(Scenario.licensee("dr-a", "dietitian", "NY"));
        practice.profession = "dietitian";
        assertThat(practice.findings("PROF-04")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("p1 is a dietitian practice", "verify");
            assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        });
        Scenario owner = Scenario.in("AZ").person(Scenario.licensee("rd-b", "nutritionist", "AZ")).practiceShares("rd-b", 10);
        assertThat(owner.findings("PROF-04")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("rd-b (nutritionist) own shares of practice p1"));
        assertThat(Scenario.in("AZ").findings("PROF-04")).isEmpty();
    }
}

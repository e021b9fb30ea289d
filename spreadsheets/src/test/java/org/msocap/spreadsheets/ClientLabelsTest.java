package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ClientLabelsTest {

    private final ClientLabels labels = new ClientLabels(TestVentures.sunrise());

    @Test
    void claimantsReadAsPeopleSayThem() {
        assertThat(labels.claimant("options@0.25")).isEqualTo("Options at $0.25");
        assertThat(labels.claimant("options@0.1")).isEqualTo("Options at $0.10");
        assertThat(labels.claimant("warrants:common@1")).isEqualTo("Warrants (common) at $1.00");
        assertThat(labels.claimant("warrants:series-a@2.5")).isEqualTo("Warrants (Series A) at $2.50");
        assertThat(labels.claimant("note:angel-two")).isEqualTo("Convertible note — Evan Second");
        assertThat(labels.claimant("safe:angel")).isEqualTo("SAFE — Dana Angel");
        assertThat(labels.claimant("safe:angel-2")).isEqualTo("SAFE — Dana Angel (2)");
        assertThat(labels.claimant("series-a")).isEqualTo("Series A");
        assertThat(labels.claimant("common")).isEqualTo("Common");
        assertThat(labels.claimant("incentive@hurdle-90000000/angel")).isEqualTo("Incentive over a $90,000,000.00 hurdle — Dana Angel "
                + "(performance-vested)");
        // The holder's second performance-vested line: numbered, as a second SAFE is, so it does not read like the first.
        assertThat(labels.claimant("incentive@12.5/angel-2")).isEqualTo("Incentive above $12.50 a unit — Dana Angel (2) (performance-vested)");
    }

    @Test
    void modelVocabularyReadsAsWords() {
        assertThat(ClientLabels.words(java.util.List.of("billing", "it", "real-estate", "scheduling-of-clinicians")))
                .isEqualTo("billing, IT, real estate, scheduling of clinicians");
        assertThat(ClientLabels.words("medical-corporation")).isEqualTo("medical corporation");
        assertThat(ClientLabels.words("pllc")).isEqualTo("PLLC");
        assertThat(ClientLabels.words("c-corp")).isEqualTo("C corporation");
        assertThat(ClientLabels.category(org.msocap.model.HolderCategory.LAY)).isEqualTo("Lay individual");
    }

    @Test
    void aClassADealEventCreatesGoesByTheNameTheEventGivesIt() throws Exception {
        org.msocap.model.Venture venture = org.msocap.io.VentureReader.read(java.nio.file.Path.of("..", "examples", "ventures",
                "telehealth-series-a.yaml"));
        ClientLabels named = new ClientLabels(venture);
        java.util.List<org.msocap.model.ShareClass> created = org.msocap.deal.Timeline.of(venture).everyClass()
                .stream().filter(c -> venture.mso().classes().stream().noneMatch(m -> m.id().equals(c.id()))).toList();
        assertThat(created).as("classes the Series A and the recap create").isNotEmpty();
        for (org.msocap.model.ShareClass c : created) {
            // A converted SAFE's or note's series carries its conversion price, shown as a price to four places.
            String shown = java.util.regex.Pattern.compile("converted at (\\d+(?:\\.\\d+)?)").matcher(c.displayName())
                    .replaceAll(m -> "converted at \\$" + new java.math.BigDecimal(m.group(1)).setScale(4, java.math.RoundingMode.HALF_UP));
            assertThat(named.className(c.id())).isEqualTo(shown).doesNotContain("Conv").doesNotContainPattern("converted at \\d");
            assertThat(named.claimant(c.id())).isEqualTo(shown);
        }
    }

    @Test
    void multiplesAsBankersWriteThem() {
        assertThat(ClientLabels.moic(new BigDecimal("1.7849"))).isEqualTo("1.78x");
        assertThat(ClientLabels.moic(new BigDecimal("12"))).isEqualTo("12.00x");
    }
}

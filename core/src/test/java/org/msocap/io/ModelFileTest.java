package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.model.ModelException;

/** An engine's error about a share class of the cap table in force is placed where the file writes that class. */
class ModelFileTest {

    private static final ModelFile EVENTS = VentureReader.load(DealEventReaderTest.EVENTS, "deal.yaml");

    private static InvalidModelException located(String classId, LocalDate inForceOn) {
        // The engine names the class by its place in the cap table in force, which is not where the file writes it.
        return EVENTS.locate(new ModelException("mso.classes[0].dividend.rate", "too much",
                new ModelException.ClassField(classId, inForceOn, "dividend.rate")));
    }

    @Test
    void aClassOfTheTableAsWrittenIsAtItsPlaceInMsoClasses() {
        assertThat(located("seed", LocalDate.of(2026, 6, 30)).field()).isEqualTo("mso.classes[1].dividend.rate");
    }

    @Test
    void aRoundsClassIsAtTheRoundsClass() {
        InvalidModelException e = located("series-a", LocalDate.of(2027, 3, 1));
        assertThat(e.field()).isEqualTo("events[0].class.dividend.rate");
        assertThat(e.line()).isEqualTo(lineOf("class: {id: series-a"));
    }

    @Test
    void aRecapsClassIsAtItsPlaceInTheRecapsClasses() {
        InvalidModelException e = located("class-b", LocalDate.of(2040, 1, 1));
        assertThat(e.field()).isEqualTo("events[1].classes[1].dividend.rate");
        assertThat(e.line()).isEqualTo(lineOf("- {id: class-b, type: common}"));
    }

    @Test
    void aClassSoldInTheRecapItselfIsWhereItWasWrittenBeforeIt() {
        // The recap's own sale on its date pays the classes before it; series-a is the round's.
        assertThat(located("series-a", LocalDate.of(2028, 6, 30)).field()).isEqualTo("events[0].class.dividend.rate");
    }

    @Test
    void aProblemWithoutAClassKeepsItsField() {
        assertThat(EVENTS.locate(new ModelException("mso.notes[0].rate", "too much")).field()).isEqualTo("mso.notes[0].rate");
    }

    private static int lineOf(String text) {
        String[] lines = DealEventReaderTest.EVENTS.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}

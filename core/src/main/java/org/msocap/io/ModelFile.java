package org.msocap.io;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.msocap.model.DealEvent;
import org.msocap.model.ModelException;
import org.msocap.model.RecapEvent;
import org.msocap.model.RoundEvent;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/**
 * A venture together with where it came from, so that a rule an engine enforces later (fees needs a
 * financials section, an exit date outside the projection) can still be reported at the file, line
 * and column of the field it names.
 */
public final class ModelFile {

    private final Venture venture;
    private final String file;
    private final BiFunction<String, ModelException, InvalidModelException> locator;

    ModelFile(Venture venture, String file, BiFunction<String, ModelException, InvalidModelException> locator) {
        this.venture = venture;
        this.file = file;
        this.locator = locator;
    }

    public Venture venture() {
        return venture;
    }

    public String file() {
        return file;
    }

    /**
     * The same problem, placed at the field it names (absolute path such as {@code exits[1].date}); a problem with a
     * share class of the cap table in force at a date is placed where that class was written, which after a deal event
     * is the event ({@code events[0].classes[1].dividend.rate}), not {@code mso.classes}.
     */
    public InvalidModelException locate(ModelException e) {
        String field = e.classField().flatMap(c -> writtenAt(venture, c)).orElse(e.field() == null ? "" : e.field());
        return locator.apply(field, e);
    }

    /**
     * Where the field of the class in force on the date was written: in the last event dated on or before it that
     * defines a class of that id (a round's {@code class}, a recap's {@code classes}), else in {@code mso.classes}. A
     * recap's own sale on its date is paid through the classes before it, so a recap that does not define the id does
     * not end the search, and for a problem of that sale ({@link ModelException.ClassField#soldIn()}) the search starts
     * before the recap, even when it writes a class of the same id.
     */
    static Optional<String> writtenAt(Venture venture, ModelException.ClassField classField) {
        List<DealEvent> events = venture.events();
        int soldIn = classField.soldIn() == null ? -1 : events.indexOf(classField.soldIn());
        for (int i = (soldIn >= 0 ? soldIn : events.size()) - 1; i >= 0; i--) {
            DealEvent event = events.get(i);
            if (event.date().isAfter(classField.inForceOn())) {
                continue;
            }
            if (event instanceof RoundEvent round && round.shareClass().id().equals(classField.classId())) {
                return Optional.of("events[" + i + "].class." + classField.field());
            }
            if (event instanceof RecapEvent recap) {
                int k = indexOf(recap.classes(), classField.classId());
                if (k >= 0) {
                    return Optional.of("events[" + i + "].classes[" + k + "]." + classField.field());
                }
            }
        }
        int k = indexOf(venture.mso().classes(), classField.classId());
        return k < 0 ? Optional.empty() : Optional.of("mso.classes[" + k + "]." + classField.field());
    }

    private static int indexOf(List<ShareClass> classes, String id) {
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }
}

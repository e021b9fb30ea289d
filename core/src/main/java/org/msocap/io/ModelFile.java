package org.msocap.io;

import java.util.function.BiFunction;
import org.msocap.model.ModelException;
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

    /** The same problem, placed at the field it names (absolute path such as {@code exits[1].date}). */
    public InvalidModelException locate(ModelException e) {
        return locator.apply(e.field() == null ? "" : e.field(), e);
    }
}

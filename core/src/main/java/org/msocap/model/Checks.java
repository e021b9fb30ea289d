package org.msocap.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.msocap.money.Money;

/** Validation helpers that return the checked value, so compact constructors read as a list of rules. */
final class Checks {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new ModelException(field, field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new ModelException(field, field + " must not be blank");
        }
        return value;
    }

    static String id(String value, String field) {
        required(value, field);
        if (!ID.matcher(value).matches()) {
            throw new ModelException(field, field + " must be lowercase letters, digits and '-' (starting with a letter or digit) but was '" + value + "'");
        }
        return value;
    }

    static long positive(long value, String field) {
        if (value <= 0) {
            throw new ModelException(field, field + " must be > 0 but was " + value);
        }
        return value;
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new ModelException(field, field + " must be >= 0 but was " + value);
        }
        return value;
    }

    static Money positive(Money value, String field) {
        required(value, field);
        if (!value.isPositive()) {
            throw new ModelException(field, field + " must be > 0 but was " + value);
        }
        return value;
    }

    static Money nonNegative(Money value, String field) {
        required(value, field);
        if (value.isNegative()) {
            throw new ModelException(field, field + " must be >= 0 but was " + value);
        }
        return value;
    }

    static BigDecimal positive(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() <= 0) {
            throw new ModelException(field, field + " must be > 0 but was " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new ModelException(field, field + " must be >= 0 but was " + value.toPlainString());
        }
        return value;
    }

    /** A fraction in [0, 1], e.g. a discount or a probability. */
    static BigDecimal fraction(BigDecimal value, String field) {
        nonNegative(value, field);
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new ModelException(field, field + " is a fraction and must be <= 1 but was " + value.toPlainString()
                    + " (write 0.08 for 8%)");
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        // Keep the file's order: reports list entries the way the author wrote them.
        return value == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value));
    }

}

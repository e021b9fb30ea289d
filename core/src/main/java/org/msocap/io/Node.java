package org.msocap.io;

import java.util.List;
import java.util.Map;
import org.msocap.model.Shown;

/**
 * A parsed model file as a small tree that remembers where each value was written, so that every
 * error, including the model's own invariants, can name a line and a column. Jackson's tree model
 * forgets locations, hence this.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    int line();

    int column();

    /** How the value reads in an error message: "a map", "a list", "text 'abc'", "the number 12". */
    String describe();

    /** A field of a map: where its key was written, and its value. */
    record Field(String key, int line, int column, Node value) {
    }

    /**
     * A map in file order.
     *
     * @param flow written in YAML's flow style, {@code {key: value, ...}}, where a plain value ends at the first comma
     */
    record MapNode(Map<String, Field> fields, int line, int column, boolean flow) implements Node {
        public String describe() {
            return "a map";
        }
    }

    record ListNode(List<Node> items, int line, int column) implements Node {
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written. The text is kept verbatim so that numbers keep their exact digits
     * ({@code 2.00} stays two decimals) and the binder, not the YAML resolver, decides what it means.
     *
     * @param plain written as plain YAML, without quotes (a JSON value never is)
     */
    record ScalarNode(Kind kind, String text, int line, int column, boolean plain) implements Node {

        enum Kind { TEXT, NUMBER, BOOLEAN, NULL }

        boolean isNull() {
            return kind == Kind.NULL;
        }

        public String describe() {
            return switch (kind) {
                case TEXT -> text.isEmpty() ? "an empty value" : "text '" + Shown.value(text) + "'";
                case NUMBER -> "the number " + Shown.value(text);
                case BOOLEAN -> Shown.value(text);
                case NULL -> "nothing";
            };
        }
    }
}

package org.msocap.compliance;

import java.util.Objects;
import java.util.Set;

/**
 * A decision an MSA may hand to the MSO ({@code msoControls}) that the law keeps with licensees, and the
 * lists that name it: {@code CPOM} (the rules table, every CPOM state), {@code CA-MBC} (Medical Board of
 * California), and the laws {@code OR-SB-951} and {@code CA-SB-351}.
 */
public record Control(String id, String title, Set<String> lists) {

    public static final String CPOM = "CPOM";
    public static final String CA_MBC = "CA-MBC";

    public Control {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        lists = Set.copyOf(lists);
    }

    public boolean on(String list) {
        return lists.contains(list);
    }
}

package org.msocap.io.ocf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An OCF package that cannot be imported (or an export that would not validate): every problem found, each
 * with its file and JSON pointer. The message lists them one per line.
 */
public final class InvalidOcfPackageException extends RuntimeException {

    private final List<OcfProblem> problems;

    public InvalidOcfPackageException(List<OcfProblem> problems) {
        super(problems.stream().map(OcfProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<OcfProblem> problems() {
        return problems;
    }
}

package org.msocap.simulation;

/**
 * Told how far a long simulation has come. Called from worker threads, one call at a time, with
 * {@code done} never decreasing; a CLI renders a bar from it (only when stderr is a terminal).
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}

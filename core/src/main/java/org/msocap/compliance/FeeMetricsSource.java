package org.msocap.compliance;

import java.util.List;
import org.msocap.fees.PracticeFeeMetrics;
import org.msocap.model.Venture;

/**
 * Where the fee checks get each practice's fee measures: the fee projection (org.msocap.fees) when the caller
 * wires it, else nothing, and the checks then estimate what they can from the financials section and the fee terms.
 */
@FunctionalInterface
public interface FeeMetricsSource {

    /** No projection: the checks use the financials section directly. */
    FeeMetricsSource NONE = venture -> List.of();

    List<PracticeFeeMetrics> metrics(Venture venture);

    /** Metrics computed elsewhere, e.g. by the fee projection. */
    static FeeMetricsSource of(List<PracticeFeeMetrics> metrics) {
        List<PracticeFeeMetrics> copy = List.copyOf(metrics);
        return venture -> copy;
    }
}

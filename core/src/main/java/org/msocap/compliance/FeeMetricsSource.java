package org.msocap.compliance;

import java.util.List;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.Period;
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

    /**
     * The fee projection over the model's financials (monthly, so loss periods are months); nothing
     * when the model has no financials section.
     */
    FeeMetricsSource PROJECTION = venture -> venture.financials() == null ? List.of()
            : FeeProjector.DEFAULT.project(venture, Period.MONTH).metrics();

    /** Metrics computed elsewhere, e.g. by the fee projection. */
    static FeeMetricsSource of(List<PracticeFeeMetrics> metrics) {
        List<PracticeFeeMetrics> copy = List.copyOf(metrics);
        return venture -> copy;
    }
}

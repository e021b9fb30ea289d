package org.msocap.waterfall;

import java.util.Objects;

/** One exit scenario worked through: the bridge from enterprise value to equity, and the waterfall. */
public record ExitWaterfall(String scenario, EquityBridge bridge, WaterfallResult waterfall) {
    public ExitWaterfall {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(waterfall, "waterfall");
    }
}

package org.msocap.simulation;

import org.msocap.model.SimulationSpec;

/** The simulated drivers, in the order of {@link SimulationSpec#DRIVERS}; each is optional in the model. */
public enum Driver {
    /** Exit date, as days since 1970-01-01. */
    EXIT_DATE("exitDate"),
    /** Enterprise value ÷ trailing-twelve-month EBITDA. */
    EBITDA_MULTIPLE("ebitdaMultiple"),
    /** Annual growth of every practice's collections (replaces the projection's growth). */
    COLLECTIONS_GROWTH("collectionsGrowth"),
    /** Clinician compensation as a fraction of collections, for every practice. */
    CLINICIAN_COMP("clinicianComp"),
    /** Fraction of the escrow released to the sellers (clamped to [0, 1]). */
    ESCROW_RELEASE("escrowRelease"),
    /** Fraction of the earnout paid (clamped to [0, 1]). */
    EARNOUT_PAID("earnoutPaid");

    private final String id;

    Driver(String id) {
        this.id = id;
    }

    /** The name used in model files and in {@code simulation.correlations}. */
    public String id() {
        return id;
    }

    public static Driver of(String id) {
        for (Driver d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown driver '" + id + "'; drivers are " + SimulationSpec.DRIVERS);
    }
}

package org.msocap.model;

import java.time.LocalDate;

/**
 * A dated transaction that changes the cap table after {@code asOf} (PRODUCT.md §8): a financing {@link RoundEvent}
 * or a {@link RecapEvent}. Events apply in date order; an exit dated after an event is paid through the cap table
 * (and net debt) the event left.
 */
public sealed interface DealEvent permits RoundEvent, RecapEvent {

    /** Unique across the venture's events; how {@code proforma --event} names one. */
    String name();

    LocalDate date();

    /** {@code round} or {@code recap}, as written in the file. */
    String type();
}

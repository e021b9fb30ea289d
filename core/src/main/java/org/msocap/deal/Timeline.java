package org.msocap.deal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.msocap.model.DealEvent;
import org.msocap.model.Mso;
import org.msocap.model.RecapEvent;
import org.msocap.model.RoundEvent;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * A venture's deal events applied in date order (PRODUCT.md §8): the venture in force at any date, and what each event
 * did. The engines (waterfall, breakpoints, cap table) then see an ordinary venture; only reporting knows the history.
 * Every event is applied when the timeline is built, so a problem with any of them (a class id already taken, a round
 * without a price) surfaces at once, at the event's fields ({@code events[1].class.id}).
 */
public final class Timeline {

    /**
     * One event applied: the MSO before and after it.
     *
     * @param index the event's position in {@code events}
     * @param round what a round did; null for a recap
     * @param recap what a recap did; null for a round
     */
    public record Applied(int index, DealEvent event, Mso before, Mso after, Rounds.Result round, RecapResult recap) {

        public Applied(int index, DealEvent event, Mso before, Mso after, Rounds.Result round) {
            this(index, event, before, after, round, null);
        }

        /** The event's path in the model file, which its errors name. */
        public String path() {
            return path(index);
        }

        static String path(int index) {
            return "events[" + index + "]";
        }
    }

    private final Venture venture;
    private final List<Applied> applied;

    private Timeline(Venture venture, List<Applied> applied) {
        this.venture = venture;
        this.applied = List.copyOf(applied);
    }

    /** Applies every event of {@code venture}, in order. */
    public static Timeline of(Venture venture) {
        List<Applied> applied = new ArrayList<>();
        Mso mso = venture.mso();
        for (int i = 0; i < venture.events().size(); i++) {
            DealEvent event = venture.events().get(i);
            String at = Applied.path(i);
            if (event instanceof RoundEvent round) {
                Rounds.Result result = Rounds.apply(mso, round, at);
                applied.add(new Applied(i, event, mso, result.after(), result));
                mso = result.after();
            } else if (event instanceof RecapEvent recap) {
                // A recap values the company and repays its debt, so it needs the whole venture in force, net debt included.
                Timeline sofar = new Timeline(venture, applied);
                RecapResult result = Recaps.DEFAULT.apply(sofar.at(recap.date()), sofar.netDebtAt(recap.date()), recap, at);
                applied.add(new Applied(i, event, mso, result.after().mso(), null, result));
                mso = result.after().mso();
            }
        }
        return new Timeline(venture, applied);
    }

    /** The venture as written, at {@code asOf}. */
    public Venture venture() {
        return venture;
    }

    /** Every event applied, in order. */
    public List<Applied> applied() {
        return applied;
    }

    /** The applied event named {@code name} (case-insensitive, as names are unique). */
    public Optional<Applied> event(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return applied.stream().filter(a -> a.event().name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /**
     * The venture in force on {@code date}: the cap table after every event dated on or before it, with those events
     * taken out (the later ones stay, not applied). Before the first event, or without events, the venture as written.
     */
    public Venture at(LocalDate date) {
        int count = 0;
        while (count < applied.size() && !applied.get(count).event().date().isAfter(date)) {
            count++;
        }
        if (count == 0) {
            return venture;
        }
        Mso mso = applied.get(count - 1).after();
        Venture inForce = venture.toBuilder().mso(mso).events(venture.events().subList(count, venture.events().size())).build();
        return recapsBy(date).isEmpty() ? inForce : RecapResult.withNetDebt(inForce, netDebtAt(date));
    }

    /** The recaps dated on or before {@code date}, in order: what realized totals at an exit on that date add up. */
    public List<RecapResult> recapsBy(LocalDate date) {
        return applied.stream().filter(a -> a.recap() != null && !a.event().date().isAfter(date)).map(Applied::recap).toList();
    }

    /**
     * The net debt on {@code date}: after a recap, its new debt's balance by its schedule (whether or not the file has a
     * financials section to hold it); before any, {@code financials.mso.netDebt}.
     */
    public Money netDebtAt(LocalDate date) {
        List<RecapResult> recaps = recapsBy(date);
        return recaps.isEmpty() ? venture.netDebt() : recaps.get(recaps.size() - 1).netDebtAt(date);
    }

    /**
     * Every class the cap table has at any point: the model's own, then each one an event creates, in event order (a
     * round's converted series stay listed after a recap replaces them). Not from {@code at(LocalDate.MAX)}, which
     * would also roll a recap's debt forward to the end of time (a PIK balance past any limit).
     */
    public List<ShareClass> everyClass() {
        Map<String, ShareClass> byId = new LinkedHashMap<>();
        venture.mso().classes().forEach(c -> byId.putIfAbsent(c.id(), c));
        applied.forEach(a -> a.after().classes().forEach(c -> byId.putIfAbsent(c.id(), c)));
        return List.copyOf(byId.values());
    }

    /** Whether any event is dated on or before {@code date}: the cap table in force then is not the one written. */
    public boolean changesBy(LocalDate date) {
        return !applied.isEmpty() && !applied.get(0).event().date().isAfter(date);
    }
}

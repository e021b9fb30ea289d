package org.msocap.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msocap.money.Money;

/**
 * A whole venture: its people, the MSO, the practices, the agreements between them, the projection,
 * the exit scenarios and the simulation. Immutable; every constructor and every transfer checks the
 * model's invariants, above all that practice shares are held only by people with an active clinical
 * license. A {@link ModelException} names the offending field by path.
 *
 * <p>Whether a given licensee may hold shares of a given practice under its state's rules (profession,
 * license state, required percentages) is deliberately not an invariant: it is a compliance finding,
 * so a reviewer can load a flawed structure and see why it is flawed.
 *
 * @param formatVersion the {@code msocap:} version of the file format (1)
 * @param currency ISO 4217 code; USD when not given
 * @param asOf the date the model describes; license status and vesting are judged on it
 * @param financials may be null
 * @param simulation may be null
 * @param events deal events after {@code asOf} (PRODUCT.md §8), in date order; empty when none
 */
public record Venture(int formatVersion, String name, String currency, LocalDate asOf, List<Person> people, Mso mso,
                      List<Practice> practices, List<Agreement> agreements, Financials financials,
                      List<ExitScenario> exits, SimulationSpec simulation, List<DealEvent> events) {

    public static final int FORMAT_VERSION = 1;

    /** A venture without deal events. */
    public Venture(int formatVersion, String name, String currency, LocalDate asOf, List<Person> people, Mso mso,
                   List<Practice> practices, List<Agreement> agreements, Financials financials, List<ExitScenario> exits,
                   SimulationSpec simulation) {
        this(formatVersion, name, currency, asOf, people, mso, practices, agreements, financials, exits, simulation, null);
    }

    public Venture {
        if (formatVersion != FORMAT_VERSION) {
            throw new ModelException("msocap", "msocap format version must be " + FORMAT_VERSION + " but was " + formatVersion);
        }
        Checks.text(name, "venture");
        currency = currency == null ? "USD" : currency;
        if (!currency.matches("[A-Z]{3}")) {
            throw new ModelException("currency", "currency must be a three-letter ISO code such as USD but was '" + currency + "'");
        }
        asOf = asOf == null ? LocalDate.now() : asOf;
        people = IndexedPeople.of(people);
        Checks.required(mso, "mso");
        practices = Checks.list(practices);
        agreements = Checks.list(agreements);
        exits = Checks.list(exits);
        events = Checks.list(events);
        validateReferences(asOf, people, mso, practices, agreements, financials, exits);
        validateEvents(asOf, (IndexedPeople) people, events);
        validateExitsFromAsOf(asOf, exits, simulation);
        validateExitDates(financials, exits, simulation);
    }

    /**
     * Exits are sales on or after {@code asOf}: the model knows the cap table only from {@code asOf} on (holdings
     * acquired later are already in it, deal events come after it), so a sale before it would pay holders for shares
     * they did not yet own, vest and accrue over negative time, and date cash out before cash in (no IRR). The
     * simulation's exit dates are held to the same when their distribution is bounded below; the command line refuses
     * a {@code --date} before {@code asOf} the same way.
     */
    private static void validateExitsFromAsOf(LocalDate asOf, List<ExitScenario> exits, SimulationSpec simulation) {
        for (int i = 0; i < exits.size(); i++) {
            ExitScenario exit = exits.get(i);
            if (exit.date() != null && exit.date().isBefore(asOf)) {
                throw new ModelException("exits[" + i + "].date", "exit '" + exit.name() + "' is dated " + exit.date()
                        + ", before asOf (" + asOf + "): the model knows the cap table only from asOf on; date the sale on or "
                        + "after asOf, or leave the date out to sell on asOf");
            }
        }
        if (simulation != null && simulation.exitDate() != null) {
            double lowest = simulation.exitDate().lowest();
            if (Double.isFinite(lowest) && Math.round(lowest) < asOf.toEpochDay()) {
                throw new ModelException("simulation.exitDate", "exit dates from " + LocalDate.ofEpochDay(Math.round(lowest))
                        + " are before asOf (" + asOf + "): the model knows the cap table only from asOf on; start the "
                        + "exitDate distribution on or after asOf");
            }
        }
    }

    /**
     * A multiple without the projection to apply it to (an exit's, or the simulation's ebitdaMultiple distribution), and
     * exit dates the projection cannot value at a multiple (PRODUCT.md §3): a dated exit with a multiple, and the
     * simulation's earliest exit date when it values at a multiple, must have a trailing year in the projection. Checked
     * here so that every command, {@code validate} included, refuses the file at the field. Exits without a date (valued
     * on {@code asOf}, which the command line may move) are checked when they are valued.
     */
    private static void validateExitDates(Financials financials, List<ExitScenario> exits, SimulationSpec simulation) {
        for (int i = 0; i < exits.size(); i++) {
            ExitScenario exit = exits.get(i);
            boolean byMultiple = exit.ebitdaMultiple() != null || exit.revenueMultiple() != null;
            if (!byMultiple) {
                continue;
            }
            if (financials == null) {
                boolean byEbitda = exit.ebitdaMultiple() != null;
                throw new ModelException("exits[" + i + "]." + (byEbitda ? "ebitdaMultiple" : "revenueMultiple"),
                        Financials.neededForMultiple(exit.name(), byEbitda));
            }
            if (exit.date() != null) {
                Financials.checkExitDate(financials.start(), exit.date(), "exits[" + i + "].date");
            }
        }
        if (simulation != null && simulation.ebitdaMultiple() != null && financials == null) {
            throw new ModelException("simulation.ebitdaMultiple", Financials.neededForSimulatedMultiple());
        }
        ExitScenario first = exits.isEmpty() ? null : exits.get(0);
        if (simulation == null || financials == null
                || simulation.ebitdaMultiple() == null && (first == null || first.ebitdaMultiple() == null)) {
            return;
        }
        double lowest;
        String field;
        if (simulation.exitDate() != null) {
            lowest = simulation.exitDate().lowest();
            field = "simulation.exitDate";
        } else if (first != null && first.date() != null) {
            lowest = first.date().toEpochDay();
            field = "exits[0].date";
        } else {
            return;
        }
        LocalDate earliest = financials.start().plusMonths(11);
        if (Double.isFinite(lowest) && Math.round(lowest) < earliest.toEpochDay()) {
            throw new ModelException(field, "exit dates from " + LocalDate.ofEpochDay(Math.round(lowest)) + " cannot be valued: "
                    + "the first exit date with a trailing twelve months of projection is " + earliest);
        }
    }

    /**
     * What can be checked of the events without applying them: dates after {@code asOf} and in order, unique names, and
     * people who exist. What depends on the cap table in force at an event (a rollover larger than the holder's
     * proceeds, a class id already taken) is checked when the event is applied.
     */
    private static void validateEvents(LocalDate asOf, IndexedPeople people, List<DealEvent> events) {
        Map<String, Integer> names = new LinkedHashMap<>();
        LocalDate previous = asOf;
        for (int i = 0; i < events.size(); i++) {
            DealEvent event = events.get(i);
            String at = "events[" + i + "]";
            if (!event.date().isAfter(asOf)) {
                throw new ModelException(at + ".date", "event '" + event.name() + "' is dated " + event.date()
                        + ", not after asOf (" + asOf + "); the cap table as written already describes asOf");
            }
            if (event.date().isBefore(previous)) {
                throw new ModelException(at + ".date", "event '" + event.name() + "' (" + event.date() + ") is out of order: "
                        + "it comes after an event dated " + previous + "; list events in date order");
            }
            previous = event.date();
            Integer before = names.put(event.name().toLowerCase(java.util.Locale.ROOT), i);
            if (before != null) {
                throw new ModelException(at + ".name", "event name '" + event.name() + "' is already used by events[" + before
                        + "]; event names are unique");
            }
            if (event instanceof RoundEvent round) {
                for (int j = 0; j < round.investments().size(); j++) {
                    eventPerson(people, round.investments().get(j).holder(), at + ".investments[" + j + "].holder");
                }
            } else if (event instanceof RecapEvent recap) {
                eventPerson(people, recap.buyer().holder(), at + ".buyer.holder");
                for (int j = 0; j < recap.rollover().size(); j++) {
                    eventPerson(people, recap.rollover().get(j).holder(), at + ".rollover[" + j + "].holder");
                }
                for (int j = 0; j < recap.grants().size(); j++) {
                    eventPerson(people, recap.grants().get(j).holder(), at + ".grants[" + j + "].holder");
                }
            }
        }
    }

    private static void eventPerson(IndexedPeople people, String id, String field) {
        if (people.byId(id) == null) {
            throw new ModelException(field, "unknown person '" + id + "'" + Suggest.didYouMean(id, people.ids())
                    + "; add them under people:");
        }
    }

    private static void validateReferences(LocalDate asOf, List<Person> people, Mso mso, List<Practice> practices,
                                           List<Agreement> agreements, Financials financials, List<ExitScenario> exits) {
        // Ids are unique across the whole file so that any reference names one thing.
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            unique(ids, people.get(i).id(), "people[" + i + "].id");
        }
        for (int i = 0; i < practices.size(); i++) {
            unique(ids, practices.get(i).id(), "practices[" + i + "].id");
        }
        for (int i = 0; i < agreements.size(); i++) {
            unique(ids, agreements.get(i).id(), "agreements[" + i + "].id");
        }
        Map<String, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.put(p.id(), p));

        for (int i = 0; i < mso.holdings().size(); i++) {
            person(byId, mso.holdings().get(i).holder(), "mso.holdings[" + i + "].holder");
        }
        for (int i = 0; i < mso.options().size(); i++) {
            Person p = person(byId, mso.options().get(i).holder(), "mso.options[" + i + "].holder");
            if (p.isEntity()) {
                throw new ModelException("mso.options[" + i + "].holder", "options are granted to people, but " + p.id() + " is an entity");
            }
        }
        for (int i = 0; i < mso.warrants().size(); i++) {
            person(byId, mso.warrants().get(i).holder(), "mso.warrants[" + i + "].holder");
        }
        for (int i = 0; i < mso.safes().size(); i++) {
            person(byId, mso.safes().get(i).holder(), "mso.safes[" + i + "].holder");
        }
        for (int i = 0; i < mso.notes().size(); i++) {
            person(byId, mso.notes().get(i).holder(), "mso.notes[" + i + "].holder");
        }
        people(byId, mso.directors(), "mso.directors");
        officers(byId, mso.officers(), "mso.officers");
        people(byId, mso.staff(), "mso.staff");

        for (int i = 0; i < practices.size(); i++) {
            Practice practice = practices.get(i);
            String at = "practices[" + i + "]";
            if (practice.shareholders().isEmpty()) {
                // Every state's professional-entity law has licensees own the entity (e.g. NY BCL 1507, 16 CCR 1343): one
                // with no owner cannot exist, and no ownership test has shares to measure.
                throw new ModelException(at + ".shareholders", "practice " + practice.id() + " has no "
                        + practice.terms().owners() + ": a professional entity is owned by licensees of its profession, so list "
                        + "at least one (a person with an active license)");
            }
            for (int j = 0; j < practice.shareholders().size(); j++) {
                String field = at + ".shareholders[" + j + "].holder";
                Person holder = person(byId, practice.shareholders().get(j).holder(), field);
                requireLicensee(practice, holder, asOf, field);
            }
            people(byId, practice.directors(), at + ".directors");
            officers(byId, practice.officers(), at + ".officers");
        }
        Map<String, Practice> practicesById = new LinkedHashMap<>();
        practices.forEach(p -> practicesById.put(p.id(), p));
        for (int i = 0; i < agreements.size(); i++) {
            reference(practicesById.keySet(), agreements.get(i).practice(), "agreements[" + i + "].practice", "practice");
        }
        if (financials != null) {
            for (String practiceId : financials.practices().keySet()) {
                reference(practicesById.keySet(), practiceId, "financials.practices." + practiceId, "practice");
            }
            financials.managementAgreementsByPractice(agreements);
        }
        for (int i = 0; i < exits.size(); i++) {
            ExitScenario exit = exits.get(i);
            if (exit.carveOut() != null) {
                for (String recipient : exit.carveOut().recipients().keySet()) {
                    person(byId, recipient, "exits[" + i + "].carveOut.recipients." + recipient);
                }
            }
        }
    }

    /**
     * The invariant: practice shares belong only to natural persons holding an active clinical license.
     * Which profession and state the license must be for is the compliance checks' concern.
     */
    static void requireLicensee(Practice practice, Person holder, LocalDate asOf, String field) {
        if (holder.isEntity()) {
            throw new ModelException(field, "practice " + practice.id() + " " + practice.terms().units()
                    + " may be held only by licensed clinicians, but " + holder.id() + " is an entity");
        }
        if (!holder.isLicensedOn(asOf)) {
            String why = holder.licenses().isEmpty() ? "has no clinical license"
                    : "has no clinical license active on " + asOf + " (" + describe(holder.licenses()) + ")";
            throw new ModelException(field, "practice " + practice.id() + " " + practice.terms().units()
                    + " may be held only by licensed clinicians, but " + holder.id() + " " + why);
        }
    }

    private static String describe(List<License> licenses) {
        List<String> parts = new ArrayList<>();
        for (License l : licenses) {
            parts.add(l.profession() + " " + l.state() + " " + l.status().id() + (l.expires() == null ? "" : " until " + l.expires()));
        }
        return String.join("; ", parts);
    }

    private static void unique(Map<String, String> ids, String id, String field) {
        String before = ids.putIfAbsent(id, field);
        if (before != null) {
            throw new ModelException(field, "id '" + id + "' is already used by " + before + "; ids must be unique across the file");
        }
    }

    private static Person person(Map<String, Person> byId, String id, String field) {
        Person p = byId.get(id);
        if (p == null) {
            throw new ModelException(field, "unknown person '" + id + "'" + Suggest.didYouMean(id, byId.keySet())
                    + "; add them under people:");
        }
        return p;
    }

    private static void people(Map<String, Person> byId, List<String> ids, String field) {
        for (int i = 0; i < ids.size(); i++) {
            person(byId, ids.get(i), field + "[" + i + "]");
        }
    }

    private static void officers(Map<String, Person> byId, Map<String, String> officers, String field) {
        officers.forEach((role, id) -> person(byId, id, field + "." + role));
    }

    private static void reference(Collection<String> known, String id, String field, String what) {
        if (!known.contains(id)) {
            throw new ModelException(field, "unknown " + what + " '" + id + "'" + Suggest.didYouMean(id, known)
                    + (known.isEmpty() ? "; there are no " + what + "s" : "; " + what + "s are " + String.join(", ", known)));
        }
    }

    // ---- queries ---------------------------------------------------------------------------------

    public Optional<Person> person(String id) {
        return Optional.ofNullable(((IndexedPeople) people).byId(id));
    }

    /** The person with this id; every reference in a valid model resolves. */
    public Person requirePerson(String id) {
        return person(id).orElseThrow(() -> new ModelException("people", "unknown person '" + id + "'"));
    }

    public Optional<Practice> practice(String id) {
        return practices.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<ExitScenario> exit(String name) {
        return exits.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The MSO's net debt (debt less cash), deducted from enterprise value at an exit; zero without financials. */
    public Money netDebt() {
        return financials == null ? Money.ZERO : financials.mso().netDebt();
    }

    public HolderCategory categoryOf(String personId) {
        return requirePerson(personId).categoryOn(asOf);
    }

    // ---- changes: each returns a new, fully validated venture ------------------------------------

    /**
     * Moves practice shares from one shareholder to another. Refused (ModelException) when the
     * receiver is not a person with an active clinical license, or the seller has too few shares.
     */
    public Venture transferPracticeShares(String practiceId, String from, String to, long shares) {
        Checks.positive(shares, "shares");
        Practice practice = practice(practiceId).orElseThrow(
                () -> new ModelException("practice", "unknown practice '" + practiceId + "'"));
        long held = practice.sharesOf(from);
        if (held < shares) {
            throw new ModelException("shares", from + " holds " + held + " " + practice.terms().units() + " of " + practiceId
                    + ", cannot transfer " + shares);
        }
        Person receiver = person(to).orElseThrow(() -> new ModelException("to", "unknown person '" + to + "'"));
        requireLicensee(practice, receiver, asOf, "to");
        List<Practice.Shareholding> next = new ArrayList<>();
        long remaining = shares;
        boolean added = false;
        for (Practice.Shareholding s : practice.shareholders()) {
            if (s.holder().equals(from) && remaining > 0) {
                long moved = Math.min(remaining, s.shares());
                remaining -= moved;
                if (s.shares() > moved) {
                    next.add(new Practice.Shareholding(from, s.shares() - moved));
                }
            } else if (s.holder().equals(to) && !added) {
                next.add(new Practice.Shareholding(to, s.shares() + shares));
                added = true;
            } else {
                next.add(s);
            }
        }
        if (!added) {
            next.add(new Practice.Shareholding(to, shares));
        }
        return withPractice(practice.toBuilder().shareholders(mergeDuplicates(next)).build());
    }

    private static List<Practice.Shareholding> mergeDuplicates(List<Practice.Shareholding> in) {
        Map<String, Long> merged = new LinkedHashMap<>();
        in.forEach(s -> merged.merge(s.holder(), s.shares(), Long::sum));
        List<Practice.Shareholding> out = new ArrayList<>();
        merged.forEach((h, n) -> out.add(new Practice.Shareholding(h, n)));
        return out;
    }

    /**
     * Moves MSO shares of one class between holders (anyone may own the MSO). The buyer receives one holding per lot
     * of the seller's it takes from, with that lot's {@code acquired} and {@code dividendFrom}: a cumulative dividend
     * accrued on shares travels with them, so the class's claim is the same after the transfer as before. The buyer's
     * price is not known here ({@code cost} null: the class's issue price).
     */
    public Venture transferMsoShares(String classId, String from, String to, long shares) {
        Checks.positive(shares, "shares");
        mso.requireClass(classId);
        long held = mso.holdings().stream().filter(h -> h.holder().equals(from) && h.shareClass().equals(classId))
                .mapToLong(Holding::shares).sum();
        if (held < shares) {
            throw new ModelException("shares", from + " holds " + held + " shares of class " + classId + ", cannot transfer " + shares);
        }
        person(to).orElseThrow(() -> new ModelException("to", "unknown person '" + to + "'"));
        if (mso.requireClass(classId).isProfitsInterest()) {
            // Each grant carries its own threshold or hurdle and vesting; which grant's terms a transfer takes is for the
            // model file to say (split the holding), not for this method to guess.
            throw new ModelException("class", "units of profits-interest class " + classId + " carry per-grant terms; "
                    + "transfer them by editing the holdings");
        }
        List<Holding> next = new ArrayList<>();
        List<Holding> bought = new ArrayList<>();
        long remaining = shares;
        for (Holding h : mso.holdings()) {
            if (h.holder().equals(from) && h.shareClass().equals(classId) && remaining > 0) {
                long moved = Math.min(remaining, h.shares());
                remaining -= moved;
                if (h.shares() > moved) {
                    next.add(h.withShares(h.shares() - moved));
                }
                bought.add(new Holding(to, classId, moved, h.acquired(), null).withDividendFrom(h.dividendFrom()));
            } else {
                next.add(h);
            }
        }
        next.addAll(bought);
        Mso updated = new Mso(mso.name(), mso.state(), mso.form(), mso.classes(), next, mso.optionPool(), mso.options(),
                mso.warrants(), mso.safes(), mso.notes(), mso.directors(), mso.officers(), mso.staff());
        return toBuilder().mso(updated).build();
    }

    /** Replaces a person (same id), e.g. when a license lapses; fails if that breaks an invariant. */
    public Venture withPerson(Person person) {
        List<Person> next = new ArrayList<>(people);
        boolean found = false;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(person.id())) {
                next.set(i, person);
                found = true;
            }
        }
        if (!found) {
            next.add(person);
        }
        return toBuilder().people(next).build();
    }

    public Venture withPractice(Practice practice) {
        List<Practice> next = new ArrayList<>(practices);
        boolean found = false;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(practice.id())) {
                next.set(i, practice);
                found = true;
            }
        }
        if (!found) {
            next.add(practice);
        }
        return toBuilder().practices(next).build();
    }

    public Venture withAsOf(LocalDate date) {
        return toBuilder().asOf(date).build();
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder().name(name).currency(currency).asOf(asOf).mso(mso).financials(financials).simulation(simulation);
        b.events.addAll(events);
        b.people.addAll(people);
        b.practices.addAll(practices);
        b.agreements.addAll(agreements);
        b.exits.addAll(exits);
        return b;
    }

    /** Collects a venture piece by piece; {@link #build()} checks every invariant. */
    public static final class Builder {
        private String name;
        private String currency = "USD";
        private LocalDate asOf;
        private Mso mso;
        private Financials financials;
        private SimulationSpec simulation;
        private final List<Person> people = new ArrayList<>();
        private final List<Practice> practices = new ArrayList<>();
        private final List<Agreement> agreements = new ArrayList<>();
        private final List<ExitScenario> exits = new ArrayList<>();
        private final List<DealEvent> events = new ArrayList<>();

        public Builder name(String v) { name = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder asOf(LocalDate v) { asOf = v; return this; }
        public Builder mso(Mso v) { mso = v; return this; }
        public Builder financials(Financials v) { financials = v; return this; }
        public Builder simulation(SimulationSpec v) { simulation = v; return this; }
        public Builder person(Person v) { people.add(v); return this; }
        public Builder people(List<Person> v) { people.clear(); people.addAll(v); return this; }
        public Builder practice(Practice v) { practices.add(v); return this; }
        public Builder practices(List<Practice> v) { practices.clear(); practices.addAll(v); return this; }
        public Builder agreement(Agreement v) { agreements.add(v); return this; }
        public Builder exit(ExitScenario v) { exits.add(v); return this; }
        public Builder event(DealEvent v) { events.add(v); return this; }
        public Builder events(List<DealEvent> v) { events.clear(); events.addAll(v); return this; }

        public Venture build() {
            return new Venture(FORMAT_VERSION, name, currency, asOf, people, mso, practices, agreements, financials, exits,
                    simulation, events);
        }
    }
}

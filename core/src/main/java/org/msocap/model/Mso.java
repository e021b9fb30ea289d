package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msocap.money.Money;

/**
 * The management services organization: an ordinary company anyone may own. Its classes, holdings,
 * option pool and convertibles make up the cap table the exit waterfall distributes.
 *
 * @param state two-letter state of formation; may be null
 * @param officers role → person id, e.g. {@code ceo → alice}
 * @param formed may be null: when the MSO was formed (laws with a grace period for existing entities, Oregon SB 951)
 */
public record Mso(String name, String state, Form form, List<ShareClass> classes, List<Holding> holdings,
                  long optionPool, List<OptionGrant> options, List<Warrant> warrants, List<Safe> safes,
                  List<ConvertibleNote> notes, List<String> directors, Map<String, String> officers,
                  List<String> staff, LocalDate formed) {

    public enum Form {
        LLC, C_CORP, S_CORP;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public Mso {
        name = name == null ? "MSO" : name;
        form = form == null ? Form.LLC : form;
        classes = Checks.list(classes);
        holdings = Checks.list(holdings);
        options = Checks.list(options);
        warrants = Checks.list(warrants);
        safes = Checks.list(safes);
        notes = Checks.list(notes);
        directors = Checks.list(directors);
        officers = Checks.map(officers);
        staff = Checks.list(staff);
        Checks.nonNegative(optionPool, "optionPool");
        if (classes.isEmpty()) {
            throw new ModelException("classes", "the MSO needs at least one share class");
        }
        if (holdings.isEmpty()) {
            throw new ModelException("holdings", "the MSO needs at least one holding");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            Integer before = seen.put(classes.get(i).id(), i);
            if (before != null) {
                throw new ModelException("classes[" + i + "].id", "class id '" + classes.get(i).id() + "' is used twice (classes "
                        + before + " and " + i + ")");
            }
        }
        for (int i = 0; i < holdings.size(); i++) {
            requireClass(holdings.get(i).shareClass(), "holdings[" + i + "].class", seen);
            checkProfitsInterestTerms(holdings.get(i), classes.get(seen.get(holdings.get(i).shareClass())), "holdings[" + i + "]");
        }
        requireSomethingToPriceHurdlesOn(holdings, classes, seen,
                !options.isEmpty() || !warrants.isEmpty() || !safes.isEmpty() || !notes.isEmpty());
        for (int i = 0; i < holdings.size(); i++) {
            checkPerformanceVesting(holdings.get(i), "holdings[" + i + "].performanceVesting", classes, holdings, seen);
        }
        for (int i = 0; i < warrants.size(); i++) {
            requireClass(warrants.get(i).shareClass(), "warrants[" + i + "].class", seen);
        }
        checkPostMoneySafes(safes);
        long granted = 0;
        for (OptionGrant g : options) {
            granted = Math.addExact(granted, g.shares());
        }
        if (granted > optionPool) {
            throw new ModelException("optionPool",
                    "option grants total " + granted + " shares but the option pool is " + optionPool);
        }
    }

    /** A profits-interest holding names a threshold or a hurdle; a holding of any other class names neither. */
    private static void checkProfitsInterestTerms(Holding h, ShareClass cls, String path) {
        if (cls.isProfitsInterest()) {
            if (h.threshold() == null && h.hurdle() == null) {
                throw new ModelException(path + ".threshold", "holding of profits-interest class " + cls.id() + " by " + h.holder()
                        + " needs a threshold (value per unit it shares above) or a hurdle (equity proceeds it shares above)");
            }
        } else if (h.hasProfitsInterestTerms()) {
            String field = h.threshold() != null ? "threshold" : h.hurdle() != null ? "hurdle"
                    : h.vesting() != null ? "vesting" : h.acceleration() != null ? "acceleration" : "performanceVesting";
            throw new ModelException(path + "." + field, field + " applies only to holdings of profits-interest classes, but class "
                    + cls.id() + " is " + cls.type().id());
        }
    }

    /**
     * A hurdle is priced on the cap table without its series: the capital units, the threshold series, options,
     * warrants, SAFEs and notes. When every holding is a profits interest over a hurdle and there is nothing else, the
     * lowest hurdle has no table to be priced on at any exit, so such a table is refused here rather than at the exit.
     * (Threshold series need no pricing: an MSO of profits interests over thresholds, e.g. founders' units at a zero
     * threshold, is valid. Whether units vest by an exit date is the exit's question: see {@code ProfitsInterests}.)
     */
    private static void requireSomethingToPriceHurdlesOn(List<Holding> holdings, List<ShareClass> classes,
                                                         Map<String, Integer> seen, boolean otherInstruments) {
        if (otherInstruments) {
            return;
        }
        for (Holding h : holdings) {
            if (!classes.get(seen.get(h.shareClass())).isProfitsInterest() || h.hurdle() == null) {
                return;
            }
        }
        Holding first = holdings.get(0);
        throw new ModelException("holdings[0].hurdle", "every holding of the MSO is a profits interest over a hurdle (class "
                + first.shareClass() + " held by " + first.holder() + "), so no hurdle has units to be priced on: a hurdle is the "
                + "equity value the rest of the table takes first; add the members' common or preferred units, or give the "
                + "founders' series a threshold");
    }

    /**
     * Post-money SAFEs own amount ÷ cap of a capitalization that includes them all, so together they must own less than
     * the whole company; refused here, at the SAFE that reaches it, rather than at the first exit. Exact: the running sum
     * of the fractions is kept as a numerator and a denominator.
     */
    private static void checkPostMoneySafes(List<Safe> safes) {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ONE;
        for (int i = 0; i < safes.size(); i++) {
            Safe s = safes.get(i);
            if (s.kind() != Safe.Kind.POST_MONEY || s.cap() == null) {
                continue;
            }
            numerator = numerator.multiply(s.cap().amount()).add(s.amount().amount().multiply(denominator));
            denominator = denominator.multiply(s.cap().amount());
            if (numerator.compareTo(denominator) >= 0) {
                throw new ModelException("safes[" + i + "].amount", "post-money SAFEs claim "
                        + numerator.divide(denominator, 4, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + " of the company up to this one (sum of amount ÷ cap); together they must claim less than 1");
            }
        }
    }

    /**
     * A performance test names an investor class (common or preferred: a profits-interest class's MOIC would move with
     * the very units it vests) that has a cost to measure the multiple on.
     */
    private static void checkPerformanceVesting(Holding h, String path, List<ShareClass> classes, List<Holding> holdings,
                                                Map<String, Integer> seen) {
        PerformanceVesting p = h.performanceVesting();
        if (p == null) {
            return;
        }
        requireClass(p.shareClass(), path + ".class", seen);
        ShareClass tested = classes.get(seen.get(p.shareClass()));
        if (tested.isProfitsInterest()) {
            throw new ModelException(path + ".class", "performance vesting tests the MOIC of an investor class (common or "
                    + "preferred), but " + tested.id() + " is a profits-interest class");
        }
        Money cost = Money.ZERO;
        for (Holding other : holdings) {
            if (other.shareClass().equals(tested.id())) {
                cost = cost.plus(other.costBasis(tested));
            }
        }
        if (!cost.isPositive()) {
            throw new ModelException(path + ".class", "performance vesting tests the MOIC of class " + tested.id()
                    + ", but its holdings cost nothing (give their cost, or the class's issuePrice): a multiple of zero is undefined");
        }
    }

    private static void requireClass(String classId, String field, Map<String, Integer> classes) {
        if (!classes.containsKey(classId)) {
            throw new ModelException(field, "unknown class '" + classId + "'" + Suggest.didYouMean(classId, classes.keySet())
                    + "; classes are " + String.join(", ", classes.keySet()));
        }
    }

    public Optional<ShareClass> shareClass(String id) {
        return classes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The class with this id; the model guarantees every holding's class exists. */
    public ShareClass requireClass(String id) {
        return shareClass(id).orElseThrow(() -> new ModelException("class", "unknown class '" + id + "'"));
    }

    public long grantedOptions() {
        return options.stream().mapToLong(OptionGrant::shares).sum();
    }

    /** Authorized pool shares not yet granted; they take nothing at an exit. */
    public long unissuedPool() {
        return optionPool - grantedOptions();
    }

    public Mso(String name, String state, Form form, List<ShareClass> classes, List<Holding> holdings, long optionPool,
               List<OptionGrant> options, List<Warrant> warrants, List<Safe> safes, List<ConvertibleNote> notes,
               List<String> directors, Map<String, String> officers, List<String> staff) {
        this(name, state, form, classes, holdings, optionPool, options, warrants, safes, notes, directors, officers, staff, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().name(name).state(state).form(form).optionPool(optionPool).formed(formed);
        b.classes.addAll(classes);
        b.holdings.addAll(holdings);
        b.options.addAll(options);
        b.warrants.addAll(warrants);
        b.safes.addAll(safes);
        b.notes.addAll(notes);
        b.directors.addAll(directors);
        b.officers.putAll(officers);
        b.staff.addAll(staff);
        return b;
    }

    /** Collects an MSO piece by piece; {@link #build()} validates. */
    public static final class Builder {
        private String name = "MSO";
        private String state;
        private Form form = Form.LLC;
        private long optionPool;
        private final List<ShareClass> classes = new ArrayList<>();
        private final List<Holding> holdings = new ArrayList<>();
        private final List<OptionGrant> options = new ArrayList<>();
        private final List<Warrant> warrants = new ArrayList<>();
        private final List<Safe> safes = new ArrayList<>();
        private final List<ConvertibleNote> notes = new ArrayList<>();
        private final List<String> directors = new ArrayList<>();
        private final Map<String, String> officers = new LinkedHashMap<>();
        private final List<String> staff = new ArrayList<>();
        private LocalDate formed;

        public Builder name(String v) { name = v; return this; }
        public Builder state(String v) { state = v; return this; }
        public Builder form(Form v) { form = v; return this; }
        public Builder optionPool(long v) { optionPool = v; return this; }
        public Builder shareClass(ShareClass v) { classes.add(v); return this; }
        public Builder holding(Holding v) { holdings.add(v); return this; }
        public Builder holding(String holder, String classId, long shares) { return holding(Holding.of(holder, classId, shares)); }
        public Builder option(OptionGrant v) { options.add(v); return this; }
        public Builder warrant(Warrant v) { warrants.add(v); return this; }
        public Builder safe(Safe v) { safes.add(v); return this; }
        public Builder note(ConvertibleNote v) { notes.add(v); return this; }
        public Builder director(String v) { directors.add(v); return this; }
        public Builder officer(String role, String person) { officers.put(role, person); return this; }
        public Builder staff(String v) { staff.add(v); return this; }
        public Builder formed(LocalDate v) { formed = v; return this; }

        public Mso build() {
            return new Mso(name, state, form, classes, holdings, optionPool, options, warrants, safes, notes, directors,
                    officers, staff, formed);
        }
    }
}

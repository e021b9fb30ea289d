package org.msocap.waterfall;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.HolderCategory;
import org.msocap.model.Holding;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Warrant;
import org.msocap.money.Money;

/**
 * A cap table bound to one exit date: every instrument reduced to a {@link Claimant} with exact
 * preference, as-converted shares and participation rule, ready to be distributed many times.
 *
 * <p>Conventions fixed here (PRODUCT.md §4 leaves them open):
 * <ul>
 *   <li>Time is measured ACT/365: {@code years = days / 365}, exact.</li>
 *   <li>Cumulative dividends accrue on {@code shares × issuePrice} from each holding's own dividend start
 *       ({@code dividendFrom}, else its acquisition date: a SAFE converted in a round accrues from the round) to the
 *       exit date; {@code simple}: rate × years; {@code annual}: (1 + rate)^whole years × (1 + rate ×
 *       remaining fraction) − 1. A holding without either date, or a non-cumulative dividend,
 *       accrues nothing (undeclared dividends are not owed at a sale).</li>
 *   <li>A capped class's cap ({@code cap × issuePrice × shares}) bounds its total return, preference and
 *       dividends included.</li>
 *   <li>Liquidity capitalization = every outstanding share as converted + every granted option and
 *       warrant (vested or not; the unissued pool excluded). Pre-money SAFEs and capped notes convert at
 *       {@code cap ÷ that capitalization}; post-money SAFEs own {@code amount ÷ cap} of the capitalization
 *       including every converting security, solved jointly: C = (base + pre + notes) ÷ (1 − Σ amount/cap).
 *       Shares are kept as exact fractions, never rounded.</li>
 *   <li>A SAFE's conversion in a sale uses its cap only (the YC SAFE's discount applies to equity
 *       financings); a discount-only SAFE, and a note without cap, can only cash out.</li>
 *   <li>Notes accrue simple interest to the exit date; their cash-out, (principal + interest) ×
 *       exitMultiple, is debt ranking above every preferred class.</li>
 *   <li>Warrants are exercised into their class and counted as converted common
 *       ({@code shares × conversionRatio} at {@code strike ÷ conversionRatio} per common share).</li>
 * </ul>
 */
public final class ResolvedCapTable {

    /** What kind of instrument a claimant stands for. */
    public enum Kind { COMMON, PREFERRED, SAFE, NOTE, OPTIONS, WARRANTS, PROFITS_INTEREST }

    /** How a claimant shares in what is left after preferences, when it has not converted. */
    public enum Participation { NONE, FULL, CAPPED }

    /**
     * One holding of a claimant, the unit holder payouts are built from.
     *
     * @param preferenceWeight this holding's part of the claimant's preference (dividends included)
     * @param shareWeight this holding's as-converted (or exercisable) common shares
     * @param cost what the holder paid for it (exercise cash of options excluded; see {@link WaterfallEngine})
     * @param acquired may be null: unknown, no IRR
     */
    public record Piece(String holder, BigFraction preferenceWeight, BigFraction shareWeight, Money cost,
                        LocalDate acquired) {
        public Piece {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(preferenceWeight, "preferenceWeight");
            Objects.requireNonNull(shareWeight, "shareWeight");
            Objects.requireNonNull(cost, "cost");
        }
    }

    /**
     * One line of the waterfall: a share class, a SAFE, a note, or the options (or warrants) at one strike.
     *
     * @param seniority rank of the preference claim, higher paid first; notes rank above every class
     * @param preference exact liquidation claim when not converted (0 for common and options)
     * @param shares as-converted common shares (vested shares for options)
     * @param headroom capped participation only: what participation may add to the preference
     * @param strike price per common share the claimant pays to take part (options, warrants), else 0
     * @param convertible whether the claimant chooses between its preference and converting
     * @param threshold price per common share above which converting tends to pay: the order in which the
     *                  equilibrium search considers claimants
     * @param catchUp profits interests with {@code catchUp: full}: at the price {@code strike} the residual goes to
     *                the claimant until it holds {@code shares × strike}, then it takes part as threshold-0 units
     */
    public record Claimant(String id, Kind kind, int seniority, BigFraction preference, BigFraction shares,
                           Participation participation, BigFraction headroom, BigFraction strike,
                           boolean convertible, BigFraction threshold, List<Piece> pieces, boolean catchUp) {

        /** A claimant without catch-up. */
        public Claimant(String id, Kind kind, int seniority, BigFraction preference, BigFraction shares,
                        Participation participation, BigFraction headroom, BigFraction strike,
                        boolean convertible, BigFraction threshold, List<Piece> pieces) {
            this(id, kind, seniority, preference, shares, participation, headroom, strike, convertible, threshold, pieces, false);
        }

        public Claimant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(participation, "participation");
            nonNegative(preference, "preference", id);
            nonNegative(shares, "shares", id);
            nonNegative(headroom, "headroom", id);
            nonNegative(strike, "strike", id);
            nonNegative(threshold, "threshold", id);
            pieces = List.copyOf(pieces);
            if (shares.compareTo(BigFraction.ZERO) == 0 && convertible) {
                throw new IllegalArgumentException("convertible claimant " + id + " needs shares > 0");
            }
            if (pieces.isEmpty()) {
                throw new IllegalArgumentException("claimant " + id + " needs at least one holding");
            }
            if (catchUp && (kind != Kind.PROFITS_INTEREST || convertible || participation != Participation.FULL)) {
                throw new IllegalArgumentException("only a profits interest taking part in the residual has a catch-up (claimant "
                        + id + ")");
            }
        }

        private static void nonNegative(BigFraction value, String field, String id) {
            Objects.requireNonNull(value, field);
            if (value.compareTo(BigFraction.ZERO) < 0) {
                throw new IllegalArgumentException(field + " must be >= 0 but was " + value + " (claimant " + id + ")");
            }
        }

        /** Takes part in the residual when not converted: common, options, participating preferred. */
        boolean participatesUnconverted() {
            return kind == Kind.COMMON || kind == Kind.OPTIONS || kind == Kind.WARRANTS || kind == Kind.PROFITS_INTEREST
                    || participation == Participation.FULL || participation == Participation.CAPPED;
        }
    }

    private final LocalDate exitDate;
    private final List<Claimant> claimants;
    private final Map<String, HolderCategory> categories;
    final Layout layout;

    public ResolvedCapTable(LocalDate exitDate, List<Claimant> claimants, Map<String, HolderCategory> categories) {
        this.exitDate = Objects.requireNonNull(exitDate, "exitDate");
        List<Claimant> sorted = new ArrayList<>(claimants);
        // Claimants in id order: results, and the largest-remainder tie-break, never depend on input order.
        sorted.sort(Comparator.comparing(Claimant::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("claimant id " + sorted.get(i).id() + " is used twice");
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a cap table needs at least one claimant");
        }
        this.claimants = List.copyOf(sorted);
        this.categories = Map.copyOf(categories);
        this.layout = new Layout(this.claimants);
    }

    /** Resolves a venture's MSO cap table for a sale on {@code exitDate}. */
    public static ResolvedCapTable of(Venture venture, LocalDate exitDate, boolean doubleTriggerFires) {
        return of(venture.mso(), exitDate, doubleTriggerFires, categories(venture));
    }

    /** Every person's holder category, by id: what a cap table groups its payouts by. */
    static Map<String, HolderCategory> categories(Venture venture) {
        Map<String, HolderCategory> categories = new LinkedHashMap<>();
        venture.people().forEach(p -> categories.put(p.id(), venture.categoryOf(p.id())));
        return categories;
    }

    /**
     * Resolves an MSO cap table; {@code categories} maps every holder id to its category. A cap table with
     * performance-vested holdings has one table per level of their tests: resolve it with {@link PerformanceVestedCapTable}.
     */
    public static ResolvedCapTable of(Mso mso, LocalDate exitDate, boolean doubleTriggerFires,
                                      Map<String, HolderCategory> categories) {
        return of(mso, exitDate, doubleTriggerFires, categories, new BigDecimal[mso.holdings().size()]);
    }

    /** As above, each performance-vested holding vesting {@code performanceFraction[its index]} by its test. */
    static ResolvedCapTable of(Mso mso, LocalDate exitDate, boolean doubleTriggerFires,
                               Map<String, HolderCategory> categories, BigDecimal[] performanceFraction) {
        Objects.requireNonNull(exitDate, "exitDate");
        List<Claimant> out = new ArrayList<>();
        int mostJuniorPreferred = mso.classes().stream().filter(ShareClass::isPreferred).mapToInt(ShareClass::seniority)
                .min().orElse(1);
        int mostSenior = mso.classes().stream().mapToInt(ShareClass::seniority).max().orElse(0);
        // Unconverted notes are debt: one rank above every stock claim, a SAFE's default rank included (with no
        // preferred class the SAFEs rank at 1, which the classes' own seniorities do not show).
        int debtSeniority = Math.max(mostSenior, mso.safes().stream()
                .mapToInt(s -> s.seniority() == null ? mostJuniorPreferred : s.seniority()).max().orElse(0)) + 1;

        BigFraction capitalization = BigFraction.ZERO;
        for (ShareClass cls : mso.classes()) {
            List<Holding> holdings = mso.holdings().stream().filter(h -> h.shareClass().equals(cls.id())).toList();
            if (holdings.isEmpty()) {
                continue; // an authorized class nobody holds takes nothing
            }
            if (cls.isProfitsInterest()) {
                // Granted units count in the liquidity capitalization as granted options do; the claimants come last,
                // since a hurdle is priced on the rest of the table.
                for (Holding h : holdings) {
                    capitalization = capitalization.add(new BigFraction(h.shares()));
                }
                continue;
            }
            Claimant c = shareClass(cls, holdings, exitDate);
            capitalization = capitalization.add(c.shares());
            out.add(c);
        }
        for (OptionGrant g : mso.options()) {
            capitalization = capitalization.add(new BigFraction(g.shares()));
        }
        for (Warrant w : mso.warrants()) {
            capitalization = capitalization.add(fraction(mso.requireClass(w.shareClass()).conversionRatio())
                    .multiply(w.shares()));
        }
        AccruedClaimLimit.check(mso, out, capitalization, exitDate);
        out.addAll(options(mso.options(), exitDate, doubleTriggerFires));
        out.addAll(warrants(mso, exitDate));
        out.addAll(convertibles(mso, exitDate, capitalization, mostJuniorPreferred, debtSeniority));

        Map<String, HolderCategory> cats = new LinkedHashMap<>();
        out = ProfitsInterests.addTo(out, mso, exitDate, doubleTriggerFires, categories, performanceFraction);
        if (out.isEmpty()) {
            // Only profits interests can all be forfeited (capital units never are): the proceeds have no one to go to.
            throw new ModelException("mso.holdings", "at the exit on " + exitDate + " every holding of the MSO is forfeited at "
                    + "the sale (profits interests not yet vested), so the proceeds have no one to go to");
        }
        for (Claimant c : out) {
            for (Piece p : c.pieces()) {
                HolderCategory cat = categories.get(p.holder());
                if (cat == null) {
                    throw new ModelException("holder", "no holder category for '" + p.holder() + "'");
                }
                cats.put(p.holder(), cat);
            }
        }
        return new ResolvedCapTable(exitDate, out, cats);
    }

    private static Claimant shareClass(ShareClass cls, List<Holding> holdings, LocalDate exitDate) {
        BigFraction ratio = fraction(cls.conversionRatio());
        BigFraction issuePrice = fraction(cls.issuePriceOrZero());
        BigFraction preference = BigFraction.ZERO;
        BigFraction shares = BigFraction.ZERO;
        BigFraction issued = BigFraction.ZERO;
        List<Piece> pieces = new ArrayList<>();
        for (Holding h : holdings) {
            BigFraction base = issuePrice.multiply(h.shares());
            BigFraction pref = cls.isPreferred()
                    ? base.multiply(fraction(cls.preference())).add(accruedDividend(cls, base, h.dividendStart(), exitDate))
                    : BigFraction.ZERO;
            BigFraction asConverted = ratio.multiply(h.shares());
            pieces.add(new Piece(h.holder(), pref, asConverted, h.costBasis(cls), h.acquired()));
            preference = preference.add(pref);
            shares = shares.add(asConverted);
            issued = issued.add(base);
        }
        if (!cls.isPreferred()) {
            return new Claimant(cls.id(), Kind.COMMON, 0, BigFraction.ZERO, shares, Participation.FULL, BigFraction.ZERO,
                    BigFraction.ZERO, false, BigFraction.ZERO, sortPieces(pieces));
        }
        Participation participation = Participation.valueOf(cls.participation().name());
        BigFraction headroom = BigFraction.ZERO;
        BigFraction threshold = preference.divide(shares);
        if (participation == Participation.CAPPED) {
            BigFraction capAmount = issued.multiply(fraction(cls.cap()));
            headroom = capAmount.compareTo(preference) > 0 ? capAmount.subtract(preference) : BigFraction.ZERO;
            threshold = preference.add(headroom).divide(shares);
        }
        // Fully participating preferred never gains by converting (it would give up its preference), so it does not choose.
        boolean convertible = participation != Participation.FULL;
        return new Claimant(cls.id(), Kind.PREFERRED, cls.seniority(), preference, shares, participation, headroom,
                BigFraction.ZERO, convertible, threshold, sortPieces(pieces));
    }

    static BigFraction accruedDividend(ShareClass cls, BigFraction base, LocalDate from, LocalDate to) {
        ShareClass.Dividend d = cls.dividend();
        if (d == null || !d.cumulative() || from == null || !to.isAfter(from)) {
            return BigFraction.ZERO;
        }
        BigFraction rate = fraction(d.rate());
        BigFraction years = yearsBetween(from, to);
        if (d.compounding() == ShareClass.Dividend.Compounding.SIMPLE) {
            return base.multiply(rate).multiply(years);
        }
        BigInteger whole = years.getNumerator().divide(years.getDenominator());
        BigFraction rest = years.subtract(new BigFraction(whole));
        BigFraction growth = BigFraction.ONE.add(rate).pow(whole.intValueExact()).multiply(BigFraction.ONE.add(rate.multiply(rest)));
        return base.multiply(growth.subtract(BigFraction.ONE));
    }

    static BigFraction yearsBetween(LocalDate from, LocalDate to) {
        return new BigFraction(BigInteger.valueOf(ChronoUnit.DAYS.between(from, to)), BigInteger.valueOf(365));
    }

    private static List<Claimant> options(List<OptionGrant> grants, LocalDate exitDate, boolean doubleTriggerFires) {
        Map<BigDecimal, List<Piece>> byStrike = new TreeMap<>();
        for (OptionGrant g : grants) {
            long vested = g.vestedAtExit(exitDate, doubleTriggerFires);
            if (vested == 0) {
                continue; // unvested options lapse at the sale
            }
            byStrike.computeIfAbsent(g.strike().stripTrailingZeros(), k -> new ArrayList<>())
                    .add(new Piece(g.holder(), BigFraction.ZERO, new BigFraction(vested), Money.ZERO, g.granted()));
        }
        List<Claimant> out = new ArrayList<>();
        byStrike.forEach((strike, pieces) -> out.add(new Claimant("options@" + strike.toPlainString(), Kind.OPTIONS, 0,
                BigFraction.ZERO, sum(pieces), Participation.FULL, BigFraction.ZERO, fraction(strike), false,
                fraction(strike), sortPieces(pieces))));
        return out;
    }

    private static List<Claimant> warrants(Mso mso, LocalDate exitDate) {
        Map<String, List<Piece>> byKey = new TreeMap<>();
        Map<String, BigFraction> strikes = new LinkedHashMap<>();
        for (Warrant w : mso.warrants()) {
            if (w.expires() != null && w.expires().isBefore(exitDate)) {
                continue; // expired before the sale
            }
            ShareClass cls = mso.requireClass(w.shareClass());
            BigFraction ratio = fraction(cls.conversionRatio());
            BigFraction perCommon = fraction(w.strike()).divide(ratio);
            String key = "warrants:" + cls.id() + "@" + w.strike().stripTrailingZeros().toPlainString();
            strikes.put(key, perCommon);
            byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Piece(w.holder(), BigFraction.ZERO, ratio.multiply(w.shares()), Money.ZERO, null));
        }
        List<Claimant> out = new ArrayList<>();
        byKey.forEach((key, pieces) -> out.add(new Claimant(key, Kind.WARRANTS, 0, BigFraction.ZERO, sum(pieces),
                Participation.FULL, BigFraction.ZERO, strikes.get(key), false, strikes.get(key), sortPieces(pieces))));
        return out;
    }

    private static List<Claimant> convertibles(Mso mso, LocalDate exitDate, BigFraction baseCapitalization,
                                               int safeSeniority, int debtSeniority) {
        // Fixed order (not input order) so that ids like safe:angel-2 do not depend on how the file lists them.
        List<Safe> safes = new ArrayList<>(mso.safes());
        safes.sort(Comparator.comparing(Safe::holder).thenComparing(Safe::amount)
                .thenComparing(s -> s.cap() == null ? Money.ZERO : s.cap())
                .thenComparing(s -> s.discount() == null ? BigDecimal.ZERO : s.discount())
                .thenComparing(s -> s.kind().name())
                .thenComparing(s -> s.acquired() == null ? LocalDate.MIN : s.acquired()));
        List<ConvertibleNote> notes = new ArrayList<>(mso.notes());
        notes.sort(Comparator.comparing(ConvertibleNote::holder).thenComparing(ConvertibleNote::principal)
                .thenComparing(ConvertibleNote::issued).thenComparing(ConvertibleNote::rate)
                .thenComparing(n -> n.cap() == null ? Money.ZERO : n.cap()).thenComparing(ConvertibleNote::exitMultiple));

        BigFraction preMoneyShares = BigFraction.ZERO;
        BigFraction postMoneyFraction = BigFraction.ZERO;
        for (Safe s : safes) {
            if (s.cap() == null) {
                continue;
            }
            BigFraction f = money(s.amount()).divide(money(s.cap()));
            if (s.kind() == Safe.Kind.PRE_MONEY) {
                preMoneyShares = preMoneyShares.add(f.multiply(baseCapitalization));
            } else {
                postMoneyFraction = postMoneyFraction.add(f);
            }
        }
        BigFraction noteShares = BigFraction.ZERO;
        List<BigFraction> owed = new ArrayList<>();
        for (ConvertibleNote n : notes) {
            BigFraction principal = money(n.principal());
            BigFraction due = principal.add(principal.multiply(fraction(n.rate())).multiply(
                    exitDate.isAfter(n.issued()) ? yearsBetween(n.issued(), exitDate) : BigFraction.ZERO));
            owed.add(due);
            if (n.cap() != null) {
                noteShares = noteShares.add(due.divide(money(n.cap())).multiply(baseCapitalization));
            }
        }
        if (postMoneyFraction.compareTo(BigFraction.ONE) >= 0) {
            throw new ModelException("mso.safes", "post-money SAFEs claim " + postMoneyFraction.bigDecimalValue(6, 4).toPlainString()
                    + " of the company (sum of amount ÷ cap); it must be below 1");
        }
        BigFraction capitalization = baseCapitalization.add(preMoneyShares).add(noteShares)
                .divide(BigFraction.ONE.subtract(postMoneyFraction));

        List<Claimant> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Safe s : safes) {
            String id = numbered("safe:" + s.holder(), seen);
            BigFraction amount = money(s.amount());
            BigFraction shares = BigFraction.ZERO;
            if (s.cap() != null) {
                BigFraction f = amount.divide(money(s.cap()));
                shares = f.multiply(s.kind() == Safe.Kind.PRE_MONEY ? baseCapitalization : capitalization);
            }
            boolean convertible = shares.compareTo(BigFraction.ZERO) > 0;
            out.add(new Claimant(id, Kind.SAFE, s.seniority() == null ? safeSeniority : s.seniority(), amount, shares,
                    Participation.NONE, BigFraction.ZERO, BigFraction.ZERO, convertible,
                    convertible ? amount.divide(shares) : BigFraction.ZERO,
                    List.of(new Piece(s.holder(), amount, shares, s.amount(), s.acquired()))));
        }
        seen.clear();
        for (int i = 0; i < notes.size(); i++) {
            ConvertibleNote n = notes.get(i);
            String id = numbered("note:" + n.holder(), seen);
            BigFraction due = owed.get(i);
            BigFraction cashOut = due.multiply(fraction(n.exitMultiple()));
            BigFraction shares = n.cap() == null ? BigFraction.ZERO : due.divide(money(n.cap())).multiply(baseCapitalization);
            boolean convertible = shares.compareTo(BigFraction.ZERO) > 0;
            out.add(new Claimant(id, Kind.NOTE, debtSeniority, cashOut, shares, Participation.NONE, BigFraction.ZERO,
                    BigFraction.ZERO, convertible, convertible ? cashOut.divide(shares) : BigFraction.ZERO,
                    List.of(new Piece(n.holder(), cashOut, shares, n.principal(), n.issued()))));
        }
        return out;
    }

    private static String numbered(String base, Map<String, Integer> seen) {
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    private static List<Piece> sortPieces(List<Piece> pieces) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparing(Piece::holder).thenComparing(Piece::shareWeight).thenComparing(Piece::preferenceWeight)
                .thenComparing(Piece::cost).thenComparing(p -> p.acquired() == null ? LocalDate.MIN : p.acquired()));
        return sorted;
    }

    private static BigFraction sum(List<Piece> pieces) {
        BigFraction s = BigFraction.ZERO;
        for (Piece p : pieces) {
            s = s.add(p.shareWeight());
        }
        return s;
    }

    static BigFraction fraction(BigDecimal d) {
        return d.scale() <= 0 ? new BigFraction(d.toBigIntegerExact())
                : new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    static BigFraction money(Money m) {
        return new BigFraction(m.amount().unscaledValue(), BigInteger.valueOf(100));
    }

    public LocalDate exitDate() {
        return exitDate;
    }

    /** Every claimant, in id order. */
    public List<Claimant> claimants() {
        return claimants;
    }

    public HolderCategory categoryOf(String holder) {
        HolderCategory c = categories.get(holder);
        if (c == null) {
            throw new IllegalArgumentException("unknown holder '" + holder + "'");
        }
        return c;
    }
}

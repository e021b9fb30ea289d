package org.msocap.deal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.RoundEvent;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Warrant;
import org.msocap.money.Fractions;

/**
 * Applies a financing round to the cap table in force at its date (PRODUCT.md §8.1–8.2).
 *
 * <p>Counts are as converted: a preferred share counts {@code conversionRatio} common. F, the fully diluted count before
 * the round, is every issued share, granted option and warrant and the unissued pool. The round's price is
 * {@code preMoney ÷ (F + pool increase [+ conversion shares with priceBasis with-conversions])}, or the given
 * {@code pricePerShare}. Every SAFE and note converts at {@code min(cap price, (1 − discount) × price)}: a pre-money
 * SAFE's and a note's cap price is {@code cap ÷ F}, a post-money SAFE's {@code cap ÷ (F + all conversion shares)}; a
 * note converts its principal plus simple interest to the round date (years are days ÷ 365). The pool increase makes
 * the unissued pool {@code poolTopUp} of the post-money fully diluted count.
 *
 * <p><b>The fixed point.</b> The price depends on the conversion shares and the pool increase, and they on the price
 * and on one another. Written as a map Φ(S, I) of the total conversion shares S and the pool increase I, every term is
 * affine in (S, I) with non-negative coefficients, and {@code min(cap price, discount price)} and "the pool only grows"
 * make Φ a maximum of affine maps: monotone and convex. Its least fixed point is found exactly, in rationals, by
 * strategy iteration: at the current point take the affine piece that attains each maximum and solve that piece's 2×2
 * linear fixed point in closed form. The piece lies below Φ and touches it at the current point, so (when its spectral
 * radius is below 1) its fixed point lies between the current point and Φ's least fixed point; the iterates rise, no
 * piece is taken twice without the iteration having stopped, and the pieces are finitely many, so it ends on Φ's least
 * fixed point, which is then checked: Φ(x) = x. A piece with spectral radius 1 or more means there is no finite
 * solution (the SAFEs, notes and pool would take all of the company): refused. Whole shares are taken once, from the
 * exact solution: conversion and investor shares rounded down, the pool increase rounded up; rounding never feeds back
 * into the price. Hence a post-money SAFE converting at its cap owns exactly {@code amount ÷ cap} of the
 * capitalization before rounding.
 *
 * <p><b>Converted SAFEs and notes</b> become holdings of a shadow series of the round's class: the same terms with the
 * instrument's conversion price as issue price, so its liquidation preference is what the holder paid (as the Y
 * Combinator SAFE's "Safe Preferred Stock"); one series per distinct conversion price, {@code <class>-conv-<n>}. An
 * instrument converting at the round's price gets the round's class. The SAFEs and notes leave the table. A converted
 * holding keeps the instrument's date as {@code acquired} (its cost and IRR run from the money paid) and accrues any
 * cumulative dividend of its class from the round's date ({@code dividendFrom}), when its shares come to exist.
 *
 * <p><b>Anti-dilution</b> (§8.2): an earlier preferred class with protection whose conversion price
 * {@code CP1 = issuePrice ÷ conversionRatio} is above the round's price gets
 * {@code CP2 = CP1 × (A + B) ÷ (A + C)} — A = F (broad-based) or the class's issued shares (narrow-based), B = new
 * money ÷ CP1, C = the shares sold for new money — or {@code CP2 = price} (full ratchet); its ratio becomes
 * {@code issuePrice ÷ CP2}, rounded up at the 12th decimal (the favour of one part in 10^12 goes to the protected
 * holder), and never falls. The round's price is set on the pre-round count, before any adjustment.
 */
public final class Rounds {

    /** Decimals of an adjusted conversion ratio. */
    static final int RATIO_DECIMALS = 12;
    /** Significant digits of an issue price the round sets from an exact rational price. */
    static final MathContext ISSUE_PRICE = new MathContext(15, RoundingMode.HALF_UP);
    private static final int MAX_PIECES = 1_000;

    private Rounds() {
    }

    /** How issued shares came about. */
    public enum Source {
        INVESTMENT, SAFE, NOTE;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** Shares issued in the round to one holder, and what the exact solution gave before rounding down. */
    public record Issue(String holder, String classId, long shares, Source source, BigFraction exactShares) {
    }

    /** A preferred class's conversion ratio before and after the round. */
    public record Ratio(String classId, BigDecimal before, BigDecimal after) {

        public boolean adjusted() {
            return before.compareTo(after) != 0;
        }
    }

    /**
     * A round applied.
     *
     * @param pricePerShare exact
     * @param preMoneyFullyDiluted the count the price divides the pre-money by (exact solution, before rounding); null
     *     when the price was given
     * @param ratios every preferred class of the table after the round
     */
    public record Result(RoundEvent event, BigFraction pricePerShare, BigFraction preMoneyFullyDiluted, List<Issue> issued,
                         long poolIncrease, List<Ratio> ratios, Mso before, Mso after) {

        public Result {
            issued = List.copyOf(issued);
            ratios = List.copyOf(ratios);
        }
    }

    /**
     * Applies {@code round} to {@code mso}, the cap table in force at its date.
     *
     * @param at the event's path in the file ({@code events[2]}), which every error names
     */
    public static Result apply(Mso mso, RoundEvent round, String at) {
        return new Application(mso, round, at).run();
    }

    /** {@code c + s·S + i·I}: a term of Φ, affine in the conversion shares S and the pool increase I. */
    record Affine(BigFraction c, BigFraction s, BigFraction i) {

        static final Affine ZERO = constant(BigFraction.ZERO);

        static Affine constant(BigFraction c) {
            return new Affine(c, BigFraction.ZERO, BigFraction.ZERO);
        }

        Affine plus(Affine o) {
            return new Affine(c.add(o.c), s.add(o.s), i.add(o.i));
        }

        Affine times(BigFraction k) {
            return new Affine(c.multiply(k), s.multiply(k), i.multiply(k));
        }

        BigFraction at(BigFraction sValue, BigFraction iValue) {
            return c.add(s.multiply(sValue)).add(i.multiply(iValue));
        }

        BigFraction slope() {
            return s.add(i);
        }
    }

    /** A SAFE or note as the round sees it: what converts, and its conversion terms as pieces of Φ. */
    private record Instrument(String holder, Source source, BigFraction amount, Affine atCap, Affine atDiscount,
                              LocalDate acquired, org.msocap.money.Money cost) {

        /** The piece attaining {@code max(shares at cap, shares at discount)} at (S, I): the lower conversion price. */
        Affine piece(BigFraction sValue, BigFraction iValue) {
            if (atCap == null) {
                return atDiscount;
            }
            if (atDiscount == null) {
                return atCap;
            }
            int cmp = atCap.at(sValue, iValue).compareTo(atDiscount.at(sValue, iValue));
            return cmp > 0 || (cmp == 0 && atCap.slope().compareTo(atDiscount.slope()) >= 0) ? atCap : atDiscount;
        }
    }

    private static final class Application {
        private final Mso mso;
        private final RoundEvent round;
        private final String at;
        private final Map<String, ShareClass> classes = new LinkedHashMap<>();
        private final BigFraction fullyDiluted;
        private final long unissued;
        private final BigFraction newMoney;
        /** The pre-money count for the price: F + I [+ S]. */
        private final Affine preMoneyCount;
        private final List<Instrument> instruments = new ArrayList<>();
        /** The unrounded shares bought with new money (price from preMoney), or null when the price is given. */
        private final Affine investorShares;
        /** The pool increase's positive branch, or null without a top-up. */
        private final Affine topUp;

        Application(Mso mso, RoundEvent round, String at) {
            this.mso = mso;
            this.round = round;
            this.at = at;
            mso.classes().forEach(c -> classes.put(c.id(), c));
            if (classes.containsKey(round.shareClass().id())) {
                throw new ModelException(at + ".class.id", "round '" + round.name() + "' creates class '" + round.shareClass().id()
                        + "', but the cap table in force on " + round.date() + " already has a class with that id");
            }
            fullyDiluted = fullyDiluted(mso);
            unissued = mso.unissuedPool();
            newMoney = Fractions.of(round.totalInvestment());
            boolean withConversions = round.priceBasis() == RoundEvent.PriceBasis.WITH_CONVERSIONS;
            preMoneyCount = new Affine(fullyDiluted, withConversions ? BigFraction.ONE : BigFraction.ZERO, BigFraction.ONE);
            for (int i = 0; i < mso.safes().size(); i++) {
                Safe s = mso.safes().get(i);
                BigFraction amount = Fractions.of(s.amount());
                Affine atCap = null;
                if (s.cap() != null) {
                    BigFraction share = amount.divide(Fractions.of(s.cap()));
                    atCap = s.kind() == Safe.Kind.PRE_MONEY ? Affine.constant(share.multiply(fullyDiluted))
                            : new Affine(share.multiply(fullyDiluted), share, BigFraction.ZERO);
                }
                // Without a discount the other price is the round's own: min(cap price, price), as the YC SAFE reads.
                instruments.add(new Instrument(s.holder(), Source.SAFE, amount, atCap, atDiscount(amount, orZero(s.discount()),
                        "the SAFE of " + s.holder()), s.acquired(), s.amount()));
            }
            for (ConvertibleNote n : mso.notes()) {
                long days = Math.max(0, ChronoUnit.DAYS.between(n.issued(), round.date()));
                BigFraction principal = Fractions.of(n.principal());
                BigFraction due = principal.add(principal.multiply(Fractions.of(n.rate())).multiply(new BigFraction(days, 365L)));
                Affine atCap = n.cap() == null ? null : Affine.constant(due.divide(Fractions.of(n.cap())).multiply(fullyDiluted));
                // Without a discount the other price is the round's own, so a capped note never converts above it.
                Affine atDiscount = atDiscount(due, orZero(n.discount()), "the note of " + n.holder());
                instruments.add(new Instrument(n.holder(), Source.NOTE, due, atCap, atDiscount, n.issued(), n.principal()));
            }
            investorShares = round.preMoney() == null ? null : preMoneyCount.times(newMoney.divide(Fractions.of(round.preMoney())));
            if (round.poolTopUp() == null) {
                topUp = null;
            } else {
                BigFraction q = Fractions.of(round.poolTopUp());
                BigFraction c = q.divide(BigFraction.ONE.subtract(q));
                // I = c × (F − U + S + N) − U, where the post-money count is F − U + (U + I) + S + N.
                Affine n = investorShares != null ? investorShares : Affine.constant(newMoney.divide(givenPrice()));
                Affine rest = new Affine(fullyDiluted.subtract(unissued), BigFraction.ONE, BigFraction.ZERO).plus(n);
                topUp = rest.times(c).plus(Affine.constant(new BigFraction(-unissued)));
            }
        }

        private BigFraction givenPrice() {
            return Fractions.of(round.pricePerShare());
        }

        /** Shares of {@code amount} at {@code (1 − discount) × price}, or null without a discount. */
        private static BigDecimal orZero(BigDecimal discount) {
            return discount == null ? BigDecimal.ZERO : discount;
        }

        private Affine atDiscount(BigFraction amount, BigDecimal discount, String what) {
            BigFraction factor = BigFraction.ONE.subtract(Fractions.of(discount));
            if (sign(factor) <= 0) {
                throw new ModelException(at, what + " has a discount of 100% and would convert at a price of 0 in round '"
                        + round.name() + "'");
            }
            if (round.preMoney() == null) {
                return Affine.constant(amount.divide(factor.multiply(givenPrice())));
            }
            // amount ÷ ((1 − d) × preMoney ÷ count) = count × amount ÷ ((1 − d) × preMoney)
            return preMoneyCount.times(amount.divide(factor.multiply(Fractions.of(round.preMoney()))));
        }

        Result run() {
            BigFraction[] x = leastFixedPoint();
            BigFraction s = x[0];
            BigFraction pool = x[1];
            BigFraction preCount = round.preMoney() == null ? null : preMoneyCount.at(s, pool);
            BigFraction price = round.preMoney() == null ? givenPrice() : Fractions.of(round.preMoney()).divide(preCount);

            ShareClass roundClass = round.shareClass().withIssuePrice(issuePrice(price));
            List<Issue> issued = new ArrayList<>();
            List<Holding> holdings = new ArrayList<>(mso.holdings());
            List<ShareClass> shadows = new ArrayList<>();
            Map<BigFraction, String> shadowByPrice = new LinkedHashMap<>();
            Set<String> ids = new LinkedHashSet<>(classes.keySet());
            ids.add(roundClass.id());
            long conversionTotal = 0;
            for (int k = 0; k < instruments.size(); k++) {
                Instrument in = instruments.get(k);
                BigFraction exact = in.piece(s, pool).at(s, pool);
                long shares = wholeShares(exact, in.source() == Source.SAFE ? "the SAFE of " + in.holder()
                        : "the note of " + in.holder());
                BigFraction conversionPrice = in.amount().divide(exact);
                String classId = roundClass.id();
                if (conversionPrice.compareTo(price) != 0) {
                    classId = shadowByPrice.get(conversionPrice);
                    if (classId == null) {
                        int n = shadowByPrice.size() + 1;
                        String id = roundClass.id() + "-conv-" + n;
                        while (ids.contains(id)) {
                            id = id + "x";
                        }
                        ids.add(id);
                        BigDecimal shadowPrice = issuePrice(conversionPrice);
                        shadows.add(roundClass.withId(id, roundClass.displayName() + " (converted at "
                                + shadowPrice.toPlainString() + ")").withIssuePrice(shadowPrice));
                        shadowByPrice.put(conversionPrice, id);
                        classId = id;
                    }
                }
                conversionTotal = Math.addExact(conversionTotal, shares);
                issued.add(new Issue(in.holder(), classId, shares, in.source(), exact));
                // Cost and IRR run from the money paid (the instrument's date); a dividend of the class only from the round,
                // the day the shares exist.
                holdings.add(new Holding(in.holder(), classId, shares, in.acquired(), in.cost()).withDividendFrom(round.date()));
            }
            long investorTotal = 0;
            for (int j = 0; j < round.investments().size(); j++) {
                RoundEvent.Investment inv = round.investments().get(j);
                BigFraction exact = Fractions.of(inv.amount()).divide(price);
                long shares = floor(exact);
                if (shares == 0) {
                    throw new ModelException(at + ".investments[" + j + "].amount", inv.holder() + "'s " + inv.amount()
                            + " buys no whole share of round '" + round.name() + "' at its price of " + decimal(price));
                }
                checkShares(shares, at + ".investments[" + j + "].amount");
                investorTotal = Math.addExact(investorTotal, shares);
                issued.add(new Issue(inv.holder(), roundClass.id(), shares, Source.INVESTMENT, exact));
                holdings.add(new Holding(inv.holder(), roundClass.id(), shares, round.date(), inv.amount()));
            }
            long poolIncrease = poolIncrease(conversionTotal, investorTotal);

            List<ShareClass> after = new ArrayList<>();
            List<Ratio> ratios = new ArrayList<>();
            for (ShareClass c : mso.classes()) {
                ShareClass adjusted = antiDilution(c, price, BigInteger.valueOf(investorTotal));
                after.add(adjusted);
                if (c.isPreferred()) {
                    ratios.add(new Ratio(c.id(), c.conversionRatio(), adjusted.conversionRatio()));
                }
            }
            after.add(roundClass);
            after.addAll(shadows);
            if (roundClass.isPreferred()) {
                ratios.add(new Ratio(roundClass.id(), roundClass.conversionRatio(), roundClass.conversionRatio()));
            }
            for (ShareClass shadow : shadows) {
                ratios.add(new Ratio(shadow.id(), shadow.conversionRatio(), shadow.conversionRatio()));
            }
            Mso next;
            try {
                next = new Mso(mso.name(), mso.state(), mso.form(), after, holdings, Math.addExact(mso.optionPool(), poolIncrease),
                        mso.options(), mso.warrants(), List.of(), List.of(), mso.directors(), mso.officers(), mso.staff(),
                        mso.formed());
            } catch (ModelException e) {
                throw new ModelException(at, "round '" + round.name() + "' leaves a cap table the model refuses: " + e.getMessage());
            }
            return new Result(round, price, preCount, issued, poolIncrease, ratios, mso, next);
        }

        /**
         * The whole number of shares (rounded up) that makes the unissued pool {@code poolTopUp} of the post-money fully
         * diluted count, less the pool already unissued; never negative.
         */
        private long poolIncrease(long conversions, long investors) {
            if (round.poolTopUp() == null) {
                return 0;
            }
            BigFraction q = Fractions.of(round.poolTopUp());
            // The post-money count before any anti-dilution adjustment of earlier classes, as the price is.
            BigFraction others = fullyDiluted.subtract(unissued).add(conversions).add(investors);
            BigFraction target = q.multiply(others).divide(BigFraction.ONE.subtract(q));
            long increase = ceil(target) - unissued;
            if (increase > 0) {
                checkShares(increase, at + ".poolTopUp");
            }
            return Math.max(0, increase);
        }

        private ShareClass antiDilution(ShareClass c, BigFraction price, BigInteger newShares) {
            if (c.antiDilution() == ShareClass.AntiDilution.NONE || c.issuePriceOrZero().signum() == 0) {
                return c;
            }
            BigFraction issuePrice = Fractions.of(c.issuePrice());
            BigFraction cp1 = issuePrice.divide(Fractions.of(c.conversionRatio()));
            if (price.compareTo(cp1) >= 0) {
                return c;
            }
            BigFraction cp2 = switch (c.antiDilution()) {
                case FULL_RATCHET -> price;
                case BROAD_BASED, NARROW_BASED -> {
                    BigFraction a = c.antiDilution() == ShareClass.AntiDilution.BROAD_BASED ? fullyDiluted
                            : new BigFraction(mso.holdings().stream().filter(h -> h.shareClass().equals(c.id()))
                            .mapToLong(Holding::shares).sum());
                    BigFraction b = newMoney.divide(cp1);
                    yield cp1.multiply(a.add(b)).divide(a.add(new BigFraction(newShares)));
                }
                case NONE -> cp1;
            };
            BigFraction exact = issuePrice.divide(cp2);
            BigDecimal ratio = new BigDecimal(exact.getNumerator()).divide(new BigDecimal(exact.getDenominator()), RATIO_DECIMALS,
                    RoundingMode.CEILING);
            ratio = plain(ratio).max(c.conversionRatio());
            return ratio.compareTo(c.conversionRatio()) == 0 ? c : c.withConversionRatio(ratio);
        }

        /** Strategy iteration for the least fixed point of Φ (see the class comment): {S, I}, exact. */
        private BigFraction[] leastFixedPoint() {
            BigFraction s = BigFraction.ZERO;
            BigFraction pool = BigFraction.ZERO;
            for (int step = 0; step < MAX_PIECES; step++) {
                Affine sPiece = Affine.ZERO;
                for (Instrument in : instruments) {
                    sPiece = sPiece.plus(in.piece(s, pool));
                }
                Affine iPiece = topUp == null || sign(topUp.at(s, pool)) < 0
                        || (sign(topUp.at(s, pool)) == 0 && sign(topUp.slope()) == 0) ? Affine.ZERO : topUp;
                BigFraction a11 = BigFraction.ONE.subtract(sPiece.s());
                BigFraction a22 = BigFraction.ONE.subtract(iPiece.i());
                BigFraction det = a11.multiply(a22).subtract(sPiece.i().multiply(iPiece.s()));
                if (sign(a11) <= 0 || sign(a22) <= 0 || sign(det) <= 0) {
                    throw new ModelException(at, "round '" + round.name() + "' has no price: the shares its pre-money count "
                            + "depends on (the pool top-up, the SAFEs and notes converting) would grow without end, taking all "
                            + "of the company; lower poolTopUp or the SAFEs' share" + (round.preMoney() == null ? ""
                            : ", or raise preMoney (with new money of " + round.totalInvestment() + " on a pre-money of "
                            + round.preMoney() + ", a top-up to q needs q × (1 + new money ÷ pre-money) below 1)"));
                }
                BigFraction nextS = sPiece.c().multiply(a22).add(sPiece.i().multiply(iPiece.c())).divide(det);
                BigFraction nextI = a11.multiply(iPiece.c()).add(iPiece.s().multiply(sPiece.c())).divide(det);
                if (isFixedPoint(nextS, nextI)) {
                    return new BigFraction[] {nextS, nextI};
                }
                if (nextS.compareTo(s) < 0 || nextI.compareTo(pool) < 0 || (nextS.equals(s) && nextI.equals(pool))) {
                    throw new IllegalStateException("strategy iteration did not rise at round " + round.name());
                }
                s = nextS;
                pool = nextI;
            }
            throw new IllegalStateException("strategy iteration did not settle at round " + round.name());
        }

        private boolean isFixedPoint(BigFraction s, BigFraction pool) {
            BigFraction total = BigFraction.ZERO;
            for (Instrument in : instruments) {
                total = total.add(in.piece(s, pool).at(s, pool));
            }
            BigFraction increase = topUp == null ? BigFraction.ZERO : max(BigFraction.ZERO, topUp.at(s, pool));
            return total.equals(s) && increase.equals(pool);
        }

        private long wholeShares(BigFraction exact, String what) {
            long shares = floor(exact);
            if (shares == 0) {
                throw new ModelException(at, what + " converts into no whole share in round '" + round.name() + "'");
            }
            checkShares(shares, at);
            return shares;
        }

        private void checkShares(long shares, String field) {
            if (shares > Limits.MAX_SHARES) {
                throw new ModelException(field, "round '" + round.name() + "' would issue " + shares + " shares at once, more "
                        + "than the 1,000,000,000,000 a holding may have");
            }
        }
    }

    /** F: issued shares as converted, granted options, warrants as converted, and the unissued pool. */
    static BigFraction fullyDiluted(Mso mso) {
        BigFraction total = new BigFraction(mso.unissuedPool());
        for (Holding h : mso.holdings()) {
            total = total.add(Fractions.of(mso.requireClass(h.shareClass()).conversionRatio()).multiply(BigInteger.valueOf(h.shares())));
        }
        for (OptionGrant g : mso.options()) {
            total = total.add(new BigFraction(g.shares()));
        }
        for (Warrant w : mso.warrants()) {
            total = total.add(Fractions.of(mso.requireClass(w.shareClass()).conversionRatio()).multiply(BigInteger.valueOf(w.shares())));
        }
        return total;
    }

    private static int sign(BigFraction f) {
        return f.getNumerator().signum() * f.getDenominator().signum();
    }

    private static BigFraction max(BigFraction a, BigFraction b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long floor(BigFraction f) {
        BigInteger[] qr = f.getNumerator().divideAndRemainder(f.getDenominator());
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return q.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    private static long ceil(BigFraction f) {
        return -floor(f.negate());
    }

    /** An exact price as an issue price: itself when a short decimal, else 15 significant digits. */
    static BigDecimal issuePrice(BigFraction price) {
        BigDecimal value = new BigDecimal(price.getNumerator()).divide(new BigDecimal(price.getDenominator()), ISSUE_PRICE);
        return plain(value);
    }

    /** A decimal without trailing zeros and never in exponent form (2E+1 reads back as 20, scale 0). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A price for messages: 10 significant digits. */
    static String decimal(BigFraction value) {
        return plain(new BigDecimal(value.getNumerator()).divide(new BigDecimal(value.getDenominator()),
                new MathContext(10, RoundingMode.HALF_UP))).toPlainString();
    }
}

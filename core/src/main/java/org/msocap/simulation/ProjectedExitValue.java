package org.msocap.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.fees.FeeModel;
import org.msocap.fees.FeeModel.ManagedPractice;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.Valuator;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials.MsoFinancials;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.money.Allocation;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * Enterprise value = trailing-twelve-month EBITDA × multiple, for one run's drivers, computed the way
 * {@link Valuator} and {@link FeeProjector#DEFAULT} compute it (the fee package's conventions: whole-year
 * growth, annual amounts rounded once and spread over twelve months by largest remainder, rates applied to the
 * year (a year's exact compensation or variable fee rounded once and spread over its months in proportion),
 * fixed fees invoiced monthly, MSO costs allocated by collections), but without building a projection per run.
 *
 * <p>What does not depend on the drivers is computed once: each year's MSO costs by month and over each exit month's
 * trailing year, each year's fixed fee, the practices' own monthly costs. Per run only the (at most two) projection
 * years under the trailing twelve months are computed, in long cents; when every fee is fixed or a share of
 * collections, each year's fee is summed over the window's months from its two quotients, without building the months.
 * Every product is rounded exactly ({@link ExactCents}: a double product, recomputed in BigDecimal when it lands
 * within its error bound of a half cent). A drawn growth {@code g} stands for the exact binary value of the double,
 * {@code new BigDecimal(g)}, as does a drawn clinicianComp and multiple; with those the result equals
 * {@code Valuator} on a venture carrying those values to the cent ({@code ProjectedExitValueTest}).
 * Growth is floored at −0.99 and clinicianComp clamped to [0, 1], the ranges the model allows.
 */
public final class ProjectedExitValue implements ExitValueModel {

    /** Projections reach at most 50 years (the fee package's limit). */
    private static final int MAX_YEARS = 51;

    private final LocalDate start;
    private final int earliestExitDay;
    private final List<ManagedPractice> practices;
    private final int n;
    private final long[] collections;
    private final BigDecimal[] baseGrowth;
    private final BigDecimal[] baseComp;
    /** [practice][month of year]: the practice's own costs, flat every year. */
    private final long[][] practiceCosts;
    /** [year][month of year]: MSO operating costs. */
    private final long[][] msoCosts;
    /** [practice][year]: the fixed monthly fee (fixed basis, and the fixed part of a hybrid fee), rounded monthly. */
    private final long[][] fixedFee;
    private final boolean anyCostPlus;
    private final FeeTerms.Basis[] bases;
    private final double[] baseCompDouble;
    /** Per practice: the fee's percent as a double (percent bases), or 1 + markup (cost-plus). */
    private final double[] rate;
    private final BigDecimal[] markupFactor;
    /** [practice], by year: the practice's collections grown at its own rate, once known ({@link #UNKNOWN} before). */
    private final AtomicLongArray[] baseAnnual;
    /**
     * Whether every fee is a fixed amount or a share of collections (fixed, percent of collections, hybrid): a year's
     * fee then needs no month-by-month costs, so the trailing twelve months are summed from each year's quotients
     * without building the months ({@link #windowEbitda}).
     */
    private final boolean byWindow;
    /** Per practice: the fee's percent ({@link #byWindow}). */
    private final ExactCents.Rate[] percentRate;
    /** By month index of the exit: the MSO's costs over the trailing twelve months, or {@link #OUT_OF_RANGE}. */
    private final long[] msoWindow;
    /** By month index of the exit: the trailing EBITDA when nothing is drawn, once known ({@link #UNKNOWN} before). */
    private final AtomicLongArray fixedTtm = unknowns(MAX_YEARS * 12);
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static AtomicLongArray unknowns(int length) {
        AtomicLongArray array = new AtomicLongArray(length);
        for (int i = 0; i < length; i++) {
            array.set(i, UNKNOWN);
        }
        return array;
    }

    private ProjectedExitValue(FeeModel model) {
        this.start = model.start();
        this.earliestExitDay = (int) start.plusMonths(11).toEpochDay();
        this.practices = model.practices();
        this.n = practices.size();
        collections = new long[n];
        baseGrowth = new BigDecimal[n];
        baseComp = new BigDecimal[n];
        practiceCosts = new long[n][];
        fixedFee = new long[n][MAX_YEARS];
        boolean costPlus = false;
        bases = new FeeTerms.Basis[n];
        baseCompDouble = new double[n];
        rate = new double[n];
        markupFactor = new BigDecimal[n];
        baseAnnual = new AtomicLongArray[n];
        for (int p = 0; p < n; p++) {
            ManagedPractice practice = practices.get(p);
            baseAnnual[p] = unknowns(MAX_YEARS);
            collections[p] = practice.financials().collections().cents();
            baseGrowth[p] = practice.financials().growth();
            baseComp[p] = practice.financials().clinicianComp();
            practiceCosts[p] = spread(practice.financials().otherCosts().cents());
            FeeTerms terms = practice.terms();
            for (int y = 0; y < MAX_YEARS; y++) {
                BigDecimal grown = terms.monthly().amount().multiply(BigDecimal.ONE.add(terms.escalator()).pow(y));
                fixedFee[p][y] = Limits.isAmount(grown) ? Rounding.toCents(grown).cents() : OUT_OF_RANGE;
            }
            costPlus |= terms.basis() == FeeTerms.Basis.COST_PLUS;
            bases[p] = terms.basis();
            baseCompDouble[p] = baseComp[p].doubleValue();
            if (terms.basis() == FeeTerms.Basis.COST_PLUS) {
                markupFactor[p] = BigDecimal.ONE.add(terms.markup());
                rate[p] = markupFactor[p].doubleValue();
            } else if (terms.percent() != null) {
                rate[p] = terms.percent().doubleValue();
            }
        }
        anyCostPlus = costPlus;
        MsoFinancials mso = model.mso();
        msoCosts = new long[MAX_YEARS][];
        for (int y = 0; y < MAX_YEARS; y++) {
            BigDecimal grown = mso.operatingCosts().amount().multiply(BigDecimal.ONE.add(mso.costGrowth()).pow(y));
            // Years compounding takes past the limit stay empty; a run that reaches one is refused (enterpriseValueCents).
            msoCosts[y] = Limits.isAmount(grown) ? spread(Rounding.toCents(grown).cents()) : null;
        }
        boolean window = true;
        percentRate = new ExactCents.Rate[n];
        for (int p = 0; p < n; p++) {
            window &= bases[p] == FeeTerms.Basis.FIXED || bases[p] == FeeTerms.Basis.PERCENT_OF_COLLECTIONS
                    || bases[p] == FeeTerms.Basis.HYBRID;
            percentRate[p] = new ExactCents.Rate(practices.get(p).terms().percent());
        }
        byWindow = window;
        msoWindow = new long[MAX_YEARS * 12];
        for (int last = 11; last < msoWindow.length; last++) {
            int first = last - 11;
            if (msoCosts[first / 12] == null || msoCosts[last / 12] == null) {
                msoWindow[last] = OUT_OF_RANGE;
                continue;
            }
            long sum = 0;
            for (int m = first; m <= last; m++) {
                sum += msoCosts[m / 12][m % 12];
            }
            msoWindow[last] = sum;
        }
    }

    public static ProjectedExitValue of(FeeModel model) {
        return new ProjectedExitValue(model);
    }

    @Override
    public int earliestExitDay() {
        return earliestExitDay;
    }

    /** Marks a projected amount past {@link Limits#MAX_AMOUNT}; never a real amount. */
    private static final long OUT_OF_RANGE = Long.MIN_VALUE;

    /**
     * @throws ModelException at {@code simulation} when the drawn values take a projected amount or the exit value
     *         past {@link Limits#MAX_AMOUNT} (no long arithmetic runs beyond it)
     */
    @Override
    public long enterpriseValueCents(int exitEpochDay, double ebitdaMultiple, double collectionsGrowth, double clinicianComp) {
        return enterpriseValueCents(exitEpochDay, monthIndex(exitEpochDay), ebitdaMultiple, collectionsGrowth, clinicianComp);
    }

    /**
     * The valuation of exits on one day with the day's month index worked out once: the simulation keeps one per distinct
     * exit month, so a run neither converts its day to a month nor looks up a thread's scratch arrays (the month-by-month
     * projection, the only user of those, still does).
     */
    @Override
    public OnDay onDay(int exitEpochDay) {
        int last = (int) CivilDays.monthsBetween(start, exitEpochDay);
        if (last < 11 || last / 12 >= MAX_YEARS) {
            return ExitValueModel.super.onDay(exitEpochDay);   // refused per run, as before
        }
        OnDay general = (multiple, growth, comp) -> enterpriseValueCents(exitEpochDay, last, multiple, growth, comp);
        return byWindow ? WindowValuation.of(this, last, general) : general;
    }

    /**
     * The valuation of one exit month when the trailing year is summed by window ({@link #byWindow}) and growth is drawn:
     * {@link #enterpriseValueCents(int, int, double, double, double)}'s steps for that case in one method, with what does
     * not depend on the draws (the fixed fees over the window less the MSO's costs there, the window's years and months)
     * taken out once per month. Under C1 every layer of the general path (the month's closure, the limit and cache checks,
     * the window, each year's fees, the grown amount) is a call that spills its caller's registers; this leaves the
     * roundings' own calls. The same products and roundings in the same order, so the same cents; any step off the
     * common path (an amount or value past the limit, a grown amount too near a half cent, growth not drawn) takes the
     * general path for the whole run, which then throws or rounds exactly as before
     * ({@code ProjectedExitValueWindowValuationPropertyTest} compares the two).
     */
    static final class WindowValuation implements OnDay {
        private final OnDay general;
        private final int year;
        private final int from;
        /**
         * Each practice's collections and, when its fee has a share of them, the fee's rate (null for a fixed fee: its grown
         * collections are still checked against the limit, as the general path does).
         */
        private final long[] collections;
        private final ExactCents.Rate[] rates;
        /** The fixed fees over the window's months less the MSO's costs there. */
        private final long fixedLessCosts;
        /**
         * Per factor k (1 to 4) of (1 + g)^year, 1 when it is 1 + g (k at most year) and 0 when it is 1: the first
         * {@link #MASKED_FACTORS} factors are 1 + g × this, not chosen by a loop (see {@link #enterpriseValueCents}).
         */
        private final double first;
        private final double second;
        private final double third;
        private final double fourth;

        /** How many of (1 + g)^year's factors are chosen by mask; later years' by a loop. */
        private static final int MASKED_FACTORS = 4;

        private WindowValuation(OnDay general, int year, int from, long[] collections, ExactCents.Rate[] rates,
                                long fixedLessCosts) {
            this.general = general;
            this.year = year;
            this.from = from;
            this.collections = collections;
            this.rates = rates;
            this.fixedLessCosts = fixedLessCosts;
            first = year >= 1 ? 1 : 0;
            second = year >= 2 ? 1 : 0;
            third = year >= 3 ? 1 : 0;
            fourth = year >= 4 ? 1 : 0;
        }

        /**
         * The month's flat valuation, or {@code general} when a fixed fee or the MSO's costs of the window are past the
         * limit (the general path throws per run) or the second year's power is not a product of the first's.
         */
        static OnDay of(ProjectedExitValue model, int last, OnDay general) {
            int first = last - 11;
            int year = first / 12;
            int from = first - 12 * year;
            long costs = model.msoWindow[last];
            if (costs == OUT_OF_RANGE || year + 1 > POWER_BY_PRODUCTS) {
                return general;
            }
            long fixed = 0;
            ExactCents.Rate[] rates = new ExactCents.Rate[model.n];
            for (int p = 0; p < model.n; p++) {
                FeeTerms.Basis basis = model.bases[p];
                if (basis != FeeTerms.Basis.PERCENT_OF_COLLECTIONS) {
                    long first12 = model.fixedFee[p][year];
                    long next = from > 0 ? model.fixedFee[p][year + 1] : 0;
                    if (first12 == OUT_OF_RANGE || next == OUT_OF_RANGE) {
                        return general;
                    }
                    fixed += first12 * (12 - from) + next * from;
                }
                rates[p] = basis == FeeTerms.Basis.FIXED ? null : model.percentRate[p];
            }
            return new WindowValuation(general, year, from, model.collections, rates, fixed - costs);
        }

        @Override
        public long enterpriseValueCents(double ebitdaMultiple, double collectionsGrowth, double clinicianComp) {
            if (Double.isNaN(collectionsGrowth)) {
                return general.enterpriseValueCents(ebitdaMultiple, collectionsGrowth, clinicianComp);
            }
            // windowEbitda's powers: (1 + g)^year by repeated products (1 for year 0), the next year's one product on.
            // Math.max(-0.99, g) for a g that is not NaN, without its call (C1 inlines no Math.max of doubles).
            double growth = collectionsGrowth >= -0.99 ? collectionsGrowth : -0.99;
            double base = 1 + growth;
            // The products' first four factors are 1 + g or 1 by the month's 1s and 0s: a product by 1 is exact, so the same
            // double as the loop's year − 1 products, without the loop, whose trip count changed from run to run with the
            // exit's year (a mispredicted branch most runs; ten-class's exits fall in years 1 to 5). Years past the fourth by
            // the loop. Drivers and exit value about 3% cheaper in process (3M-run rounds, 0.934 of main against 0.961).
            // A factor is 1 + g × 1 (base's own sum) or 1 + g × 0 = 1 + ±0 = 1: a multiplication and an addition on the
            // run's chain of dependent steps, where the masks of the bits took two trips between the integer and the
            // floating-point registers through the stack under C1 (drivers and exit value 0.986 against 1.003 with the
            // masks, 20 alternated rounds in process). An infinite g makes 1 + ∞ × 0 NaN, but with any practice its grown
            // amounts are then undecided and not exact (ExactCents.grown), which sends the run to the general path as the
            // masks' later year did; without one the factors are not read.
            double grown = 1 + growth * first;
            grown *= 1 + growth * second;
            grown *= 1 + growth * third;
            grown *= 1 + growth * fourth;
            for (int y = MASKED_FACTORS; y < year; y++) {
                grown *= base;
            }
            // The window's two years side by side, practice by practice: months from .. 11 of the first, then 0 .. from − 1
            // of the next (none when from is 0). Their chains of roundings are independent, so the processor overlaps them,
            // and each practice's collections and rate are read once. With from 0 the next year's amount is still rounded
            // and checked: one past the limit (or undecided) sends the run to the general path, which gives the same cents.
            double later = grown * base;
            // grownCentsUnchecked's slack for each year.
            double relative = (year + 5) * 0x1.0p-52;
            double laterRelative = (year + 6) * 0x1.0p-52;
            int lastLater = from - 1;
            long ebitda = fixedLessCosts;
            for (int p = 0; p < collections.length; p++) {
                long cents = collections[p];
                long annual = ExactCents.nearest(cents * grown, relative);
                long laterAnnual = ExactCents.nearest(cents * later, laterRelative);
                if (annual == ExactCents.UNDECIDED) {
                    // Near a half cent: grownCentsUnchecked's exact product, in binary (the general path for the whole
                    // run took a hundred microseconds or so, a few runs in a hundred thousand).
                    annual = ExactCents.grown(cents, growth, year);
                }
                if (laterAnnual == ExactCents.UNDECIDED) {
                    laterAnnual = ExactCents.grown(cents, growth, year + 1);
                }
                if (annual == ExactCents.UNDECIDED || !Limits.isAmountCents(annual)
                        || laterAnnual == ExactCents.UNDECIDED || !Limits.isAmountCents(laterAnnual)) {
                    return general.enterpriseValueCents(ebitdaMultiple, collectionsGrowth, clinicianComp);
                }
                ExactCents.Rate rate = rates[p];
                if (rate == null) {
                    continue;
                }
                long fee = rate.times(annual);
                long laterFee = rate.times(laterAnnual);
                if (fee > 0 && fee <= annual) {
                    // spreadOverMonths' equal months (annual < 2^50 within the limit), written here: C1 calls it. The
                    // remainder odd lies in 0 .. 11, so its minimum with 12 and with 0 is known.
                    long twelfth = (long) ((fee + 0.5) * TWELFTH);
                    int odd = (int) (fee - 12 * twelfth);
                    ebitda += (12 - from) * twelfth + odd - Math.min(from, odd);
                } else {
                    ebitda += spreadOverMonths(fee, annual, from, 11);
                }
                if (laterFee > 0 && laterFee <= laterAnnual) {
                    long twelfth = (long) ((laterFee + 0.5) * TWELFTH);
                    int odd = (int) (laterFee - 12 * twelfth);
                    ebitda += from * twelfth + Math.min(from, odd);
                } else {
                    ebitda += spreadOverMonths(laterFee, laterAnnual, 0, lastLater);
                }
            }
            long value;
            try {
                value = Math.max(0, ExactCents.times(ebitda, ebitdaMultiple));
            } catch (ArithmeticException e) {
                value = OUT_OF_RANGE;   // the general path turns it into the model's error
            }
            return Limits.isAmountCents(value) ? value : general.enterpriseValueCents(ebitdaMultiple, collectionsGrowth,
                    clinicianComp);
        }
    }

    private int monthIndex(int exitEpochDay) {
        return scratch.get().monthIndex(exitEpochDay);
    }

    private long enterpriseValueCents(int exitEpochDay, int last, double ebitdaMultiple, double collectionsGrowth,
                                      double clinicianComp) {
        long value;
        try {
            long ebitda = ttmEbitdaCents(exitEpochDay, last, collectionsGrowth, clinicianComp);
            // A business losing money is not worth a negative amount at a multiple (as Valuator).
            value = Math.max(0, ExactCents.times(ebitda, ebitdaMultiple));
        } catch (ArithmeticException e) {
            value = OUT_OF_RANGE;
        }
        if (value == OUT_OF_RANGE || !Limits.isAmountCents(value)) {
            throw new ModelException("simulation", "a run drew an ebitdaMultiple of " + ebitdaMultiple
                    + (Double.isNaN(collectionsGrowth) ? "" : ", collectionsGrowth " + collectionsGrowth)
                    + (Double.isNaN(clinicianComp) ? "" : ", clinicianComp " + clinicianComp) + " and an exit on "
                    + LocalDate.ofEpochDay(exitEpochDay) + ", which takes the projected enterprise value past "
                    + Limits.MAX_AMOUNT_WORDS + "; amounts, given or projected, are limited to that: narrow the distributions");
        }
        return value;
    }

    /** EBITDA of the twelve projection months ending with the month that contains the exit day, in cents. */
    public long ttmEbitdaCents(int exitEpochDay, double collectionsGrowth, double clinicianComp) {
        return ttmEbitdaCents(exitEpochDay, monthIndex(exitEpochDay), collectionsGrowth, clinicianComp);
    }

    /** {@link #ttmEbitdaCents(int, double, double)} given the exit month's index from the start. */
    private long ttmEbitdaCents(int exitEpochDay, int last, double collectionsGrowth, double clinicianComp) {
        if (last < 11 || last / 12 >= MAX_YEARS) {
            throw new IllegalArgumentException("exit day " + LocalDate.ofEpochDay(exitEpochDay) + " has no trailing year in the projection from "
                    + start);
        }
        boolean drawn = !Double.isNaN(collectionsGrowth) || !Double.isNaN(clinicianComp);
        if (!drawn) {
            // Nothing drawn: the month alone decides, so each month is projected once (a few dozen distinct exit months).
            long known = fixedTtm.get(last);
            if (known != UNKNOWN) {
                return known;
            }
        }
        int first = last - 11;
        if (msoCosts[first / 12] == null || msoCosts[last / 12] == null) {
            throw new ArithmeticException("MSO operating costs past the limit");
        }
        long ebitda = byWindow ? windowEbitda(first, last, collectionsGrowth) : monthlyEbitda(first, last, collectionsGrowth,
                clinicianComp, scratch.get());
        if (!drawn) {
            fixedTtm.set(last, ebitda);
        }
        return ebitda;
    }

    /** Whether the trailing EBITDA is summed by window ({@link #windowEbitda}); for tests. */
    boolean byWindow() {
        return byWindow;
    }

    /** {@link #ttmEbitdaCents} always month by month, uncached: the oracle of {@link #windowEbitda} in tests. */
    long ttmEbitdaCentsByMonth(int exitEpochDay, double collectionsGrowth, double clinicianComp) {
        Scratch scratch = this.scratch.get();
        int last = scratch.monthIndex(exitEpochDay);
        if (msoCosts[(last - 11) / 12] == null || msoCosts[last / 12] == null) {
            throw new ArithmeticException("MSO operating costs past the limit");
        }
        return monthlyEbitda(last - 11, last, collectionsGrowth, clinicianComp, scratch);
    }

    /**
     * The trailing EBITDA month by month: every practice's fee in each month of the (at most two) projection years under
     * the window, summed over the window's months. Any basis; {@link #windowEbitda} gives the same cents for the bases
     * that need no monthly costs ({@code ProjectedExitValueTest} compares the two).
     */
    private long monthlyEbitda(int first, int last, double collectionsGrowth, double clinicianComp, Scratch scratch) {
        long ebitda = 0;
        long[] revenue = scratch.revenue;
        for (int year = first / 12; year <= last / 12; year++) {
            yearRevenue(year, collectionsGrowth, clinicianComp, revenue, scratch);
            for (int k = 0; k < 12; k++) {
                int m = year * 12 + k;
                if (m >= first && m <= last) {
                    ebitda += revenue[k] - msoCosts[year][k];
                }
            }
        }
        return ebitda;
    }

    /**
     * {@link #monthlyEbitda} when every fee is fixed or a share of collections ({@link #byWindow}): per practice and
     * year only the fee's twelve quotients ({@link #spreadOverMonths}) are needed, summed over the window's months
     * there, and the MSO's costs over the window are known per exit month. The same cents: a sum of the same whole
     * months in another order (no amount nears the long range: each is within {@link Limits#MAX_AMOUNT}).
     */
    private long windowEbitda(int first, int last, double collectionsGrowth) {
        boolean drawnGrowth = !Double.isNaN(collectionsGrowth);
        double growth = drawnGrowth ? Math.max(-0.99, collectionsGrowth) : 0;
        // The window: months from .. 11 of the first year, then (from > 0) months 0 .. from − 1 of the next.
        int year = first / 12;
        int from = first - 12 * year;
        double power = drawnGrowth && year > 0 ? power(1 + growth, year) : 1;
        long revenue = windowRevenue(year, from, 11, drawnGrowth, growth, power);
        if (from > 0) {
            // (1 + g)^(year + 1) from the first year's power: the same product power() forms, one multiplication on.
            double next = !drawnGrowth ? 1 : year + 1 > POWER_BY_PRODUCTS ? power(1 + growth, year + 1) : power * (1 + growth);
            revenue = Math.addExact(revenue, windowRevenue(year + 1, 0, from - 1, drawnGrowth, growth, next));
        }
        return revenue - msoWindow[last];
    }

    /** Every practice's fee over the months {@code from} to {@code to} of a projection year, given (1 + g)^year. */
    private long windowRevenue(int year, int from, int to, boolean drawnGrowth, double growth, double power) {
        long revenue = 0;
        for (int p = 0; p < n; p++) {
            long annual = drawnGrowth ? grownCents(collections[p], growth, year, power) : baseAnnual(p, year);
            FeeTerms.Basis basis = bases[p];
            if (basis != FeeTerms.Basis.PERCENT_OF_COLLECTIONS) {
                long fixed = fixedFee[p][year];
                if (fixed == OUT_OF_RANGE) {
                    throw new ArithmeticException("fixed fee past the limit");
                }
                revenue = Math.addExact(revenue, fixed * (to - from + 1));
            }
            if (basis != FeeTerms.Basis.FIXED) {
                revenue = Math.addExact(revenue, spreadOverMonths(percentRate[p].times(annual), annual, from, to));
            }
        }
        return revenue;
    }

    /** Marks a month whose trailing EBITDA is not yet known; never a real amount (amounts stay within the limit). */
    private static final long UNKNOWN = Long.MIN_VALUE + 1;

    /** Per thread: the arrays a run's projection works in, and the last exit day's month (runs come day by day). */
    private final class Scratch {
        final long[] revenue = new long[12];
        final long[] annual = new long[n];
        final long[] months = new long[12];
        final long[] compensation = new long[12];
        final long[] variable = new long[12];
        final long[] base = new long[12];
        final long[] thisMonth = new long[n];
        final long[] split = new long[n];
        final long[][] allocated = anyCostPlus ? new long[n][12] : null;
        private int lastDay = Integer.MIN_VALUE;
        private int lastMonth;

        /** Whole months from the projection's start to the day ({@link ChronoUnit#MONTHS}). */
        int monthIndex(int epochDay) {
            if (epochDay != lastDay) {
                lastMonth = (int) CivilDays.monthsBetween(start, epochDay);
                lastDay = epochDay;
            }
            return lastMonth;
        }
    }

    /** The MSO's revenue (all management fees) in each month of a projection year. */
    private void yearRevenue(int year, double collectionsGrowth, double clinicianComp, long[] revenue, Scratch scratch) {
        boolean drawnGrowth = !Double.isNaN(collectionsGrowth);
        boolean drawnComp = !Double.isNaN(clinicianComp);
        double growth = drawnGrowth ? Math.max(-0.99, collectionsGrowth) : 0;
        double comp = drawnComp ? Math.min(1, Math.max(0, clinicianComp)) : 0;
        BigDecimal compExact = null;
        // The same power for every practice: computed once per year, not once per practice.
        double power = drawnGrowth && year > 0 ? power(1 + growth, year) : 1;
        long[] annual = scratch.annual;
        for (int p = 0; p < n; p++) {
            annual[p] = drawnGrowth ? grownCents(collections[p], growth, year, power) : baseAnnual(p, year);
        }
        long[][] allocated = scratch.allocated;
        if (anyCostPlus) {
            long[] thisMonth = scratch.thisMonth;
            for (int k = 0; k < 12; k++) {
                for (int p = 0; p < n; p++) {
                    thisMonth[p] = monthOf(annual[p], k);
                }
                long[] split = allocate(msoCosts[year][k], thisMonth, scratch.split);
                for (int p = 0; p < n; p++) {
                    allocated[p][k] = split[p];
                }
            }
        }
        java.util.Arrays.fill(revenue, 0);
        long[] compensation = scratch.compensation;
        long[] variable = scratch.variable;
        long[] base = scratch.base;
        for (int p = 0; p < n; p++) {
            // Rates apply to the year: the year's exact amount rounded once, spread over the months in proportion.
            long compYear;
            if (drawnComp) {
                if (compExact == null) {
                    compExact = new BigDecimal(comp);
                }
                compYear = ExactCents.times(annual[p], compExact, comp);
            } else {
                compYear = ExactCents.times(annual[p], baseComp[p], baseCompDouble[p]);
            }
            spreadOverMonths(compYear, annual[p], compensation);
            FeeTerms terms = practices.get(p).terms();
            FeeTerms.Basis basis = bases[p];
            long fixed = basis == FeeTerms.Basis.FIXED || basis == FeeTerms.Basis.HYBRID ? fixedFee[p][year] : 0;
            if (fixed == OUT_OF_RANGE) {
                throw new ArithmeticException("fixed fee past the limit");
            }
            switch (basis) {
                case FIXED -> java.util.Arrays.fill(variable, 0);
                case PERCENT_OF_COLLECTIONS, HYBRID -> spreadOverMonths(ExactCents.times(annual[p], terms.percent(), rate[p]), annual[p], variable);
                case PERCENT_OF_NET, RESIDUAL -> {
                    long positive = 0;
                    for (int k = 0; k < 12; k++) {
                        base[k] = Math.max(0, monthOf(annual[p], k) - compensation[k] - practiceCosts[p][k]);
                        positive += base[k];
                    }
                    if (basis == FeeTerms.Basis.RESIDUAL) {
                        System.arraycopy(base, 0, variable, 0, 12);
                    } else {
                        spread(ExactCents.times(positive, terms.percent(), rate[p]), base, variable);
                    }
                }
                case COST_PLUS -> {
                    long sum = 0;
                    for (int k = 0; k < 12; k++) {
                        sum += allocated[p][k];
                    }
                    spread(ExactCents.times(sum, markupFactor[p], rate[p]), allocated[p], variable);
                }
            }
            for (int k = 0; k < 12; k++) {
                revenue[k] = Math.addExact(revenue[k], Math.addExact(fixed, variable[k]));
            }
        }
    }

    /** A practice's own projected collections of a year, at its own growth; computed once per practice and year. */
    private long baseAnnual(int p, int year) {
        long known = baseAnnual[p].get(year);
        if (known != UNKNOWN) {
            return known;
        }
        long cents = withinLimit(Rounding.toCents(Money.ofCents(collections[p]).amount().multiply(BigDecimal.ONE.add(baseGrowth[p]).pow(year)))
                .cents());
        baseAnnual[p].set(year, cents);
        return cents;
    }

    /**
     * {@link #spread(long, long[], long[])} over the twelve months of an annual amount ({@link #monthOf}) without
     * building them: the months take two weights only (the odd cents make the first months one larger), so there are
     * two quotients and two remainders, and the left-over cents go to the months of the larger remainder first, each
     * kind in month order (ties to the earlier month, which are the larger ones).
     */
    static void spreadOverMonths(long total, long annualCents, long[] out) {
        if (total == 0 || annualCents == 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        if (total < 0 || annualCents < 0) {
            long[] weights = spread(annualCents);
            spread(total, weights, out);
            return;
        }
        long small = annualCents / 12;
        int larger = (int) (annualCents - 12 * small);    // months 0 .. larger-1 weigh small + 1
        long largeQuotient;
        long largeRemainder;
        long smallQuotient;
        long smallRemainder;
        long product = total * (small + 1);
        if (Math.multiplyHigh(total, small + 1) == 0 && product >= 0) {
            largeQuotient = product / annualCents;
            largeRemainder = product - largeQuotient * annualCents;
            product = total * small;   // smaller, so it fits too
            smallQuotient = product / annualCents;
            smallRemainder = product - smallQuotient * annualCents;
        } else {
            long[] qr = new long[2];
            ExactCents.mulDiv(total, small + 1, annualCents, qr);
            largeQuotient = qr[0];
            largeRemainder = qr[1];
            ExactCents.mulDiv(total, small, annualCents, qr);
            smallQuotient = qr[0];
            smallRemainder = qr[1];
        }
        long left = total - larger * largeQuotient - (12 - larger) * smallQuotient;
        for (int k = 0; k < 12; k++) {
            out[k] = k < larger ? largeQuotient : smallQuotient;
        }
        // Largest remainder first, ties to the earlier month: the larger months come first, so they win ties.
        int from = largeRemainder >= smallRemainder ? 0 : larger;
        for (int given = 0, k = from; given < left; given++, k = k + 1 == 12 ? 0 : k + 1) {
            out[k]++;
        }
    }

    /** Annual amounts below this are divided into twelfths in doubles by {@link #spreadOverMonths(long, long, int, int)}. */
    private static final long MOST_TWELFTHS = 1L << 50;
    private static final double TWELFTH = 1 / 12.0;

    /**
     * The months {@code from} to {@code to} (0-based, inclusive) of {@link #spreadOverMonths(long, long, long[])}, summed,
     * without writing the months. A total that is a share of the annual amount (a fee at a percent of collections) is
     * spread over the months as if they were equal: with {@code total = 12 t + u}, month k gets {@code t + [k < u]}, whatever
     * the annual amount, so the window's sum takes one division by 12. Any other total (none the projection spreads so)
     * sums the months written.
     *
     * <p>Why, for {@code 0 < total ≤ annual}: with {@code annual = 12 s + L} (months below L weigh s + 1, the others s), the
     * smaller months' quotient ⌊total × s ÷ annual⌋ is t or t − 1, since {@code total × s − t × annual = (u × annual − total
     * × L) ÷ 12} lies within (−total, annual); take it as t with that difference r as remainder (negative only when u < L).
     * The larger months' exact share is r + total above t; let c = 1 when r + total ≥ annual (their quotient t + 1), else 0.
     * Then the left-over cents are {@code total − L (t + c) − (12 − L) t = u − L c}, and (ties to the earlier month):
     * <ul>
     *   <li>c = 0: every quotient t (when r < 0 the smaller months are t − 1, each with the larger remainder r + annual, so
     *       each also a left-over cent, giving t); the larger months' remainder r + total exceeds r, so the u left-over
     *       cents go to months 0 .. u − 1 (u < 12, no wrap);</li>
     *   <li>c = 1, total < annual: months 0 .. L − 1 get t + 1, and the remainder there, r + total − annual, is below the
     *       smaller months' r, so the u − L left-over cents go to months L .. u − 1;</li>
     *   <li>total = annual: t = s and u = L, every month its own weight, t + [k < u].</li>
     * </ul>
     * In each case months 0 .. u − 1 get t + 1 and the others t. ({@code ProjectedExitValueSpreadPropertyTest} compares
     * every window with the months written, and these with {@link Allocation#largestRemainder}.)
     */
    static long spreadOverMonths(long total, long annualCents, int from, int to) {
        if (total == 0 || annualCents == 0) {
            return 0;
        }
        if (total < 0 || total > annualCents || annualCents >= MOST_TWELFTHS) {
            long[] out = new long[12];
            spreadOverMonths(total, annualCents, out);
            long sum = 0;
            for (int k = from; k <= to; k++) {
                sum += out[k];
            }
            return sum;
        }
        // ⌊total ÷ 12⌋ without a division (C1 calls into the VM for a long one; a double one waits several times a
        // multiplication's latency): (total + 1/2) ÷ 12 lies at least 1/24 from a whole number, and below 2^50 its product
        // by the double nearest 1/12 (two roundings, relative 2^-52 together) errs by less than 2^50 ÷ 12 × 2^-52 = 1/48.
        long twelfth = (long) ((total + 0.5) * TWELFTH);
        int odd = (int) (total - 12 * twelfth);
        return (to - from + 1) * twelfth + Math.min(to + 1, odd) - Math.min(from, odd);
    }

    /**
     * {@code total} cents over the months in proportion to non-negative weights, by largest remainder (ties to
     * the earlier month), as the fee package's year-first rounding does; zeros when the total or the weights are zero.
     */
    static void spread(long total, long[] weights, long[] out) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        if (total == 0 || sum == 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        if (total > 0 && sum > 0 && sum < 1L << 62 && weights.length <= IntegerWeights.RANKED_PARTS && nonNegative(weights)) {
            IntegerWeights.splitFew(total, weights, out);   // the same split, without divisions or allocations per month
            return;
        }
        long assigned = 0;
        long[] remainder = new long[weights.length];
        long[] qr = new long[2];
        for (int k = 0; k < weights.length; k++) {
            ExactCents.mulDiv(total, weights[k], sum, qr);
            out[k] = qr[0];
            remainder[k] = qr[1];
            assigned += out[k];
        }
        for (long left = total - assigned; left > 0; left--) {
            int best = -1;
            for (int k = 0; k < weights.length; k++) {
                if (remainder[k] >= 0 && (best < 0 || remainder[k] > remainder[best])) {
                    best = k;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
    }

    private static boolean nonNegative(long[] values) {
        for (long v : values) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code round_half_up(cents × (1 + g)^year)} with g the exact value of the double. */
    static long grownCents(long cents, double g, int year) {
        return withinLimit(grownCentsUnchecked(cents, g, year, year == 0 ? 1 : power(1 + g, year)));
    }

    /** The years whose power {@link #power} forms by repeated multiplication. */
    private static final int POWER_BY_PRODUCTS = 16;

    /**
     * {@code base^year} by repeated multiplication for the few years a projection spans (cheaper than
     * {@code StrictMath.pow}). Each multiplication errs by at most 2^-53 relative, so with the rounding of 1 + g
     * (year × 2^-53 once raised) and of the product by the cents, a grown amount errs by at most year × 2^-52
     * relative: inside the (year + 4) × 2^-52 slack of {@link #grownCentsUnchecked}, which then rounds exactly.
     */
    static double power(double base, int year) {
        if (year > POWER_BY_PRODUCTS) {
            return StrictMath.pow(base, year);
        }
        double result = base;
        for (int y = 1; y < year; y++) {
            result *= base;
        }
        return result;
    }

    /** {@link #grownCents(long, double, int)} given {@code power}, (1 + g)^year within the error {@link #power} allows. */
    private static long grownCents(long cents, double g, int year, double power) {
        return withinLimit(grownCentsUnchecked(cents, g, year, power));
    }

    /** A projected amount, or an ArithmeticException (turned into the model error) past {@link Limits#MAX_AMOUNT}. */
    private static long withinLimit(long cents) {
        if (!Limits.isAmountCents(cents)) {
            throw new ArithmeticException("projected amount past the limit");
        }
        return cents;
    }

    private static long grownCentsUnchecked(long cents, double g, int year, double power) {
        if (year == 0) {
            return cents;
        }
        // 1 + g, the power and the product each err by at most an ulp (relative 2^-53) per factor; one 2^-52 more for the
        // rounding's own shift by a half.
        long rounded = ExactCents.nearest(cents * power, (year + 5) * 0x1.0p-52);
        if (rounded != ExactCents.UNDECIDED) {
            return rounded;
        }
        return Rounding.toCents(Money.ofCents(cents).amount().multiply(BigDecimal.ONE.add(new BigDecimal(g)).pow(year))).cents();
    }

    /** The {@code k}-th of twelve equal months of an annual amount; odd cents to the earliest months. */
    private static long monthOf(long annualCents, int k) {
        long base = Math.floorDiv(annualCents, 12);
        long extra = annualCents - 12 * base;
        return base + (k < extra ? 1 : 0);
    }

    private static long[] spread(long annualCents) {
        long[] months = new long[12];
        for (int k = 0; k < 12; k++) {
            months[k] = monthOf(annualCents, k);
        }
        return months;
    }

    /**
     * The MSO's cost of a month allocated across practices by their collections (equally when none collect), as
     * {@link Allocation#largestRemainder} allocates it (the same rule as {@link #spread(long, long[], long[])}, which
     * does it in longs).
     */
    private long[] allocate(long msoCost, long[] monthCollections, long[] out) {
        boolean any = false;
        for (long c : monthCollections) {
            any |= c > 0;
        }
        if (msoCost >= 0 && nonNegative(monthCollections)) {
            if (any) {
                spread(msoCost, monthCollections, out);
            } else {
                long[] equal = new long[n];
                java.util.Arrays.fill(equal, 1);
                spread(msoCost, equal, out);
            }
            return out;
        }
        List<BigFraction> weights = new ArrayList<>(n);
        for (long c : monthCollections) {
            weights.add(new BigFraction(c));
        }
        if (!any) {
            weights = java.util.Collections.nCopies(n, BigFraction.ONE);
        }
        return Allocation.largestRemainder(msoCost, weights);
    }
}

package org.msocap.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * <p>What does not depend on the drivers is computed once: each year's MSO costs by month, each year's fixed
 * fee, the practices' own monthly costs. Per run only the (at most two) projection years under the trailing twelve
 * months are computed, in long
 * cents; every product is rounded exactly ({@link ExactCents}: a double product, recomputed in BigDecimal when
 * it lands within its error bound of a half cent). A drawn growth {@code g} stands for the exact binary value
 * of the double, {@code new BigDecimal(g)}, as does a drawn clinicianComp and multiple; with those the
 * result equals {@code Valuator} on a venture carrying those values to the cent ({@code ProjectedExitValueTest}).
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
        for (int p = 0; p < n; p++) {
            ManagedPractice practice = practices.get(p);
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
        }
        anyCostPlus = costPlus;
        MsoFinancials mso = model.mso();
        msoCosts = new long[MAX_YEARS][];
        for (int y = 0; y < MAX_YEARS; y++) {
            BigDecimal grown = mso.operatingCosts().amount().multiply(BigDecimal.ONE.add(mso.costGrowth()).pow(y));
            // Years compounding takes past the limit stay empty; a run that reaches one is refused (enterpriseValueCents).
            msoCosts[y] = Limits.isAmount(grown) ? spread(Rounding.toCents(grown).cents()) : null;
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
        long value;
        try {
            long ebitda = ttmEbitdaCents(exitEpochDay, collectionsGrowth, clinicianComp);
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
        int last = (int) ChronoUnit.MONTHS.between(start, LocalDate.ofEpochDay(exitEpochDay));
        if (last < 11 || last / 12 >= MAX_YEARS) {
            throw new IllegalArgumentException("exit day " + LocalDate.ofEpochDay(exitEpochDay) + " has no trailing year in the projection from "
                    + start);
        }
        int first = last - 11;
        if (msoCosts[first / 12] == null || msoCosts[last / 12] == null) {
            throw new ArithmeticException("MSO operating costs past the limit");
        }
        long ebitda = 0;
        long[] revenue = new long[12];
        for (int year = first / 12; year <= last / 12; year++) {
            yearRevenue(year, collectionsGrowth, clinicianComp, revenue);
            for (int k = 0; k < 12; k++) {
                int m = year * 12 + k;
                if (m >= first && m <= last) {
                    ebitda += revenue[k] - msoCosts[year][k];
                }
            }
        }
        return ebitda;
    }

    /** The MSO's revenue (all management fees) in each month of a projection year. */
    private void yearRevenue(int year, double collectionsGrowth, double clinicianComp, long[] revenue) {
        boolean drawnGrowth = !Double.isNaN(collectionsGrowth);
        boolean drawnComp = !Double.isNaN(clinicianComp);
        double growth = drawnGrowth ? Math.max(-0.99, collectionsGrowth) : 0;
        double comp = drawnComp ? Math.min(1, Math.max(0, clinicianComp)) : 0;
        BigDecimal compExact = drawnComp ? new BigDecimal(comp) : null;
        long[] annual = new long[n];
        long[][] monthly = new long[n][12];
        for (int p = 0; p < n; p++) {
            annual[p] = drawnGrowth ? grownCents(collections[p], growth, year)
                    : withinLimit(Rounding.toCents(Money.ofCents(collections[p]).amount().multiply(BigDecimal.ONE.add(baseGrowth[p]).pow(year))).cents());
            for (int k = 0; k < 12; k++) {
                monthly[p][k] = monthOf(annual[p], k);
            }
        }
        long[][] allocated = null;
        if (anyCostPlus) {
            allocated = new long[n][12];
            long[] thisMonth = new long[n];
            for (int k = 0; k < 12; k++) {
                for (int p = 0; p < n; p++) {
                    thisMonth[p] = monthly[p][k];
                }
                long[] split = allocate(msoCosts[year][k], thisMonth);
                for (int p = 0; p < n; p++) {
                    allocated[p][k] = split[p];
                }
            }
        }
        java.util.Arrays.fill(revenue, 0);
        long[] compensation = new long[12];
        long[] variable = new long[12];
        long[] base = new long[12];
        for (int p = 0; p < n; p++) {
            long[] c = monthly[p];
            // Rates apply to the year: the year's exact amount rounded once, spread over the months in proportion.
            long compYear = drawnComp ? ExactCents.times(annual[p], compExact, comp)
                    : ExactCents.times(annual[p], baseComp[p], baseComp[p].doubleValue());
            spread(compYear, c, compensation);
            FeeTerms terms = practices.get(p).terms();
            long fixed = terms.basis() == FeeTerms.Basis.FIXED || terms.basis() == FeeTerms.Basis.HYBRID ? fixedFee[p][year] : 0;
            if (fixed == OUT_OF_RANGE) {
                throw new ArithmeticException("fixed fee past the limit");
            }
            switch (terms.basis()) {
                case FIXED -> java.util.Arrays.fill(variable, 0);
                case PERCENT_OF_COLLECTIONS, HYBRID -> spread(ExactCents.times(annual[p], terms.percent(), terms.percent().doubleValue()), c, variable);
                case PERCENT_OF_NET, RESIDUAL -> {
                    long positive = 0;
                    for (int k = 0; k < 12; k++) {
                        base[k] = Math.max(0, c[k] - compensation[k] - practiceCosts[p][k]);
                        positive += base[k];
                    }
                    if (terms.basis() == FeeTerms.Basis.RESIDUAL) {
                        System.arraycopy(base, 0, variable, 0, 12);
                    } else {
                        spread(ExactCents.times(positive, terms.percent(), terms.percent().doubleValue()), base, variable);
                    }
                }
                case COST_PLUS -> {
                    long sum = 0;
                    for (int k = 0; k < 12; k++) {
                        sum += allocated[p][k];
                    }
                    BigDecimal factor = BigDecimal.ONE.add(terms.markup());
                    spread(ExactCents.times(sum, factor, factor.doubleValue()), allocated[p], variable);
                }
            }
            for (int k = 0; k < 12; k++) {
                revenue[k] = Math.addExact(revenue[k], Math.addExact(fixed, variable[k]));
            }
        }
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
        return withinLimit(grownCentsUnchecked(cents, g, year));
    }

    /** A projected amount, or an ArithmeticException (turned into the model error) past {@link Limits#MAX_AMOUNT}. */
    private static long withinLimit(long cents) {
        if (!Limits.isAmountCents(cents)) {
            throw new ArithmeticException("projected amount past the limit");
        }
        return cents;
    }

    private static long grownCentsUnchecked(long cents, double g, int year) {
        if (year == 0) {
            return cents;
        }
        double x = cents * StrictMath.pow(1 + g, year);
        // 1 + g, the power and the product each err by at most an ulp (relative 2^-53) per factor.
        double slack = Math.abs(x) * (year + 4) * 0x1.0p-52 + 0x1.0p-40;
        double floor = Math.floor(x);
        double frac = x - floor;
        if (Math.abs(x) < 0x1.0p50 && Math.abs(frac - 0.5) > slack) {
            return (long) floor + (frac > 0.5 ? 1 : 0);
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

    /** The MSO's cost of a month allocated across practices by their collections (equally when none collect). */
    private long[] allocate(long msoCost, long[] monthCollections) {
        List<BigFraction> weights = new ArrayList<>(n);
        boolean any = false;
        for (long c : monthCollections) {
            weights.add(new BigFraction(c));
            any |= c > 0;
        }
        if (!any) {
            weights = java.util.Collections.nCopies(n, BigFraction.ONE);
        }
        return Allocation.largestRemainder(msoCost, weights);
    }
}

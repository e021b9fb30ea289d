package org.msocap.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.msocap.model.ExitScenario;
import org.msocap.model.Financials;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * Values the MSO at an exit: the scenario's enterprise value, or a multiple of the MSO's trailing-twelve-month
 * EBITDA or revenue from the fee projection, and the net debt from {@code financials.mso.netDebt}. This is what
 * the exit waterfall starts from when a scenario gives a multiple. Stateless.
 *
 * <p>An exit after the projection window is valued by continuing the projection at the same growth rates
 * (whole years), because simulated exit dates routinely fall after {@code financials.years}; an exit less
 * than twelve months after {@code financials.start} has no trailing year and is refused.
 *
 * <pre>{@code
 * ExitValuation v = Valuator.DEFAULT.value(venture, venture.exit("Strategic sale").orElseThrow());
 * Money equity = v.enterpriseValue().minus(v.netDebt());
 * }</pre>
 */
public final class Valuator {

    public static final Valuator DEFAULT = new Valuator(FeeProjector.DEFAULT);

    private final FeeProjector projector;

    public Valuator(FeeProjector projector) {
        this.projector = Objects.requireNonNull(projector, "projector");
    }

    /** Values every exit scenario of the venture, in file order. */
    public List<ExitValuation> valueAll(Venture venture) {
        List<ExitValuation> out = new ArrayList<>();
        for (int i = 0; i < venture.exits().size(); i++) {
            out.add(value(venture, venture.exits().get(i), "exits[" + i + "]"));
        }
        return out;
    }

    /**
     * Values one exit scenario (normally one of {@code venture.exits()}; errors then name {@code exits[i].date}).
     *
     * @throws ModelException naming the field when a multiple is given but the venture has no financials, when
     *         the financials are inconsistent, or when the exit date has no trailing year in the projection
     */
    public ExitValuation value(Venture venture, ExitScenario exit) {
        int index = venture.exits().indexOf(exit);
        return value(venture, exit, index >= 0 ? "exits[" + index + "]" : "exit '" + exit.name() + "'");
    }

    private ExitValuation value(Venture venture, ExitScenario exit, String at) {
        LocalDate date = exit.date() != null ? exit.date() : venture.asOf();
        Money netDebt = venture.netDebt();
        if (exit.enterpriseValue() != null) {
            TrailingTwelveMonths trailing = null;
            if (venture.financials() != null && hasTrailingYear(venture.financials().start(), date)) {
                trailing = trailingTwelveMonths(FeeModel.resolve(venture), date, at + ".date");
            }
            return value(exit, date, trailing, netDebt);
        }
        boolean byEbitda = exit.ebitdaMultiple() != null;
        String multipleField = at + (byEbitda ? ".ebitdaMultiple" : ".revenueMultiple");
        if (venture.financials() == null) {
            // Point at the multiple in the file when the exit came from it; the section itself is missing.
            throw new ModelException(at.startsWith("exits[") ? multipleField : "financials",
                    Financials.neededForMultiple(exit.name(), byEbitda));
        }
        TrailingTwelveMonths trailing = trailingTwelveMonths(FeeModel.resolve(venture), date, at + ".date");
        ExitValuation valuation = value(exit, date, trailing, netDebt);
        if (!Limits.isAmount(valuation.enterpriseValue().amount())) {
            throw new ModelException(multipleField, "exit '" + exit.name() + "' is worth " + valuation.enterpriseValue().grouped()
                    + " at this multiple, beyond " + Limits.MAX_AMOUNT_WORDS + "; amounts, given or derived, are limited to that");
        }
        return valuation;
    }

    /**
     * Values an exit from a trailing year already at hand: the fast path when many exits are valued on one
     * projection (project once with {@link FeeProjector#projectYears}, then {@link #trailingTwelveMonths(Projection,
     * LocalDate, String)} and this for each exit). Same rounding as {@link #value(Venture, ExitScenario)}.
     *
     * @param trailing the MSO's trailing twelve months at {@code date}; may be null only when the exit gives its
     *                 enterprise value
     */
    public static ExitValuation value(ExitScenario exit, LocalDate date, TrailingTwelveMonths trailing, Money netDebt) {
        if (exit.enterpriseValue() != null) {
            return new ExitValuation(exit, date, ExitValuation.Method.GIVEN, exit.enterpriseValue(), netDebt, trailing);
        }
        Objects.requireNonNull(trailing, "a multiple needs the trailing twelve months");
        boolean byEbitda = exit.ebitdaMultiple() != null;
        Money base = byEbitda ? trailing.ebitda()
                : exit.revenueBasis() == ExitScenario.RevenueBasis.PLATFORM ? trailing.platformCollections() : trailing.revenue();
        BigDecimal multiple = byEbitda ? exit.ebitdaMultiple() : exit.revenueMultiple();
        // A business losing money is not worth a negative amount at a multiple; the waterfall starts at zero.
        Money enterpriseValue = Rounding.toCents(base.times(multiple)).max(Money.ZERO);
        return new ExitValuation(exit, date, byEbitda ? ExitValuation.Method.EBITDA_MULTIPLE : ExitValuation.Method.REVENUE_MULTIPLE,
                enterpriseValue, netDebt, trailing);
    }

    /**
     * The MSO's twelve months ending with the month containing {@code date}, projecting past the model's
     * years at the same growth rates when needed.
     *
     * @param field the field to name when the date has no trailing year, e.g. {@code exits[0].date}
     */
    public TrailingTwelveMonths trailingTwelveMonths(FeeModel model, LocalDate date, String field) {
        int last = lastMonthIndex(model.start(), date, field);
        int years = Math.max(model.years(), last / 12 + 1);
        return trailingTwelveMonths(projector.projectYears(model, years), date, field,
                model.start().plusYears(model.years()).minusDays(1));
    }

    /** The trailing twelve months at {@code date} from an existing monthly projection that covers it. */
    public static TrailingTwelveMonths trailingTwelveMonths(Projection monthly, LocalDate date, String field) {
        return trailingTwelveMonths(monthly, date, field, monthly.mso().get(monthly.periods() - 1).period().end());
    }

    /**
     * As above, for a projection that may run past the model's own, which ends on {@code projectionEnd}: twelve months
     * after it are marked {@link TrailingTwelveMonths#extended()}.
     */
    public static TrailingTwelveMonths trailingTwelveMonths(Projection monthly, LocalDate date, String field,
                                                             LocalDate projectionEnd) {
        if (monthly.period() != Period.MONTH) {
            throw new IllegalArgumentException("trailing twelve months need a monthly projection, not " + monthly.period().id() + "ly");
        }
        int last = lastMonthIndex(monthly.start(), date, field);
        if (last >= monthly.periods()) {
            throw new ModelException(field, "exit date " + date + " is after the projection, which ends "
                    + monthly.mso().get(monthly.periods() - 1).period().end());
        }
        Money revenue = Money.ZERO;
        Money costs = Money.ZERO;
        Money ebitda = Money.ZERO;
        for (MsoPeriod month : monthly.mso().subList(last - 11, last + 1)) {
            revenue = revenue.plus(month.revenue());
            costs = costs.plus(month.costs());
            ebitda = ebitda.plus(month.ebitda());
        }
        Money collections = Money.ZERO;
        for (PracticeProjection practice : monthly.practices()) {
            for (PracticePeriod month : practice.rows().subList(last - 11, last + 1)) {
                collections = collections.plus(month.collections());
            }
        }
        return new TrailingTwelveMonths(monthly.mso().get(last - 11).period().start(), monthly.mso().get(last).period().end(),
                revenue, costs, ebitda, collections, projectionEnd);
    }

    private static boolean hasTrailingYear(LocalDate start, LocalDate date) {
        return !date.isBefore(start) && ChronoUnit.MONTHS.between(start, date) >= 11;
    }

    /** 0-based index of the projection month containing {@code date}; at least 11 so a full trailing year exists. */
    private static int lastMonthIndex(LocalDate start, LocalDate date, String field) {
        Financials.checkExitDate(start, date, field);
        return (int) ChronoUnit.MONTHS.between(start, date);
    }
}

package org.msocap.waterfall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Limits;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.ShareClass;

/**
 * The limits on amounts (README, "Limits") applied to what accrues up to the exit: the reader cannot know the exit
 * date (a command may give it), so the accruals are checked here. A cumulative dividend may not take a share's
 * preference past the price at which the cap table is worth {@link Limits#MAX_AMOUNT} (the rule the reader applies to
 * issue prices), and a note's cash-out with its interest may not pass {@link Limits#MAX_AMOUNT}. Inside them every
 * preference and breakpoint stays an amount the engines carry in long cents; past them a dividend compounding, or
 * interest accruing, for decades overflowed the breakpoint table.
 */
final class AccruedClaimLimit {

    private static final BigFraction MAX = new BigFraction(Limits.MAX_AMOUNT.toBigIntegerExact());

    private AccruedClaimLimit() {
    }

    /**
     * Refuses, at the class's dividend rate, a preferred class whose preference per share with its dividend accrued to
     * {@code exitDate} makes the {@code capitalization} (fully diluted, as converted) worth more than the limit; and, at
     * its rate (or its exit multiple when that alone does it), a note owed more than the limit at {@code exitDate}.
     */
    static void check(Mso mso, List<ResolvedCapTable.Claimant> claimants, BigFraction capitalization, LocalDate exitDate) {
        for (ResolvedCapTable.Claimant c : claimants) {
            if (c.kind() != ResolvedCapTable.Kind.PREFERRED) {
                continue;
            }
            ShareClass cls = mso.requireClass(c.id());
            if (cls.dividend() == null || !cls.dividend().cumulative()) {
                continue;
            }
            List<Holding> holdings = mso.holdings().stream().filter(h -> h.shareClass().equals(cls.id())).toList();
            long issued = holdings.stream().mapToLong(Holding::shares).sum();
            if (issued == 0 || c.preference().divide(issued).multiply(capitalization).compareTo(MAX) <= 0) {
                continue;
            }
            LocalDate from = holdings.stream().map(Holding::dividendStart).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(exitDate);
            BigFraction allowed = MAX.divide(capitalization);
            throw new ModelException("mso.classes[" + mso.classes().indexOf(cls) + "].dividend.rate", "class '" + cls.id()
                    + "': its cumulative dividend, accrued from " + from + " to the exit on " + exitDate + ", makes its preference more than "
                    + String.format(Locale.US, "%,.2f", down(allowed, 2)) + " a share; at that price the " + String.format(Locale.US, "%,d",
                    down(capitalization, 0).toBigInteger())
                    + " fully diluted shares are worth more than " + Limits.MAX_AMOUNT_WORDS
                    + ", the limit for amounts, given or derived: a lower rate, simple compounding or an earlier exit keeps it within",
                    new ModelException.ClassField(cls.id(), exitDate, "dividend.rate"));
        }
        for (int i = 0; i < mso.notes().size(); i++) {
            ConvertibleNote n = mso.notes().get(i);
            // As ResolvedCapTable owes it: principal plus simple interest to the exit, times the exit multiple.
            BigFraction principal = ResolvedCapTable.fraction(n.principal().amount());
            BigFraction multiple = ResolvedCapTable.fraction(n.exitMultiple());
            BigFraction due = principal.add(principal.multiply(ResolvedCapTable.fraction(n.rate())).multiply(
                    exitDate.isAfter(n.issued()) ? ResolvedCapTable.yearsBetween(n.issued(), exitDate) : BigFraction.ZERO));
            BigFraction cashOut = due.multiply(multiple);
            if (cashOut.compareTo(MAX) > 0) {
                boolean interest = principal.multiply(multiple).compareTo(MAX) <= 0;
                throw new ModelException("mso.notes[" + i + "]." + (interest ? "rate" : "exitMultiple"), "the note of '" + n.holder()
                        + "'" + (interest ? ", with its interest from " + n.issued() + " to the exit on " + exitDate + "," : "")
                        + " would be owed " + String.format(Locale.US, "%,.2f", down(cashOut, 2)) + " at its exit multiple, more than "
                        + Limits.MAX_AMOUNT_WORDS + ", the limit for amounts, given or derived");
            }
        }
    }

    private static BigDecimal down(BigFraction f, int scale) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), scale, RoundingMode.DOWN);
    }
}

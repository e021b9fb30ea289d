package org.msocap.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.msocap.money.Money;

/**
 * A sale of the MSO. Enterprise value is given directly or as a multiple of EBITDA (or revenue) at the
 * exit date.
 *
 * @param date may be null (then the venture's asOf)
 * @param enterpriseValue one of enterpriseValue, ebitdaMultiple, revenueMultiple
 * @param transactionCosts may be null: none
 * @param escrow may be null
 * @param carveOut may be null
 * @param earnout may be null
 * @param revenueBasis whose revenue a {@code revenueMultiple} applies to ({@link RevenueBasis#MSO} when omitted); null
 *                     for the other valuations
 */
public record ExitScenario(String name, LocalDate date, Money enterpriseValue, BigDecimal ebitdaMultiple,
                           BigDecimal revenueMultiple, TransactionCosts transactionCosts, Escrow escrow,
                           CarveOut carveOut, Earnout earnout, boolean doubleTriggerFires, RevenueBasis revenueBasis) {

    /**
     * The revenue a revenue multiple applies to: the MSO's own (its management fees) or the platform's (the managed
     * practices' collections), which is how buyers often quote a multiple for a practice platform.
     */
    public enum RevenueBasis {
        MSO, PLATFORM;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** An exit whose revenue multiple, if any, applies to the MSO's revenue. */
    public ExitScenario(String name, LocalDate date, Money enterpriseValue, BigDecimal ebitdaMultiple, BigDecimal revenueMultiple,
                        TransactionCosts transactionCosts, Escrow escrow, CarveOut carveOut, Earnout earnout,
                        boolean doubleTriggerFires) {
        this(name, date, enterpriseValue, ebitdaMultiple, revenueMultiple, transactionCosts, escrow, carveOut, earnout,
                doubleTriggerFires, null);
    }

    /** Costs of the sale: a fraction of enterprise value or a fixed amount. Exactly one is set. */
    public record TransactionCosts(BigDecimal fraction, Money fixed) {
        public TransactionCosts {
            if ((fraction == null) == (fixed == null)) {
                throw new ModelException("transactionCosts", "transactionCosts is a fraction (0.03) or {fixed: amount}, one of the two");
            }
            if (fraction != null) {
                Checks.fraction(fraction, "transactionCosts");
            } else {
                Checks.nonNegative(fixed, "fixed");
            }
        }

        public static TransactionCosts ofFraction(BigDecimal f) {
            return new TransactionCosts(f, null);
        }

        public static TransactionCosts ofFixed(Money m) {
            return new TransactionCosts(null, m);
        }
    }

    /** Part of the price withheld at close and released after {@code months} with {@code releaseProbability}. */
    public record Escrow(BigDecimal fraction, int months, BigDecimal releaseProbability) {
        public Escrow {
            Checks.fraction(fraction, "fraction");
            if (months < 0) {
                throw new ModelException("months", "months must be >= 0 but was " + months);
            }
            releaseProbability = releaseProbability == null ? BigDecimal.ONE : releaseProbability;
            Checks.fraction(releaseProbability, "releaseProbability");
        }
    }

    /** A management carve-out: a fraction of the price paid to named recipients before the equity. */
    public record CarveOut(BigDecimal fraction, Map<String, BigDecimal> recipients) {
        public CarveOut {
            Checks.fraction(fraction, "fraction");
            recipients = Checks.map(recipients);
            if (recipients.isEmpty()) {
                throw new ModelException("recipients", "a carve-out needs at least one recipient");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : recipients.entrySet()) {
                Checks.positive(e.getValue(), "recipients." + e.getKey());
                sum = sum.add(e.getValue());
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new ModelException("recipients", "carve-out recipients' shares must add up to 1 but add up to " + sum.toPlainString());
            }
        }
    }

    /** A contingent payment after close: counted at amount × probability in expected totals. */
    public record Earnout(Money amount, BigDecimal probability) {
        public Earnout {
            Checks.positive(amount, "amount");
            Checks.fraction(probability, "probability");
        }
    }

    public ExitScenario {
        Checks.text(name, "name");
        int given = (enterpriseValue != null ? 1 : 0) + (ebitdaMultiple != null ? 1 : 0) + (revenueMultiple != null ? 1 : 0);
        if (given != 1) {
            throw new ModelException("enterpriseValue", "exit '" + name
                    + "' needs exactly one of enterpriseValue, ebitdaMultiple or revenueMultiple" + (given > 1 ? " but has " + given : ""));
        }
        if (enterpriseValue != null) {
            Checks.nonNegative(enterpriseValue, "enterpriseValue");
        }
        if (ebitdaMultiple != null) {
            Checks.positive(ebitdaMultiple, "ebitdaMultiple");
        }
        if (revenueMultiple != null) {
            Checks.positive(revenueMultiple, "revenueMultiple");
            revenueBasis = revenueBasis == null ? RevenueBasis.MSO : revenueBasis;
        } else if (revenueBasis != null) {
            throw new ModelException("revenueBasis", "exit '" + name + "' has a revenueBasis but no revenueMultiple; "
                    + "revenueBasis says whose revenue the multiple applies to (mso or platform)");
        }
    }

    public static ExitScenario atValue(String name, LocalDate date, Money enterpriseValue) {
        return new ExitScenario(name, date, enterpriseValue, null, null, null, null, null, null, false);
    }
}

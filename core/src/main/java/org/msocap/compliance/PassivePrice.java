package org.msocap.compliance;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.EquityTerms;
import org.msocap.model.Holding;
import org.msocap.model.ShareClass;
import org.msocap.money.Fractions;

/**
 * The price per share that passive investors of a class paid on average, weighted by shares: what AKS-03 and COI-04
 * compare a referral source's or a clinician's price with. Passive here means the AKS sense: not in a position to
 * refer or to generate business for the entity, so neither a referral source nor one of the MSO's directors, officers
 * or staff (a lay CEO generates its business). Holdings recorded at no cost paid nothing and are left out.
 */
record PassivePrice(BigFraction perShare, long shares, List<String> holders) {

    static final String WHO = "investors with no role in the MSO who do not refer";

    static Optional<PassivePrice> of(CheckContext ctx, ShareClass cls, Predicate<String> alsoExcluded) {
        BigFraction paid = BigFraction.ZERO;
        long shares = 0;
        List<String> holders = new java.util.ArrayList<>();
        for (Holding h : ctx.venture.mso().holdings()) {
            String id = h.holder();
            if (!h.shareClass().equals(cls.id()) || ctx.person(id).refersPatients() || !ctx.msoRoles(id).isEmpty()
                    || alsoExcluded.test(id)) {
                continue;
            }
            BigFraction cost = Fractions.of(h.costBasis(cls));
            if (cost.compareTo(BigFraction.ZERO) > 0) {
                paid = paid.add(cost);
                shares += h.shares();
                if (!holders.contains(id)) {
                    holders.add(id);
                }
            }
        }
        return shares == 0 ? Optional.empty() : Optional.of(new PassivePrice(paid.divide(shares), shares, List.copyOf(holders)));
    }

    static BigFraction price(Holding h, ShareClass cls) {
        return Fractions.of(h.costBasis(cls)).divide(new BigFraction(h.shares()));
    }

    static String decimal(BigFraction price) {
        return Fractions.toDecimal(price, 4).stripTrailingZeros().toPlainString();
    }

    /** For messages: {@code 1.25 a share on average, weighted by shares (ann, bob; 2,000,000 shares)}, or units in an LLC. */
    String describe(EquityTerms terms) {
        return decimal(perShare) + " a " + terms.unit() + " on average, weighted by " + terms.units() + " ("
                + String.join(", ", holders) + "; " + Amounts.equity(shares, terms) + ")";
    }
}

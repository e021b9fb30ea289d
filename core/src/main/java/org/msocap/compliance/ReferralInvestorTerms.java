package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Holding;
import org.msocap.model.ShareClass;
import org.msocap.money.Fractions;

/**
 * AKS-03: a referral-source investor bought shares of a class at a lower price per share than every passive
 * investor of the same class paid: different terms (42 CFR 1001.952(a)(2)(ii)).
 */
final class ReferralInvestorTerms implements RulePredicate {

    @Override
    public String ruleId() {
        return "AKS-03";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ShareClass cls : ctx.venture.mso().classes()) {
            List<Holding> inClass = ctx.venture.mso().holdings().stream().filter(h -> h.shareClass().equals(cls.id())).toList();
            BigFraction lowestPassive = null;
            for (Holding h : inClass) {
                if (!ctx.person(h.holder()).refersPatients()) {
                    BigFraction price = price(h, cls);
                    lowestPassive = lowestPassive == null || price.compareTo(lowestPassive) < 0 ? price : lowestPassive;
                }
            }
            if (lowestPassive == null) {
                continue;
            }
            for (Holding h : inClass) {
                BigFraction price = price(h, cls);
                if (ctx.person(h.holder()).refersPatients() && price.compareTo(lowestPassive) < 0) {
                    out.add(ctx.finding(rule, SubjectKind.CLASS, cls.id(), h.holder() + ", who refers patients, paid "
                            + Fractions.toDecimal(price, 4).stripTrailingZeros().toPlainString() + " a share of class " + cls.id()
                            + "; passive investors paid at least " + Fractions.toDecimal(lowestPassive, 4).stripTrailingZeros()
                            .toPlainString(), null, List.of(h.holder())));
                }
            }
        }
        return out;
    }

    static BigFraction price(Holding h, ShareClass cls) {
        return Fractions.of(h.costBasis(cls)).divide(new BigFraction(h.shares()));
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.EquityTerms;
import org.msocap.model.Holding;
import org.msocap.model.ShareClass;

/**
 * AKS-03: a referral-source investor bought shares of a class at a lower price per share than passive investors of
 * the same class paid on average (weighted by shares): different terms (42 CFR 1001.952(a)(2)(ii)). Passive investors
 * are those with no role in the MSO who do not refer ({@link PassivePrice}); a lay founder who runs the MSO is not one.
 */
final class ReferralInvestorTerms implements RulePredicate {

    @Override
    public String ruleId() {
        return "AKS-03";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        EquityTerms terms = EquityTerms.of(ctx.venture.mso());
        for (ShareClass cls : ctx.venture.mso().classes()) {
            Optional<PassivePrice> passive = PassivePrice.of(ctx, cls, id -> false);
            if (passive.isEmpty()) {
                continue;
            }
            for (Holding h : ctx.venture.mso().holdings()) {
                if (!h.shareClass().equals(cls.id()) || !ctx.person(h.holder()).refersPatients()) {
                    continue;
                }
                BigFraction price = PassivePrice.price(h, cls);
                if (price.compareTo(passive.get().perShare()) < 0) {
                    out.add(ctx.finding(rule, SubjectKind.CLASS, cls.id(), h.holder() + ", who refers patients, paid "
                            + PassivePrice.decimal(price) + " a " + terms.unit() + " for " + Amounts.equity(h.shares(), terms)
                            + " of class " + cls.id() + "; " + PassivePrice.WHO + " paid " + passive.get().describe(terms), null,
                            List.of(h.holder())));
                }
            }
        }
        return out;
    }
}

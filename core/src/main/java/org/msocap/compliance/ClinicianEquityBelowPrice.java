package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Holding;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.money.Fractions;

/**
 * COI-04: MSO shares held by a clinician that cost nothing, or cost less a share than every non-clinician holder
 * of the same class paid: equity that may be remuneration rather than investment.
 */
final class ClinicianEquityBelowPrice implements RulePredicate {

    @Override
    public String ruleId() {
        return "COI-04";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ShareClass cls : ctx.venture.mso().classes()) {
            List<Holding> inClass = ctx.venture.mso().holdings().stream().filter(h -> h.shareClass().equals(cls.id())).toList();
            BigFraction lowestOther = null;
            for (Holding h : inClass) {
                if (!ctx.isClinician(ctx.person(h.holder()))) {
                    BigFraction price = ReferralInvestorTerms.price(h, cls);
                    lowestOther = lowestOther == null || price.compareTo(lowestOther) < 0 ? price : lowestOther;
                }
            }
            for (Holding h : inClass) {
                Person p = ctx.person(h.holder());
                if (!ctx.isClinician(p)) {
                    continue;
                }
                BigFraction price = ReferralInvestorTerms.price(h, cls);
                String why = null;
                if (price.compareTo(BigFraction.ZERO) == 0) {
                    why = "the model records no price paid for them";
                } else if (lowestOther != null && price.compareTo(lowestOther) < 0) {
                    why = "they cost " + Fractions.toDecimal(price, 4).stripTrailingZeros().toPlainString()
                            + " a share, below the " + Fractions.toDecimal(lowestOther, 4).stripTrailingZeros().toPlainString()
                            + " non-clinicians paid";
                }
                if (why != null) {
                    out.add(ctx.finding(rule, SubjectKind.PERSON, p.id(), p.id() + " (clinician" + (p.refersPatients()
                            ? ", refers patients" : "") + ") holds " + h.shares() + " shares of class " + cls.id() + "; " + why,
                            null, List.of(p.id())));
                }
            }
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.EquityTerms;
import org.msocap.model.Holding;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;

/**
 * COI-04: MSO shares held by a clinician that cost nothing, or cost less a share than passive non-clinician investors
 * of the same class paid on average (weighted by shares; {@link PassivePrice}): equity that may be remuneration rather
 * than investment.
 */
final class ClinicianEquityBelowPrice implements RulePredicate {

    @Override
    public String ruleId() {
        return "COI-04";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        EquityTerms terms = EquityTerms.of(ctx.venture.mso());
        for (ShareClass cls : ctx.venture.mso().classes()) {
            Optional<PassivePrice> passive = PassivePrice.of(ctx, cls, id -> ctx.isClinician(ctx.person(id)));
            for (Holding h : ctx.venture.mso().holdings()) {
                Person p = ctx.person(h.holder());
                if (!h.shareClass().equals(cls.id()) || !ctx.isClinician(p)) {
                    continue;
                }
                BigFraction price = PassivePrice.price(h, cls);
                String why = null;
                if (price.compareTo(BigFraction.ZERO) == 0) {
                    why = "the model records no price paid for them";
                } else if (passive.isPresent() && price.compareTo(passive.get().perShare()) < 0) {
                    why = "they cost " + PassivePrice.decimal(price) + " a " + terms.unit() + "; passive non-clinician "
                            + PassivePrice.WHO + " paid " + passive.get().describe(terms);
                }
                if (why != null) {
                    out.add(ctx.finding(rule, SubjectKind.PERSON, p.id(), p.id() + " (clinician" + (p.refersPatients()
                            ? ", refers patients" : "") + ") holds " + Amounts.equity(h.shares(), terms) + " of class " + cls.id() + "; "
                            + why, null, List.of(p.id())));
                }
            }
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Holding;
import org.msocap.model.ShareClass;

/**
 * AKS-01, the 60/40 investor test of 42 CFR 1001.952(a)(2)(i): per class, investors in a position to refer
 * ({@code refersPatients}) may hold at most 40% of the investment interests. Within one class value is
 * proportional to shares, so the test compares issued shares; exactly 40% passes.
 */
final class InvestorTest implements RulePredicate {

    static final BigFraction LIMIT = new BigFraction(40, 100);

    @Override
    public String ruleId() {
        return "AKS-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ShareClass cls : ctx.venture.mso().classes()) {
            long total = 0;
            Map<String, Long> referring = new LinkedHashMap<>();
            for (Holding h : ctx.venture.mso().holdings()) {
                if (!h.shareClass().equals(cls.id())) {
                    continue;
                }
                total += h.shares();
                if (ctx.person(h.holder()).refersPatients()) {
                    referring.merge(h.holder(), h.shares(), Long::sum);
                }
            }
            if (total == 0 || referring.isEmpty()) {
                continue;
            }
            BigFraction fraction = new BigFraction(referring.values().stream().mapToLong(Long::longValue).sum(), total);
            if (fraction.compareTo(LIMIT) > 0) {
                boolean allClinicians = referring.keySet().stream().map(ctx::person).allMatch(ctx::isClinician);
                List<String> who = new ArrayList<>(referring.keySet());
                out.add(ctx.finding(rule, SubjectKind.CLASS, cls.id(), (allClinicians ? "clinician investors who refer"
                        : "investors in a position to refer") + " (" + String.join(", ", who) + ") hold "
                        + Percent.of(fraction, LIMIT) + " of class " + cls.id() + "; the safe-harbor limit is 40%", null, who));
            }
        }
        return out;
    }
}

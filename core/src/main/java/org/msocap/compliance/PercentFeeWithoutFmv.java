package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/** FEE-04: a percentage fee without fair-market-value support, in a state that allows one only at fair market value. */
final class PercentFeeWithoutFmv implements RulePredicate {

    @Override
    public String ruleId() {
        return "FEE-04";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            StateRules state = ctx.catalog.state(practice.state());
            if (rule.coversState(practice.state()) && Fees.variesWithRevenue(a.fee()) && !a.fmvOpinion()
                    && state.percentFee().isPermissiveWithFmv()) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " pays the MSO a "
                        + Fees.describe(a.fee()) + " of practice " + practice.id() + " with no fair-market-value opinion; "
                        + state.name() + ": " + state.percentFeeNote(), state, List.of()));
            }
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;

/**
 * FEE-05: a management services agreement without an independent fair-market-value opinion, or a cost-plus fee
 * with no markup (at cost, possibly below fair market value: OIG AO 15-10) while MSO investors refer patients.
 */
final class FairMarketValueSupport implements RulePredicate {

    @Override
    public String ruleId() {
        return "FEE-05";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<String> referring = ctx.msoEquityHolders().stream().filter(id -> ctx.person(id).refersPatients()).toList();
        for (Agreement a : ctx.venture.agreements()) {
            if (a.type() != Agreement.Type.MANAGEMENT_SERVICES) {
                continue;
            }
            if (!a.fmvOpinion()) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " (" + Fees.describe(a.fee())
                        + ") has no independent fair-market-value opinion", null, List.of()));
            }
            if (a.fee().basis() == FeeTerms.Basis.COST_PLUS && a.fee().markup().signum() == 0 && !referring.isEmpty()) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " charges the practice at cost "
                        + "(no markup) while MSO investors refer patients (" + String.join(", ", referring)
                        + "); an at-cost related-party fee may be below fair market value", null, referring));
            }
        }
        return out;
    }
}

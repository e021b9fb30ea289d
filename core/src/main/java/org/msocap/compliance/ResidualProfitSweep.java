package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableLine;
import org.msocap.model.Agreement;
import org.msocap.model.EquityTerms;
import org.msocap.model.FeeTerms;
import org.msocap.model.HolderCategory;
import org.msocap.model.Practice;

/**
 * FEE-03: the MSO takes the practice's residual profit: a residual basis, a fee that reaches all of the profit
 * before the fee (fee ÷ profit ≥ 1), or a majority of it when non-clinicians own most of the MSO (Flynn Bros.).
 */
final class ResidualProfitSweep implements RulePredicate {

    @Override
    public String ruleId() {
        return "FEE-03";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        BigFraction layOwned = layOwnedFraction(ctx);
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            if (!rule.coversState(practice.state()) || a.fee() == null) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            if (a.fee().basis() == FeeTerms.Basis.RESIDUAL) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " pays the MSO a "
                        + Fees.describe(a.fee()) + " of practice " + practice.id(), state, List.of()));
                continue;
            }
            Optional<Fees.ProfitShare> share = Fees.shareOfProfit(ctx, practice.id(), a.fee());
            if (share.isEmpty()) {
                continue;
            }
            BigFraction s = share.get().share();
            if (s.compareTo(BigFraction.ONE) >= 0) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "under " + a.id() + " at practice " + practice.id() + " "
                        + share.get().describe() + ": it sweeps all the practice's profit", state, List.of()));
            } else if (s.compareTo(BigFraction.ONE_HALF) > 0 && layOwned.compareTo(BigFraction.ONE_HALF) > 0) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "under " + a.id() + " at practice " + practice.id() + " "
                        + share.get().describe() + ", a majority, and non-clinicians own " + Percent.of(layOwned)
                        + " of the MSO's " + EquityTerms.of(ctx.venture.mso()).units() + " outstanding", state, List.of()));
            }
        }
        return out;
    }

    private static BigFraction layOwnedFraction(CheckContext ctx) {
        BigFraction lay = BigFraction.ZERO;
        for (CapTableLine line : CapTable.of(ctx.venture).lines()) {
            if (line.category() == HolderCategory.LAY || line.category() == HolderCategory.ENTITY) {
                lay = lay.add(line.ofOutstanding());
            }
        }
        return lay;
    }
}

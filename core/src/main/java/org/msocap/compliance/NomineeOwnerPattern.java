package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Practice;

/**
 * CTRL-05: the nominee ("friendly physician") pattern: a single shareholder, an MSO call right or designation
 * of the transferee, and a fee that takes the practice's residual profit (a residual basis, or a fee that
 * reaches all profit before the fee).
 */
final class NomineeOwnerPattern implements RulePredicate {

    @Override
    public String ruleId() {
        return "CTRL-05";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            Practice.TransferRestriction tr = practice.transferRestriction();
            if (!rule.coversState(practice.state()) || practice.shareholders().size() != 1 || tr == null
                    || !(tr.callRightAtWill() || tr.msoDesignatesTransferee())) {
                continue;
            }
            for (Agreement a : ctx.managementAgreements(practice.id())) {
                String residual = null;
                if (a.fee().basis() == FeeTerms.Basis.RESIDUAL) {
                    residual = "a residual fee";
                } else {
                    Optional<Fees.ProfitShare> share = Fees.shareOfProfit(ctx, practice.id(), a.fee());
                    if (share.isPresent() && share.get().share().compareTo(BigFraction.ONE) >= 0) {
                        residual = "a fee that takes all its profit: " + share.get().describe();
                    }
                }
                if (residual != null) {
                    String owner = practice.shareholders().get(0).holder();
                    out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), "practice " + practice.id() + " has one owner ("
                            + owner + "), " + (tr.callRightAtWill() ? "an MSO call right at will" : "an MSO-designated transferee")
                            + " and " + residual + " under " + a.id() + "; stipends, powers of attorney and pledges are not modeled",
                            ctx.catalog.state(practice.state()), List.of(owner)));
                }
            }
        }
        return out;
    }
}

package org.msocap.compliance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.msocap.model.DealEvent;
import org.msocap.model.EquityTerms;
import org.msocap.model.RecapEvent;
import org.msocap.model.ShareClass;

/**
 * DEAL-01: a recap's buyer or rollover priced above its preferred class's {@code issuePrice}. Preferences are per class
 * (PRODUCT.md §8): each unit bought or rolled claims issuePrice × preference (and accrues any dividend on the issue
 * price), whatever was paid for it, so the units carry less preference than their price. That may be the deal; often it
 * is a class that should have its own issue price. Judged on the recaps still ahead of the check date.
 */
final class RecapPriceAboveIssuePrice implements RulePredicate {

    @Override
    public String ruleId() {
        return "DEAL-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (DealEvent event : ctx.venture.events()) {
            if (!(event instanceof RecapEvent recap) || !recap.date().isAfter(ctx.asOf)) {
                continue;
            }
            EquityTerms terms = EquityTerms.of(recap.form() != null ? recap.form() : ctx.venture.mso().form());
            if (recap.buyer() != null) {
                check(rule, ctx, recap, terms, "the buyer " + recap.buyer().holder(), recap.buyer().holder(), recap.buyer().classId(),
                        recap.buyer().price(), out);
            }
            for (RecapEvent.Rollover r : recap.rollover()) {
                check(rule, ctx, recap, terms, "the rollover of " + r.holder(), r.holder(), r.classId(), r.price(), out);
            }
        }
        return out;
    }

    private static void check(Rule rule, CheckContext ctx, RecapEvent recap, EquityTerms terms, String who, String holder,
                              String classId, BigDecimal price, List<Finding> out) {
        ShareClass cls = recap.classes().stream().filter(c -> c.id().equals(classId)).findFirst().orElse(null);
        if (price == null || cls == null || !cls.isPreferred() || cls.issuePrice() == null || price.compareTo(cls.issuePrice()) <= 0) {
            return;
        }
        BigDecimal claim = cls.issuePrice().multiply(cls.preference());
        String dividend = cls.dividend() == null ? "" : ", and its " + (cls.dividend().cumulative() ? "cumulative " : "")
                + "dividend accrues on " + plain(cls.issuePrice());
        out.add(ctx.finding(rule, SubjectKind.CLASS, cls.id(), "recap '" + recap.name() + "' (" + recap.date() + "): " + who
                + " into class " + cls.id() + " is priced at " + plain(price) + " per " + terms.unit() + ", above the class's "
                + "issuePrice " + plain(cls.issuePrice()) + ": each of those " + terms.units() + " carries a preference of "
                + plain(claim) + " (issuePrice " + plain(cls.issuePrice()) + " × preference " + plain(cls.preference())
                + "), not the " + plain(price) + " paid" + dividend, null, List.of(holder)));
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}

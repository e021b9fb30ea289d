package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Person;

/**
 * COI-01: a clinician who refers patients holds MSO equity. The model records no patient disclosure, so each is
 * reported for the reviewer to confirm one (AMA Op. 8.0321: disclose the interest, assure freedom of choice).
 */
final class ReferringClinicianInvestor implements RulePredicate {

    @Override
    public String ruleId() {
        return "COI-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String id : ctx.msoEquityHolders()) {
            Person p = ctx.person(id);
            if (ctx.isClinician(p) && p.refersPatients()) {
                out.add(ctx.finding(rule, SubjectKind.PERSON, id, id + " (" + String.join(", ", ctx.professionsAnywhere(p))
                        + ") holds MSO equity and refers patients; the model records no patient disclosure of the interest",
                        ctx.professionsIn(p, "CA").isEmpty() ? null : ctx.catalog.state("CA"), List.of(id)));
            }
        }
        return out;
    }
}

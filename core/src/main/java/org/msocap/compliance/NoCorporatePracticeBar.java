package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Practice;

/** PROF-03: informational; Maryland has no corporate-practice bar for physical therapy (85 Op. Att'y Gen. 238). */
final class NoCorporatePracticeBar implements RulePredicate {

    static final String PHYSICAL_THERAPIST = "physical-therapist";

    @Override
    public String ruleId() {
        return "PROF-03";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            if (rule.coversState(practice.state()) && practice.profession().equals(PHYSICAL_THERAPIST)) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), "practice " + practice.id() + " provides physical "
                        + "therapy in " + practice.state() + ", where a lay-owned business may provide it through licensed "
                        + "physical therapists", ctx.catalog.state(practice.state()), List.of()));
            }
        }
        return out;
    }
}

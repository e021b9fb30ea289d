package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Practice;

/**
 * PROF-04: the research found no source on whether corporate-practice rules reach dietitians and nutritionists and
 * asks to flag them as info to verify; a practice of such a profession, or with such a shareholder, is reported.
 */
final class UncertainProfession implements RulePredicate {

    static final Set<String> UNCERTAIN = Set.of("dietitian", "nutritionist");

    @Override
    public String ruleId() {
        return "PROF-04";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            StateRules state = ctx.catalog.state(practice.state());
            List<String> who = new ArrayList<>();
            for (PracticeOwner o : PracticeOwner.of(ctx, practice, state)) {
                if (o.professions().stream().anyMatch(UNCERTAIN::contains) && !o.isOf(practice.profession())) {
                    who.add(o.id() + " (" + o.professionList() + ")");
                }
            }
            if (UNCERTAIN.contains(practice.profession()) || !who.isEmpty()) {
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), (UNCERTAIN.contains(practice.profession())
                        ? "practice " + practice.id() + " is a " + practice.profession() + " practice"
                        : String.join(", ", who) + " own " + practice.terms().units() + " of practice " + practice.id()) + " in " + state.name()
                        + "; the research found no source on whether corporate-practice rules reach dietitians and "
                        + "nutritionists there: verify", null, who.stream().map(w -> w.substring(0, w.indexOf(' '))).toList()));
            }
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Practice;

/**
 * PROF-02: a physical therapy, occupational therapy, chiropractic, psychology or acupuncture practice of a
 * single-profession kind (California physical therapy and acupuncture corporations; Colorado physical therapy and
 * chiropractic corporations; New York professional corporations, one profession each; Washington physical and
 * occupational therapists) with a shareholder outside its profession. A shareholder with no license in the state
 * at all is OWN-01's where OWN-01 reaches the state, and this rule's elsewhere.
 */
final class SingleProfessionOwnership implements RulePredicate {

    /** The professions the research's PROF-02 row names (PT, chiropractic, psychology, acupuncture; WA adds OT). */
    static final Set<String> PROFESSIONS = Set.of("physical-therapist", "occupational-therapist", "chiropractor", "psychologist",
            "acupuncturist");

    @Override
    public String ruleId() {
        return "PROF-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Rule licenseeOnly = ctx.catalog.rule("OWN-01");
        for (Practice practice : ctx.venture.practices()) {
            String profession = practice.profession();
            if (!rule.coversState(practice.state()) || !PROFESSIONS.contains(profession)) {
                continue;
            }
            StateRules state = ctx.catalog.state(practice.state());
            boolean singleProfession = (state.knowsCoOwners(profession) && state.coOwners().get(profession).isEmpty())
                    || state.exclusiveProfessions().contains(profession);
            if (!singleProfession) {
                continue;
            }
            for (PracticeOwner o : PracticeOwner.of(ctx, practice, state)) {
                if (o.isOf(profession) || (o.unlicensedThere() && licenseeOnly.coversState(practice.state()))) {
                    continue;
                }
                String who = o.unlicensedThere() ? o.id() + " (no active " + practice.state() + " license"
                        + ctx.licensedElsewhere(o.person()).replaceFirst("^ \\(", "; ") : o.id() + " (" + o.professionList() + ")";
                out.add(ctx.finding(rule, SubjectKind.PRACTICE, practice.id(), who + " holds " + o.share() + " of " + profession
                        + " practice " + practice.id() + "; in " + state.name() + " only " + profession + " licensees may own it",
                        state, List.of(o.id())));
            }
        }
        return out;
    }
}

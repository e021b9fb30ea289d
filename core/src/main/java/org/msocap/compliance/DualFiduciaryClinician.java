package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Person;
import org.msocap.model.Practice;

/**
 * COI-02: a clinician sits on both sides of the MSA: owner or director of the practice, and owner, director or
 * officer of the MSO. Recusal is not modeled, so each case asks the reviewer to confirm it; critical in Oregon
 * once SB 951 applies, unless the clinician's only tie to the MSO is a holding the reviewer found incidental (SB 951's
 * exception for physicians).
 */
final class DualFiduciaryClinician implements RulePredicate {

    @Override
    public String ruleId() {
        return "COI-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> equity = ctx.msoEquityHolders();
        for (Practice practice : ctx.venture.practices()) {
            if (ctx.managementAgreements(practice.id()).isEmpty()) {
                continue;
            }
            List<String> practiceSide = new ArrayList<>();
            practice.shareholders().forEach(s -> practiceSide.add(s.holder()));
            practice.directors().stream().filter(d -> !practiceSide.contains(d)).forEach(practiceSide::add);
            for (String id : practiceSide) {
                Person p = ctx.person(id);
                List<String> msoSide = new ArrayList<>(ctx.msoRoles(id));
                msoSide.remove("staff");
                if (equity.contains(id)) {
                    msoSide.add(0, "equity holder");
                }
                if (!ctx.isClinician(p) || msoSide.isEmpty()) {
                    continue;
                }
                List<String> practiceRoles = new ArrayList<>();
                if (practice.sharesOf(id) > 0) {
                    practiceRoles.add(practice.terms().owner());
                }
                if (practice.directors().contains(id)) {
                    practiceRoles.add("director");
                }
                List<String> entities = List.of(CheckOptions.MSO, practice.id());
                Set<String> conditions = ctx.holdsOnlyIncidentalMsoEquity(id) ? Set.of() : Set.of("sb-951-tie");
                Severity severity = ctx.severity(rule, practice.state(), conditions, entities);
                out.add(ctx.finding(rule, severity, SubjectKind.PERSON, id, id + " is " + String.join(" and ", practiceRoles)
                        + " of practice " + practice.id() + " and " + String.join(", ", msoSide) + " of the MSO; "
                        + "recusal from the MSA and independent approval are not modeled."
                        + (practice.state().equals("OR") && severity != rule.severity()
                        ? ctx.lawAssumption("OR-SB-951", entities) : "")
                        + (ctx.holdsOnlyIncidentalMsoEquity(id) && practice.state().equals("OR")
                        ? " The MSO holding is recorded as incidental (SB 951's exception), so not critical." : ""),
                        ctx.catalog.state(practice.state()), List.of(id)));
            }
        }
        return out;
    }
}

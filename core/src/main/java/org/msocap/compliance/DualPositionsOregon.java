package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.EquityTerms;
import org.msocap.model.Practice;

/**
 * CTRL-03: once Oregon SB 951 applies, the MSO's shareholders, directors, officers and employees may not serve as a
 * director or officer of a practice it manages. Exceptions: a physician's MSO holding that is incidental and without
 * relation to compensation ({@code incidentalMsoHolding}, the reviewer's finding); and HB 3410's for a physician who
 * is an MSO director or officer, if they own less than 25% of the practice, the practice owns less than 49% of the
 * MSO (practices hold no MSO equity in the model), they are not paid for the MSO role and MSO actions affecting
 * minority owners need a supermajority. The model sees only the first two, so such a case is reported as high (the
 * research rates the rule critical) with the two conditions to verify.
 */
final class DualPositionsOregon implements RulePredicate {

    static final BigFraction HB_3410_PRACTICE_LIMIT = new BigFraction(25, 100);

    @Override
    public String ruleId() {
        return "CTRL-03";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> equity = ctx.msoEquityHolders();
        StateRules oregon = ctx.catalog.state("OR");
        for (Practice practice : ctx.venture.practices()) {
            List<String> entities = List.of(CheckOptions.MSO, practice.id());
            if (!rule.coversState(practice.state()) || ctx.managementAgreements(practice.id()).isEmpty()
                    || !ctx.lawApplies(rule.law(), entities)) {
                continue;
            }
            Map<String, List<String>> practiceRoles = new LinkedHashMap<>();
            practice.directors().forEach(d -> practiceRoles.computeIfAbsent(d, k -> new ArrayList<>()).add("director"));
            practice.officers().forEach((role, id) -> practiceRoles.computeIfAbsent(id, k -> new ArrayList<>()).add(role));
            // An LLC's owners are its members: SB 951 reaches them the same way.
            boolean llc = EquityTerms.of(ctx.venture.mso()) == EquityTerms.LLC;
            String owner = llc ? "member" : "shareholder";
            String owners = "the MSO's " + (llc ? "members" : "shareholders");
            practiceRoles.forEach((id, roles) -> {
                List<String> msoRoles = ctx.msoRoles(id);
                boolean shareholder = equity.contains(id) && !ctx.hasIncidentalMsoHolding(id);
                if (msoRoles.isEmpty() && !shareholder) {
                    return;
                }
                List<String> msoSide = new ArrayList<>(msoRoles);
                if (shareholder) {
                    msoSide.add(0, owner);
                }
                BigFraction owned = new BigFraction(practice.sharesOf(id), practice.totalShares());
                boolean physician = ctx.professionsIn(ctx.person(id), "OR").contains(PhysicianMajorityAndOfficers.PHYSICIAN);
                String both = id + " is " + String.join(" and ", msoSide) + " of the MSO and " + String.join(" and ", roles)
                        + " of practice " + practice.id() + " (owns " + Percent.of(owned) + " of it)";
                String assumption = ctx.lawAssumption(rule.law(), entities);
                if (shareholder && msoRoles.isEmpty()) {
                    out.add(ctx.finding(rule, SubjectKind.PERSON, id, both + "; SB 951 bars " + owners + " from serving "
                            + "as the practice's directors or officers" + (physician ? ", unless the holding is incidental and "
                            + "without relation to compensation (verify, and record incidentalMsoHolding if so)" : "") + "."
                            + assumption, oregon, List.of(id), physician ? "shareholder" : null));
                    return;
                }
                boolean onlyBoardOrOffice = !msoRoles.contains("staff");
                if (physician && onlyBoardOrOffice && !shareholder && owned.compareTo(HB_3410_PRACTICE_LIMIT) < 0) {
                    out.add(ctx.finding(rule, Severity.HIGH, SubjectKind.PERSON, id, both + "; the HB 3410 exception applies "
                            + "only if all four conditions hold. Met: a physician owning under 25% of the practice; the practice "
                            + "owns none of the MSO (under 49%). Verify: (1) the MSO role is unpaid, and (2) MSO actions affecting "
                            + "minority owners need a supermajority. If either fails, SB 951 bars serving both (critical)."
                            + assumption, oregon, List.of(id), "exception"));
                } else {
                    String exception = !physician ? "not an Oregon-licensed physician"
                            : !onlyBoardOrOffice ? "MSO staff, not only a director or officer"
                            : shareholder && owned.compareTo(HB_3410_PRACTICE_LIMIT) < 0 ? "also an MSO " + owner + ", and SB 951 bars "
                            + owners + " unless the holding is incidental and without relation to compensation (verify)"
                            : "owns " + Percent.of(owned, HB_3410_PRACTICE_LIMIT) + " of the practice (limit: under 25%)";
                    out.add(ctx.finding(rule, SubjectKind.PERSON, id, both + "; SB 951 bars serving both, and the HB 3410 "
                            + "exception does not apply: " + exception + "." + assumption, oregon, List.of(id)));
                }
            });
        }
        return out;
    }
}

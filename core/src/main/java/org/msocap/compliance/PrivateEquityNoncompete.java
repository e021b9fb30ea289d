package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * CTRL-06: from 2026-01-01 (California SB 351), a management contract between a practice of physicians or
 * dentists in California and an MSO in which a private-equity group or hedge fund invests may not bind the
 * practice to a noncompete.
 */
final class PrivateEquityNoncompete implements RulePredicate {

    @Override
    public String ruleId() {
        return "CTRL-06";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<String> privateEquity = ctx.privateEquityInvestors();
        if (privateEquity.isEmpty()) {
            return out;
        }
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            boolean physicianOrDental = practice.profession().equals(PhysicianMajorityAndOfficers.PHYSICIAN)
                    || practice.profession().equals(DentalPracticeControl.DENTIST);
            if (!a.noncompete() || !rule.coversState(practice.state()) || !physicianOrDental
                    || !ctx.lawApplies(rule.law(), List.of(CheckOptions.MSO, practice.id()))) {
                continue;
            }
            out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " with " + practice.profession()
                    + " practice " + practice.id() + " (CA) has a noncompete, and private-equity investors ("
                    + String.join(", ", privateEquity) + ") hold MSO equity", ctx.catalog.state("CA"), privateEquity));
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * STARK-02: physicians who refer patients hold MSO equity while the MSO's fee varies with the revenue of a
 * practice that furnishes designated health services: a possible indirect compensation arrangement
 * (42 CFR 411.354(c)(2)) needing the exception of 411.357(p).
 */
final class IndirectCompensationDhs implements RulePredicate {

    /** Designated health services (42 U.S.C. 1395nn), as practice service ids. */
    static final Set<String> DESIGNATED_HEALTH_SERVICES = Set.of("lab", "imaging", "radiology", "physical-therapy",
            "occupational-therapy", "speech-language-pathology", "radiation-therapy", "dme", "parenteral-enteral",
            "prosthetics-orthotics", "home-health", "outpatient-prescription-drugs", "hospital-services");

    @Override
    public String ruleId() {
        return "STARK-02";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<String> physicians = ctx.msoEquityHolders().stream().filter(id -> ctx.person(id).refersPatients()
                && ctx.professionsAnywhere(ctx.person(id)).contains(PhysicianMajorityAndOfficers.PHYSICIAN)).toList();
        if (physicians.isEmpty()) {
            return out;
        }
        for (Practice practice : ctx.venture.practices()) {
            List<String> dhs = practice.services().stream().filter(DESIGNATED_HEALTH_SERVICES::contains).toList();
            if (dhs.isEmpty()) {
                continue;
            }
            for (Agreement a : ctx.managementAgreements(practice.id())) {
                if (Fees.variesWithRevenue(a.fee())) {
                    out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "referring physicians (" + String.join(", ", physicians)
                            + ") hold MSO equity, and agreement " + a.id() + " pays the MSO a " + Fees.describe(a.fee())
                            + " of practice " + practice.id() + ", which furnishes designated health services ("
                            + String.join(", ", dhs) + ")", null, physicians));
                }
            }
        }
        return out;
    }
}

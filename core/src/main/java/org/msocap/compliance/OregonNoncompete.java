package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableLine;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * CTRL-07: once Oregon SB 951 applies, a noncompete binding Oregon medical licensees (physicians, nurse
 * practitioners, physician assistants, naturopaths) is void unless an HB 3410 exception fits; the one the model
 * can see is ownership of at least 1.5% of the other party (the MSO, shares outstanding).
 */
final class OregonNoncompete implements RulePredicate {

    static final Set<String> MEDICAL_LICENSEES = Set.of("physician", "nurse-practitioner", "physician-assistant",
            "naturopathic-doctor");
    static final BigFraction OWNER_EXCEPTION = new BigFraction(15, 1000);

    @Override
    public String ruleId() {
        return "CTRL-07";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Map<String, BigFraction> msoOwnership = outstandingByHolder(ctx);
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            List<String> entities = List.of(CheckOptions.MSO, practice.id());
            if (!a.noncompete() || !rule.coversState(practice.state()) || !ctx.lawApplies(rule.law(), entities)) {
                continue;
            }
            Set<String> licensees = new LinkedHashSet<>();
            practice.shareholders().forEach(s -> licensees.add(s.holder()));
            licensees.addAll(practice.directors());
            licensees.addAll(practice.officers().values());
            List<String> bound = new ArrayList<>();
            for (String id : licensees) {
                Set<String> professions = ctx.professionsIn(ctx.person(id), "OR");
                if (professions.stream().noneMatch(MEDICAL_LICENSEES::contains)) {
                    continue;
                }
                BigFraction owned = msoOwnership.getOrDefault(id, BigFraction.ZERO);
                if (owned.compareTo(OWNER_EXCEPTION) < 0) {
                    bound.add(id + " (owns " + Percent.of(owned, OWNER_EXCEPTION) + " of the MSO)");
                }
            }
            if (!bound.isEmpty()) {
                out.add(ctx.finding(rule, SubjectKind.AGREEMENT, a.id(), "agreement " + a.id() + " has a noncompete reaching "
                        + "Oregon medical licensees of practice " + practice.id() + " who own less than 1.5% of the MSO: "
                        + String.join(", ", bound) + "; other HB 3410 exceptions (documented costs, no clinical care) are not modeled."
                        + ctx.lawAssumption(rule.law(), entities), ctx.catalog.state("OR"),
                        bound.stream().map(b -> b.substring(0, b.indexOf(' '))).toList()));
            }
        }
        return out;
    }

    private static Map<String, BigFraction> outstandingByHolder(CheckContext ctx) {
        Map<String, BigFraction> out = new java.util.HashMap<>();
        for (CapTableLine line : CapTable.of(ctx.venture).lines()) {
            if (!line.holder().isEmpty()) {
                out.merge(line.holder(), line.ofOutstanding(), BigFraction::add);
            }
        }
        return out;
    }
}

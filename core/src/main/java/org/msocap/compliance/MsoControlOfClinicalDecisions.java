package org.msocap.compliance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * CTRL-01: the MSA gives the MSO the final say ({@code msoControls}) over a decision that must stay with the
 * practice's licensees. Which decisions count depends on where and when: the rules table's list in every CPOM
 * state, the Medical Board of California's in California, SB 951's in Oregon once it applies, SB 351's in
 * California when a private-equity group or hedge fund invests, from 2026-01-01 (both raise it to critical).
 */
final class MsoControlOfClinicalDecisions implements RulePredicate {

    @Override
    public String ruleId() {
        return "CTRL-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<String> privateEquity = ctx.privateEquityInvestors();
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            String state = practice.state();
            if (!rule.coversState(state) || a.msoControls().isEmpty()) {
                continue;
            }
            List<String> entities = List.of(CheckOptions.MSO, practice.id());
            Set<String> lists = new HashSet<>(Set.of(Control.CPOM));
            if (state.equals("CA")) {
                lists.add(Control.CA_MBC);
                if (!privateEquity.isEmpty() && ctx.lawApplies("CA-SB-351", entities)) {
                    lists.add("CA-SB-351");
                }
            }
            if (state.equals("OR") && ctx.lawApplies("OR-SB-951", entities)) {
                lists.add("OR-SB-951");
            }
            List<String> flagged = new ArrayList<>();
            Set<String> conditions = new HashSet<>();
            for (String id : a.msoControls()) {
                Control control = ctx.catalog.controls().get(id);
                if (control == null || control.lists().stream().noneMatch(lists::contains)) {
                    continue;
                }
                flagged.add(id + " (" + control.title() + ")");
                if (lists.contains("OR-SB-951") && control.on("OR-SB-951")) {
                    conditions.add("sb-951-decision");
                }
                if (lists.contains("CA-SB-351") && control.on("CA-SB-351")) {
                    conditions.add("private-equity-sb-351-decision");
                }
            }
            if (flagged.isEmpty()) {
                continue;
            }
            StateRules st = ctx.catalog.state(state);
            String why = conditions.contains("private-equity-sb-351-decision")
                    ? "; private-equity investors (" + String.join(", ", privateEquity) + ") bring SB 351 into play" : "";
            out.add(ctx.finding(rule, ctx.severity(rule, state, conditions, entities), SubjectKind.AGREEMENT, a.id(),
                    "agreement " + a.id() + " gives the MSO the final say over " + String.join("; ", flagged) + " at practice "
                            + practice.id() + " (" + state + ")" + why + "." + (state.equals("OR")
                            ? ctx.lawAssumption("OR-SB-951", entities) : ""), st,
                    conditions.contains("private-equity-sb-351-decision") ? privateEquity : List.of()));
        }
        return out;
    }
}

package org.msocap.compliance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.msocap.model.Agreement;
import org.msocap.model.Practice;

/**
 * CTRL-01: the MSA gives the MSO the final say ({@code msoControls}) over a decision that must stay with the
 * practice's licensees, in every state, at the severity of the state's doctrine. Which decisions count depends on
 * where and when (the [control] sections of rules.catalog): clinical judgment everywhere (enforcement in weak and
 * no-doctrine states still turns on control of clinical practice); the rules table's list where a doctrine exists
 * (unverified states default to MODERATE); the Medical Board of California's in California; SB 951's in Oregon once
 * it applies; SB 351's in California when a private-equity group or hedge fund invests, from 2026-01-01. A decision
 * the research names only for another state is reported in a doctrine state at low confidence, to verify.
 * Dental practices in PROF-01's states are PROF-01's.
 */
final class MsoControlOfClinicalDecisions implements RulePredicate {

    static final String CLINICAL = "CLINICAL";
    static final Set<String> NO_DOCTRINE = Set.of("WEAK", "NONE");

    @Override
    public String ruleId() {
        return "CTRL-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<String> privateEquity = ctx.privateEquityInvestors();
        Rule dental = ctx.catalog.rule("PROF-01");
        for (Agreement a : ctx.venture.agreements()) {
            Practice practice = ctx.venture.practice(a.practice()).orElseThrow();
            String state = practice.state();
            if (!rule.coversState(state) || a.msoControls().isEmpty()
                    || (practice.profession().equals(DentalPracticeControl.DENTIST) && dental.coversState(state))) {
                continue;
            }
            StateRules st = ctx.catalog.state(state);
            boolean doctrine = !NO_DOCTRINE.contains(st.cpom());
            List<String> entities = List.of(CheckOptions.MSO, practice.id());
            Set<String> lists = new HashSet<>(Set.of(CLINICAL));
            if (doctrine) {
                lists.add(Control.CPOM);
            }
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
            List<String> toVerify = new ArrayList<>();
            Set<String> namedElsewhere = new TreeSet<>();
            Set<String> conditions = new HashSet<>();
            for (String id : a.msoControls()) {
                Control control = ctx.catalog.controls().get(id);
                if (control == null) {
                    continue;
                }
                if (control.lists().stream().anyMatch(lists::contains)) {
                    flagged.add(id + " (" + control.title() + ")");
                } else if (doctrine) {
                    toVerify.add(id + " (" + control.title() + ")");
                    namedElsewhere.addAll(control.lists());
                } else {
                    continue;
                }
                if (lists.contains("OR-SB-951") && control.on("OR-SB-951")) {
                    conditions.add("sb-951-decision");
                }
                if (lists.contains("CA-SB-351") && control.on("CA-SB-351")) {
                    conditions.add("private-equity-sb-351-decision");
                }
            }
            if (flagged.isEmpty() && toVerify.isEmpty()) {
                continue;
            }
            String why = conditions.contains("private-equity-sb-351-decision")
                    ? "; private-equity investors (" + String.join(", ", privateEquity) + ") bring SB 351 into play" : "";
            String doctrineText = st.name() + ", " + st.cpom() + " corporate-practice doctrine";
            String message = "agreement " + a.id() + " gives the MSO the final say over "
                    + String.join("; ", flagged.isEmpty() ? toVerify : flagged) + " at practice " + practice.id() + " ("
                    + doctrineText + ")" + why + "."
                    + (!flagged.isEmpty() && !toVerify.isEmpty() ? " Also over " + String.join("; ", toVerify) + "." : "")
                    + (toVerify.isEmpty() ? "" : " The research names " + (toVerify.size() == 1 ? "that decision" : "those decisions")
                    + " only under " + lists(namedElsewhere) + ": verify whether " + st.name() + " keeps "
                    + (toVerify.size() == 1 ? "it" : "them") + " with licensees.")
                    + (state.equals("OR") ? ctx.lawAssumption("OR-SB-951", entities) : "");
            Finding f = ctx.finding(rule, ctx.severity(rule, state, conditions, entities), SubjectKind.AGREEMENT, a.id(), message, st,
                    conditions.contains("private-equity-sb-351-decision") ? privateEquity : List.of());
            out.add(flagged.isEmpty() ? f.withConfidence(Confidence.LOW) : f);
        }
        return out;
    }

    private static String lists(Set<String> lists) {
        List<String> words = new ArrayList<>();
        for (String l : lists) {
            words.add(switch (l) {
                case "OR-SB-951" -> "Oregon SB 951";
                case "CA-SB-351" -> "California SB 351";
                case Control.CA_MBC -> "the Medical Board of California's guidance";
                default -> l;
            });
        }
        return String.join(" and ", new TreeSet<>(words));
    }
}

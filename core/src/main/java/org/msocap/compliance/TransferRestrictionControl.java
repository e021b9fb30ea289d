package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.msocap.model.Practice;

/**
 * CTRL-04: a stock transfer restriction that lets the MSO name who receives the practice's shares, or call them
 * at will; critical in Oregon once SB 951 applies (it bars MSOs from controlling transfers of practice shares).
 */
final class TransferRestrictionControl implements RulePredicate {

    @Override
    public String ruleId() {
        return "CTRL-04";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Practice practice : ctx.venture.practices()) {
            Practice.TransferRestriction tr = practice.transferRestriction();
            if (!rule.coversState(practice.state()) || tr == null || !(tr.msoDesignatesTransferee() || tr.callRightAtWill())) {
                continue;
            }
            List<String> entities = List.of(CheckOptions.MSO, practice.id());
            List<String> terms = new ArrayList<>();
            if (tr.msoDesignatesTransferee()) {
                terms.add("the MSO designates who receives the " + practice.terms().units());
            }
            if (tr.callRightAtWill()) {
                terms.add("the MSO may call the " + practice.terms().units() + " at will");
            }
            if (tr.nominalPrice() != null) {
                terms.add("for a nominal price of " + tr.nominalPrice().grouped());
            }
            Severity severity = ctx.severity(rule, practice.state(), Set.of(), entities);
            out.add(ctx.finding(rule, severity, SubjectKind.PRACTICE, practice.id(), "the transfer restriction on practice "
                    + practice.id() + "'s " + practice.terms().units() + " says " + String.join(", ", terms) + " (" + practice.state() + ")."
                    + (practice.state().equals("OR") ? ctx.lawAssumption("OR-SB-951", entities) : ""),
                    ctx.catalog.state(practice.state()), practice.shareholders().stream()
                            .map(Practice.Shareholding::holder).toList()));
        }
        return out;
    }
}

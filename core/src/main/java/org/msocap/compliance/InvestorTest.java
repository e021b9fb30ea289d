package org.msocap.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.ShareClass;
import org.msocap.money.Fractions;
import org.msocap.money.Rounding;

/**
 * AKS-01, the 60/40 investor test of 42 CFR 1001.952(a)(2)(i): per class, investors in a position to refer
 * ({@code refersPatients}) may hold at most 40% of the investment interests. Within one class value is
 * proportional to shares, so the test compares issued shares; exactly 40% passes. Investment interests include debt
 * (the safe harbor protects interest income as a return on an investment interest), so the MSO's convertible notes are
 * one more class, valued at principal.
 */
final class InvestorTest implements RulePredicate {

    static final BigFraction LIMIT = new BigFraction(40, 100);

    @Override
    public String ruleId() {
        return "AKS-01";
    }

    @Override
    public List<Finding> evaluate(Rule rule, CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ShareClass cls : ctx.venture.mso().classes()) {
            long total = 0;
            Map<String, Long> referring = new LinkedHashMap<>();
            for (Holding h : ctx.venture.mso().holdings()) {
                if (!h.shareClass().equals(cls.id())) {
                    continue;
                }
                total += h.shares();
                if (ctx.person(h.holder()).refersPatients()) {
                    referring.merge(h.holder(), h.shares(), Long::sum);
                }
            }
            if (total == 0 || referring.isEmpty()) {
                continue;
            }
            BigFraction fraction = new BigFraction(referring.values().stream().mapToLong(Long::longValue).sum(), total);
            if (fraction.compareTo(LIMIT) > 0) {
                boolean allClinicians = referring.keySet().stream().map(ctx::person).allMatch(ctx::isClinician);
                List<String> who = new ArrayList<>(referring.keySet());
                out.add(ctx.finding(rule, SubjectKind.CLASS, cls.id(), (allClinicians ? "clinician investors who refer"
                        : "investors in a position to refer") + " (" + String.join(", ", who) + ") hold "
                        + Percent.of(fraction, LIMIT) + " of class " + cls.id() + "; the safe-harbor limit is 40%", null, who));
            }
        }
        Map<String, BigFraction> notes = new LinkedHashMap<>();
        BigFraction principal = BigFraction.ZERO;
        for (ConvertibleNote n : ctx.venture.mso().notes()) {
            principal = principal.add(Fractions.of(n.principal()));
            if (ctx.person(n.holder()).refersPatients()) {
                notes.merge(n.holder(), Fractions.of(n.principal()), BigFraction::add);
            }
        }
        if (!notes.isEmpty() && principal.compareTo(BigFraction.ZERO) > 0) {
            BigFraction referring = notes.values().stream().reduce(BigFraction.ZERO, BigFraction::add);
            BigFraction fraction = referring.divide(principal);
            if (fraction.compareTo(LIMIT) > 0) {
                List<String> who = new ArrayList<>(notes.keySet());
                out.add(ctx.finding(rule, SubjectKind.CLASS, NOTES, "investors in a position to refer (" + String.join(", ", who)
                        + ") hold " + Rounding.toCents(referring).grouped() + " of the " + Rounding.toCents(principal).grouped()
                        + " principal of the MSO's convertible notes (" + Percent.of(fraction, LIMIT) + "); debt is an "
                        + "investment interest, and the safe-harbor limit is 40% of each class", null, who));
            }
        }
        return out;
    }

    /** The subject id of the notes' finding: debt taken as one class of investment interest. */
    static final String NOTES = "convertible-notes";
}

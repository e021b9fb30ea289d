package org.msocap.compliance;

import java.util.List;

/** The test of one rule; its data (severity, citation, dates) comes from the {@link RuleCatalog}. Stateless. */
interface RulePredicate {

    /** The research's rule id, e.g. {@code AKS-01}. */
    String ruleId();

    /** The findings for this rule; empty when the venture passes or the rule does not reach it. */
    List<Finding> evaluate(Rule rule, CheckContext ctx);
}

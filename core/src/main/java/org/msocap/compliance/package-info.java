/**
 * Compliance and conflict-of-interest checks, with citations. msocap is a modeling tool, not legal advice.
 *
 * <p>The rules are data: {@code rules.catalog} (the research's rules table with ids, severities, jurisdictions,
 * dated laws, citations with source addresses, confidence and remediation) and {@code states.catalog} (the
 * research's state table), both beside this package's classes and read by {@link org.msocap.compliance.RuleCatalog}.
 * Each checked rule has one small predicate class; rules the model has no inputs for carry the reason and are
 * listed in {@code NOT-CHECKED.md}.
 *
 * <p>Entry point: {@link org.msocap.compliance.ComplianceChecker#DEFAULT}{@code .check(venture, asOf, fees)} returns a
 * {@link org.msocap.compliance.ComplianceReport}: findings (values, most severe first), the conflict-of-interest
 * view of clinicians holding MSO equity, and the rules not checked. Fee measures come from the fee projection
 * ({@link org.msocap.compliance.FeeMetricsSource}) when wired, else from the financials section.
 */
package org.msocap.compliance;

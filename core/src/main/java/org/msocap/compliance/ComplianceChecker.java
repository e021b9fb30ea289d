package org.msocap.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.msocap.model.Venture;

/**
 * Checks a venture against the research's rules and reports findings with citations. Stateless: the rules
 * are data ({@link RuleCatalog}), each evaluated by one small predicate.
 *
 * <pre>
 * ComplianceReport report = ComplianceChecker.DEFAULT.check(venture, venture.asOf(), FeeMetricsSource.NONE);
 * </pre>
 */
public final class ComplianceChecker {

    /** The shipped catalog with every implemented rule. */
    public static final ComplianceChecker DEFAULT = new ComplianceChecker(RuleCatalog.DEFAULT, List.of(
            new ShareholderProfessionNotEligible(),
            new PhysicianMajorityAndOfficers(),
            new CaliforniaLicenseeMix(),
            new ProfessionCombinationNotPermitted(),
            new IneligibleDirectorOrOfficer(),
            new MsoControlOfClinicalDecisions(),
            new MsoAffiliatesMajority(),
            new DualPositionsOregon(),
            new TransferRestrictionControl(),
            new NomineeOwnerPattern(),
            new PrivateEquityNoncompete(),
            new OregonNoncompete(),
            new PercentFeeBarred(),
            new PercentFeeWithMarketing(),
            new ResidualProfitSweep(),
            new PercentFeeWithoutFmv(),
            new FairMarketValueSupport(),
            new PersonalServicesSafeHarborForm(),
            new InvestorTest(),
            new RevenueTest(),
            new ReferralInvestorTerms(),
            new IndirectCompensationDhs(),
            new ReferringClinicianInvestor(),
            new DualFiduciaryClinician(),
            new ClinicianEquityBelowPrice(),
            TransactionNotice.massachusetts(),
            TransactionNotice.california(),
            new DentalPracticeControl(),
            new SingleProfessionOwnership(),
            new NoCorporatePracticeBar(),
            new LicenseRenewalNotRecorded(),
            new RecapPriceAboveIssuePrice(),
            new UncertainProfession()));

    private final RuleCatalog catalog;
    private final Map<String, RulePredicate> predicates = new LinkedHashMap<>();

    ComplianceChecker(RuleCatalog catalog, List<RulePredicate> predicates) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        for (RulePredicate p : predicates) {
            Rule rule = catalog.rule(p.ruleId());
            if (!rule.isChecked()) {
                throw new IllegalArgumentException("rule " + rule.id() + " has a predicate but the catalog says it is not checked");
            }
            if (this.predicates.put(p.ruleId(), p) != null) {
                throw new IllegalArgumentException("two predicates for rule " + p.ruleId());
            }
        }
        for (Rule rule : catalog.rules().values()) {
            if (rule.isChecked() && !this.predicates.containsKey(rule.id())) {
                throw new IllegalArgumentException("rule " + rule.id() + " has no predicate and no notChecked reason");
            }
        }
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** Checks as of the venture's own {@code asOf}, without a fee projection. */
    public ComplianceReport check(Venture venture) {
        return check(venture, venture.asOf(), FeeMetricsSource.NONE);
    }

    /**
     * Checks as of {@code asOf}: license status, effective dates and grace periods are judged on that day, ownership on
     * {@code venture} as given. With deal events, pass the venture in force on {@code asOf} (the deal package's
     * {@code Timeline.of(venture).at(asOf)}), as the check command does.
     */
    public ComplianceReport check(Venture venture, LocalDate asOf, FeeMetricsSource fees) {
        return check(venture, asOf, fees, CheckOptions.NONE);
    }

    public ComplianceReport check(Venture venture, LocalDate asOf, FeeMetricsSource fees, CheckOptions options) {
        Objects.requireNonNull(venture, "venture");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(options, "options");
        CheckContext ctx = new CheckContext(venture, asOf, catalog, options, fees.metrics(venture));
        List<Finding> findings = new ArrayList<>();
        predicates.forEach((id, predicate) -> {
            Rule rule = catalog.rule(id);
            if (rule.inForceOn(asOf)) {
                findings.addAll(predicate.evaluate(rule, ctx));
            }
        });
        findings.sort(Finding.ORDER);
        return new ComplianceReport(venture.name(), asOf, findings, ConflictView.of(ctx, findings), catalog.notChecked());
    }
}

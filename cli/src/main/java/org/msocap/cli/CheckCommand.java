package org.msocap.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.msocap.compliance.ClinicianConflict;
import org.msocap.compliance.ComplianceChecker;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.FeeMetricsSource;
import org.msocap.compliance.Finding;
import org.msocap.compliance.Rule;
import org.msocap.compliance.Severity;
import org.msocap.deal.Timeline;
import org.msocap.model.Venture;
import org.msocap.model.Shown;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Compliance findings with citations: CPOM, ownership, fees, AKS, Stark, conflicts.",
        description = {"Check the structure against corporate-practice, ownership, fee-splitting, Anti-Kickback, Stark, "
                + "conflict-of-interest and transaction-notice rules, with citations. Findings are grouped by severity.",
                "Exit code 4 when any finding is at or above --fail-on.",
                "msocap is a modeling tool, not legal advice."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--as-of", paramLabel = "DATE",
            converter = IsoDate.class,
            description = "Judge licenses, effective dates and MSO ownership on this day (YYYY-MM-DD); default: the model's asOf. "
                    + "Ownership is the cap table in force then, after the deal events up to it; before asOf, the one written. "
                    + "A practice owner's license expiring before then is a finding (LIC-01: renewal not recorded), not an error.")
    LocalDate asOf;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "critical", converter = SeverityConverter.class,
            description = "Exit with code 4 when a finding is at or above this severity: info, low, medium, high, critical "
                    + "(default: ${DEFAULT-VALUE}).")
    Severity failOn = Severity.CRITICAL;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture written = input.read();
        // The model's invariants hold on its asOf. Checked at a later date, a license the model records as expiring in
        // between is taken as renewed and reported (LIC-01), so a founder can check the structure at an exit date.
        LocalDate date = asOf == null ? written.asOf() : asOf;
        // Ownership is judged on the MSO in force on the check date, after the deal events up to it (a recap changes who
        // owns the MSO); the practices and agreements are as written. Before asOf the model knows no other cap table:
        // the check still judges laws' effective dates and licenses on that day, and says whose cap table it used.
        Timeline timeline = Timeline.of(written);
        Venture venture = timeline.at(date);
        String ownership = ownership(timeline, written, date);
        // The fee projection (org.msocap.fees) is not wired yet: fee measures come from the financials section.
        ComplianceReport report = ComplianceChecker.DEFAULT.check(venture, date, FeeMetricsSource.PROJECTION);
        switch (output.format()) {
            case TABLE -> printText(report, ownership);
            case JSON -> Output.print(spec.commandLine().getOut(), output.format(), List.of(), () -> json(report, ownership));
            case CSV -> {
                // Titles always, even for one table: the findings table's title carries the not-legal-advice statement.
                var out = spec.commandLine().getOut();
                if (ownership != null) {
                    out.println("# " + Shown.escape(ownership));
                }
                for (Table t : tables(report)) {
                    out.println("# " + t.title());
                    t.printCsv(out, true);
                }
                out.flush();
            }
        }
        return report.hasAtOrAbove(failOn) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * Which MSO cap table the ownership findings and the clinician table describe, when it is not simply the one written
     * for the check date: one after deal events, or the asOf table for a check date before asOf. Null otherwise.
     */
    private static String ownership(Timeline timeline, Venture written, LocalDate date) {
        if (date.isBefore(written.asOf())) {
            return "MSO ownership: the cap table as written on asOf (" + written.asOf() + "); the model does not know it before "
                    + "then.";
        }
        if (!timeline.changesBy(date)) {
            return null;
        }
        String events = timeline.applied().stream().filter(a -> !a.event().date().isAfter(date))
                .map(a -> a.event().name() + " (" + a.event().date() + ")").collect(Collectors.joining(", "));
        return "MSO ownership: the cap table in force on " + date + ", after " + events + ".";
    }

    private void printText(ComplianceReport report, String ownership) {
        var out = spec.commandLine().getOut();
        out.println(Shown.escape(report.venture()) + " — compliance check as of " + report.asOf());
        out.println(ComplianceReport.NOT_LEGAL_ADVICE);
        if (ownership != null) {
            out.println(Shown.escape(ownership));
        }
        if (report.findings().isEmpty()) {
            out.println();
            out.println("No findings.");
        }
        report.bySeverity().forEach((severity, findings) -> {
            out.println();
            out.println(severity.id().toUpperCase() + " (" + findings.size() + ")");
            for (Finding f : findings) {
                out.println("  " + f.ruleId() + "  " + f.subjectKind().id() + " " + Shown.escape(f.subjectId()) + "  [confidence "
                        + f.confidence().code() + "]  " + f.title());
                out.println("      " + Shown.escape(f.message()));
                out.println("      cite: " + f.citation());
                out.println("      fix:  " + f.remediation());
            }
        });
        if (!report.conflicts().isEmpty()) {
            out.println();
            conflictsTable(report).printText(out);
        }
        out.println();
        out.println("Not checked (the model lacks their inputs): " + report.notChecked().stream().map(Rule::id)
                .collect(Collectors.joining(", ")));
        out.println(summary(report));
        out.flush();
    }

    private String summary(ComplianceReport report) {
        String counts = report.bySeverity().entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey().id())
                .collect(Collectors.joining(", "));
        int failing = report.atOrAbove(failOn).size();
        return "Result: " + (counts.isEmpty() ? "no findings" : counts) + "; " + failing + " at or above " + failOn.id()
                + (failing > 0 ? " (exit code 4)" : "");
    }

    private static List<Table> tables(ComplianceReport report) {
        Table findings = new Table("Findings — " + report.venture() + " as of " + report.asOf() + " ("
                + ComplianceReport.NOT_LEGAL_ADVICE + ")")
                .left("severity").left("rule").left("subject kind").left("subject").left("title").left("message")
                .left("citation").left("source").left("remediation").left("confidence");
        for (Finding f : report.findings()) {
            findings.row(f.severity().id(), f.ruleId(), f.subjectKind().id(), f.subjectId(), f.title(), f.message(),
                    f.citation().text(), f.citation().urls().isEmpty() ? "" : f.citation().urls().get(0), f.remediation(),
                    f.confidence().code());
        }
        List<Table> tables = new ArrayList<>(List.of(findings));
        if (!report.conflicts().isEmpty()) {
            tables.add(conflictsTable(report));
        }
        return tables;
    }

    private static Table conflictsTable(ComplianceReport report) {
        Table t = new Table("Clinicians holding MSO equity").left("person").left("licenses").left("refers").left("holds")
                .right("% fully diluted").left("MSO roles").left("practice roles").left("findings");
        for (ClinicianConflict c : report.conflicts()) {
            t.row(c.personId(), String.join(", ", c.professions()), c.refersPatients() ? "yes" : "no", holds(c),
                    Formats.percent(c.fullyDiluted()), String.join(", ", c.msoRoles()), String.join(", ", c.practiceRoles()),
                    c.findings().stream().map(s -> s.substring(0, s.indexOf(':'))).collect(Collectors.joining(", ")));
        }
        return t;
    }

    private static String holds(ClinicianConflict c) {
        return c.positions().stream().map(p -> switch (p.security()) {
            case "shares" -> Formats.count(p.shares()) + " " + p.shareClass() + " (" + Formats.percent(p.ofClass()) + " of class)";
            case "options", "warrants" -> Formats.count(p.shares()) + " " + p.security();
            default -> p.security() + " " + Formats.money(p.amount());
        }).collect(Collectors.joining("; "));
    }

    private static Object json(ComplianceReport report, String ownership) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", report.venture());
        root.put("asOf", report.asOf().toString());
        if (ownership != null) {
            root.put("ownership", ownership);
        }
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("title", f.title());
            m.put("severity", f.severity().id());
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("kind", f.subjectKind().id());
            subject.put("id", f.subjectId());
            m.put("subject", subject);
            m.put("message", f.message());
            m.put("citation", f.citation().text());
            m.put("sources", f.citation().urls());
            m.put("remediation", f.remediation());
            m.put("confidence", f.confidence().code());
            m.put("involves", f.involves());
            findings.add(m);
        }
        root.put("findings", findings);
        List<Object> conflicts = new ArrayList<>();
        for (ClinicianConflict c : report.conflicts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person", c.personId());
            m.put("name", c.name());
            m.put("professions", c.professions());
            m.put("refersPatients", c.refersPatients());
            List<Object> positions = new ArrayList<>();
            for (ClinicianConflict.Position p : c.positions()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("security", p.security());
                pm.put("class", p.shareClass().isEmpty() ? null : p.shareClass());
                pm.put("shares", p.shares());
                pm.put("ofClass", Formats.decimal(p.ofClass()));
                pm.put("amount", p.amount().toString());
                positions.add(pm);
            }
            m.put("positions", positions);
            m.put("ofFullyDiluted", Formats.decimal(c.fullyDiluted()));
            m.put("msoRoles", c.msoRoles());
            m.put("practiceRoles", c.practiceRoles());
            m.put("findings", c.findings());
            conflicts.add(m);
        }
        root.put("conflicts", conflicts);
        List<Object> notChecked = new ArrayList<>();
        for (Rule r : report.notChecked()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.id());
            m.put("reason", r.notChecked());
            notChecked.add(m);
        }
        root.put("notChecked", notChecked);
        root.put("disclaimer", ComplianceReport.NOT_LEGAL_ADVICE);
        return root;
    }

    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

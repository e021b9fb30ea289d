package org.msocap.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.msocap.deal.DealExit;
import org.msocap.deal.Timeline;
import org.msocap.fees.BasisComparison;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.FeeModel;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.MsoPeriod;
import org.msocap.fees.Period;
import org.msocap.fees.PracticeFeeMetrics;
import org.msocap.fees.PracticePeriod;
import org.msocap.fees.PracticeProjection;
import org.msocap.fees.Projection;
import org.msocap.fees.TrailingTwelveMonths;
import org.msocap.fees.Valuator;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Venture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fees", mixinStandardHelpOptions = true,
        header = "Project collections, fees, practice margins and MSO EBITDA; compare fee bases.",
        description = {"Project each practice's collections, clinician compensation, costs, management fee and margin, and the MSO's "
                + "revenue, costs and EBITDA, over financials.years from financials.start; value the exit scenarios.",
                "Amounts are exact to the cent: annual figures are split into months that add up, and quarters and years are sums "
                        + "of months."})
public final class FeesCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Option(names = "--period", defaultValue = "year", paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "Length of each row: month, quarter or year (default: ${DEFAULT-VALUE}).")
    Period period = Period.YEAR;

    @Option(names = "--compare-bases",
            description = "Also show, for each practice, what every fee basis would pay the MSO and leave the practice.")
    boolean compareBases;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture venture = input.read();
        if (venture.financials() == null) {
            // A valid model (every section but the MSO's is optional): this command just has nothing to work on.
            throw new UserException("nothing to project: the file has no financials: section (start, years, practices, mso), "
                    + "which fees projects collections and the management fee from", ExitCode.USAGE);
        }
        Projection projection = FeeProjector.DEFAULT.project(venture, period);
        List<ExitValuation> valuations = valuations(venture);
        valuations.forEach(v -> ProjectionWindow.warn(spec.commandLine().getErr(), v));
        List<BasisComparison> comparisons = compareBases ? FeeProjector.DEFAULT.compareBases(FeeModel.resolve(venture)) : List.of();
        List<Table> tables = new ArrayList<>();
        ClassNames names = new ClassNames(venture);
        tables.add(msoTable(venture, projection));
        for (PracticeProjection p : projection.practices()) {
            tables.add(practiceTable(p, names));
        }
        tables.add(metricsTable(projection, names));
        if (!valuations.isEmpty()) {
            tables.add(valuationTable(valuations));
        }
        for (BasisComparison c : comparisons) {
            tables.add(comparisonTable(c, names));
        }
        Output.print(spec.commandLine().getOut(), output.format(), tables, () -> json(venture, projection, valuations, comparisons));
        return ExitCode.OK;
    }

    private Table msoTable(Venture venture, Projection projection) {
        Table t = new Table(venture.name() + " — MSO by " + period.id() + " (" + venture.currency() + ")")
                .left(period.id()).right("revenue (fees)").right("costs").right("EBITDA");
        for (MsoPeriod row : projection.mso()) {
            t.row(row.period().label(), Formats.money(row.revenue()), Formats.money(row.costs()), Formats.money(row.ebitda()));
        }
        MsoPeriod total = projection.msoTotal();
        t.rule().row("total", Formats.money(total.revenue()), Formats.money(total.costs()), Formats.money(total.ebitda()));
        return t;
    }

    private Table practiceTable(PracticeProjection p, ClassNames names) {
        Table t = new Table("Practice " + names.practice(p.practiceId()) + " under its " + lowerFirst(names.agreementKind(p.agreementId()))
                + " (" + describe(p.terms()) + ")")
                .left(period.id()).right("collections").right("clinician comp").right("practice costs").right("fee")
                .right("practice margin").right("investor-referred");
        for (PracticePeriod row : p.rows()) {
            practiceRow(t, row.period().label(), row);
        }
        practiceRow(t.rule(), "total", p.total());
        return t;
    }

    private static void practiceRow(Table t, String label, PracticePeriod row) {
        t.row(label, Formats.money(row.collections()), Formats.money(row.clinicianCompensation()), Formats.money(row.practiceCosts()),
                Formats.money(row.fee()), Formats.money(row.practiceMargin()), Formats.money(row.investorReferredRevenue()));
    }

    private Table metricsTable(Projection projection, ClassNames names) {
        Table t = new Table("Fee measures over the projection").left("practice").left("agreement").left("basis")
                .right("fee").right("profit before fee").right("fee % of profit").right("fee % of collections")
                .right(period.id() + "s at a loss").right("investor-referred %");
        for (int i = 0; i < projection.practices().size(); i++) {
            PracticeFeeMetrics m = projection.metrics().get(i);
            t.row(names.practiceCell(m.practiceId()), new Table.Cell(names.agreementKind(m.agreementId()), m.agreementId()), projection.practices().get(i).terms().basis().id(),
                    Formats.money(m.fee()),
                    Formats.money(m.profitBeforeFee()), Formats.percent(m.feeShareOfProfitExact()),
                    Formats.percent(m.feeShareOfCollectionsExact()), m.lossPeriods() + " of " + m.periods(),
                    Formats.percent(m.investorReferredShareExact()));
        }
        return t;
    }

    /**
     * Each exit valued on the venture in force at its date, as {@code waterfall} values it: after a recap its net debt is
     * the new debt's balance by its schedule, not the net debt written in financials.
     */
    private static List<ExitValuation> valuations(Venture venture) {
        if (venture.events().isEmpty()) {
            return Valuator.DEFAULT.valueAll(venture);
        }
        Timeline timeline = Timeline.of(venture);
        List<ExitValuation> out = new ArrayList<>();
        for (ExitScenario e : venture.exits()) {
            LocalDate when = e.date() != null ? e.date() : venture.asOf();
            out.add(DealExit.of(timeline.at(when), timeline.recapsBy(when), e).valuation());
        }
        return out;
    }

    private static Table valuationTable(List<ExitValuation> valuations) {
        Table t = new Table("Exit valuations (enterprise value less net debt; the waterfall deducts costs, carve-outs and escrow)")
                .left("scenario").left("date").left("method").right("TTM revenue").right("TTM collections").right("TTM EBITDA")
                .right("multiple").right("enterprise value").right("net debt").right("equity value").left("projection");
        for (ExitValuation v : valuations) {
            t.row(v.scenario().name(), v.date(), v.method().id(), v.ttmRevenue().map(Formats::money).orElse(""),
                    v.trailingTwelveMonths().map(ttm -> Formats.money(ttm.platformCollections())).orElse(""),
                    v.ttmEbitda().map(Formats::money).orElse(""), multiple(v), Formats.money(v.enterpriseValue()),
                    Formats.money(v.netDebt()), Formats.money(v.equityValue()),
                    v.extendedBeyondProjection() ? "extended past " + v.trailing().projectionEnd() + " at the same growth" : "");
        }
        return t;
    }

    /** "Management services agreement" as it reads inside a sentence. */
    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Table comparisonTable(BasisComparison c, ClassNames names) {
        Table t = new Table("Fee bases for " + names.practice(c.practiceId()) + " over the projection ("
                + lowerFirst(names.agreementKind(c.agreementId())) + ": "
                + describe(c.agreed()) + ")")
                .left("basis").left("parameters").left("source").right("fee to MSO").right("left to practice")
                .right("fee % of profit").right("months at a loss").right("MSO EBITDA");
        for (BasisComparison.Alternative a : c.alternatives()) {
            t.row(a.terms().basis().id(), describe(a.terms()), a.source().id(), Formats.money(a.feeToMso()),
                    Formats.money(a.leftToPractice()), Formats.percent(a.metrics().feeShareOfProfitExact()),
                    a.metrics().lossPeriods(), Formats.money(a.msoEbitda()));
        }
        return t;
    }

    /** The fee terms in words: {@code 85,000.00/month +3%/yr}, {@code 35% of collections}, {@code cost × 1.1}. */
    static String describe(FeeTerms terms) {
        String fixed = Formats.money(terms.monthly()) + "/month"
                + (terms.escalator().signum() == 0 ? "" : " " + signed(terms.escalator()) + "/yr");
        return switch (terms.basis()) {
            case FIXED -> fixed;
            case PERCENT_OF_COLLECTIONS -> percent(terms.percent()) + " of collections";
            case PERCENT_OF_NET -> percent(terms.percent()) + " of net";
            case COST_PLUS -> "cost × " + Formats.decimal(BigDecimal.ONE.add(terms.markup()));
            case HYBRID -> fixed + " + " + percent(terms.percent()) + " of collections";
            case RESIDUAL -> "what is left after clinician comp and practice costs";
        };
    }

    private static String percent(BigDecimal fraction) {
        return Formats.decimal(fraction.movePointRight(2)) + "%";
    }

    private static String signed(BigDecimal fraction) {
        return (fraction.signum() > 0 ? "+" : "") + percent(fraction);
    }

    private static String multiple(ExitValuation v) {
        return switch (v.method()) {
            case GIVEN -> "";
            case EBITDA_MULTIPLE -> Formats.decimal(v.scenario().ebitdaMultiple()) + "× EBITDA";
            case REVENUE_MULTIPLE -> Formats.decimal(v.scenario().revenueMultiple()) + "× " + v.scenario().revenueBasis().id()
                    + " revenue";
        };
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    private Object json(Venture venture, Projection projection, List<ExitValuation> valuations, List<BasisComparison> comparisons) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("venture", venture.name());
        root.put("currency", venture.currency());
        root.put("period", period.id());
        root.put("start", projection.start().toString());
        List<Object> mso = new ArrayList<>();
        for (MsoPeriod row : projection.mso()) {
            Map<String, Object> m = periodJson(row.period().label(), row.period().start(), row.period().end());
            m.put("revenue", row.revenue().toString());
            m.put("costs", row.costs().toString());
            m.put("ebitda", row.ebitda().toString());
            mso.add(m);
        }
        root.put("mso", mso);
        List<Object> practices = new ArrayList<>();
        for (int i = 0; i < projection.practices().size(); i++) {
            PracticeProjection p = projection.practices().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.practiceId());
            m.put("agreement", p.agreementId());
            m.put("fee", termsJson(p.terms()));
            List<Object> rows = new ArrayList<>();
            for (PracticePeriod row : p.rows()) {
                rows.add(rowJson(row));
            }
            m.put("rows", rows);
            m.put("total", rowJson(p.total()));
            m.put("metrics", metricsJson(projection.metrics().get(i)));
            practices.add(m);
        }
        root.put("practices", practices);
        List<Object> exits = new ArrayList<>();
        for (ExitValuation v : valuations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.scenario().name());
            m.put("date", v.date().toString());
            m.put("method", v.method().id());
            if (v.scenario().revenueBasis() != null) {
                m.put("revenueBasis", v.scenario().revenueBasis().id());
            }
            m.put("basis", v.basis());
            m.put("extendedBeyondProjection", v.extendedBeyondProjection());
            m.put("enterpriseValue", v.enterpriseValue().toString());
            m.put("netDebt", v.netDebt().toString());
            m.put("equityValue", v.equityValue().toString());
            TrailingTwelveMonths ttm = v.trailing();
            if (ttm != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("from", ttm.from().toString());
                t.put("to", ttm.to().toString());
                t.put("revenue", ttm.revenue().toString());
                t.put("costs", ttm.costs().toString());
                t.put("ebitda", ttm.ebitda().toString());
                t.put("platformCollections", ttm.platformCollections().toString());
                t.put("projectionEnd", ttm.projectionEnd().toString());
                m.put("trailingTwelveMonths", t);
            }
            exits.add(m);
        }
        root.put("exits", exits);
        if (!comparisons.isEmpty()) {
            List<Object> cs = new ArrayList<>();
            for (BasisComparison c : comparisons) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("practice", c.practiceId());
                m.put("agreement", c.agreementId());
                List<Object> alternatives = new ArrayList<>();
                for (BasisComparison.Alternative a : c.alternatives()) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("fee", termsJson(a.terms()));
                    am.put("source", a.source().id());
                    am.put("feeToMso", a.feeToMso().toString());
                    am.put("leftToPractice", a.leftToPractice().toString());
                    am.put("msoEbitda", a.msoEbitda().toString());
                    am.put("metrics", metricsJson(a.metrics()));
                    alternatives.add(am);
                }
                m.put("alternatives", alternatives);
                cs.add(m);
            }
            root.put("basisComparisons", cs);
        }
        root.put("disclaimer", Output.NOT_LEGAL_ADVICE);
        return root;
    }

    private static Map<String, Object> periodJson(String label, LocalDate start, LocalDate end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", label);
        m.put("start", start.toString());
        m.put("end", end.toString());
        return m;
    }

    private static Map<String, Object> rowJson(PracticePeriod row) {
        Map<String, Object> m = periodJson(row.period().label(), row.period().start(), row.period().end());
        m.put("collections", row.collections().toString());
        m.put("clinicianCompensation", row.clinicianCompensation().toString());
        m.put("practiceCosts", row.practiceCosts().toString());
        m.put("fee", row.fee().toString());
        m.put("practiceMargin", row.practiceMargin().toString());
        m.put("msoCostAllocated", row.msoCostAllocated().toString());
        m.put("investorReferredRevenue", row.investorReferredRevenue().toString());
        return m;
    }

    private static Map<String, Object> termsJson(FeeTerms terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("basis", terms.basis().id());
        m.put("monthly", terms.monthly().toString());
        m.put("escalator", Formats.decimal(terms.escalator()));
        m.put("percent", Formats.decimal(terms.percent()));
        m.put("markup", Formats.decimal(terms.markup()));
        return m;
    }

    private static Map<String, Object> metricsJson(PracticeFeeMetrics metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collections", metrics.collections().toString());
        m.put("fee", metrics.fee().toString());
        m.put("profitBeforeFee", metrics.profitBeforeFee().toString());
        m.put("feeShareOfProfit", Formats.decimal(metrics.feeShareOfProfitExact()));
        m.put("feeShareOfCollections", Formats.decimal(metrics.feeShareOfCollectionsExact()));
        m.put("lossPeriods", metrics.lossPeriods());
        m.put("periods", metrics.periods());
        m.put("investorReferredRevenue", metrics.investorReferredRevenue().toString());
        m.put("investorReferredShare", Formats.decimal(metrics.investorReferredShareExact()));
        return m;
    }

    static final class PeriodConverter implements picocli.CommandLine.ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            try {
                return Period.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

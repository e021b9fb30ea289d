package org.msocap.examples;

import java.io.PrintStream;
import org.msocap.fees.BasisComparison;
import org.msocap.fees.ExitValuation;
import org.msocap.fees.FeeModel;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.Period;
import org.msocap.fees.PracticePeriod;
import org.msocap.fees.PracticeProjection;
import org.msocap.fees.Projection;
import org.msocap.fees.TrailingTwelveMonths;
import org.msocap.fees.Valuator;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Venture;

/**
 * The management fee of one practice under each fee basis: the projection of the agreed fee year by year,
 * then what a fixed, percent-of-collections, percent-of-net, cost-plus, hybrid or residual fee would have
 * paid the MSO over the same five years, what each leaves the practice, and what each does to the MSO's
 * EBITDA and so to its value at the strategic sale.
 *
 * <p>The basis is where fee-splitting and corporate-practice rules bite (a percentage fee is barred in some
 * states, a residual fee that sweeps the practice's profit is a red flag everywhere), so the comparison is
 * what founders and their counsel look at together. It uses the Texas practice of
 * {@link BuildAndValueVenture#lakesideHealth()}, whose agreement charges $60,000 a month plus 12% of
 * collections.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=org.msocap.examples.FeeBasesCompared}
 */
public final class FeeBasesCompared {

    static final String PRACTICE = "lakeside-tx";

    private FeeBasesCompared() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Venture venture = BuildAndValueVenture.lakesideHealth();
        out.println("msocap example: one practice's management fee under each fee basis");
        out.println(Text.NOT_LEGAL_ADVICE);
        out.println();
        printAgreedProjection(out, venture);
        printComparison(out, venture, FeeProjector.DEFAULT.compareBases(venture, PRACTICE));
        out.println(Text.NOT_LEGAL_ADVICE);
    }

    static void printAgreedProjection(PrintStream out, Venture venture) {
        Projection yearly = FeeProjector.DEFAULT.project(venture, Period.YEAR);
        PracticeProjection practice = yearly.practice(PRACTICE).orElseThrow();
        out.println(Text.rule("Agreed fee of " + PRACTICE + " (" + describe(practice.terms()) + "), by projection year"));
        out.printf("%-10s %15s %15s %15s %15s %15s%n", "year", "collections", "clinician pay", "practice costs", "fee to MSO",
                "practice keeps");
        for (PracticePeriod row : practice.rows()) {
            out.printf("%-10s %15s %15s %15s %15s %15s%n", row.period().label(), Text.money(row.collections()),
                    Text.money(row.clinicianCompensation()), Text.money(row.practiceCosts()), Text.money(row.fee()),
                    Text.money(row.practiceMargin()));
        }
        out.println();
    }

    static void printComparison(PrintStream out, Venture venture, BasisComparison comparison) {
        out.println(Text.rule("Five years of " + PRACTICE + " under each fee basis (the other practice unchanged)"));
        out.printf("%-32s %-21s %15s %15s %9s %15s %16s%n", "basis", "parameters from", "fee to MSO", "practice keeps",
                "of profit", "MSO EBITDA", "exit value");
        for (BasisComparison.Alternative alternative : comparison.alternatives()) {
            out.printf("%-32s %-21s %15s %15s %9s %15s %16s%n", describe(alternative.terms()), alternative.source().id(),
                    Text.money(alternative.feeToMso()), Text.money(alternative.leftToPractice()),
                    Text.percent(alternative.metrics().feeShareOfProfit()), Text.money(alternative.msoEbitda()),
                    Text.money(exitValueUnder(venture, alternative.terms()).enterpriseValue()));
        }
        out.println("\"of profit\" is the fee's share of the practice's profit before the fee; at 100% the fee sweeps it all.");
        out.println("Exit value: the strategic sale's EBITDA multiple applied to the MSO's trailing twelve months under that basis.");
        out.println();
    }

    /**
     * The strategic sale valued with the practice's agreement charging {@code terms} instead: the fee model is
     * resolved from the venture once, the terms swapped, and the MSO's trailing year at the exit date priced
     * at the exit's multiple.
     */
    static ExitValuation exitValueUnder(Venture venture, FeeTerms terms) {
        ExitScenario exit = venture.exit(BuildAndValueVenture.STRATEGIC_SALE).orElseThrow();
        FeeModel model = FeeModel.resolve(venture).withTerms(PRACTICE, terms);
        TrailingTwelveMonths trailing = Valuator.DEFAULT.trailingTwelveMonths(model, exit.date(), "exits[0].date");
        return Valuator.value(exit, exit.date(), trailing, venture.financials().mso().netDebt());
    }

    /** {@code hybrid 60,000.00/month + 12.00%}, {@code cost-plus 10.00%}, ... */
    static String describe(FeeTerms terms) {
        return switch (terms.basis()) {
            case FIXED -> "fixed " + Text.money(terms.monthly()) + "/mo";
            case PERCENT_OF_COLLECTIONS, PERCENT_OF_NET -> terms.basis().id() + " " + Text.percent(terms.percent());
            case COST_PLUS -> "cost-plus " + Text.percent(terms.markup());
            case HYBRID -> "hybrid " + Text.money(terms.monthly()) + "/mo + " + Text.percent(terms.percent());
            case RESIDUAL -> "residual";
        };
    }
}

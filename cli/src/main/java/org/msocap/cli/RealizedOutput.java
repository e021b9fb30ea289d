package org.msocap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.deal.RealizedTotal;

/**
 * Each person's realized total at an exit after a recap (PRODUCT.md §8.4), as a table (and so CSV) and as the
 * {@code realized} list of an exit's JSON: cash at close of every earlier recap, this exit's payout, their sum, the
 * original cost, MOIC and IRR over the dated cash flows.
 */
final class RealizedOutput {

    private RealizedOutput() {
    }

    static Table table(String scenario, List<RealizedTotal> realized) {
        return table(scenario, realized, java.util.function.UnaryOperator.identity());
    }

    /** The table with each person as {@code person} shows them (the report's summary: by name). */
    static Table table(String scenario, List<RealizedTotal> realized, java.util.function.UnaryOperator<String> person) {
        Table t = new Table(scenario + " — realized over the deal (cash at earlier recaps + this exit)").left("person")
                .left("category").right("earlier").right("this exit").right("total").right("original cost").right("MOIC")
                .right("IRR");
        for (RealizedTotal r : realized) {
            t.row(person.apply(r.id()), r.category().id(), Formats.money(r.earlier()), Formats.money(r.payout()), Formats.money(r.total()),
                    Formats.money(r.cost()), r.moic().map(Formats::multiple).orElse(""),
                    Formats.irr(r.irr(), r.cost().isPositive(), t));
        }
        return t;
    }

    static List<Object> json(List<RealizedTotal> realized) {
        List<Object> out = new ArrayList<>();
        for (RealizedTotal r : realized) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("category", r.category().id());
            m.put("earlier", r.earlier().toString());
            m.put("payout", r.payout().toString());
            m.put("total", r.total().toString());
            m.put("cost", r.cost().toString());
            m.put("moic", r.moic().map(Formats::decimal).orElse(null));
            m.put("irr", r.irr().isPresent() ? r.irr().getAsDouble() : null);
            out.add(m);
        }
        return out;
    }
}

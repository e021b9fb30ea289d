package org.msocap.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.deal.HolderProceeds;
import org.msocap.deal.NewUnits;
import org.msocap.deal.RecapResult;
import org.msocap.deal.SourcesAndUses;
import org.msocap.model.EquityTerms;
import org.msocap.model.Holding;
import org.msocap.model.ShareClass;

/**
 * The recap part of {@code proforma} (PRODUCT.md §8.5): sources and uses, each old holder's proceeds split into rollover
 * and cash at close, and the units issued at close, as tables (and so CSV) and as one event of the JSON.
 */
final class RecapProforma {

    private RecapProforma() {
    }

    static List<Table> tables(RecapResult r, ClassNames names) {
        SourcesAndUses su = r.sourcesAndUses();
        String title = r.event().name() + " (recap, " + r.date() + ") — enterprise value " + Formats.money(r.enterpriseValue())
                + (r.valuationBasis().equals("given") ? "" : " (" + r.valuationBasis() + ")");
        Table sources = new Table(title + ": sources and uses").left("sources").right("amount").left("uses").right("amount");
        sources.row("new debt", Formats.money(su.newDebt()), "old equity paid", Formats.money(su.oldEquity()))
                .row("buyer equity (" + r.event().buyer().holder() + ")", Formats.money(su.buyerEquity()), "old net debt repaid",
                        Formats.money(su.oldNetDebt()))
                .row("rollover", Formats.money(su.rollover()), "seller costs", Formats.money(su.sellerCosts()))
                .row("", "", "buyer costs", Formats.money(su.buyerCosts()))
                .rule()
                .row("total sources", Formats.money(su.totalSources()), "total uses", Formats.money(su.totalUses()));
        Table holders = new Table(r.event().name() + ": each holder's proceeds in the old cap table's waterfall")
                .left("holder").left("category").right("proceeds").right("rollover").right("cash at close");
        for (HolderProceeds h : r.holders()) {
            holders.row(h.holder(), h.category().id(), Formats.money(h.proceeds()), Formats.money(h.rollover()),
                    Formats.money(h.cashAtClose()));
        }
        // In the words of the MSO after the close: a recap may make it an LLC (form: llc).
        EquityTerms terms = EquityTerms.of(r.after().mso());
        Table issued = new Table(r.event().name() + ": " + terms.units() + " issued at close (the cap table after it: captable --at)")
                .left("holder").left("class").left("how").right("price").right("amount").right(terms.units());
        r.buyer().ifPresent(b -> issued.row(b.holder(), names.cell(b.classId()), "buyer equity",
                new Table.Cell(Formats.price(b.price()), price(b.price())),
                Formats.money(b.amount()), Formats.count(b.units())));
        for (NewUnits u : r.rollover()) {
            issued.row(u.holder(), names.cell(u.classId()), "rollover",
                    new Table.Cell(Formats.price(u.price()), price(u.price())), Formats.money(u.amount()),
                    Formats.count(u.units()));
        }
        for (Holding g : grants(r)) {
            issued.row(g.holder(), names.cell(g.shareClass()), "grant" + (g.hurdle() != null ? " over a hurdle of " + Formats.money(g.hurdle())
                    : g.threshold() != null ? " at a threshold of " + Formats.decimal(g.threshold()) : ""), "", "",
                    Formats.count(g.shares()));
        }
        return List.of(sources, holders, issued);
    }

    static Map<String, Object> json(RecapResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.event().name());
        m.put("type", "recap");
        m.put("date", r.date().toString());
        m.put("pricePerShare", r.buyer().map(b -> price(b.price())).orElse(null));
        m.put("enterpriseValue", r.enterpriseValue().toString());
        m.put("valuation", r.valuationBasis());
        List<Object> issued = new ArrayList<>();
        r.buyer().ifPresent(b -> issued.add(issued(b.holder(), b.classId(), b.units())));
        r.rollover().forEach(u -> issued.add(issued(u.holder(), u.classId(), u.units())));
        grants(r).forEach(g -> issued.add(issued(g.holder(), g.shareClass(), g.shares())));
        m.put("issued", issued);
        m.put("poolIncrease", 0);
        List<Object> classes = new ArrayList<>();
        for (ShareClass c : r.event().classes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("conversionRatio", c.conversionRatio() == null ? null : price(c.conversionRatio()));
            classes.add(cm);
        }
        m.put("classes", classes);
        List<Object> proceeds = new ArrayList<>();
        List<Object> cash = new ArrayList<>();
        for (HolderProceeds h : r.holders()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("holder", h.holder());
            pm.put("proceeds", h.proceeds().toString());
            pm.put("rollover", h.rollover().toString());
            pm.put("cashAtClose", h.cashAtClose().toString());
            proceeds.add(pm);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("holder", h.holder());
            cm.put("amount", h.cashAtClose().toString());
            cash.add(cm);
        }
        m.put("cash", cash);
        List<Object> rollover = new ArrayList<>();
        for (NewUnits u : r.rollover()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("holder", u.holder());
            rm.put("amount", u.amount().toString());
            rm.put("class", u.classId());
            rm.put("units", u.units());
            rollover.add(rm);
        }
        m.put("rollover", rollover);
        SourcesAndUses su = r.sourcesAndUses();
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("newDebt", su.newDebt().toString());
        sources.put("buyerEquity", su.buyerEquity().toString());
        sources.put("rollover", su.rollover().toString());
        sources.put("total", su.totalSources().toString());
        m.put("sources", sources);
        Map<String, Object> uses = new LinkedHashMap<>();
        uses.put("oldEquity", su.oldEquity().toString());
        uses.put("oldNetDebt", su.oldNetDebt().toString());
        uses.put("sellerCosts", su.sellerCosts().toString());
        uses.put("buyerCosts", su.buyerCosts().toString());
        uses.put("total", su.totalUses().toString());
        m.put("uses", uses);
        m.put("proceeds", proceeds);
        return m;
    }

    /** The grants as the new cap table holds them (a profits-interest grant's default hurdle filled in). */
    private static List<Holding> grants(RecapResult r) {
        List<Holding> holdings = r.after().mso().holdings();
        int first = holdings.size() - r.event().grants().size();
        return holdings.subList(first, holdings.size());
    }

    private static Map<String, Object> issued(String holder, String classId, long shares) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holder", holder);
        m.put("class", classId);
        m.put("shares", shares);
        return m;
    }

    /** Prices and ratios: plain decimals, exact as given (at least as precise as the 10 significant digits §8.5 asks). */
    private static String price(BigDecimal d) {
        return Formats.decimal(d);
    }
}

package org.msocap.deal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.HolderCategory;
import org.msocap.model.Mso;
import org.msocap.model.Safe;
import org.msocap.model.Venture;
import org.msocap.money.Money;
import org.msocap.waterfall.HolderPayout;
import org.msocap.waterfall.Irr;
import org.msocap.waterfall.WaterfallResult;

/**
 * Each person's realized total at an exit after recaps (PRODUCT.md §8.4): the cash at close of every earlier recap plus
 * this exit's payout, the multiple on original cost and the IRR of the dated cash flows (ACT/365, as every IRR in
 * msocap).
 *
 * <p>Original cost is money actually paid in: the holdings, SAFEs and notes of the cap table in force before the first
 * recap; at each recap the buyer's equity and any cost a grant names; and between recaps, holdings acquired after the
 * previous close (a later round) and the SAFEs and notes outstanding (a recap settles them all, so any there are new).
 * A rollover is not new cost: it is proceeds left in, which is why its holding, dated at the close, is skipped.
 */
public final class Realized {

    private Realized() {
    }

    /**
     * @param recaps the recaps before the exit, in date order (at least one)
     * @param inForce the venture in force at the exit (the last recap's, after any later rounds)
     * @param exit the exit's waterfall on {@code inForce}
     */
    public static List<RealizedTotal> of(List<RecapResult> recaps, Venture inForce, WaterfallResult exit, LocalDate exitDate) {
        if (recaps.isEmpty()) {
            throw new IllegalArgumentException("realized totals need at least one earlier recap");
        }
        Map<String, Account> accounts = new TreeMap<>();
        addCosts(accounts, recaps.get(0).before().mso(), null);
        for (int i = 0; i < recaps.size(); i++) {
            RecapResult r = recaps.get(i);
            if (i > 0) {
                addCosts(accounts, r.before().mso(), recaps.get(i - 1).date());
            }
            for (HolderProceeds h : r.holders()) {
                Account a = account(accounts, h.holder(), h.category());
                a.earlier = a.earlier.plus(h.cashAtClose());
                a.flows.add(new Irr.CashFlow(r.date(), h.cashAtClose()));
            }
            r.buyer().ifPresent(b -> {
                Account a = account(accounts, b.holder(), inForce.categoryOf(b.holder()));
                a.paid(r.date(), b.amount());
            });
            for (Holding g : r.event().grants()) {
                // A grant dated after the close is a holding acquired after it: addCosts counts it with the next table.
                boolean atClose = g.acquired() == null || !g.acquired().isAfter(r.date());
                if (atClose && g.cost() != null && g.cost().isPositive()) {
                    account(accounts, g.holder(), inForce.categoryOf(g.holder())).paid(g.acquired() != null ? g.acquired() : r.date(), g.cost());
                }
            }
        }
        LocalDate lastClose = recaps.get(recaps.size() - 1).date();
        addCosts(accounts, inForce.mso(), lastClose);
        for (HolderPayout p : exit.holders()) {
            Account a = account(accounts, p.id(), p.category());
            a.payout = a.payout.plus(p.total());
            a.flows.add(new Irr.CashFlow(exitDate, p.total()));
        }
        List<RealizedTotal> out = new ArrayList<>(accounts.size());
        accounts.forEach((id, a) -> out.add(new RealizedTotal(id, a.category != null ? a.category : inForce.categoryOf(id), a.earlier, a.payout, a.earlier.plus(a.payout),
                a.cost, Irr.of(a.flows))));
        return out;
    }

    /**
     * The costs of one cap table; with {@code after} set (a table following a recap), only what was paid after that close:
     * holdings acquired later, and every SAFE and note.
     */
    private static void addCosts(Map<String, Account> accounts, Mso mso, LocalDate after) {
        Map<String, HolderCategory> none = Map.of();
        for (Holding h : mso.holdings()) {
            if (after != null && (h.acquired() == null || !h.acquired().isAfter(after))) {
                continue; // made at or before the close: the buyer's equity is counted at the recap, a rollover is no cost
            }
            Money cost = h.costBasis(mso.requireClass(h.shareClass()));
            if (cost.isPositive()) {
                accounts.computeIfAbsent(h.holder(), id -> new Account(null)).paid(h.acquired(), cost);
            }
        }
        for (Safe s : mso.safes()) {
            accounts.computeIfAbsent(s.holder(), id -> new Account(null)).paid(s.acquired(), s.amount());
        }
        for (ConvertibleNote n : mso.notes()) {
            accounts.computeIfAbsent(n.holder(), id -> new Account(null)).paid(n.issued(), n.principal());
        }
    }

    private static Account account(Map<String, Account> accounts, String id, HolderCategory category) {
        Account a = accounts.computeIfAbsent(id, k -> new Account(category));
        if (a.category == null) {
            a.category = category;
        }
        return a;
    }

    private static final class Account {
        HolderCategory category;
        Money earlier = Money.ZERO;
        Money payout = Money.ZERO;
        Money cost = Money.ZERO;
        final List<Irr.CashFlow> flows = new ArrayList<>();

        Account(HolderCategory category) {
            this.category = category;
        }

        void paid(LocalDate date, Money amount) {
            cost = cost.plus(amount);
            flows.add(new Irr.CashFlow(date, amount.negated()));
        }
    }
}

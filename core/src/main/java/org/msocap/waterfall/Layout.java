package org.msocap.waterfall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.waterfall.ResolvedCapTable.Claimant;
import org.msocap.waterfall.ResolvedCapTable.Participation;

/**
 * What the engine precomputes once per cap table: preference tiers and the price points at which
 * participants start or stop taking part in the residual.
 */
final class Layout {

    /**
     * A participant enters (positive delta) or leaves (negative delta) the residual at a price per common
     * share. {@code whenConverted} says to which of the claimant's two modes the event belongs.
     */
    record Event(BigFraction price, int claimant, boolean whenConverted, BigFraction deltaShares) {
    }

    final List<Claimant> claimants;
    final int size;
    /** Claimant indices with a preference, grouped by seniority, most senior first. */
    final int[][] tiers;
    final BigFraction[] preference;
    final BigFraction[] shares;
    final BigFraction[] strike;
    final BigFraction[] capPrice;
    final boolean[] capped;
    final boolean[] convertible;
    final boolean[] participatesUnconverted;
    final Event[] events;
    /** Convertible claimants, highest conversion threshold first: the likeliest to keep their preference. */
    final int[] conversionOrder;
    /**
     * Per claimant, the most it can receive without converting: its preference, plus its headroom when capped;
     * null when unbounded (full participation). The equilibrium search skips trying an unconversion that cannot pay.
     */
    final Affine[] unconvertedCeiling;

    Layout(List<Claimant> claimants) {
        this.claimants = claimants;
        size = claimants.size();
        preference = new BigFraction[size];
        shares = new BigFraction[size];
        strike = new BigFraction[size];
        capPrice = new BigFraction[size];
        capped = new boolean[size];
        convertible = new boolean[size];
        participatesUnconverted = new boolean[size];
        TreeMap<Integer, List<Integer>> bySeniority = new TreeMap<>(Comparator.reverseOrder());
        List<Event> ev = new ArrayList<>();
        List<Integer> convertibles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Claimant c = claimants.get(i);
            preference[i] = c.preference();
            shares[i] = c.shares();
            strike[i] = c.strike();
            convertible[i] = c.convertible();
            participatesUnconverted[i] = c.participatesUnconverted() && c.shares().compareTo(BigFraction.ZERO) > 0;
            capped[i] = c.participation() == Participation.CAPPED;
            if (c.preference().compareTo(BigFraction.ZERO) > 0) {
                bySeniority.computeIfAbsent(c.seniority(), k -> new ArrayList<>()).add(i);
            }
            if (participatesUnconverted[i]) {
                ev.add(new Event(c.strike(), i, false, c.shares()));
                if (capped[i]) {
                    capPrice[i] = c.strike().add(c.headroom().divide(c.shares()));
                    ev.add(new Event(capPrice[i], i, false, c.shares().negate()));
                }
            }
            if (convertible[i]) {
                ev.add(new Event(BigFraction.ZERO, i, true, c.shares()));
                convertibles.add(i);
            }
        }
        tiers = bySeniority.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        ev.sort(Comparator.comparing(Event::price));
        events = ev.toArray(Event[]::new);
        convertibles.sort(Comparator.<Integer, BigFraction>comparing(i -> claimants.get(i).threshold()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        conversionOrder = convertibles.stream().mapToInt(Integer::intValue).toArray();
        unconvertedCeiling = new Affine[size];
        for (int i = 0; i < size; i++) {
            BigFraction ceiling = !participatesUnconverted[i] ? preference[i]
                    : capped[i] ? preference[i].add(claimants.get(i).headroom()) : null;
            unconvertedCeiling[i] = ceiling == null ? null : Affine.constant(ceiling);
        }
    }

    boolean active(Event e, boolean[] converted) {
        return e.whenConverted() == converted[e.claimant()] && (e.whenConverted() || participatesUnconverted[e.claimant()]);
    }
}

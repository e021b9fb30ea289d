package org.msocap.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.Warrant;
import org.msocap.money.Money;

/** Builds the conflict-of-interest view: every clinician holding any MSO security, in the order the file lists people. */
final class ConflictView {

    private ConflictView() {
    }

    static List<ClinicianConflict> of(CheckContext ctx, List<Finding> findings) {
        CapTable capTable = CapTable.of(ctx.venture);
        Mso mso = ctx.venture.mso();
        // Each list is indexed by person once, in file order, so the view is linear in the model's size
        // (a pass over every holding, practice and finding per clinician was quadratic at 10,000 holders).
        Map<String, Long> classTotals = new HashMap<>();
        mso.holdings().forEach(h -> classTotals.merge(h.shareClass(), h.shares(), Long::sum));
        Map<String, List<ClinicianConflict.Position>> positionsByHolder = new HashMap<>();
        for (Holding h : mso.holdings()) {
            add(positionsByHolder, h.holder(), new ClinicianConflict.Position("shares", h.shareClass(), h.shares(),
                    new BigFraction(h.shares(), classTotals.get(h.shareClass())), Money.ZERO));
        }
        for (OptionGrant g : mso.options()) {
            add(positionsByHolder, g.holder(), new ClinicianConflict.Position("options", "", g.shares(), BigFraction.ZERO, Money.ZERO));
        }
        for (Warrant w : mso.warrants()) {
            add(positionsByHolder, w.holder(), new ClinicianConflict.Position("warrants", w.shareClass(), w.shares(), BigFraction.ZERO, Money.ZERO));
        }
        for (Safe s : mso.safes()) {
            add(positionsByHolder, s.holder(), new ClinicianConflict.Position("safe", "", 0, BigFraction.ZERO, s.amount()));
        }
        for (ConvertibleNote n : mso.notes()) {
            add(positionsByHolder, n.holder(), new ClinicianConflict.Position("note", "", 0, BigFraction.ZERO, n.principal()));
        }
        Map<String, BigFraction> fullyDiluted = new HashMap<>();
        capTable.lines().forEach(l -> fullyDiluted.merge(l.holder(), l.ofFullyDiluted(), BigFraction::add));
        Map<String, List<String>> practiceRoles = practiceRoles(ctx.venture.practices());
        Map<String, List<String>> involved = new HashMap<>();
        for (Finding f : findings) {
            String line = f.ruleId() + " " + f.severity().id() + ": " + f.subjectKind().id() + " " + f.subjectId();
            f.involves().stream().distinct().forEach(id -> add(involved, id, line));
        }
        Set<String> equityHolders = ctx.msoEquityHolders();
        List<ClinicianConflict> out = new ArrayList<>();
        for (Person p : ctx.venture.people()) {
            if (!ctx.isClinician(p) || !equityHolders.contains(p.id())) {
                continue;
            }
            String id = p.id();
            out.add(new ClinicianConflict(id, p.name(), List.copyOf(ctx.professionsAnywhere(p)), p.refersPatients(),
                    positionsByHolder.getOrDefault(id, List.of()), fullyDiluted.getOrDefault(id, BigFraction.ZERO), ctx.msoRoles(id),
                    practiceRoles.getOrDefault(id, List.of()), involved.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** Each person's roles in the practices, in practice order: shareholder or member (with the percentage), director, officers. */
    private static Map<String, List<String>> practiceRoles(List<Practice> practices) {
        Map<String, List<String>> out = new HashMap<>();
        for (Practice practice : practices) {
            Map<String, Long> shares = new LinkedHashMap<>();
            practice.shareholders().forEach(s -> shares.merge(s.holder(), s.shares(), Long::sum));
            Set<String> people = new LinkedHashSet<>(shares.keySet());
            people.addAll(practice.directors());
            people.addAll(practice.officers().values());
            long total = practice.totalShares();
            for (String id : people) {
                long held = shares.getOrDefault(id, 0L);
                if (held > 0) {
                    add(out, id, practice.id() + " " + practice.terms().owner() + " (" + Percent.of(new BigFraction(held, total)) + ")");
                }
                if (practice.directors().contains(id)) {
                    add(out, id, practice.id() + " director");
                }
                practice.officers().forEach((role, who) -> {
                    if (who.equals(id)) {
                        add(out, id, practice.id() + " " + role);
                    }
                });
            }
        }
        return out;
    }

    private static <T> void add(Map<String, List<T>> index, String key, T value) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}

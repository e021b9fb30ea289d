package org.msocap.compliance;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.captable.CapTable;
import org.msocap.captable.CapTableLine;
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
        List<ClinicianConflict> out = new ArrayList<>();
        for (Person p : ctx.venture.people()) {
            if (!ctx.isClinician(p) || !ctx.msoEquityHolders().contains(p.id())) {
                continue;
            }
            String id = p.id();
            List<ClinicianConflict.Position> positions = new ArrayList<>();
            for (Holding h : mso.holdings()) {
                if (h.holder().equals(id)) {
                    long classTotal = mso.holdings().stream().filter(x -> x.shareClass().equals(h.shareClass()))
                            .mapToLong(Holding::shares).sum();
                    positions.add(new ClinicianConflict.Position("shares", h.shareClass(), h.shares(),
                            new BigFraction(h.shares(), classTotal), Money.ZERO));
                }
            }
            for (OptionGrant g : mso.options()) {
                if (g.holder().equals(id)) {
                    positions.add(new ClinicianConflict.Position("options", "", g.shares(), BigFraction.ZERO, Money.ZERO));
                }
            }
            for (Warrant w : mso.warrants()) {
                if (w.holder().equals(id)) {
                    positions.add(new ClinicianConflict.Position("warrants", w.shareClass(), w.shares(), BigFraction.ZERO, Money.ZERO));
                }
            }
            for (Safe s : mso.safes()) {
                if (s.holder().equals(id)) {
                    positions.add(new ClinicianConflict.Position("safe", "", 0, BigFraction.ZERO, s.amount()));
                }
            }
            for (ConvertibleNote n : mso.notes()) {
                if (n.holder().equals(id)) {
                    positions.add(new ClinicianConflict.Position("note", "", 0, BigFraction.ZERO, n.principal()));
                }
            }
            BigFraction fd = capTable.lines().stream().filter(l -> l.holder().equals(id)).map(CapTableLine::ofFullyDiluted)
                    .reduce(BigFraction.ZERO, BigFraction::add);
            List<String> practiceRoles = new ArrayList<>();
            for (Practice practice : ctx.venture.practices()) {
                long shares = practice.sharesOf(id);
                if (shares > 0) {
                    practiceRoles.add(practice.id() + " shareholder (" + Percent.of(new BigFraction(shares, practice.totalShares())) + ")");
                }
                if (practice.directors().contains(id)) {
                    practiceRoles.add(practice.id() + " director");
                }
                practice.officers().forEach((role, who) -> {
                    if (who.equals(id)) {
                        practiceRoles.add(practice.id() + " " + role);
                    }
                });
            }
            List<String> involved = findings.stream().filter(f -> f.involves(id))
                    .map(f -> f.ruleId() + " " + f.severity().id() + ": " + f.subjectKind().id() + " " + f.subjectId()).toList();
            out.add(new ClinicianConflict(id, p.name(), List.copyOf(ctx.professionsAnywhere(p)), p.refersPatients(), positions,
                    fd, ctx.msoRoles(id), practiceRoles, involved));
        }
        return out;
    }
}

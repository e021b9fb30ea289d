package org.msocap.captable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.HolderCategory;
import org.msocap.model.Holding;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Warrant;
import org.msocap.money.Fractions;
import org.msocap.money.Money;

/**
 * The MSO's fully diluted cap table and the practices' ownership, computed exactly.
 *
 * <p>Conventions (as Carta and Pulley show them): preferred counts as-converted (shares × conversion
 * ratio); "outstanding" is issued stock only; "fully diluted" adds every granted option (vested or
 * not), every warrant and the unissued part of the option pool. SAFEs and notes are listed separately
 * because how many shares they become depends on the next price or the exit. A profits-interest holding counts each
 * unit as one common unit, so its percentages are those "if fully participating" (threshold 0); its line carries the
 * threshold or hurdle. The per-unit threshold a hurdle becomes is not shown: it depends on the exit date, through the
 * preferred return accrued by then, so only the waterfall at a given exit knows it.
 */
public record CapTable(String venture, String currency, List<CapTableLine> lines, List<Convertible> convertibles,
                       BigFraction totalOutstanding, BigFraction totalFullyDiluted, List<PracticeOwnership> practices) {

    public CapTable {
        lines = List.copyOf(lines);
        convertibles = List.copyOf(convertibles);
        practices = List.copyOf(practices);
    }

    public static CapTable of(Venture venture) {
        Map<String, ShareClass> classes = new LinkedHashMap<>();
        venture.mso().classes().forEach(c -> classes.put(c.id(), c));
        String optionClass = commonClassId(venture);

        record Raw(String holder, String cls, Security security, long shares, BigFraction outstanding, BigFraction fd,
                   BigDecimal threshold, Money hurdle) {
            Raw(String holder, String cls, Security security, long shares, BigFraction outstanding, BigFraction fd) {
                this(holder, cls, security, shares, outstanding, fd, null, null);
            }
        }
        List<Raw> raw = new ArrayList<>();
        for (Holding h : venture.mso().holdings()) {
            BigFraction asConverted = asConverted(classes.get(h.shareClass()), h.shares());
            // A profits-interest unit counts as one unit, whatever its threshold: the percentages are "if fully participating".
            raw.add(new Raw(h.holder(), h.shareClass(), Security.SHARES, h.shares(), asConverted, asConverted, h.threshold(),
                    h.hurdle()));
        }
        for (OptionGrant g : venture.mso().options()) {
            raw.add(new Raw(g.holder(), optionClass, Security.OPTIONS, g.shares(), BigFraction.ZERO, new BigFraction(g.shares())));
        }
        for (Warrant w : venture.mso().warrants()) {
            raw.add(new Raw(w.holder(), w.shareClass(), Security.WARRANTS, w.shares(), BigFraction.ZERO,
                    asConverted(classes.get(w.shareClass()), w.shares())));
        }
        long unissued = venture.mso().unissuedPool();
        if (unissued > 0) {
            raw.add(new Raw("", optionClass, Security.UNISSUED_POOL, unissued, BigFraction.ZERO, new BigFraction(unissued)));
        }
        BigFraction totalOut = raw.stream().map(Raw::outstanding).reduce(BigFraction.ZERO, BigFraction::add);
        BigFraction totalFd = raw.stream().map(Raw::fd).reduce(BigFraction.ZERO, BigFraction::add);

        List<CapTableLine> lines = new ArrayList<>();
        for (Raw r : raw) {
            Person p = r.holder().isEmpty() ? null : venture.requirePerson(r.holder());
            lines.add(new CapTableLine(r.holder(), p == null ? "Unissued option pool" : p.name(),
                    p == null ? null : p.categoryOn(venture.asOf()), r.cls(), r.security(), r.shares(), r.outstanding(), r.fd(),
                    fraction(r.outstanding(), totalOut), fraction(r.fd(), totalFd), r.threshold(), r.hurdle()));
        }

        List<Convertible> convertibles = convertibles(venture, totalFd);

        List<PracticeOwnership> practices = new ArrayList<>();
        for (Practice practice : venture.practices()) {
            long total = practice.totalShares();
            List<PracticeOwnership.Owner> owners = new ArrayList<>();
            for (Practice.Shareholding s : practice.shareholders()) {
                Person p = venture.requirePerson(s.holder());
                owners.add(new PracticeOwnership.Owner(s.holder(), p.name(), s.shares(), new BigFraction(s.shares(), total),
                        p.licenses()));
            }
            practices.add(new PracticeOwnership(practice.id(), practice.name(), practice.state(), practice.form().id(),
                    practice.profession(), total, owners, practice.terms()));
        }
        return new CapTable(venture.name(), venture.currency(), lines, convertibles, totalOut, totalFd, practices);
    }

    /** The SAFEs and notes, each as converted at its cap on {@code fullyDiluted} (see {@link Convertible}). */
    private static List<Convertible> convertibles(Venture venture, BigFraction fullyDiluted) {
        List<Safe> safes = venture.mso().safes();
        List<ConvertibleNote> notes = venture.mso().notes();
        BigFraction[] safeShares = new BigFraction[safes.size()];
        BigFraction[] noteShares = new BigFraction[notes.size()];
        BigFraction preAndNotes = BigFraction.ZERO;
        BigFraction postMoney = BigFraction.ZERO;
        for (int i = 0; i < safes.size(); i++) {
            Safe s = safes.get(i);
            if (s.cap() == null) {
                continue;
            }
            BigFraction part = Fractions.of(s.amount()).divide(Fractions.of(s.cap()));
            if (s.kind() == Safe.Kind.PRE_MONEY) {
                safeShares[i] = part.multiply(fullyDiluted);
                preAndNotes = preAndNotes.add(safeShares[i]);
            } else {
                postMoney = postMoney.add(part);
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            ConvertibleNote n = notes.get(i);
            if (n.cap() == null) {
                continue;
            }
            long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(n.issued(), venture.asOf()));
            BigFraction principal = Fractions.of(n.principal());
            BigFraction due = principal.add(principal.multiply(Fractions.of(n.rate())).multiply(new BigFraction(days, 365L)));
            noteShares[i] = due.divide(Fractions.of(n.cap())).multiply(fullyDiluted);
            preAndNotes = preAndNotes.add(noteShares[i]);
        }
        // Post-money SAFEs of 100% or more have no capitalization to own a part of (the waterfall refuses them).
        boolean solvable = postMoney.compareTo(BigFraction.ONE) < 0;
        BigFraction capitalization = solvable ? fullyDiluted.add(preAndNotes).divide(BigFraction.ONE.subtract(postMoney)) : null;
        List<Convertible> out = new ArrayList<>();
        for (int i = 0; i < safes.size(); i++) {
            Safe s = safes.get(i);
            Person p = venture.requirePerson(s.holder());
            BigFraction shares = safeShares[i];
            if (s.cap() != null && s.kind() == Safe.Kind.POST_MONEY && solvable) {
                shares = Fractions.of(s.amount()).divide(Fractions.of(s.cap())).multiply(capitalization);
            }
            out.add(new Convertible(s.holder(), p.name(), p.categoryOn(venture.asOf()), "safe (" + s.kind().id() + ")",
                    s.amount(), s.cap(), s.discount(), shares, ofCapitalization(shares, capitalization)));
        }
        for (int i = 0; i < notes.size(); i++) {
            ConvertibleNote n = notes.get(i);
            Person p = venture.requirePerson(n.holder());
            out.add(new Convertible(n.holder(), p.name(), p.categoryOn(venture.asOf()), "note", n.principal(), n.cap(),
                    n.discount(), noteShares[i], ofCapitalization(noteShares[i], capitalization)));
        }
        return out;
    }

    private static BigFraction ofCapitalization(BigFraction shares, BigFraction capitalization) {
        return shares == null || capitalization == null || capitalization.equals(BigFraction.ZERO) ? null
                : shares.divide(capitalization);
    }

    /** Options are on common; with several common classes, the first one listed. */
    private static String commonClassId(Venture venture) {
        return venture.mso().classes().stream().filter(c -> !c.isPreferred()).map(ShareClass::id).findFirst().orElse("common");
    }

    private static BigFraction asConverted(ShareClass cls, long shares) {
        return Fractions.of(cls.conversionRatio()).multiply(BigInteger.valueOf(shares));
    }

    private static BigFraction fraction(BigFraction part, BigFraction total) {
        return total.equals(BigFraction.ZERO) ? BigFraction.ZERO : part.divide(total);
    }

    public List<CapTableGroup> byHolder() {
        return group(l -> l.holder().isEmpty() ? "(pool)" : l.holder(), CapTableLine::holderName);
    }

    public List<CapTableGroup> byClass() {
        return group(l -> l.security() == Security.SHARES ? l.shareClass() : l.security().id() + ":" + l.shareClass(),
                l -> l.security() == Security.SHARES ? l.shareClass() : l.security().id() + " (" + l.shareClass() + ")");
    }

    /** By holder category; the unissued pool is its own group since nobody holds it. */
    public List<CapTableGroup> byCategory() {
        List<CapTableGroup> groups = new ArrayList<>();
        for (HolderCategory c : HolderCategory.values()) {
            List<CapTableLine> in = lines.stream().filter(l -> l.category() == c).toList();
            groups.add(sum(c.id(), c.id(), in));
        }
        List<CapTableLine> pool = lines.stream().filter(l -> l.category() == null).toList();
        if (!pool.isEmpty()) {
            groups.add(sum("unissued-pool", "unissued pool", pool));
        }
        return groups;
    }

    private List<CapTableGroup> group(Function<CapTableLine, String> key, Function<CapTableLine, String> label) {
        Map<String, List<CapTableLine>> grouped = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (CapTableLine l : lines) {
            grouped.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l);
            labels.putIfAbsent(key.apply(l), label.apply(l));
        }
        List<CapTableGroup> out = new ArrayList<>();
        grouped.forEach((k, ls) -> out.add(sum(k, labels.get(k), ls)));
        return out;
    }

    private CapTableGroup sum(String key, String label, List<CapTableLine> ls) {
        BigFraction out = ls.stream().map(CapTableLine::outstanding).reduce(BigFraction.ZERO, BigFraction::add);
        BigFraction fd = ls.stream().map(CapTableLine::fullyDiluted).reduce(BigFraction.ZERO, BigFraction::add);
        return new CapTableGroup(key, label, out, fd, fraction(out, totalOutstanding), fraction(fd, totalFullyDiluted));
    }
}

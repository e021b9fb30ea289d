package org.msocap.waterfall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.msocap.model.Holding;
import org.msocap.model.Mso;
import org.msocap.model.Person;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/** Small builders shared by the waterfall tests. */
final class CapTables {

    static final LocalDate EXIT = LocalDate.of(2030, 1, 1);

    private CapTables() {
    }

    static ShareClass preferred(String id, String issuePrice, int seniority, String preference,
                                ShareClass.Participation participation, String cap) {
        return new ShareClass(id, ShareClass.Type.PREFERRED, new BigDecimal(issuePrice), new BigDecimal(preference),
                participation, cap == null ? null : new BigDecimal(cap), seniority, BigDecimal.ONE, null);
    }

    /** A venture whose people are exactly the holders named in the MSO, all lay persons. */
    static Venture venture(Mso mso) {
        Set<String> ids = new LinkedHashSet<>();
        mso.holdings().forEach(h -> ids.add(h.holder()));
        mso.options().forEach(o -> ids.add(o.holder()));
        mso.warrants().forEach(w -> ids.add(w.holder()));
        mso.safes().forEach(s -> ids.add(s.holder()));
        mso.notes().forEach(n -> ids.add(n.holder()));
        Venture.Builder b = Venture.builder("Test venture").asOf(LocalDate.of(2026, 1, 1)).mso(mso);
        ids.forEach(id -> b.person(id.startsWith("fund") ? Person.entity(id, id) : Person.lay(id, id)));
        return b.build();
    }

    static ResolvedCapTable resolve(Mso mso) {
        return ResolvedCapTable.of(venture(mso), EXIT, false);
    }

    static Holding holding(String holder, String cls, long shares, LocalDate acquired) {
        return new Holding(holder, cls, shares, acquired, null);
    }
}

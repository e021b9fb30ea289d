package org.msocap.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.money.Money;

/**
 * A professional entity (PC, PLLC, PA, PSC or medical corporation) that employs the clinicians and
 * bills for their services. Only licensees may hold its shares; {@link Venture} enforces that.
 *
 * @param transferRestriction may be null: no stock transfer restriction (continuity) agreement
 * @param formed may be null: when the practice was formed (laws with a grace period for existing entities, Oregon SB 951)
 */
public record Practice(String id, String name, String state, Form form, String profession,
                       List<Shareholding> shareholders, List<String> directors, Map<String, String> officers,
                       TransferRestriction transferRestriction, List<String> services, List<String> patientStates,
                       LocalDate formed) {

    public enum Form {
        PC, PLLC, PA, PSC, MEDICAL_CORPORATION;

        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** Shares of the practice held by one licensee (a PLLC's units, held by a member: {@link #terms()}). */
    public record Shareholding(String holder, long shares) {
        public Shareholding {
            Checks.id(holder, "holder");
            Checks.positive(shares, "shares");
        }
    }

    /**
     * The stock transfer restriction (continuity) agreement that lets the MSO name who holds the
     * practice's shares, usually for a nominal price.
     *
     * @param nominalPrice may be null
     */
    public record TransferRestriction(boolean msoDesignatesTransferee, boolean callRightAtWill, Money nominalPrice) {
        public TransferRestriction {
            if (nominalPrice != null) {
                Checks.nonNegative(nominalPrice, "nominalPrice");
            }
        }
    }

    public Practice {
        Checks.id(id, "id");
        Checks.text(name, "name");
        Checks.text(state, "state");
        if (!state.matches("[A-Z]{2}")) {
            throw new ModelException("state", "state must be a two-letter code such as CA but was '" + state + "'");
        }
        form = form == null ? Form.PC : form;
        profession = profession == null ? "physician" : License.requireProfession(profession, "profession");
        shareholders = Checks.list(shareholders);
        directors = Checks.list(directors);
        officers = Checks.map(officers);
        services = Checks.list(services);
        patientStates = Checks.list(patientStates);
        for (int i = 0; i < patientStates.size(); i++) {
            if (!patientStates.get(i).matches("[A-Z]{2}")) {
                throw new ModelException("patientStates[" + i + "]", "patient states are two-letter codes but one was '"
                        + patientStates.get(i) + "'");
            }
        }
    }

    public Practice(String id, String name, String state, Form form, String profession, List<Shareholding> shareholders,
                    List<String> directors, Map<String, String> officers, TransferRestriction transferRestriction,
                    List<String> services, List<String> patientStates) {
        this(id, name, state, form, profession, shareholders, directors, officers, transferRestriction, services, patientStates,
                null);
    }

    /** Members and units for a PLLC, shareholders and shares for the other forms: the words outputs use. */
    public EquityTerms terms() {
        return EquityTerms.of(form);
    }

    public long totalShares() {
        return shareholders.stream().mapToLong(Shareholding::shares).sum();
    }

    public long sharesOf(String holder) {
        return shareholders.stream().filter(s -> s.holder().equals(holder)).mapToLong(Shareholding::shares).sum();
    }

    public static Builder builder(String id, String name, String state) {
        return new Builder(id, name, state);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, name, state).form(form).profession(profession).transferRestriction(transferRestriction)
                .formed(formed);
        b.shareholders.addAll(shareholders);
        b.directors.addAll(directors);
        b.officers.putAll(officers);
        b.services.addAll(services);
        b.patientStates.addAll(patientStates);
        return b;
    }

    public static final class Builder {
        private final String id;
        private final String name;
        private final String state;
        private Form form = Form.PC;
        private String profession = "physician";
        private TransferRestriction transferRestriction;
        private final List<Shareholding> shareholders = new ArrayList<>();
        private final List<String> directors = new ArrayList<>();
        private final Map<String, String> officers = new LinkedHashMap<>();
        private final List<String> services = new ArrayList<>();
        private final List<String> patientStates = new ArrayList<>();
        private LocalDate formed;

        private Builder(String id, String name, String state) {
            this.id = id;
            this.name = name;
            this.state = state;
        }

        public Builder form(Form v) { form = v; return this; }
        public Builder profession(String v) { profession = v; return this; }
        public Builder transferRestriction(TransferRestriction v) { transferRestriction = v; return this; }
        public Builder shareholder(String holder, long shares) { shareholders.add(new Shareholding(holder, shares)); return this; }
        public Builder shareholders(List<Shareholding> v) { shareholders.clear(); shareholders.addAll(v); return this; }
        public Builder director(String v) { directors.add(v); return this; }
        public Builder officer(String role, String person) { officers.put(role, person); return this; }
        public Builder service(String v) { services.add(v); return this; }
        public Builder patientState(String v) { patientStates.add(v); return this; }
        public Builder formed(LocalDate v) { formed = v; return this; }

        public Practice build() {
            return new Practice(id, name, state, form, profession, shareholders, directors, officers, transferRestriction,
                    services, patientStates, formed);
        }
    }
}

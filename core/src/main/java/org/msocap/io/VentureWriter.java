package org.msocap.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.msocap.model.Agreement;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.DealEvent;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.RecapEvent;
import org.msocap.model.RoundEvent;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Amounts;
import org.msocap.money.Money;

/**
 * Writes a venture in the model file format, YAML or JSON, so that {@link VentureReader} reads back an
 * equal venture. Amounts are plain decimals ({@code 2500000}, {@code 1366666.67}); decimals keep the
 * digits they were given ({@code 2.00} stays {@code 2.00}); fields at their default are left out.
 */
public final class VentureWriter {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    private static final JsonFactory JSON = new JsonFactory();

    private VentureWriter() {
    }

    public static String toYaml(Venture venture) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = YAML.createGenerator(out)) {
            new VentureWriter.Emitter(g).venture(venture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String toJson(Venture venture) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            new VentureWriter.Emitter(g).venture(venture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    /**
     * Writes {@code venture} to {@code file}, JSON when it ends in .json, else YAML, through
     * {@link AtomicFiles} so an interrupted run never leaves half a file.
     */
    public static void write(Venture venture, Path file) {
        boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
        AtomicFiles.writeString(file, json ? toJson(venture) : toYaml(venture));
    }

    /** One pass over the model, field order as in PRODUCT.md §3. */
    private static final class Emitter {
        private final JsonGenerator g;

        Emitter(JsonGenerator g) {
            this.g = g;
        }

        void venture(Venture v) throws IOException {
            g.writeStartObject();
            g.writeNumberField("msocap", v.formatVersion());
            g.writeStringField("venture", v.name());
            g.writeStringField("currency", v.currency());
            date("asOf", v.asOf());
            if (!v.people().isEmpty()) {
                g.writeArrayFieldStart("people");
                for (Person p : v.people()) {
                    person(p);
                }
                g.writeEndArray();
            }
            g.writeFieldName("mso");
            mso(v.mso());
            if (!v.practices().isEmpty()) {
                g.writeArrayFieldStart("practices");
                for (Practice p : v.practices()) {
                    practice(p);
                }
                g.writeEndArray();
            }
            if (!v.agreements().isEmpty()) {
                g.writeArrayFieldStart("agreements");
                for (Agreement a : v.agreements()) {
                    agreement(a);
                }
                g.writeEndArray();
            }
            if (v.financials() != null) {
                g.writeFieldName("financials");
                financials(v.financials());
            }
            if (!v.exits().isEmpty()) {
                g.writeArrayFieldStart("exits");
                for (ExitScenario e : v.exits()) {
                    exit(e);
                }
                g.writeEndArray();
            }
            if (v.simulation() != null) {
                g.writeFieldName("simulation");
                simulation(v.simulation());
            }
            if (!v.events().isEmpty()) {
                g.writeArrayFieldStart("events");
                for (DealEvent e : v.events()) {
                    if (e instanceof RoundEvent round) {
                        round(round);
                    } else {
                        recap((RecapEvent) e);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void round(RoundEvent r) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", r.type());
            g.writeStringField("name", r.name());
            date("date", r.date());
            g.writeFieldName("class");
            shareClass(r.shareClass(), false);
            amount("preMoney", r.preMoney());
            decimal("pricePerShare", r.pricePerShare());
            if (r.priceBasis() != RoundEvent.PriceBasis.WITH_CONVERSIONS) {
                enumField("priceBasis", r.priceBasis());
            }
            g.writeArrayFieldStart("investments");
            for (RoundEvent.Investment i : r.investments()) {
                g.writeStartObject();
                g.writeStringField("holder", i.holder());
                amount("amount", i.amount());
                g.writeEndObject();
            }
            g.writeEndArray();
            decimal("poolTopUp", r.poolTopUp());
            g.writeEndObject();
        }

        private void recap(RecapEvent r) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", r.type());
            g.writeStringField("name", r.name());
            date("date", r.date());
            amount("enterpriseValue", r.enterpriseValue());
            decimal("ebitdaMultiple", r.ebitdaMultiple());
            cost("sellerCosts", r.sellerCosts());
            cost("buyerCosts", r.buyerCosts());
            RecapEvent.NewDebt debt = r.newDebt();
            if (debt != null) {
                g.writeObjectFieldStart("newDebt");
                amount("amount", debt.amount());
                decimal("amortization", debt.amortization());
                decimal("pikRate", debt.pikRate());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("classes");
            for (ShareClass c : r.classes()) {
                shareClass(c);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("buyer");
            g.writeStringField("holder", r.buyer().holder());
            g.writeStringField("class", r.buyer().classId());
            decimal("price", r.buyer().price());
            g.writeEndObject();
            if (!r.rollover().isEmpty()) {
                g.writeArrayFieldStart("rollover");
                for (RecapEvent.Rollover o : r.rollover()) {
                    g.writeStartObject();
                    g.writeStringField("holder", o.holder());
                    decimal("fraction", o.fraction());
                    amount("amount", o.amount());
                    g.writeStringField("class", o.classId());
                    decimal("price", o.price());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!r.grants().isEmpty()) {
                g.writeArrayFieldStart("grants");
                for (Holding h : r.grants()) {
                    holding(h);
                }
                g.writeEndArray();
            }
            if (r.form() != null) {
                enumField("form", r.form());
            }
            g.writeEndObject();
        }

        /** Left out when none (zero fixed, as the model defaults it). */
        private void cost(String field, RecapEvent.Cost cost) throws IOException {
            if (cost.fraction() != null) {
                decimal(field, cost.fraction());
            } else if (!cost.equals(RecapEvent.Cost.NONE)) {
                g.writeObjectFieldStart(field);
                amount("fixed", cost.fixed());
                g.writeEndObject();
            }
        }

        private void person(Person p) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeStringField("name", p.name());
            if (p.type() != Person.Type.PERSON) {
                enumField("type", p.type());
            }
            if (!p.licenses().isEmpty()) {
                g.writeArrayFieldStart("licenses");
                for (License l : p.licenses()) {
                    g.writeStartObject();
                    g.writeStringField("profession", l.profession());
                    g.writeStringField("state", l.state());
                    enumField("status", l.status());
                    date("expires", l.expires());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            flag("refersPatients", p.refersPatients());
            flag("privateEquity", p.privateEquity());
            flag("incidentalMsoHolding", p.incidentalMsoHolding());
            g.writeEndObject();
        }

        private void mso(Mso m) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            text("state", m.state());
            enumField("form", m.form());
            g.writeArrayFieldStart("classes");
            for (ShareClass c : m.classes()) {
                shareClass(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("holdings");
            for (Holding h : m.holdings()) {
                holding(h);
            }
            g.writeEndArray();
            if (m.optionPool() != 0) {
                g.writeNumberField("optionPool", m.optionPool());
            }
            if (!m.options().isEmpty()) {
                g.writeArrayFieldStart("options");
                for (OptionGrant o : m.options()) {
                    option(o);
                }
                g.writeEndArray();
            }
            if (!m.warrants().isEmpty()) {
                g.writeArrayFieldStart("warrants");
                for (Warrant w : m.warrants()) {
                    g.writeStartObject();
                    g.writeStringField("holder", w.holder());
                    g.writeStringField("class", w.shareClass());
                    g.writeNumberField("shares", w.shares());
                    decimal("strike", w.strike());
                    date("expires", w.expires());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!m.safes().isEmpty()) {
                g.writeArrayFieldStart("safes");
                for (Safe s : m.safes()) {
                    g.writeStartObject();
                    g.writeStringField("holder", s.holder());
                    amount("amount", s.amount());
                    amount("cap", s.cap());
                    decimal("discount", s.discount());
                    enumField("kind", s.kind());
                    date("acquired", s.acquired());
                    if (s.seniority() != null) {
                        g.writeNumberField("seniority", s.seniority());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!m.notes().isEmpty()) {
                g.writeArrayFieldStart("notes");
                for (ConvertibleNote n : m.notes()) {
                    g.writeStartObject();
                    g.writeStringField("holder", n.holder());
                    amount("principal", n.principal());
                    decimal("rate", n.rate());
                    date("issued", n.issued());
                    amount("cap", n.cap());
                    decimal("discount", n.discount());
                    decimal("exitMultiple", n.exitMultiple());
                    date("maturity", n.maturity());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            texts("directors", m.directors());
            textMap("officers", m.officers());
            texts("staff", m.staff());
            date("formed", m.formed());
            g.writeEndObject();
        }

        private void shareClass(ShareClass c) throws IOException {
            shareClass(c, true);
        }

        /** A round's class is written without its issue price: the round sets it. */
        private void shareClass(ShareClass c, boolean withIssuePrice) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            enumField("type", c.type());
            if (withIssuePrice) {
                decimal("issuePrice", c.issuePrice());
            }
            // Defaults are left out only when they read back identical (BigDecimal equality counts the scale).
            BigDecimal defaultPreference = c.isPreferred() ? BigDecimal.ONE : BigDecimal.ZERO;
            if (!c.preference().equals(defaultPreference)) {
                decimal("preference", c.preference());
            }
            if (c.participation() != ShareClass.Participation.NONE) {
                enumField("participation", c.participation());
            }
            decimal("cap", c.cap());
            if (c.seniority() != (c.isPreferred() ? 1 : 0)) {
                g.writeNumberField("seniority", c.seniority());
            }
            if (!c.conversionRatio().equals(BigDecimal.ONE)) {
                decimal("conversionRatio", c.conversionRatio());
            }
            if (c.dividend() != null) {
                g.writeObjectFieldStart("dividend");
                decimal("rate", c.dividend().rate());
                g.writeBooleanField("cumulative", c.dividend().cumulative());
                enumField("compounding", c.dividend().compounding());
                g.writeEndObject();
            }
            if (c.catchUp() != null && c.catchUp() != ShareClass.CatchUp.NONE) {
                enumField("catchUp", c.catchUp());
            }
            text("name", c.name());
            if (c.antiDilution() != ShareClass.AntiDilution.NONE) {
                enumField("antiDilution", c.antiDilution());
            }
            g.writeEndObject();
        }

        /** An mso holding, or a recap's grant (a holding of the classes after the recap). */
        private void holding(Holding h) throws IOException {
            g.writeStartObject();
            g.writeStringField("holder", h.holder());
            g.writeStringField("class", h.shareClass());
            g.writeNumberField("shares", h.shares());
            date("acquired", h.acquired());
            amount("cost", h.cost());
            decimal("threshold", h.threshold());
            amount("hurdle", h.hurdle());
            vesting(h.vesting());
            if (h.acceleration() != null) {
                enumField("acceleration", h.acceleration());
            }
            performanceVesting(h.performanceVesting());
            date("dividendFrom", h.dividendFrom());
            g.writeEndObject();
        }

        private void performanceVesting(PerformanceVesting p) throws IOException {
            if (p != null) {
                g.writeObjectFieldStart("performanceVesting");
                g.writeStringField("class", p.shareClass());
                g.writeArrayFieldStart("moic");
                for (PerformanceVesting.Level level : p.moic()) {
                    g.writeStartObject();
                    decimal("at", level.at());
                    decimal("vests", level.vests());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private void option(OptionGrant o) throws IOException {
            g.writeStartObject();
            g.writeStringField("holder", o.holder());
            g.writeNumberField("shares", o.shares());
            decimal("strike", o.strike());
            date("granted", o.granted());
            vesting(o.vesting());
            enumField("acceleration", o.acceleration());
            g.writeEndObject();
        }

        private void vesting(Vesting v) throws IOException {
            if (v != null) {
                g.writeObjectFieldStart("vesting");
                date("start", v.start());
                g.writeNumberField("months", v.months());
                g.writeNumberField("cliffMonths", v.cliffMonths());
                g.writeEndObject();
            }
        }

        private void practice(Practice p) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeStringField("name", p.name());
            g.writeStringField("state", p.state());
            enumField("form", p.form());
            g.writeStringField("profession", p.profession());
            if (!p.shareholders().isEmpty()) {
                // A PLLC's owners in its own words, as the outputs say them: members holding units.
                boolean pllc = p.form() == Practice.Form.PLLC;
                g.writeArrayFieldStart(pllc ? "members" : "shareholders");
                for (Practice.Shareholding s : p.shareholders()) {
                    g.writeStartObject();
                    g.writeStringField("holder", s.holder());
                    g.writeNumberField(pllc ? "units" : "shares", s.shares());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            texts("directors", p.directors());
            textMap("officers", p.officers());
            Practice.TransferRestriction t = p.transferRestriction();
            if (t != null) {
                g.writeObjectFieldStart("transferRestriction");
                g.writeBooleanField("msoDesignatesTransferee", t.msoDesignatesTransferee());
                g.writeBooleanField("callRightAtWill", t.callRightAtWill());
                amount("nominalPrice", t.nominalPrice());
                g.writeEndObject();
            }
            texts("services", p.services());
            texts("patientStates", p.patientStates());
            date("formed", p.formed());
            g.writeEndObject();
        }

        private void agreement(Agreement a) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", a.id());
            enumField("type", a.type());
            g.writeStringField("practice", a.practice());
            FeeTerms f = a.fee();
            if (f != null) {
                g.writeObjectFieldStart("fee");
                enumField("basis", f.basis());
                amount("monthly", f.monthly());
                decimal("escalator", f.escalator());
                decimal("percent", f.percent());
                decimal("markup", f.markup());
                g.writeEndObject();
            }
            g.writeBooleanField("fmvOpinion", a.fmvOpinion());
            texts("services", a.services());
            texts("msoControls", a.msoControls());
            g.writeBooleanField("noncompete", a.noncompete());
            if (a.termMonths() != null) {
                g.writeNumberField("termMonths", a.termMonths());
            }
            g.writeBooleanField("signed", a.signed());
            g.writeEndObject();
        }

        private void financials(Financials f) throws IOException {
            g.writeStartObject();
            date("start", f.start());
            g.writeNumberField("years", f.years());
            if (!f.practices().isEmpty()) {
                g.writeObjectFieldStart("practices");
                for (Map.Entry<String, Financials.PracticeFinancials> e : f.practices().entrySet()) {
                    Financials.PracticeFinancials p = e.getValue();
                    g.writeObjectFieldStart(e.getKey());
                    amount("collections", p.collections());
                    decimal("growth", p.growth());
                    decimal("clinicianComp", p.clinicianComp());
                    amount("otherCosts", p.otherCosts());
                    decimal("referredByInvestors", p.referredByInvestors());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("mso");
            amount("operatingCosts", f.mso().operatingCosts());
            decimal("costGrowth", f.mso().costGrowth());
            amount("netDebt", f.mso().netDebt());
            g.writeEndObject();
            g.writeEndObject();
        }

        private void exit(ExitScenario e) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", e.name());
            date("date", e.date());
            amount("enterpriseValue", e.enterpriseValue());
            decimal("ebitdaMultiple", e.ebitdaMultiple());
            decimal("revenueMultiple", e.revenueMultiple());
            if (e.revenueBasis() == ExitScenario.RevenueBasis.PLATFORM) {
                g.writeStringField("revenueBasis", e.revenueBasis().id());
            }
            ExitScenario.TransactionCosts costs = e.transactionCosts();
            if (costs != null) {
                if (costs.fraction() != null) {
                    decimal("transactionCosts", costs.fraction());
                } else {
                    g.writeObjectFieldStart("transactionCosts");
                    amount("fixed", costs.fixed());
                    g.writeEndObject();
                }
            }
            if (e.escrow() != null) {
                g.writeObjectFieldStart("escrow");
                decimal("fraction", e.escrow().fraction());
                g.writeNumberField("months", e.escrow().months());
                decimal("releaseProbability", e.escrow().releaseProbability());
                g.writeEndObject();
            }
            if (e.carveOut() != null) {
                g.writeObjectFieldStart("carveOut");
                decimal("fraction", e.carveOut().fraction());
                g.writeObjectFieldStart("recipients");
                for (Map.Entry<String, BigDecimal> r : e.carveOut().recipients().entrySet()) {
                    decimal(r.getKey(), r.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            if (e.earnout() != null) {
                g.writeObjectFieldStart("earnout");
                amount("amount", e.earnout().amount());
                decimal("probability", e.earnout().probability());
                g.writeEndObject();
            }
            flag("doubleTriggerFires", e.doubleTriggerFires());
            g.writeEndObject();
        }

        private void simulation(SimulationSpec s) throws IOException {
            g.writeStartObject();
            g.writeNumberField("runs", s.runs());
            g.writeNumberField("seed", s.seed());
            for (Map.Entry<String, Distribution> d : s.drivers().entrySet()) {
                g.writeFieldName(d.getKey());
                distribution(d.getValue(), d.getKey().equals("exitDate"));
            }
            g.writeFieldName("noExitProbability");
            number(s.noExitProbability(), false);
            if (!s.correlations().isEmpty()) {
                g.writeArrayFieldStart("correlations");
                for (SimulationSpec.Correlation c : s.correlations()) {
                    g.writeStartObject();
                    g.writeStringField("a", c.a());
                    g.writeStringField("b", c.b());
                    g.writeFieldName("rho");
                    number(c.rho(), false);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        /** Location parameters of date drivers are written as dates, scale parameters as numbers. */
        private void distribution(Distribution d, boolean dates) throws IOException {
            if (d instanceof Distribution.Constant c) {
                number(c.value(), dates);
                return;
            }
            g.writeStartObject();
            g.writeFieldName(d.kind());
            if (d instanceof Distribution.Normal n) {
                g.writeStartObject();
                g.writeFieldName("mean");
                number(n.mean(), dates);
                g.writeFieldName("sd");
                number(n.sd(), false);
                g.writeEndObject();
            } else if (d instanceof Distribution.LogNormal l) {
                g.writeStartObject();
                g.writeFieldName("median");
                number(l.median(), dates);
                g.writeFieldName("sigma");
                number(l.sigma(), false);
                g.writeEndObject();
            } else if (d instanceof Distribution.Uniform u) {
                numbers(List.of(u.low(), u.high()), dates);
            } else if (d instanceof Distribution.Triangular t) {
                numbers(List.of(t.low(), t.mode(), t.high()), dates);
            } else if (d instanceof Distribution.Beta b) {
                g.writeStartObject();
                g.writeFieldName("alpha");
                number(b.alpha(), false);
                g.writeFieldName("beta");
                number(b.beta(), false);
                g.writeFieldName("low");
                number(b.low(), dates);
                g.writeFieldName("high");
                number(b.high(), dates);
                g.writeEndObject();
            } else if (d instanceof Distribution.Empirical e) {
                numbers(e.points(), dates);
            } else {
                throw new IllegalStateException("unknown distribution " + d.kind());
            }
            g.writeEndObject();
        }

        private void numbers(List<Double> values, boolean dates) throws IOException {
            g.writeStartArray();
            for (double v : values) {
                number(v, dates);
            }
            g.writeEndArray();
        }

        /** A double as the shortest text that reads back to the same double; whole day counts as dates. */
        private void number(double value, boolean asDate) throws IOException {
            if (asDate && value == Math.rint(value) && Math.abs(value) <= LocalDate.MAX.toEpochDay()
                    && LocalDate.ofEpochDay((long) value).getYear() >= 1000 && LocalDate.ofEpochDay((long) value).getYear() <= 9999) {
                g.writeString(LocalDate.ofEpochDay((long) value).toString());
            } else {
                g.writeNumber(Double.toString(value));
            }
        }

        private void decimal(String field, BigDecimal value) throws IOException {
            if (value != null) {
                g.writeFieldName(field);
                g.writeNumber(value.toPlainString());
            }
        }

        private void amount(String field, Money value) throws IOException {
            if (value != null) {
                g.writeFieldName(field);
                g.writeNumber(Amounts.format(value.amount()));
            }
        }

        private void date(String field, LocalDate value) throws IOException {
            if (value != null) {
                g.writeStringField(field, value.toString());
            }
        }

        private void text(String field, String value) throws IOException {
            if (value != null) {
                g.writeStringField(field, value);
            }
        }

        private void flag(String field, boolean value) throws IOException {
            if (value) {
                g.writeBooleanField(field, true);
            }
        }

        private void enumField(String field, Enum<?> value) throws IOException {
            if (value != null) {
                g.writeStringField(field, VentureBinder.id(value));
            }
        }

        private void texts(String field, List<String> values) throws IOException {
            if (!values.isEmpty()) {
                g.writeArrayFieldStart(field);
                for (String v : values) {
                    g.writeString(v);
                }
                g.writeEndArray();
            }
        }

        private void textMap(String field, Map<String, String> values) throws IOException {
            if (!values.isEmpty()) {
                g.writeObjectFieldStart(field);
                for (Map.Entry<String, String> e : values.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
        }
    }
}

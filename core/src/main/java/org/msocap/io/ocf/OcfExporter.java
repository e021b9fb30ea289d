package org.msocap.io.ocf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.msocap.io.AtomicFiles;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;

/**
 * Writes a venture's MSO cap table as an OCF package (a manifest plus stakeholders, stock classes, the option
 * plan, vesting terms and transactions files) that validates against the bundled official schemas, and that
 * {@link OcfImporter} reads back to the same cap table.
 *
 * <p>OCF describes a cap table, not an MSO: practices, agreements, licenses, financials, exits and the
 * simulation stay out and are listed in {@link Result#notExported()}, as is any class of a type OCF has no
 * stock class for.
 */
public final class OcfExporter {

    /** The OCF package as files (name to content, the manifest first) and what did not go into it. */
    public record Result(Map<String, byte[]> files, List<String> notExported) {
    }

    static final String MANIFEST = "Manifest.ocf.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A fixed entry time keeps the zip the same for the same venture (the manifest's generated_at says when). */
    private static final long ZIP_ENTRY_TIME = 315_532_800_000L; // 1980-01-01, the zip format's epoch
    private static final String POOL_PLAN = "option-pool";

    private final Venture venture;
    private final Mso mso;
    private final String currency;
    private final List<String> notExported = new ArrayList<>();
    private final Set<String> exportedClasses = new java.util.HashSet<>();
    private final Map<String, ObjectNode> vestingTerms = new TreeMap<>();

    private OcfExporter(Venture venture) {
        this.venture = venture;
        this.mso = venture.mso();
        this.currency = venture.currency();
    }

    /** The package for {@code venture}, generated at {@code generatedAt}; checked against the schemas before it is returned. */
    public static Result export(Venture venture, Instant generatedAt) {
        Result result = new OcfExporter(venture).build(generatedAt);
        OcfPackage check = OcfPackage.of("export", result.files());
        if (!check.problems().isEmpty()) {
            // The exporter writes only what the schemas allow: a problem here is a bug, not bad input.
            throw new IllegalStateException("the OCF export does not validate: " + check.problems());
        }
        return result;
    }

    /**
     * Writes the package as a zip through {@link AtomicFiles}.
     *
     * @throws FileAlreadyExistsException when {@code out} exists and {@code force} is false
     */
    /** The package as a zip, for {@link AtomicFiles}: entries in a fixed order and time, so the same cap table gives the same bytes. */
    public static AtomicFiles.Content zip(Result result) {
        return stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            for (var e : result.files().entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(ZIP_ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        };
    }

    private Result build(Instant generatedAt) {
        ArrayNode stakeholders = NODES.arrayNode();
        for (Person p : venture.people()) {
            stakeholders.add(stakeholder(p));
        }
        ArrayNode classes = NODES.arrayNode();
        for (ShareClass c : mso.classes()) {
            ObjectNode sc = stockClass(c);
            if (sc != null) {
                classes.add(sc);
                exportedClasses.add(c.id());
            }
        }
        ArrayNode plans = NODES.arrayNode();
        ShareClass common = mso.classes().stream().filter(c -> c.type() == ShareClass.Type.COMMON).findFirst().orElse(null);
        if (mso.optionPool() > 0 || !mso.options().isEmpty()) {
            ObjectNode plan = object("STOCK_PLAN", POOL_PLAN);
            plan.put("plan_name", "Option pool");
            plan.put("initial_shares_reserved", Long.toString(mso.optionPool()));
            if (common != null) {
                plan.putArray("stock_class_ids").add(common.id());
            }
            plans.add(plan);
        }
        ArrayNode transactions = NODES.arrayNode();
        int n = 0;
        for (Holding h : mso.holdings()) {
            n++;
            if (!exportedClasses.contains(h.shareClass())) {
                notExported.add("holding " + n + " (" + h.holder() + ", " + h.shares() + " of class " + h.shareClass()
                        + "): its class is not exported");
                continue;
            }
            transactions.add(stockIssuance(h, n));
        }
        n = 0;
        for (OptionGrant o : mso.options()) {
            n++;
            transactions.add(optionIssuance(o, n, common));
            if (o.vesting() != null) {
                ObjectNode start = object("TX_VESTING_START", "option-" + n + "-vesting-start");
                start.put("date", o.vesting().start().toString());
                start.put("security_id", "option-" + n);
                start.put("vesting_condition_id", "start");
                transactions.add(start);
            }
        }
        n = 0;
        for (Warrant w : mso.warrants()) {
            n++;
            if (!exportedClasses.contains(w.shareClass())) {
                notExported.add("warrant " + n + " (" + w.holder() + ") on class " + w.shareClass() + ": its class is not exported");
                continue;
            }
            transactions.add(warrantIssuance(w, n));
        }
        n = 0;
        for (Safe s : mso.safes()) {
            transactions.add(safeIssuance(s, ++n));
        }
        n = 0;
        for (ConvertibleNote note : mso.notes()) {
            transactions.add(noteIssuance(note, ++n));
        }
        notExportedParts();

        Map<String, ObjectNode> files = new LinkedHashMap<>();
        files.put("Stakeholders.ocf.json", file("OCF_STAKEHOLDERS_FILE", stakeholders));
        files.put("StockClasses.ocf.json", file("OCF_STOCK_CLASSES_FILE", classes));
        files.put("StockPlans.ocf.json", file("OCF_STOCK_PLANS_FILE", plans));
        ArrayNode terms = NODES.arrayNode();
        vestingTerms.values().forEach(terms::add);
        files.put("VestingTerms.ocf.json", file("OCF_VESTING_TERMS_FILE", terms));
        files.put("Transactions.ocf.json", file("OCF_TRANSACTIONS_FILE", transactions));

        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, String> md5 = new LinkedHashMap<>();
        files.forEach((name, tree) -> {
            byte[] content = bytes(tree);
            bytes.put(name, content);
            md5.put(name, OcfPackage.md5(content));
        });
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(MANIFEST, bytes(manifest(generatedAt, md5)));
        out.putAll(bytes);
        return new Result(out, List.copyOf(notExported));
    }

    private ObjectNode manifest(Instant generatedAt, Map<String, String> md5) {
        ObjectNode m = NODES.objectNode();
        m.put("ocf_version", OcfSchemas.get().version());
        m.put("file_type", "OCF_MANIFEST_FILE");
        ObjectNode issuer = object("ISSUER", "issuer");
        issuer.put("legal_name", mso.name());
        if (!venture.name().equals(mso.name())) {
            issuer.put("dba", venture.name());
        }
        LocalDate formed = earliestDate();
        issuer.put("formation_date", formed.toString());
        issuer.put("country_of_formation", "US");
        if (mso.state() != null && mso.state().matches("[A-Z0-9]+")) {
            issuer.put("country_subdivision_of_formation", mso.state());
        }
        MsocapComments.add(issuer, "form", mso.form().id());
        issuer.withArray("comments").add("formation_date is not in the msocap model: it is the earliest date of the cap table");
        m.set("issuer", issuer);
        m.put("as_of", venture.asOf().toString());
        m.put("generated_at", generatedAt.toString());
        m.putArray("comments").add("Exported by msocap from the venture " + venture.name() + " (modeling software, not legal advice)");
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("stock_plans_files", "StockPlans.ocf.json");
        lists.put("stock_legend_templates_files", null);
        lists.put("stock_classes_files", "StockClasses.ocf.json");
        lists.put("vesting_terms_files", "VestingTerms.ocf.json");
        lists.put("valuations_files", null);
        lists.put("transactions_files", "Transactions.ocf.json");
        lists.put("stakeholders_files", "Stakeholders.ocf.json");
        lists.forEach((field, name) -> {
            ArrayNode list = m.putArray(field);
            if (name != null) {
                list.addObject().put("filepath", "./" + name).put("md5", md5.get(name));
            }
        });
        return m;
    }

    private LocalDate earliestDate() {
        LocalDate earliest = venture.asOf();
        List<LocalDate> dates = new ArrayList<>();
        mso.holdings().forEach(h -> dates.add(h.acquired()));
        mso.options().forEach(o -> dates.add(o.granted()));
        mso.safes().forEach(s -> dates.add(s.acquired()));
        mso.notes().forEach(note -> dates.add(note.issued()));
        for (LocalDate d : dates) {
            if (d != null && d.isBefore(earliest)) {
                earliest = d;
            }
        }
        return earliest;
    }

    private ObjectNode stakeholder(Person p) {
        ObjectNode s = object("STAKEHOLDER", p.id());
        s.putObject("name").put("legal_name", p.name());
        s.put("stakeholder_type", p.isEntity() ? "INSTITUTION" : "INDIVIDUAL");
        if (p.refersPatients()) {
            MsocapComments.add(s, "refers-patients", "");
        }
        if (p.privateEquity()) {
            MsocapComments.add(s, "private-equity", "");
        }
        // OCF has no place for clinical licenses; they decide a holder's category (clinician or lay), so they travel
        // as comments and come back on import.
        for (License l : p.licenses()) {
            MsocapComments.add(s, "license", "state=" + l.state() + " status=" + l.status().id() + " expires="
                    + (l.expires() == null ? "-" : l.expires().toString()) + " profession=" + l.profession());
        }
        return s;
    }

    private ObjectNode stockClass(ShareClass c) {
        ObjectNode sc = object("STOCK_CLASS", c.id());
        sc.put("name", c.id());
        switch (c.type()) {
            case COMMON -> {
                sc.put("class_type", "COMMON");
                sc.put("default_id_prefix", "CS-");
            }
            case PREFERRED -> {
                sc.put("class_type", "PREFERRED");
                sc.put("default_id_prefix", "PS-");
            }
            // A class type OCF has no stock class for (e.g. profits interests in an LLC) is listed, not guessed at.
            default -> {
                notExported.add("class " + c.id() + " of type " + c.type().id() + ": OCF has no such stock class; its holdings "
                        + "and warrants are not exported");
                return null;
            }
        }
        // The OCF name stays the id the importer rebuilds the class id from; the name people read travels as a comment.
        if (c.name() != null) {
            MsocapComments.add(sc, "name", c.name());
        }
        if (c.antiDilution() != ShareClass.AntiDilution.NONE) {
            MsocapComments.add(sc, "anti-dilution", c.antiDilution().id());
        }
        sc.put("initial_shares_authorized", Long.toString(authorized(c)));
        sc.put("votes_per_share", "1");
        sc.put("seniority", Integer.toString(c.seniority()));
        if (c.issuePrice() != null) {
            sc.set("price_per_share", monetary(c.issuePrice()));
        }
        if (c.isPreferred()) {
            sc.put("liquidation_preference_multiple", numeric(c.preference()));
            switch (c.participation()) {
                case CAPPED -> sc.put("participation_cap_multiple", numeric(c.cap()));
                case FULL -> MsocapComments.add(sc, "participation", "full");
                default -> MsocapComments.add(sc, "participation", "none");
            }
            if (c.dividend() != null) {
                MsocapComments.add(sc, "dividend", c.dividend().rate().toPlainString() + " "
                        + (c.dividend().cumulative() ? "cumulative" : "noncumulative") + " " + c.dividend().compounding().id());
            }
            ShareClass common = mso.classes().stream().filter(x -> x.type() == ShareClass.Type.COMMON).findFirst().orElse(null);
            if (common != null) {
                ObjectNode right = sc.putArray("conversion_rights").addObject();
                right.put("type", "STOCK_CLASS_CONVERSION_RIGHT");
                ObjectNode mechanism = right.putObject("conversion_mechanism");
                mechanism.put("type", "RATIO_CONVERSION");
                mechanism.putObject("ratio").put("numerator", numeric(c.conversionRatio())).put("denominator", "1");
                mechanism.set("conversion_price", monetary(c.issuePriceOrZero().divide(c.conversionRatio(), 10, RoundingMode.HALF_UP)));
                mechanism.put("rounding_type", "NORMAL");
                right.put("converts_to_stock_class_id", common.id());
            } else if (c.conversionRatio().compareTo(BigDecimal.ONE) != 0) {
                notExported.add("the conversion ratio of class " + c.id() + " (the venture has no common class to convert into)");
            }
        }
        return sc;
    }

    /** Shares of the class issued or reserved (holdings, warrants on it, and the pool for the first common class). */
    private long authorized(ShareClass c) {
        long total = mso.holdings().stream().filter(h -> h.shareClass().equals(c.id())).mapToLong(Holding::shares).sum();
        total += mso.warrants().stream().filter(w -> w.shareClass().equals(c.id())).mapToLong(Warrant::shares).sum();
        ShareClass common = mso.classes().stream().filter(x -> x.type() == ShareClass.Type.COMMON).findFirst().orElse(null);
        if (c == common) {
            total += mso.optionPool();
        }
        return total;
    }

    private ObjectNode stockIssuance(Holding h, int n) {
        ShareClass cls = mso.classes().stream().filter(c -> c.id().equals(h.shareClass())).findFirst().orElseThrow();
        ObjectNode tx = issuance("TX_STOCK_ISSUANCE", "holding-" + n, h.holder(), (cls.isPreferred() ? "PS-" : "CS-") + n, h.acquired());
        tx.put("stock_class_id", cls.id());
        Money cost = h.costBasis(cls);
        BigDecimal price = h.cost() == null ? cls.issuePriceOrZero()
                : cost.amount().divide(BigDecimal.valueOf(h.shares()), 10, RoundingMode.HALF_UP).stripTrailingZeros();
        tx.set("share_price", monetary(price));
        tx.put("quantity", Long.toString(h.shares()));
        tx.set("cost_basis", monetary(cost.amount()));
        tx.putArray("stock_legend_ids");
        if (h.dividendFrom() != null) {
            MsocapComments.add(tx, "dividend-from", h.dividendFrom().toString());
        }
        return tx;
    }

    private ObjectNode optionIssuance(OptionGrant o, int n, ShareClass common) {
        ObjectNode tx = issuance("TX_EQUITY_COMPENSATION_ISSUANCE", "option-" + n, o.holder(), "O-" + n, o.granted());
        tx.put("stock_plan_id", POOL_PLAN);
        if (common != null) {
            tx.put("stock_class_id", common.id());
        }
        tx.put("compensation_type", "OPTION");
        tx.put("quantity", Long.toString(o.shares()));
        tx.set("exercise_price", monetary(o.strike()));
        tx.putNull("expiration_date");
        tx.putArray("termination_exercise_windows");
        if (o.vesting() != null) {
            tx.put("vesting_terms_id", vestingTermsId(o.vesting()));
        }
        if (o.acceleration() != OptionGrant.Acceleration.NONE) {
            MsocapComments.add(tx, "acceleration", o.acceleration().id());
        }
        return tx;
    }

    private ObjectNode warrantIssuance(Warrant w, int n) {
        ObjectNode tx = issuance("TX_WARRANT_ISSUANCE", "warrant-" + n, w.holder(), "W-" + n, null);
        tx.put("quantity", Long.toString(w.shares()));
        tx.set("exercise_price", monetary(w.strike()));
        tx.set("purchase_price", monetary(BigDecimal.ZERO));
        ObjectNode trigger = tx.putArray("exercise_triggers").addObject();
        trigger.put("trigger_id", "exercise");
        trigger.put("type", "ELECTIVE_AT_WILL");
        ObjectNode right = trigger.putObject("conversion_right");
        right.put("type", "WARRANT_CONVERSION_RIGHT");
        right.putObject("conversion_mechanism").put("type", "FIXED_AMOUNT_CONVERSION").put("converts_to_quantity", Long.toString(w.shares()));
        right.put("converts_to_stock_class_id", w.shareClass());
        if (w.expires() != null) {
            tx.put("warrant_expiration_date", w.expires().toString());
        }
        return tx;
    }

    private ObjectNode safeIssuance(Safe s, int n) {
        ObjectNode tx = issuance("TX_CONVERTIBLE_ISSUANCE", "safe-" + n, s.holder(), "SAFE-" + n, s.acquired());
        tx.put("convertible_type", "SAFE");
        tx.set("investment_amount", monetary(s.amount().amount()));
        tx.put("seniority", 1);
        if (s.seniority() != null) {
            MsocapComments.add(tx, "seniority", s.seniority().toString());
        }
        ObjectNode mechanism = conversionMechanism(tx, "SAFE_CONVERSION");
        if (s.cap() != null) {
            mechanism.set("conversion_valuation_cap", monetary(s.cap().amount()));
        }
        if (s.discount() != null) {
            mechanism.put("conversion_discount", s.discount().toPlainString());
        }
        mechanism.put("conversion_timing", s.kind() == Safe.Kind.PRE_MONEY ? "PRE_MONEY" : "POST_MONEY");
        mechanism.put("conversion_mfn", false);
        return tx;
    }

    private ObjectNode noteIssuance(ConvertibleNote note, int n) {
        ObjectNode tx = issuance("TX_CONVERTIBLE_ISSUANCE", "note-" + n, note.holder(), "CN-" + n, note.issued());
        tx.put("convertible_type", "NOTE");
        tx.set("investment_amount", monetary(note.principal().amount()));
        tx.put("seniority", 1);
        if (note.maturity() != null) {
            MsocapComments.add(tx, "maturity", note.maturity().toString());
        }
        ObjectNode mechanism = conversionMechanism(tx, "CONVERTIBLE_NOTE_CONVERSION");
        mechanism.putArray("interest_rates").addObject().put("rate", note.rate().toPlainString())
                .put("accrual_start_date", note.issued().toString());
        mechanism.put("day_count_convention", "ACTUAL_365");
        mechanism.put("interest_payout", "DEFERRED");
        mechanism.put("interest_accrual_period", "DAILY");
        mechanism.put("compounding_type", "SIMPLE");
        if (note.cap() != null) {
            mechanism.set("conversion_valuation_cap", monetary(note.cap().amount()));
        }
        if (note.discount() != null) {
            mechanism.put("conversion_discount", note.discount().toPlainString());
        }
        mechanism.putObject("exit_multiple").put("numerator", numeric(note.exitMultiple())).put("denominator", "1");
        mechanism.put("conversion_mfn", false);
        return tx;
    }

    private static ObjectNode conversionMechanism(ObjectNode tx, String type) {
        ObjectNode trigger = tx.putArray("conversion_triggers").addObject();
        trigger.put("trigger_id", "conversion");
        trigger.put("type", "UNSPECIFIED");
        ObjectNode right = trigger.putObject("conversion_right");
        right.put("type", "CONVERTIBLE_CONVERSION_RIGHT");
        ObjectNode mechanism = right.putObject("conversion_mechanism");
        mechanism.put("type", type);
        return mechanism;
    }

    private ObjectNode issuance(String type, String securityId, String holder, String customId, LocalDate date) {
        ObjectNode tx = object(type, securityId + "-issuance");
        tx.put("security_id", securityId);
        if (date == null) {
            tx.put("date", venture.asOf().toString());
            MsocapComments.add(tx, "date-unknown", "");
        } else {
            tx.put("date", date.toString());
        }
        tx.put("stakeholder_id", holder);
        tx.put("custom_id", customId);
        tx.putArray("security_law_exemptions");
        return tx;
    }

    /** One vesting terms object per distinct schedule: start, the cliff tranche, then monthly to the end. */
    private String vestingTermsId(Vesting v) {
        String id = "monthly-" + v.months() + "-cliff-" + v.cliffMonths();
        vestingTerms.computeIfAbsent(id, k -> {
            ObjectNode t = object("VESTING_TERMS", k);
            t.put("name", v.months() + " months monthly, " + v.cliffMonths() + "-month cliff");
            t.put("description", "Vests monthly over " + v.months() + " months from the vesting start; nothing before the "
                    + v.cliffMonths() + "-month cliff, then the cliff's months at once.");
            t.put("allocation_type", "CUMULATIVE_ROUND_DOWN");
            ArrayNode conditions = t.putArray("vesting_conditions");
            ObjectNode start = conditions.addObject();
            start.put("id", "start");
            start.put("quantity", "0");
            start.putObject("trigger").put("type", "VESTING_START_DATE");
            String previous = "start";
            ObjectNode last = start;
            if (v.cliffMonths() > 0) {
                last.putArray("next_condition_ids").add("cliff");
                last = relative(conditions, "cliff", previous, v.cliffMonths(), 1, v.cliffMonths(), v.months());
                previous = "cliff";
            }
            if (v.months() > v.cliffMonths()) {
                last.putArray("next_condition_ids").add("monthly");
                last = relative(conditions, "monthly", previous, 1, v.months() - v.cliffMonths(), 1, v.months());
            }
            last.putArray("next_condition_ids");
            return t;
        });
        return id;
    }

    private static ObjectNode relative(ArrayNode conditions, String id, String after, int length, int occurrences, int numerator,
                                       int denominator) {
        ObjectNode c = conditions.addObject();
        c.put("id", id);
        c.putObject("portion").put("numerator", Integer.toString(numerator)).put("denominator", Integer.toString(denominator));
        ObjectNode trigger = c.putObject("trigger");
        trigger.put("type", "VESTING_SCHEDULE_RELATIVE");
        trigger.put("relative_to_condition_id", after);
        trigger.putObject("period").put("length", length).put("type", "MONTHS").put("occurrences", occurrences)
                .put("day_of_month", "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH");
        return c;
    }

    private void notExportedParts() {
        if (mso.form() == Mso.Form.LLC) {
            notExported.add("OCF describes stock corporations: the LLC's units go out as shares of stock classes");
        }
        List<String> parts = new ArrayList<>();
        if (!venture.practices().isEmpty()) {
            parts.add("practices (" + venture.practices().size() + ")");
        }
        if (!venture.agreements().isEmpty()) {
            parts.add("agreements (" + venture.agreements().size() + ")");
        }
        if (!mso.directors().isEmpty() || !mso.officers().isEmpty() || !mso.staff().isEmpty()) {
            parts.add("the MSO's directors, officers and staff");
        }
        if (venture.financials() != null) {
            parts.add("financials");
        }
        if (!venture.exits().isEmpty()) {
            parts.add("exit scenarios (" + venture.exits().size() + ")");
        }
        if (venture.simulation() != null) {
            parts.add("the simulation");
        }
        if (!venture.events().isEmpty()) {
            parts.add("deal events (" + venture.events().size() + "; the cap table exported is the one as of asOf)");
        }
        if (!parts.isEmpty()) {
            notExported.add(parts.stream().collect(Collectors.joining(", ")) + ": not part of a cap table in OCF");
        }
    }

    private ObjectNode monetary(BigDecimal amount) {
        ObjectNode m = NODES.objectNode();
        m.put("amount", numeric(amount));
        m.put("currency", currency);
        return m;
    }

    /** An OCF Numeric: a plain decimal string with at most ten decimals. */
    static String numeric(BigDecimal value) {
        BigDecimal v = value.scale() > 10 ? value.setScale(10, RoundingMode.HALF_UP) : value;
        return v.toPlainString();
    }

    private static ObjectNode object(String type, String id) {
        ObjectNode o = NODES.objectNode();
        o.put("object_type", type);
        o.put("id", id);
        return o;
    }

    private static ObjectNode file(String type, ArrayNode items) {
        ObjectNode f = NODES.objectNode();
        f.put("file_type", type);
        f.set("items", items);
        return f;
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return (JSON.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.msocap.io.ocf;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.msocap.io.InvalidModelException;
import org.msocap.io.VentureReader;
import org.msocap.io.VentureWriter;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Limits;
import org.msocap.model.LicenseStatus;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.Person;
import org.msocap.model.Safe;
import org.msocap.model.ShareClass;
import org.msocap.model.Shown;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Money;
import org.msocap.money.Rounding;

/**
 * Maps an OCF package onto an msocap venture: stakeholders become people, stock classes classes, stock issuances
 * net of what later transactions took away holdings, options and warrants grants, SAFEs and notes convertibles,
 * and the stock plans the option pool.
 *
 * <p>OCF records history: a transfer, cancellation, repurchase, conversion or exercise closes the security it
 * acts on and names the securities that carry what is left ({@code balance_security_id}) or what came out of it
 * ({@code resulting_security_ids}), each of them an issuance of its own. So the cap table is the issuances that
 * are still open, less what partial events without a balance security took away.
 *
 * <p>Strict (the default): any schema violation, broken reference or unsupported version refuses the package
 * with one problem per line. Lenient: the same become warnings and the mapping does what it can.
 */
public final class OcfImporter {

    /**
     * @param warnings problems a lenient import went past (empty when strict)
     * @param notCarried OCF content the model has no place for, each with its file, pointer and object id
     * @param notices remarks about the package that do not make it invalid (checksums, the upstream schema gap)
     * @param toAdd what the user must add by hand: the parts of an MSO venture OCF does not describe
     */
    public record Result(Venture venture, List<OcfProblem> warnings, List<OcfProblem> notCarried, List<OcfProblem> notices,
                         List<String> toAdd) {

        /**
         * The model file as YAML, headed by comments that say where it came from, what the package held that the
         * model could not carry, and what the user must add: the file is where the user goes on from here.
         */
        public String commentedYaml(String source) {
            StringBuilder b = new StringBuilder();
            b.append("# Imported by msocap from the Open Cap Format package ").append(oneLine(source)).append('.').append('\n');
            b.append("# Modeling software, not legal advice. Check every number against the company's records.\n");
            if (!warnings.isEmpty()) {
                b.append("# The package did not validate (imported with --lenient): ").append(warnings.size())
                        .append(" problem(s), listed when it was imported.\n");
            }
            if (!notCarried.isEmpty()) {
                b.append("#\n# Not carried over (file: JSON pointer: what, with the OCF object id):\n");
                notCarried.forEach(p -> b.append("#   - ").append(oneLine(p.toString())).append('\n'));
            }
            b.append("#\n# Add by hand (OCF does not describe them):\n");
            toAdd.forEach(t -> b.append("#   - ").append(t).append('\n'));
            b.append('\n');
            return b + VentureWriter.toYaml(venture);
        }

        private static String oneLine(String text) {
            return text.replaceAll("[\\r\\n]+", " ");
        }
    }

    private record Item(String file, int index, JsonNode node) {
        String pointer() {
            return "/items/" + index;
        }

        String id() {
            return node.path("id").asText("");
        }

        String type() {
            return node.path("object_type").asText("");
        }

        String text(String field) {
            return node.path(field).isTextual() ? node.get(field).asText() : null;
        }
    }

    /** An issued security and what later transactions did to it. */
    private static final class Security {
        final Item issuance;
        BigDecimal remaining;
        boolean closed;
        LocalDate vestingStart;
        BigDecimal strike;

        Security(Item issuance, BigDecimal quantity) {
            this.issuance = issuance;
            this.remaining = quantity;
        }
    }

    private static final Set<String> NO_CAP_TABLE_EFFECT = Set.of("TX_STOCK_ACCEPTANCE", "TX_PLAN_SECURITY_ACCEPTANCE",
            "TX_EQUITY_COMPENSATION_ACCEPTANCE", "TX_WARRANT_ACCEPTANCE", "TX_CONVERTIBLE_ACCEPTANCE",
            "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT", "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT", "TX_STOCK_PLAN_RETURN_TO_POOL",
            "CE_STAKEHOLDER_RELATIONSHIP", "CE_STAKEHOLDER_STATUS", "TX_VESTING_EVENT");

    private final boolean lenient;
    private final List<OcfProblem> problems = new ArrayList<>();
    private final List<OcfProblem> notCarried = new ArrayList<>();
    private final Map<String, List<Item>> byType = new LinkedHashMap<>();
    private final Map<String, String> personIds = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, String> classIds = new LinkedHashMap<>();
    private final Map<String, ShareClass> classes = new LinkedHashMap<>();
    private final Map<String, Item> plans = new LinkedHashMap<>();
    private final Map<String, Long> planReserved = new LinkedHashMap<>();
    private final Map<String, Object> vestingTerms = new LinkedHashMap<>();
    private final Map<String, Security> securities = new LinkedHashMap<>();
    private final Set<String> usedPersonIds = new HashSet<>();
    private final Set<String> usedClassIds = new HashSet<>();
    private String currency;
    private long exercisedFromPlans;

    private OcfImporter(boolean lenient) {
        this.lenient = lenient;
    }

    /**
     * Imports a package read with {@link OcfPackage#read}.
     *
     * @throws InvalidOcfPackageException with every problem, when strict and the package has any, or when even a
     *         lenient import finds no cap table in it
     */
    public static Result importPackage(OcfPackage pkg, boolean lenient) {
        return new OcfImporter(lenient).run(pkg);
    }

    private Result run(OcfPackage pkg) {
        if (pkg.manifest() == null) {
            throw new InvalidOcfPackageException(pkg.problems());
        }
        problems.addAll(pkg.problems());
        for (OcfPackage.OcfFile f : pkg.files()) {
            JsonNode items = f.json().path("items");
            for (int i = 0; i < items.size(); i++) {
                Item item = new Item(f.name(), i, items.get(i));
                byType.computeIfAbsent(item.type(), t -> new ArrayList<>()).add(item);
            }
        }
        JsonNode manifest = pkg.manifest();
        JsonNode issuer = manifest.path("issuer");
        LocalDate asOf = date(manifest.path("as_of").asText(null), pkg.manifestName(), "/as_of");

        stakeholders();
        stockClasses();
        stockPlans();
        vestingTerms();
        issuances();
        events(asOf);
        Mso.Builder mso = Mso.builder().name(text(issuer, "legal_name", "MSO"));
        String state = issuer.path("country_subdivision_of_formation").asText("");
        if (state.matches("[A-Z]{2}") && "US".equals(issuer.path("country_of_formation").asText())) {
            mso.state(state);
        }
        mso.form(MsocapComments.get(issuer, "form").map(OcfImporter::form).orElse(Mso.Form.C_CORP));
        List<OptionGrant> options = new ArrayList<>();
        buildSecurities(mso, options);
        classes.values().forEach(mso::shareClass); // after the securities: a lenient import may add a placeholder class
        options.forEach(mso::option);
        long granted = options.stream().mapToLong(OptionGrant::shares).sum();
        long reserved = planReserved.values().stream().mapToLong(Long::longValue).sum();
        long pool = Math.max(0, reserved - exercisedFromPlans);
        if (pool < granted) {
            if (!plans.isEmpty()) {
                notCarried.add(new OcfProblem(plans.values().iterator().next().file(), "", "the plans reserve " + reserved
                        + " shares, " + exercisedFromPlans + " were exercised, and " + granted + " are under option: optionPool is set to "
                        + granted + " (outstanding options must fit in it)"));
            }
            pool = granted;
        }
        mso.optionPool(pool);

        if (!lenient && !problems.isEmpty()) {
            throw new InvalidOcfPackageException(problems);
        }
        String name = issuer.path("dba").asText("");  // the venture's display name, as the export writes it
        Venture.Builder venture = Venture.builder(name.isBlank() ? text(issuer, "legal_name", "Imported venture") : name)
                .currency(currency == null ? "USD" : currency).asOf(asOf);
        people.values().forEach(venture::person);
        Venture built;
        try {
            built = venture.mso(mso.build()).build();
        } catch (ModelException e) {
            problems.add(new OcfProblem(pkg.manifestName(), "", "the imported cap table breaks a rule of the model: " + e.field()
                    + ": " + e.getMessage()));
            throw new InvalidOcfPackageException(problems);
        }
        if (built.mso().classes().isEmpty() || built.mso().holdings().isEmpty()) {
            problems.add(new OcfProblem(pkg.manifestName(), "", "no cap table results: the package has "
                    + (built.mso().classes().isEmpty() ? "no stock class" : "no outstanding stock issuance")));
            throw new InvalidOcfPackageException(problems);
        }
        try {
            // The ranges of numbers are the reader's (a cost of 10^24, a strike of 10^24): the file written must be one
            // msocap reads, or the import would succeed and every later command refuse its output.
            VentureReader.read(VentureWriter.toYaml(built), "imported.yaml");
        } catch (InvalidModelException e) {
            problems.add(new OcfProblem(pkg.manifestName(), "", "the imported cap table breaks a rule of the model: " + e.field()
                    + ": " + e.reason()));
            throw new InvalidOcfPackageException(problems);
        }
        List<String> toAdd = List.of(
                "licenses of clinician owners and refersPatients/privateEquity flags (people[].licenses)",
                "the practices, their shareholders, directors and officers (practices)",
                "the management services agreements and their fees (agreements)",
                "the MSO's directors, officers and staff (mso.directors, mso.officers, mso.staff)",
                "financials, exit scenarios and the simulation (financials, exits, simulation)");
        return new Result(built, List.copyOf(problems), List.copyOf(notCarried), pkg.notices(), toAdd);
    }

    // ---- stakeholders, classes, plans, vesting terms ----

    private void stakeholders() {
        for (Item s : items("STAKEHOLDER")) {
            JsonNode name = s.node.path("name");
            String legal = name.path("legal_name").asText("");
            if (legal.isBlank()) {
                legal = (name.path("first_name").asText("") + " " + name.path("last_name").asText("")).strip();
            }
            if (legal.isBlank()) {
                legal = s.id();
            }
            String id = uniqueId(usedPersonIds, s.id(), legal);
            personIds.put(s.id(), id);
            boolean entity = "INSTITUTION".equals(s.text("stakeholder_type"));
            List<License> licenses = new ArrayList<>();
            for (String text : MsocapComments.all(s.node, "license")) {
                try {
                    licenses.add(license(text));
                } catch (RuntimeException e) {
                    problems.add(at(s, "/comments", "cannot read the license comment '" + text + "'"));
                }
            }
            try {
                people.put(id, new Person(id, legal, entity ? Person.Type.ENTITY : Person.Type.PERSON, entity ? List.of() : licenses,
                        MsocapComments.get(s.node, "refers-patients").isPresent(), MsocapComments.get(s.node, "private-equity").isPresent()));
            } catch (ModelException e) {
                problems.add(at(s, "", e.getMessage()));
                people.put(id, new Person(id, legal, entity ? Person.Type.ENTITY : Person.Type.PERSON, List.of(), false, false));
            }
        }
    }

    private void stockClasses() {
        List<Item> preferred = new ArrayList<>();
        for (Item c : items("STOCK_CLASS")) {
            String id = uniqueId(usedClassIds, c.id(), c.node.path("name").asText(c.id()));
            classIds.put(c.id(), id);
            if ("PREFERRED".equals(c.text("class_type"))) {
                preferred.add(c);
            }
        }
        // OCF seniority: higher is paid first, equal is pari passu, any number. The model wants integers >= 1 for
        // preferred: keep them when they already are, else rank them densely in the same order.
        TreeSet<BigDecimal> levels = new TreeSet<>();
        boolean integral = true;
        for (Item c : preferred) {
            BigDecimal s = decimal(c, "seniority");
            if (s == null) {
                s = BigDecimal.ONE;
            }
            levels.add(s);
            integral &= s.signum() > 0 && s.stripTrailingZeros().scale() <= 0;
        }
        List<BigDecimal> ordered = new ArrayList<>(levels);
        for (Item c : items("STOCK_CLASS")) {
            String id = classIds.get(c.id());
            if (!"PREFERRED".equals(c.text("class_type"))) {
                classes.put(c.id(), named(ShareClass.common(id), c));
                continue;
            }
            BigDecimal s = decimal(c, "seniority");
            s = s == null ? BigDecimal.ONE : s;
            int seniority = integral ? s.intValueExact() : ordered.indexOf(s) + 1;
            BigDecimal issuePrice = money(c, c.node.path("price_per_share"), "/price_per_share");
            if (issuePrice == null) {
                issuePrice = firstIssuePrice(c.id());
                if (issuePrice == null) {
                    issuePrice = BigDecimal.ZERO;
                }
                notCarried.add(at(c, "/price_per_share", "no price_per_share: issuePrice set to "
                        + issuePrice.toPlainString() + " (the first issuance's price, or 0); check it, the preference is based on it"));
            }
            BigDecimal preference = decimal(c, "liquidation_preference_multiple");
            ShareClass.Participation participation = ShareClass.Participation.NONE;
            BigDecimal cap = decimal(c, "participation_cap_multiple");
            if (MsocapComments.get(c.node, "participation").filter("full"::equals).isPresent()) {
                participation = ShareClass.Participation.FULL;
                cap = null;
            } else if (cap != null && cap.signum() > 0) {
                participation = ShareClass.Participation.CAPPED;
            } else if (MsocapComments.get(c.node, "participation").filter("none"::equals).isPresent()) {
                cap = null;
            } else {
                cap = null;
                notCarried.add(at(c, "", "OCF does not say whether a preferred class participates: imported as "
                        + "non-participating; set participation: full or capped if it does"));
            }
            BigDecimal ratio = conversionRatio(c);
            ShareClass.Dividend dividend = MsocapComments.get(c.node, "dividend").map(OcfImporter::dividend).orElse(null);
            try {
                classes.put(c.id(), named(new ShareClass(id, ShareClass.Type.PREFERRED, issuePrice, preference, participation,
                        cap, seniority, ratio, dividend), c).withAntiDilution(MsocapComments.get(c.node, "anti-dilution")
                        .flatMap(OcfImporter::antiDilution).orElse(ShareClass.AntiDilution.NONE)));
            } catch (ModelException e) {
                problems.add(at(c, "", e.getMessage()));
                classes.put(c.id(), ShareClass.preferred(id, issuePrice, seniority));
            }
        }
    }

    /** The class's name from an msocap comment, when an msocap export wrote one (OCF's name holds the id). */
    private static ShareClass named(ShareClass cls, Item c) {
        String key = MsocapComments.PREFIX + "name ";
        for (JsonNode comment : c.node.path("comments")) {
            // Read as written, not stripped: a name may start or end with spaces.
            if (comment.asText().startsWith(key) && !comment.asText().substring(key.length()).isBlank()) {
                return cls.withName(comment.asText().substring(key.length()));
            }
        }
        return cls;
    }

    private static java.util.Optional<ShareClass.AntiDilution> antiDilution(String id) {
        return java.util.Arrays.stream(ShareClass.AntiDilution.values()).filter(a -> a.id().equals(id)).findFirst();
    }

    private BigDecimal conversionRatio(Item c) {
        JsonNode rights = c.node.path("conversion_rights");
        for (int i = 0; i < rights.size(); i++) {
            JsonNode mechanism = rights.get(i).path("conversion_mechanism");
            String target = rights.get(i).path("converts_to_stock_class_id").asText(null);
            if ("RATIO_CONVERSION".equals(mechanism.path("type").asText())) {
                BigDecimal n = number(mechanism.path("ratio").path("numerator"));
                BigDecimal d = number(mechanism.path("ratio").path("denominator"));
                if (n != null && d != null && d.signum() > 0 && n.signum() > 0) {
                    if (target != null && !classIds.containsKey(target)) {
                        problems.add(at(c, "/conversion_rights/" + i + "/converts_to_stock_class_id", "no stock class " + target));
                    }
                    return quotient(n, d);
                }
            }
            notCarried.add(at(c, "/conversion_rights/" + i, "only a ratio conversion into common is modelled; this right is left out "
                    + "(the class converts 1:1)"));
        }
        return BigDecimal.ONE;
    }

    private BigDecimal firstIssuePrice(String stockClassId) {
        return items("TX_STOCK_ISSUANCE").stream().filter(i -> stockClassId.equals(i.text("stock_class_id")))
                .min(Comparator.comparing(i -> i.node.path("date").asText("")))
                .map(i -> money(i, i.node.path("share_price"), "/share_price")).orElse(null);
    }

    private void stockPlans() {
        for (Item p : items("STOCK_PLAN")) {
            plans.put(p.id(), p);
            planReserved.put(p.id(), quantity(p, "initial_shares_reserved"));
        }
        for (Item a : items("TX_STOCK_PLAN_POOL_ADJUSTMENT")) {
            String plan = a.text("stock_plan_id");
            if (!plans.containsKey(plan)) {
                problems.add(at(a, "/stock_plan_id", "no stock plan " + plan));
            } else {
                planReserved.put(plan, quantity(a, "shares_reserved"));
            }
        }
    }

    /** Vesting terms the model can hold (monthly vesting with a cliff) as a {@code int[] {months, cliff}}, else the reason. */
    private void vestingTerms() {
        for (Item t : items("VESTING_TERMS")) {
            vestingTerms.put(t.id(), monthlyWithCliff(t.node.path("vesting_conditions")));
        }
    }

    static Object monthlyWithCliff(JsonNode conditions) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        conditions.forEach(c -> byId.put(c.path("id").asText(), c));
        JsonNode start = null;
        for (JsonNode c : conditions) {
            if ("VESTING_START_DATE".equals(c.path("trigger").path("type").asText())) {
                start = c;
            }
        }
        if (start == null) {
            return "no VESTING_START_DATE condition (event-based vesting)";
        }
        int months = 0;
        int cliff = 0;
        JsonNode current = start;
        if (number(start.path("quantity")) != null && number(start.path("quantity")).signum() != 0
                || portion(start) != null && portion(start).signum() != 0) {
            return "part vests on the start date";
        }
        while (current.path("next_condition_ids").size() > 0) {
            if (current.path("next_condition_ids").size() > 1) {
                return "branching conditions";
            }
            JsonNode next = byId.get(current.path("next_condition_ids").get(0).asText());
            if (next == null) {
                return "a next_condition_id names no condition";
            }
            JsonNode trigger = next.path("trigger");
            JsonNode period = trigger.path("period");
            if (!"VESTING_SCHEDULE_RELATIVE".equals(trigger.path("type").asText()) || !"MONTHS".equals(period.path("type").asText())) {
                return "a condition other than a monthly schedule (" + trigger.path("type").asText() + ")";
            }
            int length = period.path("length").asInt();
            int occurrences = period.path("occurrences").asInt();
            int cliffInstallment = period.path("cliff_installment").asInt(0);
            if (months == 0 && occurrences == 1 && (length > 1 || !next.path("next_condition_ids").isEmpty())) {
                cliff = length; // a single first tranche after `length` months: the cliff
            } else if (length != 1) {
                return "vesting every " + length + " months";
            } else if (cliffInstallment >= 2 && months == 0) {
                cliff = cliffInstallment;
            }
            months += length * occurrences;
            current = next;
        }
        if (months == 0) {
            return "nothing vests on a schedule";
        }
        return new int[] {months, Math.min(cliff, months)};
    }

    private static BigDecimal portion(JsonNode condition) {
        JsonNode p = condition.path("portion");
        BigDecimal n = number(p.path("numerator"));
        return n;
    }

    // ---- issuances and the transactions that change them ----

    private void issuances() {
        for (String type : List.of("TX_STOCK_ISSUANCE", "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE",
                "TX_WARRANT_ISSUANCE", "TX_CONVERTIBLE_ISSUANCE")) {
            for (Item i : items(type)) {
                String securityId = i.text("security_id");
                if (securityId == null) {
                    continue; // the schema reported it
                }
                String key = kind(type) + securityId;
                if (securities.containsKey(key)) {
                    problems.add(at(i, "/security_id", "security " + securityId + " is issued twice"));
                    continue;
                }
                String stakeholder = i.text("stakeholder_id");
                if (stakeholder == null || !personIds.containsKey(stakeholder)) {
                    problems.add(at(i, "/stakeholder_id", "no stakeholder " + stakeholder));
                    if (!lenient || stakeholder == null) {
                        continue;
                    }
                    // Best effort: keep the security under a placeholder holder the user can rename.
                    String id = uniqueId(usedPersonIds, "", "unknown " + stakeholder);
                    personIds.put(stakeholder, id);
                    people.put(id, Person.lay(id, "Unknown stakeholder " + stakeholder));
                }
                BigDecimal quantity = type.equals("TX_CONVERTIBLE_ISSUANCE")
                        ? money(i, i.node.path("investment_amount"), "/investment_amount") : decimal(i, "quantity");
                if (quantity == null) {
                    notCarried.add(at(i, "/quantity", "no quantity: the security is left out"));
                    continue;
                }
                String field = type.equals("TX_CONVERTIBLE_ISSUANCE") ? "/investment_amount" : "/quantity";
                if (quantity.signum() < 0) {
                    // OCF's Numeric allows any sign; an issuance of less than nothing is a mistake, not a security to skip.
                    problems.add(at(i, field, field.substring(1) + " must be >= 0 but was " + quantity.toPlainString()));
                    continue;
                }
                if (quantity.signum() == 0) {
                    // An issuance of nothing holds nothing (packages that imported before keep importing), said aloud.
                    notCarried.add(at(i, field, field.substring(1) + " 0: the security is left out"));
                    continue;
                }
                Security s = new Security(i, quantity);
                s.strike = money(i, i.node.path("exercise_price"), "/exercise_price");
                securities.put(key, s);
            }
        }
    }

    private void events(LocalDate asOf) {
        List<Item> events = new ArrayList<>();
        byType.forEach((type, list) -> {
            if (type.startsWith("TX_") && !type.endsWith("_ISSUANCE") || type.startsWith("CE_")) {
                events.addAll(list);
            }
        });
        events.sort(Comparator.comparing(e -> e.node.path("date").asText("")));
        Map<String, Integer> ignored = new TreeMap<>();
        for (Item e : events) {
            String type = e.type();
            LocalDate date = date(e.text("date"), e.file(), e.pointer() + "/date");
            // A vesting start after the as-of date is the schedule of a grant that exists already, not a later change.
            if (date != null && asOf != null && date.isAfter(asOf) && !type.equals("TX_VESTING_START")) {
                notCarried.add(at(e, "", type + " dated " + date + " is after the package's as_of " + asOf + ": not applied"));
                continue;
            }
            if (NO_CAP_TABLE_EFFECT.contains(type)) {
                ignored.merge(type, 1, Integer::sum);
                continue;
            }
            switch (type) {
                case "TX_STOCK_PLAN_POOL_ADJUSTMENT" -> { } // applied with the plans
                case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT" -> ratioAdjustment(e);
                case "TX_STOCK_CLASS_SPLIT", "TX_STOCK_CONSOLIDATION" -> problems.add(at(e, "", type
                        + " is not applied by the import: share counts of the class are as issued; adjust them by hand"));
                case "TX_VESTING_ACCELERATION" -> notCarried.add(at(e, "", "a vesting acceleration of security "
                        + e.text("security_id") + " is not carried; set the grant's vesting or acceleration by hand"));
                default -> securityEvent(e);
            }
        }
        if (!ignored.isEmpty()) {
            notCarried.add(new OcfProblem("", "", "no effect on the cap table, skipped: " + ignored));
        }
    }

    private void securityEvent(Item e) {
        String securityId = e.text("security_id");
        String kind = kind(e.type());
        Security s = securityId == null ? null : kind.isEmpty()
                ? securities.entrySet().stream().filter(x -> x.getKey().endsWith(":" + securityId)).map(Map.Entry::getValue)
                        .findFirst().orElse(null)
                : securities.get(kind + securityId);
        if (s == null) {
            problems.add(at(e, "/security_id", "no issued security " + securityId + " for this " + e.type()));
            return;
        }
        String type = e.type();
        if (type.equals("TX_VESTING_START")) {
            s.vestingStart = date(e.text("date"), e.file(), e.pointer() + "/date");
            return;
        }
        if (type.equals("TX_EQUITY_COMPENSATION_REPRICING")) {
            BigDecimal price = money(e, e.node.path("new_exercise_price"), "/new_exercise_price");
            if (price != null) {
                s.strike = price;
            }
            return;
        }
        boolean convertible = s.issuance.type().equals("TX_CONVERTIBLE_ISSUANCE");
        BigDecimal amount = convertible ? money(e, e.node.path("amount"), "/amount")
                : decimal(e, type.endsWith("_CONVERSION") && e.node.has("quantity_converted") ? "quantity_converted" : "quantity");
        boolean whole = type.endsWith("_RETRACTION") || type.endsWith("_REISSUANCE") || e.node.has("balance_security_id")
                || amount == null || (convertible && type.endsWith("_CONVERSION"));
        if (whole) {
            s.closed = true;
        } else {
            s.remaining = s.remaining.subtract(amount);
            if (s.remaining.signum() < 0) {
                problems.add(at(e, convertible ? "/amount" : "/quantity", type + " takes more than security " + securityId + " has left"));
                s.remaining = BigDecimal.ZERO;
            }
        }
        if (type.endsWith("_EXERCISE") && !convertible && !s.issuance.type().equals("TX_WARRANT_ISSUANCE")
                && s.issuance.text("stock_plan_id") != null) {
            exercisedFromPlans += amount == null ? 0 : amount.longValue();
        }
    }

    /**
     * The kind of security a transaction type acts on, as a key prefix: OCF wants security ids unique in a package,
     * but packages (the official samples among them) reuse one id for a stock and a warrant. Vesting transactions
     * apply to any kind: empty.
     */
    private static String kind(String type) {
        if (type.startsWith("TX_STOCK_")) {
            return "stock:";
        }
        if (type.startsWith("TX_WARRANT_")) {
            return "warrant:";
        }
        if (type.startsWith("TX_CONVERTIBLE_")) {
            return "convertible:";
        }
        if (type.startsWith("TX_EQUITY_COMPENSATION_") || type.startsWith("TX_PLAN_SECURITY_")) {
            return "equity-compensation:";
        }
        return "";
    }

    private void ratioAdjustment(Item e) {
        String classId = e.text("stock_class_id");
        ShareClass c = classes.get(classId);
        if (c == null) {
            problems.add(at(e, "/stock_class_id", "no stock class " + classId));
            return;
        }
        JsonNode ratio = e.node.path("new_ratio_conversion_mechanism").path("ratio");
        BigDecimal n = number(ratio.path("numerator"));
        BigDecimal d = number(ratio.path("denominator"));
        if (n != null && d != null && n.signum() > 0 && d.signum() > 0 && c.isPreferred()) {
            classes.put(classId, c.withConversionRatio(quotient(n, d)));
        } else if (!c.isPreferred()) {
            notCarried.add(at(e, "", "a conversion ratio adjustment of common class " + c.id() + " is not modelled"));
        }
    }

    private void buildSecurities(Mso.Builder mso, List<OptionGrant> options) {
        for (Map.Entry<String, Security> entry : securities.entrySet()) {
            Security s = entry.getValue();
            if (s.closed || s.remaining.signum() <= 0) {
                continue;
            }
            Item i = s.issuance;
            String holder = personIds.get(i.text("stakeholder_id"));
            LocalDate date = MsocapComments.get(i.node, "date-unknown").isPresent() ? null
                    : date(i.text("date"), i.file(), i.pointer() + "/date");
            try {
                switch (i.type()) {
                    case "TX_STOCK_ISSUANCE" -> stock(mso, s, holder, date);
                    case "TX_WARRANT_ISSUANCE" -> warrant(mso, s, holder, date);
                    case "TX_CONVERTIBLE_ISSUANCE" -> convertible(mso, s, holder, date);
                    default -> option(mso, options, s, holder, date);
                }
            } catch (ModelException e) {
                problems.add(at(i, "", e.field() + ": " + e.getMessage()));
            }
        }
    }

    private void stock(Mso.Builder mso, Security s, String holder, LocalDate date) {
        Item i = s.issuance;
        String ocfClass = i.text("stock_class_id");
        ShareClass cls = classes.get(ocfClass);
        if (cls == null) {
            problems.add(at(i, "/stock_class_id", "no stock class " + ocfClass));
            if (!lenient || ocfClass == null) {
                return;
            }
            // Best effort: the shares count under a common class the user can correct, rather than vanish.
            cls = ShareClass.common(uniqueId(usedClassIds, "", "unknown " + ocfClass));
            classIds.put(ocfClass, cls.id());
            classes.put(ocfClass, cls);
            notCarried.add(at(i, "/stock_class_id", "stock class " + ocfClass + " is missing: its shares are imported as common class "
                    + cls.id() + "; set its terms"));
        }
        long shares = whole(i, s.remaining, "/quantity");
        if (shares <= 0) {
            return;
        }
        BigDecimal issued = decimal(i, "quantity");
        Money cost = null;
        BigDecimal costBasis = money(i, i.node.path("cost_basis"), "/cost_basis");
        BigDecimal price = money(i, i.node.path("share_price"), "/share_price");
        if (costBasis != null) {
            cost = Rounding.toCents(issued.signum() == 0 ? costBasis
                    : costBasis.multiply(BigDecimal.valueOf(shares)).divide(issued, 10, RoundingMode.HALF_UP));
        } else if (price != null) {
            cost = Rounding.toCents(price.multiply(BigDecimal.valueOf(shares)));
        }
        if (cost != null && cost.equals(Holding.of(holder, cls.id(), shares).costBasis(cls))) {
            cost = null; // the model's default (shares × issue price): leave it out of the file
        }
        // msocap's own note: a cumulative dividend accruing from later than the issuance (a converted SAFE).
        LocalDate dividendFrom = MsocapComments.get(i.node, "dividend-from").map(t -> date(t, i.file(), i.pointer() + "/comments"))
                .filter(d -> date == null || !d.isBefore(date)).orElse(null);
        mso.holding(new Holding(holder, cls.id(), shares, date, cost).withDividendFrom(dividendFrom));
        if (i.node.has("vesting_terms_id") || i.node.has("vestings")) {
            notCarried.add(at(i, "/vesting_terms_id", "stock vesting (restricted stock) is not modelled: the holding counts as vested"));
        }
    }

    private void warrant(Mso.Builder mso, Security s, String holder, LocalDate date) {
        Item i = s.issuance;
        String target = null;
        for (JsonNode t : i.node.path("exercise_triggers")) {
            target = t.path("conversion_right").path("converts_to_stock_class_id").asText(null);
            if (target != null) {
                break;
            }
        }
        ShareClass cls = target == null ? firstCommon() : classes.get(target);
        if (cls == null) {
            problems.add(at(i, "/exercise_triggers", target == null ? "the warrant names no stock class and the package has no common class"
                    : "no stock class " + target));
            return;
        }
        if (target == null) {
            notCarried.add(at(i, "/exercise_triggers", "the warrant names no stock class: imported as a warrant on " + cls.id()));
        }
        long shares = whole(i, s.remaining, "/quantity");
        BigDecimal strike = s.strike == null ? BigDecimal.ZERO : s.strike;
        LocalDate expires = date(i.text("warrant_expiration_date"), i.file(), i.pointer() + "/warrant_expiration_date");
        if (shares > 0) {
            mso.warrant(new Warrant(holder, cls.id(), shares, strike, expires));
        }
    }

    private void option(Mso.Builder mso, List<OptionGrant> options, Security s, String holder, LocalDate date) {
        Item i = s.issuance;
        String kind = i.text("compensation_type");
        if (kind == null || !kind.startsWith("OPTION")) {
            notCarried.add(at(i, "/compensation_type", kind + " (" + i.text("security_id") + ") is not modelled; only options are"));
            return;
        }
        String plan = i.text("stock_plan_id");
        if (plan != null && !plans.containsKey(plan)) {
            problems.add(at(i, "/stock_plan_id", "no stock plan " + plan));
        }
        long shares = whole(i, s.remaining, "/quantity");
        if (shares <= 0) {
            return;
        }
        BigDecimal strike = s.strike == null ? BigDecimal.ZERO : s.strike;
        Person person = people.get(holder);
        if (person.isEntity()) {
            ShareClass cls = optionClass(i);
            if (cls == null) {
                problems.add(at(i, "/stock_class_id", "an option held by an entity needs a stock class to become a warrant"));
                return;
            }
            notCarried.add(at(i, "/stakeholder_id", "options are granted to people, but " + holder
                    + " is an institution: imported as a warrant on " + cls.id()));
            mso.warrant(new Warrant(holder, cls.id(), shares, strike, date(i.text("expiration_date"), i.file(), i.pointer())));
            return;
        }
        Vesting vesting = null;
        String termsId = i.text("vesting_terms_id");
        if (termsId != null) {
            Object terms = vestingTerms.get(termsId);
            if (terms == null) {
                problems.add(at(i, "/vesting_terms_id", "no vesting terms " + termsId));
            } else if (terms instanceof int[] mc) {
                LocalDate start = s.vestingStart != null ? s.vestingStart : date;
                if (start == null) {
                    notCarried.add(at(i, "/vesting_terms_id", "no vesting start date: the grant is imported as fully vested"));
                } else {
                    vesting = new Vesting(start, mc[0], mc[1]);
                }
            } else {
                notCarried.add(at(i, "/vesting_terms_id", "vesting terms " + termsId + " are not monthly with a cliff (" + terms
                        + "): the grant is imported as fully vested; set its vesting by hand"));
            }
        } else if (i.node.has("vestings")) {
            notCarried.add(at(i, "/vestings", "an explicit vesting schedule is not modelled: the grant is imported as fully vested"));
        }
        OptionGrant.Acceleration acceleration = MsocapComments.get(i.node, "acceleration")
                .map(a -> OptionGrant.Acceleration.valueOf(a.toUpperCase(Locale.ROOT))).orElse(OptionGrant.Acceleration.NONE);
        options.add(new OptionGrant(holder, shares, strike, date, vesting, acceleration));
    }

    private ShareClass optionClass(Item i) {
        String c = i.text("stock_class_id");
        if (c == null && i.text("stock_plan_id") != null && plans.containsKey(i.text("stock_plan_id"))) {
            JsonNode plan = plans.get(i.text("stock_plan_id")).node;
            c = plan.path("stock_class_ids").path(0).asText(plan.path("stock_class_id").asText(null));
        }
        return c == null ? firstCommon() : classes.get(c);
    }

    private void convertible(Mso.Builder mso, Security s, String holder, LocalDate date) {
        Item i = s.issuance;
        String kind = i.text("convertible_type");
        JsonNode mechanism = null;
        for (JsonNode t : i.node.path("conversion_triggers")) {
            JsonNode m = t.path("conversion_right").path("conversion_mechanism");
            String type = m.path("type").asText();
            if (type.equals("SAFE_CONVERSION") || type.equals("CONVERTIBLE_NOTE_CONVERSION")) {
                mechanism = m;
                break;
            }
        }
        if (mechanism == null || !("SAFE".equals(kind) || "NOTE".equals(kind))) {
            notCarried.add(at(i, "/conversion_triggers", kind + " " + i.text("security_id")
                    + ": only SAFEs and notes with a SAFE or note conversion mechanism are modelled; left out"));
            return;
        }
        Money amount = Rounding.toCents(s.remaining);
        BigDecimal capAmount = money(i, mechanism.path("conversion_valuation_cap"), "/conversion_triggers");
        Money cap = capAmount == null ? null : Rounding.toCents(capAmount);
        BigDecimal discount = number(mechanism.path("conversion_discount"));
        if ("SAFE".equals(kind)) {
            if (cap == null && discount == null) {
                notCarried.add(at(i, "/conversion_triggers", "SAFE " + i.text("security_id") + " has neither a cap nor a discount; left out"));
                return;
            }
            Safe.Kind timing = "PRE_MONEY".equals(mechanism.path("conversion_timing").asText()) ? Safe.Kind.PRE_MONEY : Safe.Kind.POST_MONEY;
            if (!mechanism.has("conversion_timing")) {
                notCarried.add(at(i, "/conversion_triggers", "SAFE " + i.text("security_id")
                        + " does not say pre- or post-money: imported as post-money"));
            }
            Integer seniority = MsocapComments.get(i.node, "seniority").map(Integer::valueOf).orElse(null);
            mso.safe(new Safe(holder, amount, cap, discount, timing, date, seniority));
            return;
        }
        BigDecimal rate = number(mechanism.path("interest_rates").path(0).path("rate"));
        if (rate == null) {
            rate = number(mechanism.path("interest_rate")); // the pre-1.0 field name (e.g. 1.0.0-b1 exports)
            if (rate != null && rate.compareTo(BigDecimal.ONE) > 0) {
                // Pre-1.0 exports wrote percents (5 for 5%); OCF 1.x writes fractions.
                notCarried.add(at(i, "/conversion_triggers", "interest_rate " + rate.toPlainString() + " read as a percent"));
                rate = rate.movePointLeft(2);
            }
        }
        if (mechanism.path("interest_rates").size() > 1) {
            notCarried.add(at(i, "/conversion_triggers", "note " + i.text("security_id") + " has several interest rates: the first is used"));
        }
        if ("COMPOUNDING".equals(mechanism.path("compounding_type").asText())) {
            notCarried.add(at(i, "/conversion_triggers", "note " + i.text("security_id") + " compounds: the model accrues simple interest"));
        }
        BigDecimal exitMultiple = null;
        JsonNode em = mechanism.path("exit_multiple");
        if (number(em.path("numerator")) != null && number(em.path("denominator")) != null && number(em.path("denominator")).signum() > 0) {
            exitMultiple = quotient(number(em.path("numerator")), number(em.path("denominator")));
        }
        LocalDate issued = date;
        if (issued == null) {
            issued = date(mechanism.path("interest_rates").path(0).path("accrual_start_date").asText(null), i.file(), i.pointer());
        }
        LocalDate maturity = MsocapComments.get(i.node, "maturity").map(LocalDate::parse).orElse(null);
        mso.note(new ConvertibleNote(holder, amount, rate, issued, cap, discount, exitMultiple, maturity));
    }

    // ---- helpers ----

    private ShareClass firstCommon() {
        return classes.values().stream().filter(c -> !c.isPreferred()).findFirst().orElse(null);
    }

    private List<Item> items(String type) {
        return byType.getOrDefault(type, List.of());
    }

    private OcfProblem at(Item item, String pointer, String message) {
        String id = item.id().isEmpty() ? "" : " (" + item.type() + " " + item.id() + ")";
        return new OcfProblem(item.file(), item.pointer() + pointer, message + id);
    }

    /** A ratio as one decimal: the numerator as written when the denominator is 1, else to ten places. */
    static BigDecimal quotient(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.compareTo(BigDecimal.ONE) == 0) {
            return numerator;
        }
        BigDecimal q = numerator.divide(denominator, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
    }

    /** An msocap id for an OCF object: its own id when it already is a readable one, else one made from its name. */
    private static String uniqueId(Set<String> used, String ocfId, String name) {
        String base = ocfId.matches("[a-z0-9][a-z0-9-]{0,63}") && !ocfId.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*") ? ocfId : slug(name);
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s.length() > 48 ? s.substring(0, 48).replaceAll("-+$", "") : s;
    }

    private long whole(Item i, BigDecimal quantity, String pointer) {
        BigDecimal floor = quantity.setScale(0, RoundingMode.DOWN);
        if (floor.compareTo(quantity) != 0) {
            notCarried.add(at(i, pointer, "fractional shares " + quantity.toPlainString() + " rounded down to " + floor.toPlainString()));
        }
        return withinShareLimit(i, floor, pointer);
    }

    private long quantity(Item i, String field) {
        BigDecimal q = decimal(i, field);
        return q == null ? 0 : withinShareLimit(i, q.setScale(0, RoundingMode.DOWN), "/" + field);
    }

    /** A share count the model can hold (at most {@link Limits#MAX_SHARES}), else a problem and 0: nothing imported. */
    private long withinShareLimit(Item i, BigDecimal whole, String pointer) {
        if (whole.compareTo(BigDecimal.valueOf(Limits.MAX_SHARES)) > 0) {
            problems.add(at(i, pointer, Shown.value(whole.toPlainString()) + " shares is more than the "
                    + String.format(Locale.ROOT, "%,d", Limits.MAX_SHARES) + " an entry may have"));
            return 0;
        }
        return Math.max(0, whole.longValueExact());
    }

    private BigDecimal decimal(Item i, String field) {
        return number(i.node.path(field));
    }

    /**
     * An OCF Numeric (a decimal string; older packages use JSON numbers). Exporters commonly pad to OCF's ten
     * decimals ({@code "2.0000000000"}): those zeros go; a number written with fewer decimals keeps them as given.
     */
    static BigDecimal number(JsonNode n) {
        BigDecimal d;
        if (n.isNumber()) {
            d = n.decimalValue();
        } else if (n.isTextual()) {
            try {
                d = new BigDecimal(n.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (d.scale() < 10) {
            return d;
        }
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** The amount of a Monetary field, checking that every amount is in the venture's one currency. */
    private BigDecimal money(Item i, JsonNode monetary, String pointer) {
        BigDecimal amount = number(monetary.path("amount"));
        if (amount == null) {
            return null;
        }
        String c = monetary.path("currency").asText("");
        if (currency == null && c.matches("[A-Z]{3}")) {
            currency = c;
        } else if (!c.isEmpty() && currency != null && !c.equals(currency)) {
            problems.add(at(i, pointer + "/currency", "amounts in " + c + " and " + currency + ": the model holds one currency"));
        }
        return amount;
    }

    private LocalDate date(String text, String file, String pointer) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(new OcfProblem(file, pointer, "not a date: " + text));
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        String v = node.path(field).asText("");
        return v.isBlank() ? fallback : v;
    }

    private static Mso.Form form(String text) {
        for (Mso.Form f : Mso.Form.values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        return Mso.Form.C_CORP;
    }

    /** {@code state=CA status=active expires=2027-06-30 profession=physician} (profession last: it may hold spaces). */
    private static License license(String text) {
        int p = text.indexOf("profession=");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.substring(0, p).trim().split(" ")) {
            fields.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        String expires = fields.get("expires");
        return new License(text.substring(p + "profession=".length()), fields.get("state"),
                LicenseStatus.valueOf(fields.get("status").toUpperCase(Locale.ROOT)), expires == null || expires.equals("-") ? null : LocalDate.parse(expires));
    }

    private static ShareClass.Dividend dividend(String text) {
        String[] parts = text.split(" ");
        return new ShareClass.Dividend(new BigDecimal(parts[0]), parts.length > 1 && parts[1].equals("cumulative"),
                parts.length > 2 ? ShareClass.Dividend.Compounding.valueOf(parts[2].toUpperCase(Locale.ROOT)) : null);
    }
}

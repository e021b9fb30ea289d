package org.msocap.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.msocap.io.Node.Field;
import org.msocap.io.Node.ListNode;
import org.msocap.io.Node.MapNode;
import org.msocap.io.Node.ScalarNode;
import org.msocap.model.Agreement;
import org.msocap.model.ConvertibleNote;
import org.msocap.model.DealEvent;
import org.msocap.model.Distribution;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Financials;
import org.msocap.model.Holding;
import org.msocap.model.License;
import org.msocap.model.Limits;
import org.msocap.model.LicenseStatus;
import org.msocap.model.ModelException;
import org.msocap.model.Mso;
import org.msocap.model.OptionGrant;
import org.msocap.model.PerformanceVesting;
import org.msocap.model.Person;
import org.msocap.model.Practice;
import org.msocap.model.RecapEvent;
import org.msocap.model.RoundEvent;
import org.msocap.model.Safe;
import org.msocap.model.Shown;
import org.msocap.model.ShareClass;
import org.msocap.model.SimulationSpec;
import org.msocap.model.Suggest;
import org.msocap.model.Venture;
import org.msocap.model.Vesting;
import org.msocap.model.Warrant;
import org.msocap.money.Amounts;
import org.msocap.money.Money;

/**
 * Binds a located {@link Node} tree to the model records by hand, keeping the path of every value so
 * that any error, a wrong type here or an invariant the records enforce, points at the line and
 * column it came from. One binder per file; not thread-safe, not reused.
 */
final class VentureBinder {

    /** The fields each object of the format accepts, by the name the JSON Schema gives the object. */
    static final Map<String, List<String>> FIELDS = fields();

    /** Defaults the format adds where the model has no natural one. */
    static final int DEFAULT_RUNS = 10_000;
    static final long DEFAULT_SEED = 1L;
    static final int DEFAULT_YEARS = 5;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int LIST_FIELDS_UP_TO = 13;
    /** A seed is a long: 19 digits. Every kind of number has its own narrower range on top (see {@link Limits}). */
    private static final int MAX_INTEGER_DIGITS = 19;

    private final String file;
    private final MapNode root;
    /** Every value by its path, to place errors the records raise about a path. */
    private final Map<String, Node> nodes = new HashMap<>();
    /** Every map key by its path: in maps keyed by id (carve-out recipients, practice figures) the key is the reference. */
    private final Map<String, Field> keys = new HashMap<>();
    /** The practices (by path) whose owners the file lists as {@code members}: the model calls them shareholders. */
    private final Set<String> practicesWithMembers = new HashSet<>();

    private VentureBinder(String file, MapNode root) {
        this.file = file;
        this.root = root;
        index("", root);
    }

    static Venture bind(MapNode root, String file) {
        return bindFile(root, file).venture();
    }

    /** Binds and keeps the locations, so later errors about a field can be placed in the file. */
    static ModelFile bindFile(MapNode root, String file) {
        VentureBinder binder = new VentureBinder(file, root);
        return new ModelFile(binder.venture(), file, (path, e) -> binder.at(path, e.getMessage(), e));
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("venture", List.of("$schema", "msocap", "venture", "currency", "asOf", "people", "mso", "practices", "agreements",
                "financials", "exits", "simulation", "events"));
        m.put("person", List.of("id", "name", "type", "licenses", "refersPatients", "privateEquity", "incidentalMsoHolding"));
        m.put("license", List.of("profession", "state", "status", "expires"));
        m.put("mso", List.of("name", "state", "form", "classes", "holdings", "optionPool", "options", "warrants", "safes",
                "notes", "directors", "officers", "staff", "formed"));
        m.put("shareClass", List.of("id", "type", "issuePrice", "preference", "participation", "cap", "seniority",
                "conversionRatio", "dividend", "catchUp", "name", "antiDilution"));
        m.put("dividend", List.of("rate", "cumulative", "compounding"));
        m.put("holding", List.of("holder", "class", "shares", "acquired", "cost", "threshold", "hurdle", "vesting",
                "acceleration", "performanceVesting", "dividendFrom"));
        m.put("performanceVesting", List.of("class", "moic"));
        m.put("moicLevel", List.of("at", "vests"));
        m.put("option", List.of("holder", "shares", "strike", "granted", "vesting", "acceleration"));
        m.put("vesting", List.of("start", "months", "cliffMonths"));
        m.put("warrant", List.of("holder", "class", "shares", "strike", "expires"));
        m.put("safe", List.of("holder", "amount", "cap", "discount", "kind", "acquired", "seniority"));
        m.put("note", List.of("holder", "principal", "rate", "issued", "cap", "discount", "exitMultiple", "maturity"));
        m.put("practice", List.of("id", "name", "state", "form", "profession", "shareholders", "members", "directors", "officers",
                "transferRestriction", "services", "patientStates", "formed"));
        m.put("shareholding", List.of("holder", "shares"));
        m.put("membership", List.of("holder", "units"));
        m.put("transferRestriction", List.of("msoDesignatesTransferee", "callRightAtWill", "nominalPrice"));
        m.put("agreement", List.of("id", "type", "practice", "fee", "fmvOpinion", "services", "msoControls", "noncompete",
                "termMonths", "signed"));
        m.put("fee", List.of("basis", "monthly", "escalator", "percent", "markup"));
        m.put("financials", List.of("start", "years", "practices", "mso"));
        m.put("practiceFinancials", List.of("collections", "growth", "clinicianComp", "otherCosts", "referredByInvestors"));
        m.put("msoFinancials", List.of("operatingCosts", "costGrowth", "netDebt"));
        m.put("exit", List.of("name", "date", "enterpriseValue", "ebitdaMultiple", "revenueMultiple", "revenueBasis", "transactionCosts",
                "escrow", "carveOut", "earnout", "doubleTriggerFires"));
        m.put("fixedTransactionCosts", List.of("fixed"));
        m.put("escrow", List.of("fraction", "months", "releaseProbability"));
        m.put("carveOut", List.of("fraction", "recipients"));
        m.put("earnout", List.of("amount", "probability"));
        List<String> simulation = new ArrayList<>(List.of("runs", "seed"));
        simulation.addAll(SimulationSpec.DRIVERS);
        simulation.addAll(List.of("noExitProbability", "correlations"));
        m.put("simulation", List.copyOf(simulation));
        m.put("correlation", List.of("a", "b", "rho"));
        m.put("distribution", List.of("constant", "normal", "lognormal", "uniform", "triangular", "beta", "empirical"));
        m.put("normal", List.of("mean", "sd"));
        m.put("lognormal", List.of("median", "sigma"));
        m.put("beta", List.of("alpha", "beta", "low", "high"));
        m.put("round", List.of("type", "name", "date", "class", "preMoney", "pricePerShare", "priceBasis", "investments",
                "poolTopUp"));
        m.put("investment", List.of("holder", "amount"));
        m.put("recap", List.of("type", "name", "date", "enterpriseValue", "ebitdaMultiple", "sellerCosts", "buyerCosts",
                "newDebt", "classes", "buyer", "rollover", "grants", "form"));
        m.put("newDebt", List.of("amount", "amortization", "pikRate"));
        m.put("buyer", List.of("holder", "class", "price"));
        m.put("rollover", List.of("holder", "fraction", "amount", "class", "price"));
        return java.util.Collections.unmodifiableMap(m);
    }

    // ---- the venture -------------------------------------------------------------------------------

    private Venture venture() {
        Obj o = new Obj(root, "", "venture");
        Node version = o.node("msocap");
        if (version == null) {
            throw fail(root, "msocap", "msocap is required: start the file with 'msocap: 1' (the format version)");
        }
        int formatVersion = integer(version, "msocap");
        // "$schema" only points editors at the JSON Schema; the model has no use for it.
        o.text("$schema");
        String name = o.text("venture");
        String currency = o.text("currency");
        LocalDate asOf = o.date("asOf");
        List<Person> people = o.list("people", this::person);
        Node msoNode = o.node("mso");
        if (msoNode == null) {
            throw fail(root, "mso", "mso is required: the MSO with at least one share class and one holding");
        }
        Mso mso = mso(msoNode, "mso");
        List<Practice> practices = o.list("practices", this::practice);
        List<Agreement> agreements = o.list("agreements", this::agreement);
        Financials financials = o.object("financials", this::financials);
        List<ExitScenario> exits = o.list("exits", this::exit);
        SimulationSpec simulation = o.object("simulation", this::simulation);
        List<DealEvent> events = o.list("events", this::event);
        return build("", () -> new Venture(formatVersion, name, currency, asOf, people, mso, practices, agreements,
                financials, exits, simulation, events));
    }

    private Person person(Node node, String path) {
        Obj o = new Obj(node, path, "person");
        String id = o.text("id");
        String name = o.text("name");
        Person.Type type = o.enumValue("type", Person.Type.class);
        List<License> licenses = o.list("licenses", this::license);
        boolean refers = o.bool("refersPatients", false);
        boolean pe = o.bool("privateEquity", false);
        boolean incidental = o.bool("incidentalMsoHolding", false);
        return build(path, () -> new Person(id, name, type, licenses, refers, pe, incidental));
    }

    private License license(Node node, String path) {
        Obj o = new Obj(node, path, "license");
        String profession = o.text("profession");
        String state = o.text("state");
        LicenseStatus status = o.enumValue("status", LicenseStatus.class);
        LocalDate expires = o.date("expires");
        return build(path, () -> new License(profession, state, status, expires));
    }

    // ---- the MSO -----------------------------------------------------------------------------------

    private Mso mso(Node node, String path) {
        Obj o = new Obj(node, path, "mso");
        String name = o.text("name");
        String state = o.text("state");
        Mso.Form form = o.enumValue("form", Mso.Form.class);
        List<ShareClass> classes = o.list("classes", this::shareClass);
        List<Holding> holdings = o.list("holdings", this::holding);
        long optionPool = o.whole("optionPool", 0L, "shares");
        List<OptionGrant> options = o.list("options", this::option);
        List<Warrant> warrants = o.list("warrants", this::warrant);
        List<Safe> safes = o.list("safes", this::safe);
        List<ConvertibleNote> notes = o.list("notes", this::note);
        List<String> directors = o.textList("directors");
        Map<String, String> officers = o.textMap("officers");
        List<String> staff = o.textList("staff");
        LocalDate formed = o.date("formed");
        Mso mso = build(path, () -> new Mso(name, state, form, classes, holdings, optionPool, options, warrants, safes, notes,
                directors, officers, staff, formed));
        checkValueAtHighestPrice(mso, path);
        return mso;
    }

    /**
     * Refuses a cap table worth more than {@link Limits#MAX_AMOUNT} at its own highest price per share (an issue
     * price times its preference or cap, or a strike): every preference, cost and exercise breakpoint is then an
     * amount the engines carry in cents without overflow.
     */
    private void checkValueAtHighestPrice(Mso mso, String path) {
        BigDecimal shares = BigDecimal.ZERO;
        for (Holding h : mso.holdings()) {
            shares = shares.add(BigDecimal.valueOf(h.shares()).multiply(mso.requireClass(h.shareClass()).conversionRatio()));
        }
        for (OptionGrant g : mso.options()) {
            shares = shares.add(BigDecimal.valueOf(g.shares()));
        }
        for (Warrant w : mso.warrants()) {
            shares = shares.add(BigDecimal.valueOf(w.shares()));
        }
        BigDecimal highest = BigDecimal.ZERO;
        String at = null;
        for (int i = 0; i < mso.classes().size(); i++) {
            ShareClass c = mso.classes().get(i);
            if (c.issuePrice() != null) {
                BigDecimal multiple = BigDecimal.ONE.max(c.preference()).max(c.cap() == null ? BigDecimal.ZERO : c.cap());
                BigDecimal price = c.issuePrice().multiply(multiple);
                if (price.compareTo(highest) > 0) {
                    highest = price;
                    at = path + ".classes[" + i + "].issuePrice";
                }
            }
        }
        for (int i = 0; i < mso.options().size(); i++) {
            if (mso.options().get(i).strike().compareTo(highest) > 0) {
                highest = mso.options().get(i).strike();
                at = path + ".options[" + i + "].strike";
            }
        }
        for (int i = 0; i < mso.warrants().size(); i++) {
            if (mso.warrants().get(i).strike().compareTo(highest) > 0) {
                highest = mso.warrants().get(i).strike();
                at = path + ".warrants[" + i + "].strike";
            }
        }
        if (at != null && !Limits.isAmount(shares.multiply(highest))) {
            throw at(at, "at " + Shown.value(highest.toPlainString()) + " a share (with its preference or cap), the "
                    + String.format(Locale.US, "%,d", shares.toBigInteger()) + " fully diluted shares are worth more than "
                    + Limits.MAX_AMOUNT_WORDS + ", the limit for amounts", null);
        }
    }

    private ShareClass shareClass(Node node, String path) {
        return shareClass(node, path, false);
    }

    /**
     * A round's class is issued at the round's price, which only applying the round sets: it is read without an issue
     * price (0 until then, as the model needs one for a preferred class) and refuses one.
     */
    private ShareClass roundClass(Node node, String path) {
        return shareClass(node, path, true);
    }

    private ShareClass shareClass(Node node, String path, boolean pricedByRound) {
        Obj o = new Obj(node, path, "shareClass");
        String id = o.text("id");
        ShareClass.Type type = o.enumValue("type", ShareClass.Type.class);
        if (pricedByRound && o.node("issuePrice") != null) {
            throw fail(o.node("issuePrice"), o.at("issuePrice"), "a round's class is issued at the round's price: leave out "
                    + "issuePrice (give the round's pricePerShare to set the price)");
        }
        BigDecimal issuePrice = pricedByRound && type == ShareClass.Type.PREFERRED ? BigDecimal.ZERO : o.price("issuePrice");
        BigDecimal preference = o.decimal("preference");
        ShareClass.Participation participation = o.enumValue("participation", ShareClass.Participation.class);
        BigDecimal cap = o.decimal("cap");
        // A lone preferred class is senior to common without saying so.
        int seniority = o.integer("seniority", type == ShareClass.Type.PREFERRED ? 1 : 0);
        BigDecimal conversionRatio = o.decimal("conversionRatio");
        ShareClass.Dividend dividend = o.object("dividend", this::dividend);
        ShareClass.CatchUp catchUp = o.enumValue("catchUp", ShareClass.CatchUp.class);
        String name = o.text("name");
        ShareClass.AntiDilution antiDilution = o.enumValue("antiDilution", ShareClass.AntiDilution.class);
        return build(path, () -> new ShareClass(id, type, issuePrice, preference, participation, cap, seniority,
                conversionRatio, dividend, catchUp, name, antiDilution));
    }

    private ShareClass.Dividend dividend(Node node, String path) {
        Obj o = new Obj(node, path, "dividend");
        BigDecimal rate = o.decimal("rate");
        boolean cumulative = o.bool("cumulative", false);
        ShareClass.Dividend.Compounding compounding = o.enumValue("compounding", ShareClass.Dividend.Compounding.class);
        return build(path, () -> new ShareClass.Dividend(rate, cumulative, compounding));
    }

    private Holding holding(Node node, String path) {
        Obj o = new Obj(node, path, "holding");
        String holder = o.text("holder");
        String shareClass = o.text("class");
        long shares = o.requiredWhole("shares", "shares");
        LocalDate acquired = o.date("acquired");
        Money cost = o.amount("cost");
        BigDecimal threshold = o.price("threshold");
        Money hurdle = o.amount("hurdle");
        Vesting vesting = o.object("vesting", this::vesting);
        OptionGrant.Acceleration acceleration = o.enumValue("acceleration", OptionGrant.Acceleration.class);
        PerformanceVesting performance = o.object("performanceVesting", this::performanceVesting);
        LocalDate dividendFrom = o.date("dividendFrom");
        return build(path, () -> new Holding(holder, shareClass, shares, acquired, cost, threshold, hurdle, vesting,
                acceleration, performance, dividendFrom));
    }

    private PerformanceVesting performanceVesting(Node node, String path) {
        Obj o = new Obj(node, path, "performanceVesting");
        String shareClass = o.text("class");
        List<PerformanceVesting.Level> moic = o.list("moic", this::moicLevel);
        return build(path, () -> new PerformanceVesting(shareClass, moic));
    }

    private PerformanceVesting.Level moicLevel(Node node, String path) {
        Obj o = new Obj(node, path, "moicLevel");
        BigDecimal at = o.decimal("at");
        BigDecimal vests = o.decimal("vests");
        return build(path, () -> new PerformanceVesting.Level(at, vests));
    }

    private OptionGrant option(Node node, String path) {
        Obj o = new Obj(node, path, "option");
        String holder = o.text("holder");
        long shares = o.requiredWhole("shares", "shares");
        BigDecimal strike = o.price("strike");
        LocalDate granted = o.date("granted");
        Vesting vesting = o.object("vesting", this::vesting);
        OptionGrant.Acceleration acceleration = o.enumValue("acceleration", OptionGrant.Acceleration.class);
        return build(path, () -> new OptionGrant(holder, shares, strike, granted, vesting, acceleration));
    }

    private Vesting vesting(Node node, String path) {
        Obj o = new Obj(node, path, "vesting");
        LocalDate start = o.date("start");
        int months = o.requiredInteger("months");
        int cliff = o.integer("cliffMonths", 0);
        return build(path, () -> new Vesting(start, months, cliff));
    }

    private Warrant warrant(Node node, String path) {
        Obj o = new Obj(node, path, "warrant");
        String holder = o.text("holder");
        String shareClass = o.text("class");
        long shares = o.requiredWhole("shares", "shares");
        BigDecimal strike = o.price("strike");
        LocalDate expires = o.date("expires");
        return build(path, () -> new Warrant(holder, shareClass, shares, strike, expires));
    }

    private Safe safe(Node node, String path) {
        Obj o = new Obj(node, path, "safe");
        String holder = o.text("holder");
        Money amount = o.amount("amount");
        Money cap = o.amount("cap");
        BigDecimal discount = o.decimal("discount");
        Safe.Kind kind = o.enumValue("kind", Safe.Kind.class);
        LocalDate acquired = o.date("acquired");
        Integer seniority = o.node("seniority") == null ? null : o.requiredInteger("seniority");
        return build(path, () -> new Safe(holder, amount, cap, discount, kind, acquired, seniority));
    }

    private ConvertibleNote note(Node node, String path) {
        Obj o = new Obj(node, path, "note");
        String holder = o.text("holder");
        Money principal = o.amount("principal");
        BigDecimal rate = o.decimal("rate");
        LocalDate issued = o.date("issued");
        Money cap = o.amount("cap");
        BigDecimal discount = o.decimal("discount");
        BigDecimal exitMultiple = o.decimal("exitMultiple");
        LocalDate maturity = o.date("maturity");
        return build(path, () -> new ConvertibleNote(holder, principal, rate, issued, cap, discount, exitMultiple, maturity));
    }

    // ---- practices and agreements ------------------------------------------------------------------

    private Practice practice(Node node, String path) {
        Obj o = new Obj(node, path, "practice");
        String id = o.text("id");
        String name = o.text("name");
        String state = o.text("state");
        Practice.Form form = o.enumValue("form", Practice.Form.class);
        String profession = o.text("profession");
        List<Practice.Shareholding> shareholders = owners(o, form, path);
        List<String> directors = o.textList("directors");
        Map<String, String> officers = o.textMap("officers");
        Practice.TransferRestriction restriction = o.object("transferRestriction", this::transferRestriction);
        List<String> services = o.textList("services");
        List<String> patientStates = o.textList("patientStates");
        LocalDate formed = o.date("formed");
        return build(path, () -> new Practice(id, name, state, form, profession, shareholders, directors, officers,
                restriction, services, patientStates, formed));
    }

    /**
     * A practice's owners: {@code shareholders: [{holder, shares}]} on any form, or, in a PLLC's own words, {@code members:
     * [{holder, units}]}. One list, not both; members only on a PLLC, the one form whose owners are members. The model
     * keeps one kind of record for both (its outputs choose the words by the form).
     */
    private List<Practice.Shareholding> owners(Obj o, Practice.Form form, String path) {
        Field members = o.field("members");
        if (members == null) {
            return o.list("shareholders", this::shareholding);
        }
        if (o.field("shareholders") != null) {
            throw new InvalidModelException(file, members.line(), members.column(), o.at("members"), "a practice lists its "
                    + "owners once: members (a PLLC's members and their units) or shareholders, not both");
        }
        if (form != Practice.Form.PLLC) {
            String written = form == null ? Practice.Form.PC.id() + " (the default form)" : form.id();
            throw new InvalidModelException(file, members.line(), members.column(), o.at("members"), "members is for a PLLC "
                    + "(form: pllc), whose owners are members holding units; this practice is a " + written
                    + ": list its owners as shareholders: [{holder, shares}]");
        }
        practicesWithMembers.add(path);
        return o.list("members", this::membership);
    }

    private Practice.Shareholding shareholding(Node node, String path) {
        Obj o = new Obj(node, path, "shareholding");
        String holder = o.text("holder");
        long shares = o.requiredWhole("shares", "shares");
        return build(path, () -> new Practice.Shareholding(holder, shares));
    }

    private Practice.Shareholding membership(Node node, String path) {
        Obj o = new Obj(node, path, "membership");
        String holder = o.text("holder");
        long units = o.requiredWhole("units", "units");
        if (units <= 0) {
            throw fail(o.node("units"), o.at("units"), "units must be > 0 but was " + units);
        }
        return build(path, () -> new Practice.Shareholding(holder, units));
    }

    private Practice.TransferRestriction transferRestriction(Node node, String path) {
        Obj o = new Obj(node, path, "transferRestriction");
        boolean designates = o.bool("msoDesignatesTransferee", false);
        boolean callRight = o.bool("callRightAtWill", false);
        Money nominalPrice = o.amount("nominalPrice");
        return build(path, () -> new Practice.TransferRestriction(designates, callRight, nominalPrice));
    }

    private Agreement agreement(Node node, String path) {
        Obj o = new Obj(node, path, "agreement");
        String id = o.text("id");
        Agreement.Type type = o.enumValue("type", Agreement.Type.class);
        String practice = o.text("practice");
        FeeTerms fee = o.object("fee", this::fee);
        boolean fmvOpinion = o.bool("fmvOpinion", false);
        List<String> services = o.textList("services");
        List<String> msoControls = o.textList("msoControls");
        boolean noncompete = o.bool("noncompete", false);
        Integer termMonths = o.node("termMonths") == null ? null : o.requiredInteger("termMonths");
        // An agreement in the model is taken as signed unless the file says otherwise.
        boolean signed = o.bool("signed", true);
        return build(path, () -> new Agreement(id, type, practice, fee, fmvOpinion, services, msoControls, noncompete,
                termMonths, signed));
    }

    private FeeTerms fee(Node node, String path) {
        Obj o = new Obj(node, path, "fee");
        FeeTerms.Basis basis = o.enumValue("basis", FeeTerms.Basis.class);
        Money monthly = o.amount("monthly");
        BigDecimal escalator = o.decimal("escalator");
        BigDecimal percent = o.decimal("percent");
        BigDecimal markup = o.decimal("markup");
        return build(path, () -> new FeeTerms(basis, monthly, escalator, percent, markup));
    }

    // ---- financials, exits, simulation -------------------------------------------------------------

    private Financials financials(Node node, String path) {
        Obj o = new Obj(node, path, "financials");
        LocalDate start = o.date("start");
        int years = o.integer("years", DEFAULT_YEARS);
        Map<String, Financials.PracticeFinancials> practices = new LinkedHashMap<>();
        Node practicesNode = o.node("practices");
        if (practicesNode != null) {
            String at = o.at("practices");
            for (Field f : map(practicesNode, at).fields().values()) {
                practices.put(f.key(), practiceFinancials(f.value(), at + "." + f.key()));
            }
        }
        Financials.MsoFinancials mso = o.object("mso", this::msoFinancials);
        return build(path, () -> new Financials(start, years, practices, mso));
    }

    private Financials.PracticeFinancials practiceFinancials(Node node, String path) {
        Obj o = new Obj(node, path, "practiceFinancials");
        Money collections = o.amount("collections");
        BigDecimal growth = o.decimal("growth");
        BigDecimal clinicianComp = o.decimal("clinicianComp");
        Money otherCosts = o.amount("otherCosts");
        BigDecimal referred = o.decimal("referredByInvestors");
        return build(path, () -> new Financials.PracticeFinancials(collections, growth, clinicianComp, otherCosts, referred));
    }

    private Financials.MsoFinancials msoFinancials(Node node, String path) {
        Obj o = new Obj(node, path, "msoFinancials");
        Money operatingCosts = o.amount("operatingCosts");
        BigDecimal costGrowth = o.decimal("costGrowth");
        Money netDebt = o.amount("netDebt");
        return build(path, () -> new Financials.MsoFinancials(operatingCosts, costGrowth, netDebt));
    }

    private ExitScenario exit(Node node, String path) {
        Obj o = new Obj(node, path, "exit");
        String name = o.text("name");
        LocalDate date = o.date("date");
        Money enterpriseValue = o.amount("enterpriseValue");
        BigDecimal ebitdaMultiple = o.decimal("ebitdaMultiple");
        BigDecimal revenueMultiple = o.decimal("revenueMultiple");
        ExitScenario.TransactionCosts costs = o.object("transactionCosts", this::transactionCosts);
        ExitScenario.Escrow escrow = o.object("escrow", this::escrow);
        ExitScenario.CarveOut carveOut = o.object("carveOut", this::carveOut);
        ExitScenario.Earnout earnout = o.object("earnout", this::earnout);
        boolean doubleTrigger = o.bool("doubleTriggerFires", false);
        ExitScenario.RevenueBasis revenueBasis = o.enumValue("revenueBasis", ExitScenario.RevenueBasis.class);
        return build(path, () -> new ExitScenario(name, date, enterpriseValue, ebitdaMultiple, revenueMultiple, costs,
                escrow, carveOut, earnout, doubleTrigger, revenueBasis));
    }

    /** {@code 0.03} (a fraction of enterprise value) or {@code {fixed: 500000}}. */
    private ExitScenario.TransactionCosts transactionCosts(Node node, String path) {
        if (node instanceof MapNode) {
            Obj o = new Obj(node, path, "fixedTransactionCosts");
            if (o.node("fixed") == null) {
                throw fail(node, path + ".fixed", "fixed is required: write transactionCosts: {fixed: 500000} or a fraction such as 0.03");
            }
            Money fixed = o.amount("fixed");
            return build(path, () -> ExitScenario.TransactionCosts.ofFixed(fixed));
        }
        if (!(node instanceof ScalarNode)) {
            throw fail(node, path, "expected a fraction such as 0.03 or {fixed: 500000} but found " + node.describe());
        }
        BigDecimal fraction = decimal(node, path);
        return build(path, () -> ExitScenario.TransactionCosts.ofFraction(fraction));
    }

    private ExitScenario.Escrow escrow(Node node, String path) {
        Obj o = new Obj(node, path, "escrow");
        BigDecimal fraction = o.decimal("fraction");
        int months = o.requiredInteger("months");
        BigDecimal release = o.decimal("releaseProbability");
        return build(path, () -> new ExitScenario.Escrow(fraction, months, release));
    }

    private ExitScenario.CarveOut carveOut(Node node, String path) {
        Obj o = new Obj(node, path, "carveOut");
        BigDecimal fraction = o.decimal("fraction");
        Map<String, BigDecimal> recipients = new LinkedHashMap<>();
        Node recipientsNode = o.node("recipients");
        if (recipientsNode != null) {
            String at = o.at("recipients");
            for (Field f : map(recipientsNode, at).fields().values()) {
                recipients.put(f.key(), decimal(f.value(), at + "." + f.key()));
            }
        }
        return build(path, () -> new ExitScenario.CarveOut(fraction, recipients));
    }

    private ExitScenario.Earnout earnout(Node node, String path) {
        Obj o = new Obj(node, path, "earnout");
        Money amount = o.amount("amount");
        BigDecimal probability = o.decimal("probability");
        return build(path, () -> new ExitScenario.Earnout(amount, probability));
    }

    private SimulationSpec simulation(Node node, String path) {
        Obj o = new Obj(node, path, "simulation");
        int runs = o.node("runs") == null ? DEFAULT_RUNS : runs(o.node("runs"), o.at("runs"));
        long seed = o.whole("seed", DEFAULT_SEED, "");
        Distribution exitDate = o.distribution("exitDate", true);
        Distribution ebitdaMultiple = o.distribution("ebitdaMultiple", false);
        Distribution collectionsGrowth = o.distribution("collectionsGrowth", false);
        Distribution clinicianComp = o.distribution("clinicianComp", false);
        Distribution escrowRelease = o.distribution("escrowRelease", false);
        Distribution earnoutPaid = o.distribution("earnoutPaid", false);
        double noExit = o.node("noExitProbability") == null ? 0 : dbl(o.node("noExitProbability"), o.at("noExitProbability"));
        List<SimulationSpec.Correlation> correlations = o.list("correlations", this::correlation);
        return build(path, () -> new SimulationSpec(runs, seed, exitDate, ebitdaMultiple, collectionsGrowth, clinicianComp,
                escrowRelease, earnoutPaid, noExit, correlations));
    }

    private SimulationSpec.Correlation correlation(Node node, String path) {
        Obj o = new Obj(node, path, "correlation");
        String a = o.text("a");
        String b = o.text("b");
        if (a == null || b == null) {
            throw fail(node, path, "a correlation names two drivers and rho: {a: ebitdaMultiple, b: collectionsGrowth, rho: 0.5}");
        }
        Node rhoNode = o.node("rho");
        if (rhoNode == null) {
            throw fail(node, o.at("rho"), "rho is required");
        }
        double rho = dbl(rhoNode, o.at("rho"));
        try {
            return new SimulationSpec.Correlation(a, b, rho);
        } catch (ModelException e) {
            String which = e.getMessage().contains("'" + b + "'") && !e.getMessage().contains("'" + a + "'") ? "b"
                    : e.getMessage().startsWith("correlation must") ? "rho" : "a";
            throw fail(o.node(which), o.at(which), e.getMessage());
        }
    }

    /**
     * A plain number (a constant) or a one-entry map naming the distribution. For date-valued drivers
     * the location parameters (mean, low, mode, high, points) may be dates; they become days since
     * 1970-01-01, as the model keeps them.
     */
    private Distribution distribution(Node node, String path, boolean dates) {
        if (node instanceof ScalarNode) {
            double value = point(node, path, dates);
            return new Distribution.Constant(value);
        }
        MapNode map = map(node, path);
        Obj o = new Obj(node, path, "distribution");
        if (map.fields().size() != 1) {
            throw fail(node, path, "a distribution is a number or one of " + String.join(", ", FIELDS.get("distribution"))
                    + ", e.g. {lognormal: {median: 10, sigma: 0.35}}, but " + map.fields().size() + " were given");
        }
        Field f = map.fields().values().iterator().next();
        String at = o.at(f.key());
        Node v = f.value();
        return build(at, () -> switch (f.key()) {
            case "constant" -> new Distribution.Constant(point(v, at, dates));
            case "normal" -> {
                Obj p = new Obj(v, at, "normal");
                yield new Distribution.Normal(p.point("mean", dates), p.point("sd", false));
            }
            case "lognormal" -> {
                Obj p = new Obj(v, at, "lognormal");
                yield new Distribution.LogNormal(p.point("median", dates), p.point("sigma", false));
            }
            case "uniform" -> {
                List<Double> ends = points(v, at, dates, 2, "[low, high]");
                requireInOrder(v, at, dates, "uniform needs low <= high", ends, false);
                yield new Distribution.Uniform(ends.get(0), ends.get(1));
            }
            case "triangular" -> {
                List<Double> ends = points(v, at, dates, 3, "[low, mode, high]");
                requireInOrder(v, at, dates, "triangular needs low <= mode <= high", ends, false);
                yield new Distribution.Triangular(ends.get(0), ends.get(1), ends.get(2));
            }
            case "beta" -> {
                Obj p = new Obj(v, at, "beta");
                if (dates && (p.node("low") == null || p.node("high") == null)) {
                    // The defaults 0 and 1 are fractions; as dates they would be 1970-01-01 and 1970-01-02.
                    throw fail(v, at, "a beta of dates needs both low and high, e.g. {alpha: 2, beta: 2, low: 2028-01-01, "
                            + "high: 2031-12-31}");
                }
                double low = p.node("low") == null ? 0 : p.point("low", dates);
                double high = p.node("high") == null ? 1 : p.point("high", dates);
                requireInOrder(v, at, dates, "beta needs low < high", List.of(low, high), true);
                yield new Distribution.Beta(p.point("alpha", false), p.point("beta", false), low, high);
            }
            case "empirical" -> new Distribution.Empirical(points(v, at, dates, -1, "[x1, x2, ...]"));
            default -> throw new IllegalStateException(f.key());
        });
    }

    /**
     * Bounds out of order, said as written: the model keeps date drivers as day numbers, which a message must not show
     * ({@code [22644.0, 21550.0]}), and numbers without a trailing {@code .0}.
     */
    private void requireInOrder(Node node, String path, boolean dates, String rule, List<Double> values, boolean strict) {
        for (int i = 1; i < values.size(); i++) {
            double before = values.get(i - 1);
            double next = values.get(i);
            if (strict ? !(before < next) : !(before <= next)) {
                List<String> shown = values.stream().map(d -> dates ? LocalDate.ofEpochDay(d.longValue()).toString()
                        : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()).toList();
                throw fail(node, path, rule + " but was [" + String.join(", ", shown) + "]");
            }
        }
    }

    private List<Double> points(Node node, String path, boolean dates, int count, String shape) {
        if (!(node instanceof ListNode list) || (count >= 0 && list.items().size() != count)) {
            throw fail(node, path, "expected " + shape + " but found " + (node instanceof ListNode l
                    ? "a list of " + l.items().size() : node.describe()));
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            values.add(point(list.items().get(i), path + "[" + i + "]", dates));
        }
        return values;
    }

    private double point(Node node, String path, boolean dates) {
        if (dates) {
            // Dates are YYYY-MM-DD everywhere: 20280101 is not a day count anyone means.
            return date(node, path).toEpochDay();
        }
        return dbl(node, path);
    }

    // ---- deal events (PRODUCT.md §8) -------------------------------------------------------------------

    /** A round or a recap, told apart by {@code type}. */
    private DealEvent event(Node node, String path) {
        MapNode map = map(node, path);
        Field typeField = map.fields().get("type");
        if (typeField == null || (typeField.value() instanceof ScalarNode s && s.isNull())) {
            throw fail(node, path + ".type", "type is required: round or recap");
        }
        String type = text(typeField.value(), path + ".type").strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "round" -> round(node, path);
            case "recap" -> recap(node, path);
            default -> throw fail(typeField.value(), path + ".type", "unknown value '" + Shown.value(type) + "'"
                    + Suggest.didYouMean(type, List.of("round", "recap")) + "; allowed values are round, recap");
        };
    }

    private RoundEvent round(Node node, String path) {
        Obj o = new Obj(node, path, "round");
        String name = o.text("name");
        LocalDate date = o.date("date");
        ShareClass shareClass = o.object("class", this::roundClass);
        Money preMoney = o.amount("preMoney");
        BigDecimal pricePerShare = o.price("pricePerShare");
        RoundEvent.PriceBasis priceBasis = o.enumValue("priceBasis", RoundEvent.PriceBasis.class);
        List<RoundEvent.Investment> investments = o.list("investments", this::investment);
        BigDecimal poolTopUp = o.decimal("poolTopUp");
        return build(path, () -> new RoundEvent(name, date, shareClass, preMoney, pricePerShare, priceBasis, investments,
                poolTopUp));
    }

    private RoundEvent.Investment investment(Node node, String path) {
        Obj o = new Obj(node, path, "investment");
        String holder = o.text("holder");
        Money amount = o.amount("amount");
        return build(path, () -> new RoundEvent.Investment(holder, amount));
    }

    private RecapEvent recap(Node node, String path) {
        Obj o = new Obj(node, path, "recap");
        String name = o.text("name");
        LocalDate date = o.date("date");
        Money enterpriseValue = o.amount("enterpriseValue");
        BigDecimal ebitdaMultiple = o.decimal("ebitdaMultiple");
        RecapEvent.Cost sellerCosts = o.object("sellerCosts", this::cost);
        RecapEvent.Cost buyerCosts = o.object("buyerCosts", this::cost);
        RecapEvent.NewDebt newDebt = o.object("newDebt", this::newDebt);
        List<ShareClass> classes = o.list("classes", this::shareClass);
        RecapEvent.Buyer buyer = o.object("buyer", this::buyer);
        List<RecapEvent.Rollover> rollover = o.list("rollover", this::rollover);
        List<Holding> grants = o.list("grants", this::holding);
        Mso.Form form = o.enumValue("form", Mso.Form.class);
        return build(path, () -> new RecapEvent(name, date, enterpriseValue, ebitdaMultiple, sellerCosts, buyerCosts, newDebt,
                classes, buyer, rollover, grants, form));
    }

    /** {@code 0.02} (a fraction of the enterprise value) or {@code {fixed: 1M}}, as an exit's transaction costs. */
    private RecapEvent.Cost cost(Node node, String path) {
        if (node instanceof MapNode) {
            Obj o = new Obj(node, path, "fixedTransactionCosts");
            if (o.node("fixed") == null) {
                throw fail(node, path + ".fixed", "fixed is required: write {fixed: 1M} or a fraction such as 0.02");
            }
            Money fixed = o.amount("fixed");
            return build(path, () -> RecapEvent.Cost.ofFixed(fixed));
        }
        if (!(node instanceof ScalarNode)) {
            throw fail(node, path, "expected a fraction such as 0.02 or {fixed: 1M} but found " + node.describe());
        }
        BigDecimal fraction = decimal(node, path);
        return build(path, () -> RecapEvent.Cost.ofFraction(fraction));
    }

    private RecapEvent.NewDebt newDebt(Node node, String path) {
        Obj o = new Obj(node, path, "newDebt");
        Money amount = o.amount("amount");
        BigDecimal amortization = o.decimal("amortization");
        BigDecimal pikRate = o.decimal("pikRate");
        return build(path, () -> new RecapEvent.NewDebt(amount, amortization, pikRate));
    }

    private RecapEvent.Buyer buyer(Node node, String path) {
        Obj o = new Obj(node, path, "buyer");
        String holder = o.text("holder");
        String classId = o.text("class");
        BigDecimal price = o.price("price");
        return build(path, () -> new RecapEvent.Buyer(holder, classId, price));
    }

    private RecapEvent.Rollover rollover(Node node, String path) {
        Obj o = new Obj(node, path, "rollover");
        String holder = o.text("holder");
        BigDecimal fraction = o.decimal("fraction");
        Money amount = o.amount("amount");
        String classId = o.text("class");
        BigDecimal price = o.price("price");
        return build(path, () -> new RecapEvent.Rollover(holder, fraction, amount, classId, price));
    }

    // ---- scalars -----------------------------------------------------------------------------------

    private String text(Node node, String path) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            return s.text();
        }
        throw expected(node, path, "text");
    }

    private MapNode map(Node node, String path) {
        if (node instanceof MapNode m) {
            return m;
        }
        throw expected(node, path, "a map of fields");
    }

    private ListNode listNode(Node node, String path) {
        if (node instanceof ListNode l) {
            return l;
        }
        throw expected(node, path, "a list");
    }

    private boolean bool(Node node, String path) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            String t = s.text().strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true");
            }
        }
        throw expected(node, path, "true or false");
    }

    private LocalDate date(Node node, String path) {
        if (node instanceof ScalarNode s && DATE.matcher(s.text().strip()).matches()) {
            try {
                return LocalDate.parse(s.text().strip());
            } catch (DateTimeParseException e) {
                throw fail(node, path, "not a valid date: " + Shown.value(s.text().strip()));
            }
        }
        throw expected(node, path, "a date YYYY-MM-DD");
    }

    /** A whole number; {@code noun} "shares" (or a PLLC's "units") makes the messages speak of them. */
    private long whole(Node node, String path, String noun) {
        boolean counted = noun.equals("shares") || noun.equals("units");
        BigDecimal value = number(node, path, counted ? "a whole number of " + noun : "a whole number", true);
        if (value.stripTrailingZeros().scale() > 0) {
            throw fail(node, path, counted ? "fractional " + noun + " are not allowed: " + value.toPlainString()
                    : "expected a whole number but found " + value.toPlainString());
        }
        if (counted && value.abs().compareTo(BigDecimal.valueOf(Limits.MAX_SHARES)) > 0) {
            throw fail(node, path, noun + " out of range: " + value.toPlainString() + "; a holding has at most 1,000,000,000,000 "
                    + noun);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw fail(node, path, value.toPlainString() + " is too large");
        }
    }

    private int integer(Node node, String path) {
        long value = whole(node, path, "");
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw fail(node, path, value + " is too large");
        }
        return (int) value;
    }

    /**
     * The simulation's runs, refused outside the range {@code simulate --runs} allows with the same words: "is too large"
     * did not say what is allowed.
     */
    private int runs(Node node, String path) {
        BigDecimal value = number(node, path, "a whole number", true);
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw fail(node, path, String.format(java.util.Locale.US, "runs must be a whole number from 1 to %,d but was %s",
                    Integer.MAX_VALUE, value.toPlainString()));
        }
        return value.intValueExact();
    }

    /** A number written with or without the amount suffixes (k, M, B) and separators. */
    private BigDecimal number(Node node, String path, String expected, boolean amountSyntax) {
        if (node instanceof ScalarNode s && (s.kind() == ScalarNode.Kind.NUMBER || s.kind() == ScalarNode.Kind.TEXT)) {
            String t = s.text().strip().replace("_", "");
            if (t.length() > Limits.MAX_NUMBER_CHARS && looksNumeric(t)) {
                // Refused unread: BigDecimal needs seconds for a few hundred thousand digits.
                throw fail(node, path, "number too long (" + t.length() + " characters): " + Shown.value(t) + "; numbers are written in at most "
                        + Limits.MAX_NUMBER_CHARS + " characters");
            }
            if (t.endsWith("%")) {
                throw fail(node, path, "write fractions, not percentages: 0.08 for 8%, but found " + Shown.value(s.text()));
            }
            BigDecimal value = null;
            if (t.length() <= Limits.MAX_NUMBER_CHARS) {
                try {
                    value = amountSyntax && !DECIMAL.matcher(t).matches() ? Amounts.parse(t) : new BigDecimal(t);
                } catch (IllegalArgumentException e) {
                    // not a number: the type error below
                }
            }
            if (value != null) {
                // Checked before any rescaling: "1e999999999" would otherwise cost minutes of BigInteger work.
                if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > Limits.MAX_DECIMALS) {
                    throw fail(node, path, "number out of range: " + Shown.value(s.text().strip()) + "; numbers have at most "
                            + MAX_INTEGER_DIGITS + " digits before the point and " + Limits.MAX_DECIMALS + " after it");
                }
                return value.scale() < 0 ? value.setScale(0) : value;
            }
        }
        throw expected(node, path, expected);
    }

    /** Digits, signs, points, separators and suffixes only: a number, however long, not a word. */
    private static boolean looksNumeric(String t) {
        return t.chars().allMatch(c -> (c >= '0' && c <= '9') || ".,+-eE$kKmMbB ".indexOf(c) >= 0);
    }

    /** {@code value} when its size is at most {@code max}, else the range error at the field. */
    private BigDecimal within(BigDecimal value, BigDecimal max, Node node, String path, String what) {
        if (value != null && value.abs().compareTo(max) > 0) {
            throw fail(node, path, what + " out of range: " + Shown.value(value.toPlainString()) + "; " + what + "s are at most "
                    + String.format(java.util.Locale.US, "%,d", max.toBigInteger()) + " in size");
        }
        return value;
    }

    /** A plain decimal such as a fraction or a multiple: 0.08, 1.0, 12. */
    private BigDecimal decimal(Node node, String path) {
        BigDecimal max = DECIMAL_LIMITS.getOrDefault(lastName(path), Limits.MAX_DECIMAL);
        return within(number(node, path, "a number", false), max, node, path, "number");
    }

    /**
     * Ranges narrower than {@link Limits#MAX_DECIMAL} for numbers that multiply money (README, "Limits"): with them a
     * liquidation preference, a cap, a projected year or an exit value stays an amount the engines carry exactly.
     */
    static final Map<String, BigDecimal> DECIMAL_LIMITS = Map.ofEntries(
            Map.entry("preference", BigDecimal.valueOf(100)), Map.entry("cap", BigDecimal.valueOf(100)),
            Map.entry("conversionRatio", BigDecimal.valueOf(1000)), Map.entry("exitMultiple", BigDecimal.valueOf(100)),
            Map.entry("ebitdaMultiple", BigDecimal.valueOf(1000)), Map.entry("revenueMultiple", BigDecimal.valueOf(1000)),
            Map.entry("markup", BigDecimal.valueOf(100)), Map.entry("growth", BigDecimal.TEN),
            Map.entry("costGrowth", BigDecimal.TEN), Map.entry("escalator", BigDecimal.TEN));

    /** A per-share price: exact, any number of decimals, amount syntax allowed ($2.00). */
    private BigDecimal price(Node node, String path) {
        return within(number(node, path, "a price such as 2.00", true), Limits.MAX_PRICE, node, path, "price");
    }

    /** An amount of money: 2500000, "2500000.00", 2.5M, 750k, 1.2B; at most two decimals. */
    private Money amount(Node node, String path) {
        BigDecimal value = number(node, path, "an amount such as 2500000, 2.5M or 750k", true);
        if (!Limits.isAmount(value)) {
            throw fail(node, path, "amount out of range: " + Shown.value(value.toPlainString()) + "; amounts are at most "
                    + Limits.MAX_AMOUNT_WORDS + " in size");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw fail(node, path, "amounts have at most two decimals (cents) but found " + value.toPlainString());
        }
        return new Money(value);
    }

    private double dbl(Node node, String path) {
        if (node instanceof ScalarNode s && (s.kind() == ScalarNode.Kind.NUMBER || s.kind() == ScalarNode.Kind.TEXT)) {
            String t = s.text().strip();
            if (t.length() > Limits.MAX_NUMBER_CHARS && looksNumeric(t)) {
                throw fail(node, path, "number too long (" + t.length() + " characters): " + Shown.value(t) + "; numbers are written in at most "
                        + Limits.MAX_NUMBER_CHARS + " characters");
            }
            if (t.length() <= Limits.MAX_NUMBER_CHARS && DECIMAL.matcher(t).matches()) {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d) && Math.abs(d) <= Limits.MAX_PARAMETER) {
                    return d;
                }
                throw fail(node, path, "number out of range: " + Shown.value(t) + "; distribution parameters and probabilities are at most "
                        + "1,000,000 in size");
            }
        }
        throw expected(node, path, "a number");
    }

    private <E extends Enum<E>> E enumValue(Node node, String path, Class<E> type) {
        String text = text(node, path).strip().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> ids = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String id = id(e);
            if (id.equals(text)) {
                return e;
            }
            ids.add(id);
        }
        throw fail(node, path, "unknown value '" + Shown.value(text) + "'" + Suggest.didYouMean(text, ids) + "; allowed values are "
                + String.join(", ", ids));
    }

    /** How an enum constant is written in files: lower case, '-' for '_'. */
    static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- errors ------------------------------------------------------------------------------------

    private InvalidModelException expected(Node node, String path, String what) {
        return fail(node, path, "expected " + what + " but found " + (node == null ? "nothing" : node.describe()));
    }

    private InvalidModelException fail(Node node, String path, String reason) {
        Node at = node != null ? node : locate(path);
        return new InvalidModelException(file, at.line(), at.column(), path, reason);
    }

    /** Runs a record constructor, placing any invariant it breaks at the field it names. */
    private <T> T build(String base, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ModelException e) {
            throw at(resolve(base, e.field()), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw at(base, e.getMessage(), e);
        }
    }

    private InvalidModelException at(String modelPath, String reason, Throwable cause) {
        String path = asWritten(modelPath);
        Field key = keys.get(path);
        if (key != null && isKeyedById(path)) {
            return new InvalidModelException(file, key.line(), key.column(), path, reason, cause);
        }
        Node at = locate(path);
        return new InvalidModelException(file, at.line(), at.column(), path, reason, cause);
    }

    /**
     * A model path as the file wrote it: the model's {@code practices[0].shareholders[1].shares} is {@code
     * practices[0].members[1].units} in a practice whose owners the file lists as members.
     */
    private String asWritten(String modelPath) {
        int dot = modelPath.indexOf(".shareholders");
        if (dot < 0 || !practicesWithMembers.contains(modelPath.substring(0, dot))) {
            return modelPath;
        }
        String entry = modelPath.substring(dot + ".shareholders".length());
        boolean count = entry.matches("\\[[0-9]+\\]\\.shares");
        return modelPath.substring(0, dot) + ".members" + (count ? entry.replace(".shares", ".units") : entry);
    }

    private static boolean isKeyedById(String path) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        return parent.equals("financials.practices") || parent.endsWith(".recipients");
    }

    /**
     * The absolute path of a field a record names: relative to the record's own path ({@code shares}
     * in {@code mso.holdings[1]}), or the record itself when it names itself ({@code transactionCosts}).
     */
    static String resolve(String base, String field) {
        if (field == null || field.isEmpty()) {
            return base;
        }
        if (base.isEmpty()) {
            return field;
        }
        if (field.equals(lastName(base))) {
            return base;
        }
        return base + "." + field;
    }

    private static String lastName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
    }

    /** The value at {@code path}, else at the nearest enclosing path that was written. */
    private Node locate(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Node n = nodes.get(p);
            if (n != null) {
                return n;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return root;
    }

    private void index(String path, Node node) {
        nodes.put(path, node);
        if (node instanceof MapNode m) {
            for (Field f : m.fields().values()) {
                String at = path.isEmpty() ? f.key() : path + "." + f.key();
                keys.put(at, f);
                index(at, f.value());
            }
        } else if (node instanceof ListNode l) {
            for (int i = 0; i < l.items().size(); i++) {
                index(path + "[" + i + "]", l.items().get(i));
            }
        }
    }

    /**
     * The likely cause of an unknown field that is the tail of the value before it: in a flow map a plain value ends
     * at the first comma, so {@code {name: Fund 1, LP}} reads as name "Fund 1" and a field "LP" with no value, and
     * {@code {amount: 1,000}} as amount 1 and a field "000". Said only when the unknown field has no value and follows
     * a plain value (text, or a number when the field is all digits); empty otherwise.
     */
    static String commaHint(MapNode map, Field previous, Field unknown) {
        // A key without a value reads as null or, from some parsers, as empty text.
        if (!map.flow() || previous == null || !(unknown.value() instanceof ScalarNode empty) || !(empty.isNull() || empty.text().isEmpty())
                || !(previous.value() instanceof ScalarNode value) || !value.plain()) {
            return "";
        }
        String tail = unknown.key();
        String field = Shown.value(previous.key());
        if (tail.matches("[0-9]+") && value.text().matches("[0-9][0-9.,]*")) {
            String whole = (value.text() + tail).replace(",", "");
            return "; inside { } a comma ends the value, so " + field + ": " + Shown.value(value.text() + "," + tail)
                    + " reads as " + Shown.value(value.text()) + ": write numbers without thousands separators (" + field + ": "
                    + Shown.value(whole) + ", or 1k, 2.5M)";
        }
        if (value.kind() == ScalarNode.Kind.TEXT && !value.text().isEmpty()) {
            boolean adjacent = unknown.line() == value.line() && unknown.column() == value.column() + value.text().length() + 1;
            String whole = value.text() + (adjacent ? "," : ", ") + tail;
            return "; inside { } a comma ends the value, so " + field + " reads as '" + Shown.value(value.text())
                    + "': a value containing a comma must be quoted (" + field + ": \"" + Shown.value(whole.replace("\"", "\\\""))
                    + "\")";
        }
        return "";
    }

    // ---- one object of the file ------------------------------------------------------------------

    @FunctionalInterface
    private interface Binding<T> {
        T bind(Node node, String path);
    }

    /** A map of the file being bound as one object of the format: its fields checked against the allowed ones. */
    private final class Obj {
        private final MapNode node;
        private final String path;

        Obj(Node node, String path, String kind) {
            this.node = map(node, path);
            this.path = path;
            List<String> allowed = FIELDS.get(kind);
            Field previous = null;
            for (Field f : this.node.fields().values()) {
                if (!allowed.contains(f.key())) {
                    String commaHint = commaHint(this.node, previous, f);
                    // When the key is the tail of a value, a field it resembles is no help.
                    String reason = "unknown field '" + Shown.value(f.key()) + "'"
                            + (commaHint.isEmpty() ? Suggest.didYouMean(f.key(), allowed) : "")
                            + (allowed.size() <= LIST_FIELDS_UP_TO ? "; allowed fields are " + String.join(", ", allowed) : "")
                            + commaHint;
                    throw new InvalidModelException(file, f.line(), f.column(), at(f.key()), reason);
                }
                previous = f;
            }
        }

        String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** The field {@code key} as written, even with no value; null when absent. */
        Field field(String key) {
            return node.fields().get(key);
        }

        /** The value of {@code key}; null when absent or written as null. */
        Node node(String key) {
            Field f = node.fields().get(key);
            return f == null || (f.value() instanceof ScalarNode s && s.isNull()) ? null : f.value();
        }

        String text(String key) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.text(n, at(key));
        }

        LocalDate date(String key) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.date(n, at(key));
        }

        boolean bool(String key, boolean absent) {
            Node n = node(key);
            return n == null ? absent : VentureBinder.this.bool(n, at(key));
        }

        long whole(String key, long absent, String noun) {
            Node n = node(key);
            return n == null ? absent : VentureBinder.this.whole(n, at(key), noun);
        }

        long requiredWhole(String key, String noun) {
            Node n = node(key);
            if (n == null) {
                throw fail(node, at(key), key + " is required");
            }
            return VentureBinder.this.whole(n, at(key), noun);
        }

        int integer(String key, int absent) {
            Node n = node(key);
            return n == null ? absent : VentureBinder.this.integer(n, at(key));
        }

        int requiredInteger(String key) {
            Node n = node(key);
            if (n == null) {
                throw fail(node, at(key), key + " is required");
            }
            return VentureBinder.this.integer(n, at(key));
        }

        BigDecimal decimal(String key) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.decimal(n, at(key));
        }

        BigDecimal price(String key) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.price(n, at(key));
        }

        Money amount(String key) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.amount(n, at(key));
        }

        double point(String key, boolean dates) {
            Node n = node(key);
            if (n == null) {
                throw fail(node, at(key), key + " is required");
            }
            return VentureBinder.this.point(n, at(key), dates);
        }

        Distribution distribution(String key, boolean dates) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.distribution(n, at(key), dates);
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            Node n = node(key);
            return n == null ? null : VentureBinder.this.enumValue(n, at(key), type);
        }

        <T> T object(String key, Binding<T> binding) {
            Node n = node(key);
            return n == null ? null : binding.bind(n, at(key));
        }

        <T> List<T> list(String key, Binding<T> binding) {
            Node n = node(key);
            if (n == null) {
                return List.of();
            }
            String at = at(key);
            List<Node> items = listNode(n, at).items();
            List<T> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(binding.bind(items.get(i), at + "[" + i + "]"));
            }
            return out;
        }

        List<String> textList(String key) {
            return list(key, VentureBinder.this::text);
        }

        Map<String, String> textMap(String key) {
            Node n = node(key);
            Map<String, String> out = new LinkedHashMap<>();
            if (n != null) {
                String at = at(key);
                for (Field f : map(n, at).fields().values()) {
                    out.put(f.key(), VentureBinder.this.text(f.value(), at + "." + f.key()));
                }
            }
            return out;
        }
    }
}

package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.msocap.compliance.Citation;
import org.msocap.compliance.ComplianceChecker;
import org.msocap.compliance.Confidence;
import org.msocap.compliance.Finding;
import org.msocap.compliance.Severity;
import org.msocap.compliance.SubjectKind;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/** Finding messages in the workbook name people, practices, agreements and classes, and leave every other word alone. */
class FindingTextTest {

    private final Venture sunrise = TestVentures.sunrise();
    private final FindingText text = new ClientLabels(sunrise).findingText();

    private static Finding finding(SubjectKind kind, String subject, String message, String... involves) {
        return new Finding("TEST-01", "A test finding", Severity.MEDIUM, kind, subject, message, new Citation("none", List.of()),
                "Fix it.", Confidence.HIGH, List.of(involves));
    }

    @Test
    void idsAfterAKindWordBecomeNames() {
        Finding f = finding(SubjectKind.AGREEMENT, "msa-ca", "agreement msa-ca pays the MSO a 35% of collections fee of practice "
                + "sunrise-ca; the transfer restriction on practice sunrise-ca's shares; under msa-ca at practice sunrise-ca");
        assertThat(text.message(f)).isEqualTo("the management services agreement with Sunrise Medical Group of California, P.C. pays "
                + "the MSO a 35% of collections fee of practice Sunrise Medical Group of California, P.C.; the transfer restriction on "
                + "practice Sunrise Medical Group of California, P.C.'s shares; under the management services agreement with Sunrise "
                + "Medical Group of California, P.C. at practice Sunrise Medical Group of California, P.C.");
    }

    @Test
    void peopleByNameWithTheLongestIdFirst() {
        Finding f = finding(SubjectKind.PERSON, "dr-bob", "dr-bob is shareholder of practice sunrise-ca; investors (angel-two, angel) "
                + "refer", "dr-bob", "angel", "angel-two");
        assertThat(text.message(f)).isEqualTo("Robert Diaz, MD is shareholder of practice Sunrise Medical Group of California, P.C.; investors "
                + "(Evan Second, Dana Angel) refer");
    }

    @Test
    void aPlainWordIdIsReplacedOnlyWhereTheFindingNamesThatPerson() {
        // "alice" and "angel" are people, but this finding does not involve them: they stay words.
        Finding f = finding(SubjectKind.PERSON, "dr-bob", "an angel investor; alice in wonderland; dr-bob refers", "dr-bob");
        assertThat(text.message(f)).isEqualTo("an angel investor; alice in wonderland; Robert Diaz, MD refers");
        Finding involved = finding(SubjectKind.PERSON, "alice", "alice is shareholder and director", "alice");
        assertThat(text.message(involved)).isEqualTo("Alice Chen is shareholder and director");
    }

    @Test
    void aClassIdIsReplacedOnlyAfterTheWordClass() {
        Finding f = finding(SubjectKind.CLASS, "common", "investors hold 60% of class common and 10% of class series-a; "
                + "common stock, a common practice, series-a-like terms");
        assertThat(text.message(f)).isEqualTo("investors hold 60% of class Common and 10% of class Series A; common stock, "
                + "a common practice, series-a-like terms");
        Venture named = ClientNamesTest.namedClasses();
        assertThat(new ClientLabels(named).findingText().message(f)).startsWith("investors hold 60% of Class A Common Units and 10% "
                + "of Series Seed Preferred Units;");
    }

    @Test
    void idsInsideLongerWordsOrIdsStay() {
        Finding f = finding(SubjectKind.PRACTICE, "sunrise-ca", "sunrise-cab, xsunrise-ca, sunrise-ca-2, msa-ca_x, dr-bobby, "
                + "(sunrise-ca), sunrise-ca.", "dr-bob");
        assertThat(text.message(f)).isEqualTo("sunrise-cab, xsunrise-ca, sunrise-ca-2, msa-ca_x, dr-bobby, "
                + "(Sunrise Medical Group of California, P.C.), Sunrise Medical Group of California, P.C..");
    }

    @Test
    void servicesAndDecisionsReadAsWords() {
        Finding f = finding(SubjectKind.AGREEMENT, "msa-ca", "agreement msa-ca charges a percentage; services: billing, staffing, it, "
                + "real-estate; while the MSO provides marketing, payer-contracting; payer-contracting (negotiating) is it");
        assertThat(text.message(f)).isEqualTo("the management services agreement with Sunrise Medical Group of California, P.C. charges "
                + "a percentage; services: billing, staffing, IT, real estate; while the MSO provides marketing, payer contracting; "
                + "payer contracting (negotiating) is it");
    }

    @Test
    void aKindWordBeforeAnIdOfAnotherKindStays() {
        Finding f = finding(SubjectKind.PRACTICE, "sunrise-ca", "director of practice dr-bob", "dr-bob");
        assertThat(text.message(f)).isEqualTo("director of practice Robert Diaz, MD");
    }

    /**
     * Every finding of every example, rewritten: no hyphenated or numbered id is left, no id after a kind word, no
     * involved person's id; and the message changes only where an id was.
     */
    @Test
    void everyExampleFindingReadsWithNames() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "ventures"))) {
            models = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int rewritten = 0;
        for (Path model : models) {
            Venture venture = VentureReader.read(model);
            FindingText names = new ClientLabels(venture).findingText();
            List<String> ids = new ArrayList<>();
            venture.people().forEach(p -> ids.add(p.id()));
            venture.practices().forEach(p -> ids.add(p.id()));
            venture.agreements().forEach(a -> ids.add(a.id()));
            venture.mso().classes().forEach(c -> ids.add(c.id()));
            for (Finding f : ComplianceChecker.DEFAULT.check(venture).findings()) {
                String message = names.message(f);
                for (String id : ids) {
                    Pattern whole = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w]|-\\w)");
                    boolean plainWord = id.chars().allMatch(Character::isLetter);
                    if (!plainWord || f.involves().contains(id)) {
                        assertThat(whole.matcher(message).find()).as(model.getFileName() + ": '" + id + "' in: " + message).isFalse();
                    }
                    assertThat(message).as(model.getFileName() + ": " + message)
                            .doesNotContain("agreement " + id + " ", "practice " + id + " ", "class " + id + " ")
                            .doesNotEndWith(" " + id);
                }
                if (!message.equals(f.message())) {
                    rewritten++;
                }
            }
        }
        assertThat(rewritten).as("findings whose message named an id").isGreaterThan(50);
    }

    @Test
    void theBundledExamplesFindingsReadAsAClientWouldSayThem() throws Exception {
        Venture venture = VentureReader.read(ClientDeliverableTest.BUNDLED);
        FindingText names = new ClientLabels(venture).findingText();
        List<String> messages = ComplianceChecker.DEFAULT.check(venture).findings().stream().map(names::message).toList();
        assertThat(messages).contains("the management services agreement with Sunrise Medical of New York, P.C. gives the MSO the "
                + "final say over pricing (setting prices) at practice Sunrise Medical of New York, P.C. (New York, STRONG "
                + "corporate-practice doctrine).");
        assertThat(messages).anyMatch(m -> m.startsWith("Robert Diaz, MD (physician) holds MSO equity and refers patients"));
    }
}

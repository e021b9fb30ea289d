package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msocap.io.VentureReader;
import org.msocap.model.Holding;
import org.msocap.model.Practice;
import org.msocap.model.Venture;

/**
 * Keeps the example YAML files and their Java twins in step: the files name the same people, holdings,
 * practices, shareholders and fee basis, and read through {@link VentureReader} give the same findings.
 */
class ExampleVenturesYamlTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("new-york-percentage-fee.yaml", (Supplier<Venture>) ExampleVentures::newYorkPercentageFee),
                Arguments.of("oregon-founder-directs-practice.yaml", (Supplier<Venture>) ExampleVentures::oregonFounderDirectsPractice),
                Arguments.of("california-psychologist-half-owner.yaml", (Supplier<Venture>) ExampleVentures::californiaPsychologistHalfOwner),
                Arguments.of("florida-clean.yaml", (Supplier<Venture>) ExampleVentures::floridaClean));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void yamlMatchesTheJavaVenture(String file, Supplier<Venture> java) throws Exception {
        JsonNode yaml;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            yaml = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Venture v = java.get();
        assertThat(yaml.get("msocap").asInt()).isEqualTo(1);
        assertThat(yaml.get("venture").asText()).isEqualTo(v.name());
        assertThat(yaml.get("asOf").asText()).isEqualTo(v.asOf().toString());
        assertThat(texts(yaml.get("people"), "id")).containsExactlyElementsOf(v.people().stream().map(p -> p.id()).toList());
        List<String> holdings = new ArrayList<>();
        yaml.get("mso").get("holdings").forEach(h -> holdings.add(h.get("holder").asText() + ":" + h.get("class").asText() + ":"
                + h.get("shares").asLong()));
        assertThat(holdings).containsExactlyElementsOf(v.mso().holdings().stream()
                .map((Holding h) -> h.holder() + ":" + h.shareClass() + ":" + h.shares()).toList());
        JsonNode practice = yaml.get("practices").get(0);
        Practice p = v.practices().get(0);
        assertThat(practice.get("state").asText()).isEqualTo(p.state());
        List<String> shareholders = new ArrayList<>();
        practice.get("shareholders").forEach(s -> shareholders.add(s.get("holder").asText() + ":" + s.get("shares").asLong()));
        assertThat(shareholders).containsExactlyElementsOf(p.shareholders().stream().map(s -> s.holder() + ":" + s.shares()).toList());
        assertThat(yaml.get("agreements").get(0).get("fee").get("basis").asText()).isEqualTo(v.agreements().get(0).fee().basis().id());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theYamlFileReadsAndGivesTheSameFindingsAsItsJavaTwin(String file, Supplier<Venture> java) throws Exception {
        Venture read = VentureReader.read(Path.of(getClass().getResource(file).toURI()));
        ComplianceReport fromFile = ComplianceChecker.DEFAULT.check(read);
        ComplianceReport fromJava = ComplianceChecker.DEFAULT.check(java.get());
        assertThat(fromFile.findings()).isEqualTo(fromJava.findings());
        assertThat(fromFile.findings()).isNotEmpty();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}

package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.msocap.io.Schema;

class SchemaCommandTest {

    @Test
    void printsTheJsonSchemaOfTheFormat() {
        CliRun run = CliRun.of("schema");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(Schema.text().strip());
        assertThat(run.out()).contains("\"$schema\"").contains("\"holdings\"").contains("\"additionalProperties\" : false".replace(" : ", ": "));
    }
}

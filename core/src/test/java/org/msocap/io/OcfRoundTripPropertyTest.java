package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msocap.captable.CapTable;
import org.msocap.io.ocf.OcfExporter;
import org.msocap.io.ocf.OcfImporter;
import org.msocap.io.ocf.OcfPackage;
import org.msocap.model.Venture;

/**
 * Any valid venture exports to an OCF package that validates against the official schemas and imports back to the
 * same MSO cap table (holders, classes, shares, options, warrants, SAFEs, notes, the pool). Lives beside
 * {@link VentureWriterPropertyTest} to share its generator of ventures.
 */
class OcfRoundTripPropertyTest {

    private static final long SEED = 42L;

    @Test
    void exportThenImportGivesTheSameCapTable() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(VentureWriterPropertyTest.ventures())
                .checkAssert(v -> {
                    var files = OcfExporter.export(v, Instant.EPOCH).files();
                    OcfPackage pkg = OcfPackage.of("gen", files);
                    assertThat(pkg.problems()).isEmpty();
                    Venture back = OcfImporter.importPackage(pkg, false).venture();
                    assertThat(msoCapTable(back)).isEqualTo(msoCapTable(v));
                    assertThat(back.mso().classes()).isEqualTo(v.mso().classes());
                    assertThat(back.mso().holdings()).isEqualTo(v.mso().holdings());
                    assertThat(back.mso().options()).isEqualTo(v.mso().options());
                    assertThat(back.mso().warrants()).isEqualTo(v.mso().warrants());
                    assertThat(back.mso().safes()).isEqualTo(v.mso().safes());
                    assertThat(back.mso().notes()).isEqualTo(v.mso().notes());
                    assertThat(back.mso().optionPool()).isEqualTo(v.mso().optionPool());
                    assertThat(back.people()).isEqualTo(v.people());
                });
    }

    private static CapTable msoCapTable(Venture v) {
        CapTable c = CapTable.of(v);
        return new CapTable(c.venture(), c.currency(), c.lines(), c.convertibles(), c.totalOutstanding(), c.totalFullyDiluted(), List.of());
    }
}

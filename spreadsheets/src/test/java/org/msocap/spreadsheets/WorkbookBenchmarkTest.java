package org.msocap.spreadsheets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Runs {@link WorkbookBenchmark} on demand (-Dmsocap.bench=true), never in the default test run. */
class WorkbookBenchmarkTest {

    @Test
    void workbookWithOneHundredThousandSimulationRows() throws Exception {
        assumeTrue(Boolean.getBoolean("msocap.bench"), "benchmark runs only on demand: -Dmsocap.bench=true -DargLine=-Xmx512m");
        WorkbookBenchmark.main(new String[] {Integer.getInteger("msocap.bench.rows", 100_000).toString()});
    }
}

package org.msocap.spreadsheets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test harness: a real spreadsheet engine that recalculates our workbooks.
 *
 * <p>How recalculation is made reliable: LibreOffice decides per file type whether to recalculate on
 * load ({@code org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode}: 0 always, 1 never, 2 ask), and
 * its default depends on the version and on who wrote the file. Each conversion therefore runs with a fresh user
 * profile (so no state leaks between runs or from a developer's own profile) whose
 * {@code registrymodifications.xcu} sets that mode to 0, "always recalculate". The converted copy, saved
 * by LibreOffice, then carries LibreOffice's own results as cached values, which POI reads back.
 * {@code LibreOfficeTest} proves it: a formula written with a deliberately wrong cached value comes back
 * with the right one.
 *
 * <p>Tests call {@link #assumeInstalled()} first: without {@code soffice} on the PATH they are skipped
 * with a message saying so; CI installs {@code libreoffice-calc-nogui}.
 */
final class LibreOffice {

    private static final long TIMEOUT_SECONDS = 180;

    private LibreOffice() {
    }

    static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static void assumeInstalled() {
        assumeTrue(executable().isPresent(), "LibreOffice (soffice) is not installed, so the workbook cannot be recalculated "
                + "by a real spreadsheet engine; install libreoffice-calc-nogui to run this test");
    }

    /** Opens {@code xlsx}, recalculates every formula and saves the result as xlsx in {@code workDir}. */
    static Path recalculate(Path xlsx, Path workDir) throws IOException, InterruptedException {
        return recalculateAll(List.of(xlsx), workDir).get(0);
    }

    /**
     * Recalculates several workbooks in one LibreOffice start (starting it is most of the cost). The file
     * names must differ; the results come back in the same order.
     */
    static List<Path> recalculateAll(List<Path> xlsx, Path workDir) throws IOException, InterruptedException {
        return convert(xlsx, workDir, "xlsx:Calc MS Excel 2007 XML", "xlsx");
    }

    /** Renders {@code xlsx} to PDF (every sheet, with its print setup) after recalculating. */
    static Path toPdf(Path xlsx, Path workDir) throws IOException, InterruptedException {
        return convert(List.of(xlsx), workDir, "pdf", "pdf").get(0);
    }

    /**
     * Renders several workbooks to PDF, a few per LibreOffice start so that each start stays within the timeout on a
     * loaded machine; the results come back in the same order.
     */
    static List<Path> toPdfs(List<Path> xlsx, Path workDir) throws IOException, InterruptedException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < xlsx.size(); i += PDFS_PER_START) {
            out.addAll(convert(xlsx.subList(i, Math.min(xlsx.size(), i + PDFS_PER_START)), workDir, "pdf", "pdf"));
        }
        return out;
    }

    private static final int PDFS_PER_START = 3;

    private static List<Path> convert(List<Path> inputs, Path workDir, String filter, String extension)
            throws IOException, InterruptedException {
        Path soffice = executable().orElseThrow(() -> new IllegalStateException("soffice is not installed"));
        Path profile = Files.createTempDirectory(workDir, "lo-profile-");
        writeProfile(profile);
        Path outDir = Files.createTempDirectory(workDir, "lo-out-");
        List<String> command = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--invisible", "--norestore", "--nolockcheck",
                "--convert-to", filter, "--outdir", outDir.toString()));
        inputs.forEach(in -> command.add(in.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("soffice did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        List<Path> outs = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            Path out = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
            if (process.exitValue() != 0 || !Files.exists(out)) {
                throw new IOException("soffice failed on " + input + " (exit " + process.exitValue() + "): "
                        + Files.readString(workDir.resolve("soffice.log"), StandardCharsets.UTF_8));
            }
            outs.add(out);
        }
        return outs;
    }

    private static void writeProfile(Path profile) throws IOException {
        Path user = Files.createDirectories(profile.resolve("user"));
        String xcu = """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """;
        Files.writeString(user.resolve("registrymodifications.xcu"), xcu, StandardCharsets.UTF_8);
    }
}

package org.msocap.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.msocap.model.Venture;

/**
 * Reads a venture model file (PRODUCT.md §3), YAML or JSON (by the {@code .json} extension). Every
 * problem, from a missing colon to a lay person holding practice shares, is one
 * {@link InvalidModelException} naming file, line, column and field.
 */
public final class VentureReader {

    private VentureReader() {
    }

    /** Reads and validates {@code file}; files over 10 MB are refused before they are read. */
    public static Venture read(Path file) {
        return load(file).venture();
    }

    /** Reads and validates {@code content}; {@code fileName} decides JSON or YAML and names the file in errors. */
    public static Venture read(String content, String fileName) {
        return load(content, fileName).venture();
    }

    /** Like {@link #read(Path)}, keeping where each field was written for errors found later. */
    public static ModelFile load(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidModelException(name, 1, 1, "", "this is a directory, not a model file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // /dev/zero never ends and a FIFO may never deliver: only a regular file is read at all.
            throw new InvalidModelException(name, 1, 1, "", "not a regular file (a device, a FIFO or a socket), not a model file");
        }
        try {
            long size = Files.size(file);
            if (size > TreeReader.MAX_BYTES) {
                throw TreeReader.tooLarge(name, size + " bytes");
            }
            return load(utf8(readAtMost(file, TreeReader.MAX_BYTES, name), name), name);
        } catch (NoSuchFileException e) {
            throw new InvalidModelException(name, 1, 1, "", "no such file");
        } catch (IOException e) {
            throw new InvalidModelException(name, 1, 1, "", "cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * The file's bytes, refusing it as soon as more than {@code limit} arrive: the size a file reports can lie
     * (a file growing while read, special files in /proc report 0), the bytes read cannot.
     */
    static byte[] readAtMost(Path file, long limit, String name) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, limit, name);
        }
    }

    private static byte[] readAtMost(InputStream in, long limit, String name) throws IOException {
        byte[] bytes = in.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
            throw TreeReader.tooLarge(name, "more than " + limit + " bytes");
        }
        return bytes;
    }

    /**
     * Reads and validates a model from {@code in} (standard input), JSON when it starts as a JSON object does, else YAML,
     * naming it {@code name} in errors; like a file, it is refused once more than 10 MB arrive. The stream is not closed.
     */
    public static ModelFile load(InputStream in, String name) {
        try {
            String content = utf8(readAtMost(in, TreeReader.MAX_BYTES, name), name);
            return VentureBinder.bindFile(TreeReader.readUnnamed(content, name), name);
        } catch (IOException e) {
            throw new InvalidModelException(name, 1, 1, "", "cannot read the model: " + e.getMessage(), e);
        }
    }

    /** Like {@link #read(String, String)}, keeping where each field was written for errors found later. */
    public static ModelFile load(String content, String fileName) {
        return VentureBinder.bindFile(TreeReader.read(content, fileName), fileName);
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidModelException(name, 1, 1, "", "the file is not UTF-8 text");
        }
    }
}

package org.msocap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes an output file so that readers only ever see the old file or the complete new one: the
 * content goes to a temporary file beside the target, is flushed to disk, then moved into place.
 *
 * <p>The temporary file is named {@code .NAME.PID.N.tmp}, after the process writing it: a run killed
 * by SIGTERM or SIGINT deletes it from a shutdown hook ({@link TempFiles}), and the next write beside
 * the same target deletes those left by a process that no longer runs (SIGKILL, power loss).
 */
public final class AtomicFiles {

    /** Writes the content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Why a file could not be written, in words: Java's file-system exceptions carry only the path (often of the
     * temporary file) as their message.
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return missing.getReason() != null ? missing.getReason() : "no such directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Writes {@code target}, replacing a regular file of that name (never a device, a FIFO or a directory). */
    public static void write(Path target, Content content) {
        try {
            write(target, null, true, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code target} the way every output a user names is written: never over {@code protectedInput} (the
     * model file, however the path is spelled: {@code ./}, a symbolic or a hard link), over an existing file only
     * when {@code replace}, and then only over a regular file.
     *
     * <p>Without {@code replace} the file is created exclusively: the finished temporary file is hard-linked to
     * the target name, which the file system refuses atomically when the name exists, so of two runs writing
     * the same new file exactly one succeeds. (A rename, even {@code ATOMIC_MOVE}, replaces silently on Linux.)
     *
     * @throws FileAlreadyExistsException with a reason for the user when the target is refused
     */
    public static void write(Path target, Path protectedInput, boolean replace, Content content) throws IOException {
        Path out = checkTarget(target, protectedInput, replace);
        Path dir = out.getParent();
        removeStaleTemporaries(dir, out.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + out.getFileName() + "." + ProcessHandle.current().pid() + ".", ".tmp");
        TempFiles.deleteOnShutdown(tmp);
        try {
            try (OutputStream stream = Files.newOutputStream(tmp);
                 var buffered = new java.io.BufferedOutputStream(stream, 1 << 16)) {
                content.writeTo(buffered);
            }
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            // Temporary files are private (0600); a report is meant to be shared like any file the user saves.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            if (replace) {
                // Checked again just before the rename: the window in which a FIFO could appear is this short.
                refuseExisting(target, out, true);
                try {
                    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                moveExclusively(target, tmp, out);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp); // after a hard link the target keeps the content
            } catch (IOException ignored) {
                // The original error matters more than a leftover temporary file, which the next run deletes.
            }
            TempFiles.forget(tmp);
        }
    }

    /**
     * Refuses a target {@link #write(Path, Path, boolean, Content)} would refuse, before the (perhaps long) work
     * that makes the content; returns the target as an absolute path.
     *
     * @throws java.nio.file.NoSuchFileException when the directory the target names does not exist: a mistyped
     *         directory is refused, not created (and a file written where the user will not look for it)
     */
    public static Path checkTarget(Path target, Path protectedInput, boolean replace) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        Path dir = out.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Path named = target.getParent() != null ? target.getParent() : dir;
            throw new java.nio.file.NoSuchFileException(target.toString(), null,
                    (Files.exists(dir) ? "not a directory: " : "no such directory: ") + named);
        }
        if (protectedInput != null) {
            Path input = protectedInput.toAbsolutePath().normalize();
            if (out.equals(input) || (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input))) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "refusing to write over the input model; choose another output file");
            }
        }
        if (Files.isDirectory(out)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a directory; give a file name");
        }
        refuseExisting(target, out, replace);
        return out;
    }

    private static void refuseExisting(Path target, Path out, boolean replace) throws FileAlreadyExistsException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!replace) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists; use --force to replace it");
        }
        if (!Files.isRegularFile(out)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "is not a regular file (a device, a FIFO, a socket or a broken link); msocap replaces only regular files");
        }
    }

    private static void moveExclusively(Path target, Path tmp, Path out) throws IOException {
        try {
            Files.createLink(out, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists; use --force to replace it");
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof java.nio.file.FileSystemException fs && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "already exists; use --force to replace it");
            }
            // A file system without hard links (FAT, some network shares): a move that refuses an existing
            // target, checked just before the rename; only there can two simultaneous runs both succeed.
            try {
                Files.move(tmp, out);
            } catch (FileAlreadyExistsException exists) {
                throw new FileAlreadyExistsException(target.toString(), null, "already exists; use --force to replace it");
            }
        }
    }

    /** {@code .NAME.PID.N.tmp}: a temporary file of ours, named after the process that wrote it. */
    private static Pattern temporaryOf(String name) {
        return Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d+)\\.\\d+\\.tmp");
    }

    /** Deletes the temporary files beside {@code name} left by msocap processes that no longer run. */
    static void removeStaleTemporaries(Path dir, String name) {
        Pattern ours = temporaryOf(name);
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = ours.matcher(f.getFileName().toString());
                if (m.matches() && TempFiles.isDead(m.group(1)) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException ignored) {
                        // Someone else's file after all, or read-only: leave it.
                    }
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Cleaning up is a courtesy; the write itself reports real problems.
        }
    }
}

package org.msocap.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and directories msocap is writing right now, deleted by a shutdown hook when the process
 * is stopped (SIGTERM, SIGINT, Ctrl-C) so an interrupted export leaves nothing behind. SIGKILL runs no hook:
 * what it leaves carries the process id in its name, and the next run deletes it once that process is gone.
 */
public final class TempFiles {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final String DIRECTORY_PREFIX = "msocap-";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "msocap-temp-cleanup"));
    }

    private TempFiles() {
    }

    /** Deletes {@code path} (a file, or a directory and what it holds) if the process is stopped before {@link #forget}. */
    public static void deleteOnShutdown(Path path) {
        LIVE.add(path);
    }

    public static void forget(Path path) {
        LIVE.remove(path);
    }

    /**
     * A new private directory {@code msocap-PURPOSE-PID-N} under the system temporary directory, deleted at
     * shutdown unless {@link #delete deleted} before; the same directories of dead processes are deleted first.
     */
    public static Path createDirectory(String purpose) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        removeStaleDirectories(base, purpose);
        Path dir = Files.createTempDirectory(base, DIRECTORY_PREFIX + purpose + "-" + ProcessHandle.current().pid() + "-");
        deleteOnShutdown(dir);
        return dir;
    }

    /** Deletes a file or a directory tree now, and forgets it. */
    public static void delete(Path path) {
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // What cannot be deleted now is retried at shutdown.
            return;
        }
        forget(path);
    }

    static boolean isDead(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id != ProcessHandle.current().pid() && ProcessHandle.of(id).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void removeStaleDirectories(Path base, String purpose) {
        Pattern ours = Pattern.compile(Pattern.quote(DIRECTORY_PREFIX + purpose) + "-(\\d+)-\\d+");
        try (Stream<Path> entries = Files.list(base)) {
            entries.forEach(p -> {
                Matcher m = ours.matcher(p.getFileName().toString());
                if (m.matches() && isDead(m.group(1)) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        deleteTree(p);
                    } catch (IOException ignored) {
                        // Another user's, or in use: leave it.
                    }
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // Cleaning up is a courtesy.
        }
    }

    private static void deleteAll() {
        for (Path p : LIVE) {
            try {
                deleteTree(p);
            } catch (IOException | RuntimeException ignored) {
                // Best effort while the process exits.
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

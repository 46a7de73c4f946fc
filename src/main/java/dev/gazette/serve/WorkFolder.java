package dev.gazette.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder the preview builds into, never the user's {@code site/}; deleted
 * as a whole when the preview stops, whichever way it stops: {@link #close} on a normal stop or
 * a failed start, and a shutdown hook for Ctrl-C or SIGTERM at any moment, the first build
 * included (before the preview could install its own hook).
 */
final class WorkFolder implements AutoCloseable {
    /** Deleting races a build still writing into the folder; a few passes get what it added. */
    private static final int DELETE_PASSES = 5;

    private final Path path;
    private final Thread onExit;

    private WorkFolder(Path path) {
        this.path = path;
        this.onExit = new Thread(() -> delete(path), "gazette-serve-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    static WorkFolder create() {
        try {
            return new WorkFolder(Files.createTempDirectory("gazette-serve-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the preview", e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes {@code root} and everything below it, without following links; best effort. */
    static void delete(Path root) {
        for (int pass = 0; pass < DELETE_PASSES && Files.exists(root); pass++) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // A file appeared or vanished under the walk (a build still writing): walk again.
            }
        }
    }

    @Override
    public void close() {
        delete(path);
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook deletes the folder (again) itself.
        }
    }
}

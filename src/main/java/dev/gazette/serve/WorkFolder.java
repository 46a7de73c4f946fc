package dev.gazette.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder the preview builds into, never the user's {@code site/}; deleted
 * as a whole when the preview stops.
 */
final class WorkFolder implements AutoCloseable {
    private final Path path;

    private WorkFolder(Path path) {
        this.path = path;
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
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary folder is harmless; the OS cleans its temp folder.
        }
    }

    @Override
    public void close() {
        delete(path);
    }
}

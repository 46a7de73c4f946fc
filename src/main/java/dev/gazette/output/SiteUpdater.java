package dev.gazette.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Updates a site folder in place: collects the files that changed while the build runs, and only
 * when the whole build succeeded writes each of them (atomically: a reader sees the old file or
 * the new one) and deletes the files that are gone, with the folders they leave empty. What a build does not hand over is left
 * as it is, so an incremental build writes only what changed. A failed build writes nothing.
 */
public final class SiteUpdater implements OutputSink {
    private final Path root;
    private final Map<String, byte[]> changed = new ConcurrentHashMap<>();

    public SiteUpdater(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String path, byte[] content) {
        file(path);
        changed.put(path, content);
    }

    /** Writes the changed files and deletes {@code removed}; returns the site paths of both, sorted. */
    public List<String> commit(List<String> removed) {
        try {
            Files.createDirectories(root);
            for (Map.Entry<String, byte[]> e : new TreeMap<>(changed).entrySet()) {
                Path file = file(e.getKey());
                Files.createDirectories(file.getParent());
                Path temp = file.resolveSibling(file.getFileName() + ".tmp-gazette");
                Files.write(temp, e.getValue());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException x) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String path : removed) {
                Path file = file(path);
                Files.deleteIfExists(file);
                // A page's folder goes with its last file, as a new site would not have it.
                for (Path dir = file.getParent(); !dir.equals(root) && isEmptyFolder(dir); dir = dir.getParent()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the site folder " + root, e);
        }
        TreeMap<String, Boolean> all = new TreeMap<>();
        changed.keySet().forEach(p -> all.put(p, true));
        removed.forEach(p -> all.put(p, true));
        changed.clear();
        return List.copyOf(all.keySet());
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private Path file(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("output path escapes the site folder: " + path);
        }
        return file;
    }
}

package dev.gazette.output;

import dev.gazette.model.GazetteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a build into a fresh folder next to the output folder and swaps it in only when the
 * build succeeded, so a failed build leaves the previous site exactly as it was. Refuses to
 * replace a non-empty folder that it did not create (one without its marker file): Gazette
 * never deletes files it did not write.
 */
public final class SiteWriter implements OutputSink, AutoCloseable {
    public static final String MARKER = ".gazette";
    private static final String MARKER_TEXT = "This folder is written by Gazette and replaced on every build.\n";

    /** One writer per core: writing a file is mostly system-call work on the CPU, not waiting. */
    private static final int WRITERS = Runtime.getRuntime().availableProcessors();
    /** Files handed over but not yet written, at most: renderers wait rather than pile pages up in memory. */
    private static final int QUEUED = 64 * WRITERS;

    /** Held by the build writing a staging folder; a folder whose lock is free was left by a killed build. */
    private static final String LOCK = ".gazette-build";

    private final Path out;
    private final Path staging;
    private final FileChannel lock;
    private final ExecutorService writers;
    private final List<Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore queued = new Semaphore(QUEUED);
    /** Folders of the staging folder made so far (and the staging folder itself). */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private boolean committed;

    private SiteWriter(Path out, Path staging, FileChannel lock) {
        this.out = out;
        this.staging = staging;
        this.lock = lock;
        folders.add(staging);
        this.writers = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "gazette-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public static SiteWriter open(Path out) {
        Path target = out.toAbsolutePath().normalize();
        checkReplaceable(out, target);
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            removeLeftovers(target);
            Path staging = parent.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectory(staging);
            FileChannel lock = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock.lock();
            return new SiteWriter(target, staging, lock);
        } catch (IOException e) {
            throw new GazetteException(out.toString(), 0, "cannot create the output folder: " + e.getMessage());
        }
    }

    /**
     * Removes what killed builds left next to {@code out}: staging folders whose build lock is
     * free, and old sites set aside by a swap that finished (the new site is in place).
     */
    static void removeLeftovers(Path out) throws IOException {
        Pattern leftover = Pattern.compile(Pattern.quote(out.getFileName().toString()) + "\\.(tmp|old)-[0-9a-f]{8}");
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(out.getParent())) {
            for (Path p : siblings) {
                Matcher m = leftover.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && (m.group(1).equals("tmp") ? abandoned(p) : Files.exists(out))) {
                    found.add(p);
                }
            }
        }
        for (Path p : found) {
            try {
                deleteTree(p);
            } catch (IOException e) {
                // Another build may be removing it too; what is left is tried again next time.
            }
        }
    }

    /** Whether no running build holds the staging folder's lock. */
    private static boolean abandoned(Path staging) {
        try (FileChannel channel = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return false;
            }
            held.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by a build in this very process
        } catch (NoSuchFileException e) {
            return true; // killed before it took the lock, or a staging folder from before locks
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses an output folder that holds one of the build's inputs (replacing it would delete
     * them) or lies inside one (the next build would read its own pages as articles).
     *
     * @param inputs what the build reads, by the option that named it ("--content")
     */
    public static void checkApart(Path out, Map<String, Path> inputs) {
        Path site = canonical(out);
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path in = canonical(input.getValue());
            if (in.startsWith(site)) {
                throw new GazetteException(out.toString(), 0, "the output folder holds the " + input.getKey()
                        + " folder " + input.getValue() + ", and every build replaces it; choose another --out");
            }
            if (site.startsWith(in)) {
                throw new GazetteException(out.toString(), 0, "the output folder is inside the " + input.getKey()
                        + " folder " + input.getValue() + ", so the next build would read its own pages; choose another --out");
            }
        }
    }

    /** The real path, links resolved, of a path that may not exist yet. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Whether {@code dir} may be replaced: it is absent, empty, or marked as Gazette's. */
    public static void checkReplaceable(Path display, Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new GazetteException(display.toString(), 0, "output path exists and is not a folder");
        }
        if (dir.getParent() == null) {
            throw new GazetteException(display.toString(), 0, "refusing to use a file system root as the output folder");
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new GazetteException(display.toString(), 0, "refusing to replace a folder that Gazette did not "
                        + "create (it has files and no " + MARKER + " marker); choose an empty or new folder with --out");
            }
        } catch (IOException e) {
            throw new GazetteException(display.toString(), 0, "cannot read the output folder: " + e.getMessage());
        }
    }

    @Override
    public void write(String path, byte[] content) {
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("output path escapes the site folder: " + path);
        }
        queued.acquireUninterruptibly();
        pending.add(writers.submit(() -> {
            try {
                // The first file of a folder makes it: most pages have a folder of their own, so
                // trying to write first would fail (and throw) once for nearly every page.
                Path folder = file.getParent();
                if (!folders.contains(folder)) {
                    Files.createDirectories(folder);
                    folders.add(folder);
                }
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            } finally {
                queued.release();
            }
        }));
    }

    /** Waits until every file handed to {@link #write} is on disk. */
    private void flush() throws IOException {
        List<Future<?>> all;
        synchronized (pending) {
            all = new ArrayList<>(pending);
        }
        for (Future<?> f : all) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the site", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof UncheckedIOException u ? u.getCause() : new IOException(cause);
            }
        }
    }

    /** Swaps the new site in place of the old one. */
    public void commit() {
        try {
            flush();
            Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
            Path old = null;
            if (Files.exists(out)) {
                old = out.resolveSibling(out.getFileName() + ".old-" + UUID.randomUUID().toString().substring(0, 8));
                move(out, old);
            }
            try {
                move(staging, out);
            } catch (IOException e) {
                if (old != null) {
                    move(old, out);
                }
                throw e;
            }
            committed = true;
            unlock(out.resolve(LOCK));
            if (old != null) {
                try {
                    deleteTree(old);
                } catch (IOException e) {
                    // The new site is in place; the next build removes what is left of the old one.
                }
            }
        } catch (IOException e) {
            throw new GazetteException(out.toString(), 0, "cannot replace the output folder: " + e.getMessage());
        }
    }

    /** Deletes the staging folder unless the build was committed. */
    @Override
    public void close() {
        writers.shutdown();
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            // Only cleaning up: the build has already failed or succeeded.
        }
        if (!committed) {
            try {
                unlock(staging.resolve(LOCK));
                deleteTree(staging);
            } catch (IOException e) {
                // Best effort: a leftover staging folder is named clearly and harmless.
            }
        }
    }

    private void unlock(Path lockFile) throws IOException {
        if (lock.isOpen()) {
            lock.close();
            Files.deleteIfExists(lockFile);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

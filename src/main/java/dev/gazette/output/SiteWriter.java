package dev.gazette.output;

import dev.gazette.model.GazetteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.UUID;
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

    private final Path out;
    private final Path staging;
    private final ExecutorService writers;
    private final List<Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore queued = new Semaphore(QUEUED);
    private boolean committed;

    private SiteWriter(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
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
            Path staging = parent.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectory(staging);
            return new SiteWriter(target, staging);
        } catch (IOException e) {
            throw new GazetteException(out.toString(), 0, "cannot create the output folder: " + e.getMessage());
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
                try {
                    Files.write(file, content);
                } catch (java.nio.file.NoSuchFileException e) {
                    // The first file of a folder makes it (a system call saved for every other file).
                    Files.createDirectories(file.getParent());
                    Files.write(file, content);
                }
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
            if (old != null) {
                deleteTree(old);
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
                deleteTree(staging);
            } catch (IOException e) {
                // Best effort: a leftover staging folder is named clearly and harmless.
            }
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

package dev.gazette.cli;

import dev.gazette.pipeline.Progress;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A line on an interactive terminal that says what a long build is doing ("reading 1200/2200
 * sources"), redrawn in place a few times a second once the build has taken a second, and
 * erased when it ends so only the summary stays.
 */
final class ProgressLine implements AutoCloseable {
    static final long DELAY_MILLIS = 1000;
    private static final long EVERY_MILLIS = 200;

    private final PrintWriter err;
    private final Progress progress;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-progress");
        t.setDaemon(true);
        return t;
    });
    private int shown;
    private String last;
    private boolean closed;

    ProgressLine(PrintWriter err, Progress progress) {
        this.err = err;
        this.progress = progress;
        timer.scheduleAtFixedRate(this::draw, DELAY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** What the line says for one moment of the build. */
    static String text(Progress.Snapshot s) {
        return "gazette: " + switch (s.stage()) {
            case "reading" -> "reading and cleaning sources: " + s.done() + " of " + s.total();
            case "linking" -> "linking " + Plural.of(s.total(), "article") + " (tags, related, stories)";
            case "rendering" -> "rendering pages: " + Plural.of(s.done(), "file");
            case "writing" -> "writing " + Plural.of(s.total(), "file");
            case "config" -> "reading site.yml";
            default -> s.stage();
        } + "...";
    }

    private synchronized void draw() {
        if (closed) {
            return;
        }
        String line = text(progress.snapshot());
        if (line.equals(last)) {
            return;
        }
        last = line;
        // Pad with spaces over a longer earlier line: no terminal control codes needed.
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}

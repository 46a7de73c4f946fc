package dev.gazette.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a build has got: the pipeline moves it forward, a console may read it from another
 * thread to draw a progress line. Reading never slows or changes the build.
 */
public final class Progress {
    /** What a progress line shows: the stage, items done, and the total when known (else 0). */
    public record Snapshot(String stage, int done, int total) {
    }

    private volatile Snapshot stage = new Snapshot("config", 0, 0);
    private final AtomicInteger done = new AtomicInteger();

    void start(String name, int total) {
        done.set(0);
        stage = new Snapshot(name, 0, total);
    }

    void advance() {
        done.incrementAndGet();
    }

    public Snapshot snapshot() {
        Snapshot s = stage;
        return new Snapshot(s.stage(), done.get(), s.total());
    }
}

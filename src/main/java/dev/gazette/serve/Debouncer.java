package dev.gazette.serve;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Coalesces bursts of events: the action runs once {@code quiet} has passed since the last
 * {@link #add}, with everything added since the previous run. Runs happen one at a time on a
 * single thread, so items that arrive during a run are handed to the next one, never lost and
 * never built twice in parallel.
 */
final class Debouncer<T> implements AutoCloseable {
    private final long quietNanos;
    private final Consumer<Set<T>> action;
    private final ScheduledExecutorService thread;
    private Set<T> pending = new LinkedHashSet<>();
    private ScheduledFuture<?> scheduled;

    Debouncer(Duration quiet, String name, Consumer<Set<T>> action) {
        this.quietNanos = quiet.toNanos();
        this.action = action;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    synchronized void add(T item) {
        if (thread.isShutdown()) {
            return;
        }
        pending.add(item);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = thread.schedule(this::fire, quietNanos, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        Set<T> batch;
        synchronized (this) {
            batch = pending;
            pending = new LinkedHashSet<>();
        }
        if (!batch.isEmpty()) {
            action.accept(batch);
        }
    }

    /** Drops what is pending and waits briefly for a run in progress to end. */
    @Override
    public void close() {
        synchronized (this) {
            thread.shutdownNow();
        }
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

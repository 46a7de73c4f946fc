package dev.gazette.serve;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A header-read timeout, which Jetty does not have: its idle timeout restarts with every byte,
 * so a client that sends a header a byte at a time ("slowloris") would hold its connection for
 * ever. Here a connection must deliver a whole request head within {@code timeout} of opening,
 * and a kept-alive one within {@code timeout} of the first byte of its next request; otherwise it
 * is closed. A sweep every quarter of the timeout compares each connection's request and byte
 * counters with the previous sweep's, so it costs nothing per byte.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final long NOT_WAITING = Long.MIN_VALUE;

    /** What a sweep saw: requests and bytes read so far, and since when a head has been due. */
    private record Watch(long requests, long bytes, long dueSince) {
    }

    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final long sweepMillis;
    private volatile boolean stopped;

    HeaderDeadline(Duration timeout, Scheduler scheduler) {
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
        this.sweepMillis = Math.max(50, timeout.toMillis() / 4);
    }

    void start() {
        scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Watch(0, 0, System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    private void sweep() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        open.forEach((connection, seen) -> {
            long requests = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            if (requests != seen.requests()) {
                // A head arrived since the last sweep; the next one is due once its bytes start.
                open.replace(connection, seen, new Watch(requests, bytes, NOT_WAITING));
            } else if (seen.dueSince() == NOT_WAITING) {
                if (bytes > seen.bytes()) {
                    open.replace(connection, seen, new Watch(requests, seen.bytes(), now));
                }
            } else if (now - seen.dueSince() > timeoutNanos) {
                open.remove(connection);
                connection.getEndPoint().close();
            }
        });
        scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }
}

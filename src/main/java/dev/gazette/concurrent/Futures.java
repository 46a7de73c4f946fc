package dev.gazette.concurrent;

import dev.gazette.model.GazetteException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work started on another thread. */
public final class Futures {
    private Futures() {
    }

    /**
     * The future's value once done. What the work threw is thrown here as itself, not wrapped in a
     * {@link CompletionException}, so a {@link GazetteException} still reaches the user as
     * {@code path:line: message}.
     */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

package dev.gazette.serve;

import dev.gazette.pipeline.Pipeline;

import java.nio.file.Path;
import java.util.Set;

/**
 * The seam between the preview server and the build: turns a set of changed source files into
 * a site folder to serve. The first implementation ({@link FullRebuilder}) runs the whole
 * {@link Pipeline}; an incremental one can keep state between calls and re-render only what the
 * changed sources reach, without the server, watcher or live reload knowing the difference.
 *
 * <p>Calls come one at a time from a single thread.
 */
public interface Rebuilder extends AutoCloseable {

    /**
     * Builds the site.
     *
     * @param changed the source, template and config files that changed since the last call;
     *                empty for the first build (build everything)
     * @return what was built, including the folder to serve from now on
     * @throws dev.gazette.model.GazetteException when the input has problems; the folder returned
     *         by the previous successful call must then stay servable and unchanged
     */
    Rebuild rebuild(Set<Path> changed);

    /** Releases what the rebuilder holds (temporary folders, caches). */
    @Override
    default void close() {
    }

    /** Makes a rebuilder for one preview session. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param options what to build: content, templates, drafts, and the preview's own base
         *                URL; its {@code out} is a private working folder owned by the rebuilder
         */
        Rebuilder create(Pipeline.Options options);
    }
}

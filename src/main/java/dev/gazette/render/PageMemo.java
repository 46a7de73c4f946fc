package dev.gazette.render;

import java.util.function.Supplier;

/**
 * Lets a caller reuse files rendered before. Each file is rendered from inputs its caller sums
 * up in a key of plain records compared by value (cards and articles that did not change are
 * the same objects, so comparing them is cheap); a memo that has seen the same path with an
 * equal key may return the bytes it kept instead of rendering. Called from several threads.
 */
@FunctionalInterface
public interface PageMemo {
    /** Renders every file. */
    PageMemo NONE = (path, key, render) -> render.get();

    /**
     * @param path   the site file, e.g. {@code articles/x/index.html}
     * @param key    everything the file is made from; not changed after this call
     * @param render renders the file (may throw a {@link dev.gazette.model.GazetteException})
     */
    byte[] keyed(String path, Object key, Supplier<byte[]> render);
}

package dev.gazette.render;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Lets a caller reuse pages rendered before. A page's bytes are a pure function of its template
 * and its context (plain records of formatted values, compared by value), so a memo that has
 * seen the same path, template and context may return the bytes it kept instead of rendering.
 * Called from several threads at once.
 */
@FunctionalInterface
public interface PageMemo {
    /** Renders every page. */
    PageMemo NONE = (path, template, context, render) -> render.get();

    /**
     * @param path     the site file, e.g. {@code articles/x/index.html}
     * @param template the Pebble template name
     * @param context  everything the template sees; not changed after this call
     * @param render   renders the page (may throw a {@link dev.gazette.model.GazetteException})
     */
    byte[] page(String path, String template, Map<String, Object> context, Supplier<byte[]> render);

    /**
     * Like {@link #page}, for a page whose inputs the caller sums up in {@code key}, cheaper to
     * make and compare than its context; {@code render} is called only when the key changed.
     */
    default byte[] keyed(String path, Object key, Supplier<byte[]> render) {
        return render.get();
    }
}

package dev.gazette.output;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The values a build's pages are made from, each under a key (an article by its slug, one page of
 * a tag's list...). A page made through {@link OutputSink#write(String, SiteData, java.util.function.Function,
 * java.util.function.Function)} reads them only through a {@link Reader}, which notes every key it
 * reads: what a page was made from is recorded while it is made, as Hugo records dependencies,
 * so a sink that remembers earlier builds can tell that a page is unchanged from the keys alone,
 * without making its input. Values are immutable and a function of the build's input.
 */
public final class SiteData {
    private final Map<String, Object> values;
    private final Object parts;

    /** @param values every value pages may read, by key; not copied, and not to be changed */
    public SiteData(Map<String, Object> values) {
        this(values, null);
    }

    /**
     * @param parts what the maker of the data keeps of it to make the next build's from the parts
     *              of the digest that did not change (see {@link OutputSink#lastData}); opaque here
     */
    public SiteData(Map<String, Object> values, Object parts) {
        this.values = values;
        this.parts = parts;
    }

    /** What the maker of the data kept of it for the next build (null when nothing). */
    public Object parts() {
        return parts;
    }

    /** Every value by key. */
    public Map<String, Object> values() {
        return values;
    }

    /** A reader that tells {@code read} each key it is asked for. */
    public Reader reader(Consumer<String> read) {
        return new Reader(values, read);
    }

    /** Reads values by key and notes each key read. */
    public static final class Reader {
        private final Map<String, Object> values;
        private final Consumer<String> read;

        private Reader(Map<String, Object> values, Consumer<String> read) {
            this.values = values;
            this.read = read;
        }

        /** The value under {@code key} (null when there is none, which is recorded too). */
        @SuppressWarnings("unchecked")
        public <T> T get(String key) {
            read.accept(key);
            return (T) values.get(key);
        }
    }
}

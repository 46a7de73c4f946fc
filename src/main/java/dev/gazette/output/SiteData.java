package dev.gazette.output;

import java.util.Map;
import java.util.Set;
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
    /** Stands for this data in data made from it, which does not hold it (nor, so, a chain of every earlier build's data). */
    private final Object identity = new Object();
    /** The identity of the data this was made from, and the keys whose values may differ from it; null when none. */
    private final Object base;
    private final Set<String> touched;
    /** The keys whose values may differ from those the last build's pages read; null when unknown. */
    private final Set<String> sinceLastBuild;

    /** @param values every value pages may read, by key; not copied, and not to be changed */
    public SiteData(Map<String, Object> values) {
        this(values, null);
    }

    /**
     * @param parts what the maker of the data keeps of it to make the next build's from the parts
     *              of the digest that did not change (see {@link OutputSink#lastData}); opaque here
     */
    public SiteData(Map<String, Object> values, Object parts) {
        this(values, parts, null, null);
    }

    /**
     * Data made from {@code base}'s: every key but those of {@code touched} has {@code base}'s value,
     * the very object (a key of {@code touched} may have any value, or none).
     */
    public SiteData(Map<String, Object> values, Object parts, SiteData base, Set<String> touched) {
        this(values, parts, base, touched, null);
    }

    private SiteData(Map<String, Object> values, Object parts, SiteData base, Set<String> touched,
                     Set<String> sinceLastBuild) {
        this.values = values;
        this.parts = parts;
        this.base = base == null ? null : base.identity;
        this.touched = touched;
        this.sinceLastBuild = sinceLastBuild;
    }

    /**
     * Data of which every key but those of {@code touched} has a value equal to the one it had in
     * the data the last build's pages read (a key that is new, or gone, may be in {@code touched}
     * or not: a sink sees that from the keys): a sink that keeps the last build's data by
     * fingerprint takes those keys' fingerprints as they were instead of computing them.
     */
    public static SiteData sinceLastBuild(Map<String, Object> values, Object parts, Set<String> touched) {
        return new SiteData(values, parts, null, null, touched);
    }

    /** The keys whose values may differ from those the last build's pages read; null when that is not known. */
    public Set<String> changedSinceLastBuild() {
        return sinceLastBuild;
    }

    /**
     * The keys whose values may differ from {@code other}'s, when this data was made from it: every
     * other key has {@code other}'s very value. Null when this data was not made from {@code other}.
     */
    public Set<String> changedSince(SiteData other) {
        return base != null && base == other.identity ? touched : null;
    }

    /** What the maker of the data kept of it for the next build (null when nothing). */
    public Object parts() {
        return parts;
    }

    /**
     * Every value by key. The map may make a value when it is looked up, and every value when it is
     * walked: a sink told which keys may differ ({@link #changedSinceLastBuild}) looks those up, and
     * its size, instead of walking it.
     */
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

        /**
         * Notes that {@code key} is read, as {@link #get} does, without looking its value up: for a
         * reader that holds what it made from that value already (a key of tens of thousands looked
         * up for nothing costs a build about a percent of its time).
         */
        public void note(String key) {
            read.accept(key);
        }
    }
}

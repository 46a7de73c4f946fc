package dev.gazette.incremental;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether two values are surely the same, compared part by part and cut short wherever a part
 * is the very same object: far cheaper than fingerprinting both when most parts are objects an
 * earlier build made (an unchanged article, its card, its body). "Same" implies equal
 * {@link Values} encodings, hence equal fingerprints; the converse need not hold (a set or map
 * in another iteration order, a type not listed here) and only costs a fingerprint.
 */
final class SameValues {
    /** Strings shorter than this are hashed by value; longer ones (bodies) by identity, like {@link Fingerprints}. */
    private static final int LONG_STRING = 256;

    /**
     * Collections at least this big that were found the same are remembered by identity, so a
     * value that every step call shares but is made anew each build (the tag vocabulary) is
     * compared once per build, not once per call.
     */
    private static final int REMEMBERED_SIZE = 4;

    /** Pairs found the same, by the identity of the newer value: see {@link #REMEMBERED_SIZE}. */
    static final class Proven {
        private final Map<Fingerprints.Identity, Object> pairs = new ConcurrentHashMap<>();

        boolean contains(Object a, Object b) {
            return pairs.get(new Fingerprints.Identity(a)) == b;
        }

        void add(Object a, Object b) {
            pairs.put(new Fingerprints.Identity(a), b);
        }

        void clear() {
            pairs.clear();
        }
    }

    private SameValues() {
    }

    static boolean same(Object a, Object b) {
        return same(a, b, null);
    }

    /** Whether {@code a} and {@code b} are surely the same, using and adding to {@code proven} when not null. */
    static boolean same(Object a, Object b, Proven proven) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (proven != null && big(a)) {
            if (proven.contains(a, b)) {
                return true;
            }
            boolean same = compare(a, b, proven);
            if (same) {
                proven.add(a, b);
            }
            return same;
        }
        return compare(a, b, proven);
    }

    private static boolean big(Object a) {
        return a instanceof Collection<?> c && c.size() >= REMEMBERED_SIZE
                || a instanceof Map<?, ?> m && m.size() >= REMEMBERED_SIZE;
    }

    private static boolean compare(Object a, Object b, Proven proven) {
        if (a instanceof String || a instanceof Integer || a instanceof Long || a instanceof Double
                || a instanceof Float || a instanceof Boolean || a instanceof ZonedDateTime
                || a instanceof LocalDate || a instanceof YearMonth || a instanceof URI || a instanceof Fingerprint
                || a instanceof dev.gazette.model.LongText) {
            return a.equals(b);
        }
        if (a instanceof Record) {
            Values.RecordType type = Values.RecordType.of(a.getClass());
            for (int i = 0; i < type.accessors().length; i++) {
                if (!same(type.component(a, i), type.component(b, i), proven)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> || a instanceof Set<?>) {
            return sameInOrder(((Collection<?>) a).iterator(), ((Collection<?>) b).iterator(),
                    ((Collection<?>) a).size(), ((Collection<?>) b).size(), proven);
        }
        if (a instanceof Map<?, ?> x) {
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
            while (i.hasNext()) {
                Map.Entry<?, ?> e = i.next();
                Map.Entry<?, ?> f = j.next();
                if (!same(e.getKey(), f.getKey(), proven) || !same(e.getValue(), f.getValue(), proven)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Optional<?> x) {
            return same(x.orElse(null), ((Optional<?>) b).orElse(null), proven);
        }
        if (a instanceof byte[] x) {
            return Arrays.equals(x, (byte[]) b);
        }
        if (a instanceof int[] x) {
            return Arrays.equals(x, (int[]) b);
        }
        if (a instanceof float[] x) {
            return Arrays.equals(x, (float[]) b);
        }
        if (a instanceof String[] x) {
            return Arrays.equals(x, (String[]) b);
        }
        return a instanceof Enum<?> && a == b;
    }

    private static boolean sameInOrder(Iterator<?> i, Iterator<?> j, int sizeA, int sizeB, Proven proven) {
        if (sizeA != sizeB) {
            return false;
        }
        while (i.hasNext()) {
            if (!same(i.next(), j.next(), proven)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash consistent with {@link #same} for values whose parts are the same objects: a record
     * or list by its parts, each part by identity unless it is a small value or a collection.
     */
    static int hash(Object value) {
        if (value instanceof Record) {
            Values.RecordType type = Values.RecordType.of(value.getClass());
            int h = value.getClass().hashCode();
            for (int i = 0; i < type.accessors().length; i++) {
                h = 31 * h + part(type.component(value, i));
            }
            return h;
        }
        if (value instanceof List<?> list) {
            int h = 1;
            for (Object o : list) {
                h = 31 * h + part(o);
            }
            return h;
        }
        return part(value);
    }

    private static int part(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s && s.length() < LONG_STRING || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?> || value instanceof ZonedDateTime
                || value instanceof LocalDate || value instanceof YearMonth || value instanceof URI
                || value instanceof Fingerprint) {
            return value.hashCode();
        }
        // A collection is often made anew from the same parts: its size, so that it still finds its like.
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return System.identityHashCode(value);
    }
}

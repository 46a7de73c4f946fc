package dev.gazette.incremental;

import dev.gazette.model.LongText;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One canonical binary encoding of the values stages pass around (records, lists, sets, maps,
 * strings, {@link LongText}s, numbers, dates, enums, arrays), used both to fingerprint inputs and to store outputs
 * in the build cache. Every value starts with a tag byte and every variable-length part with its
 * length, so two different values never encode alike. Maps are written in key order, so a
 * map's fingerprint does not depend on its iteration order. A type it does not know is an
 * error, never silently skipped. Records are read back through their canonical constructors,
 * and only Gazette's own records are read from a cache file. In a file each string is written
 * once and referred to by number after that, and a value may carry its own fingerprint (a
 * {@code KNOWN} tag), so that what is read back is not hashed again.
 */
final class Values {
    private static final String OWN_PACKAGE = "dev.gazette.";

    private static final byte NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, FLOAT = 5, TRUE = 6, FALSE = 7,
            LIST = 8, SET = 9, MAP = 10, RECORD = 11, ENUM = 12, ZONED = 13, DATE = 14, MONTH = 15, URI_ = 16,
            BYTES = 17, INTS = 18, STRINGS = 19, FLOATS = 20, OPTIONAL = 21, EMPTY = 22, SHARED = 23, FINGERPRINT = 24,
            IMMUTABLE_LIST = 25, IMMUTABLE_SET = 26, IMMUTABLE_MAP = 27, KNOWN = 28, LONG_TEXT = 29;
    /** The JDK's immutable collections: read back as such, so a value read from a cache is what was written. */
    static final String IMMUTABLE = "java.util.ImmutableCollections$";

    private static final Map<Class<?>, RecordType> RECORDS = new ConcurrentHashMap<>();

    private Values() {
    }

    /** How records of one class are taken apart and put together. */
    record RecordType(Method[] accessors, Constructor<?> constructor) {
        static RecordType of(Class<?> type) {
            return RECORDS.computeIfAbsent(type, t -> {
                RecordComponent[] components = t.getRecordComponents();
                Method[] accessors = new Method[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                    types[i] = components[i].getType();
                }
                try {
                    Constructor<?> constructor = t.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return new RecordType(accessors, constructor);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("a record without its canonical constructor: " + t, e);
                }
            });
        }

        Object component(Object record, int i) {
            try {
                return accessors[i].invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessors[i], e);
            }
        }
    }

    /**
     * Writes values. {@code nested} may replace a nested value by its fingerprint (so a
     * fingerprint can be composed of the fingerprints of its parts); {@code shared} strings long
     * enough are written once per stream and referred to after that.
     */
    static final class Writer {
        private final DataOutput out;
        private final Function<Object, Fingerprint> nested;
        /** Strings written so far, by index: short ones by value, long ones by identity. */
        private final Map<String, Integer> shortStrings;
        private final Map<String, Integer> longStrings;
        private int strings;
        /** Gives the fingerprints written with values (see {@link #writeKnown}); null: none written. */
        private final Function<Object, Fingerprint> known;
        /** Inside a collection: its elements are not written with their fingerprints (too many to be worth it). */
        private boolean inCollection;
        /** For {@link #record}: the memo of fingerprints, and {@code out} as the array whose fingerprints are filled in. */
        private final Fingerprints memo;
        private final BufferOutput recording;

        Writer(DataOutput out, Function<Object, Fingerprint> nested, boolean share) {
            this(out, nested, share, null, null);
        }

        private Writer(DataOutput out, Function<Object, Fingerprint> nested, boolean share,
                       Function<Object, Fingerprint> known, Fingerprints memo) {
            this.out = out;
            this.nested = nested;
            this.shortStrings = share ? new HashMap<>() : null;
            this.longStrings = share ? new IdentityHashMap<>() : null;
            this.known = known;
            this.memo = memo;
            this.recording = memo == null ? null : (BufferOutput) out;
        }

        /**
         * A writer for one stored value (strings shared within it) that writes, with the value and
         * with each record and long string in it outside collections, its fingerprint as
         * {@code fingerprints} gives it: the {@link Reader} hands them back with the values read.
         */
        static Writer withFingerprints(DataOutput out, Function<Object, Fingerprint> fingerprints) {
            return new Writer(out, null, true, fingerprints, null);
        }

        /** As {@link #withFingerprints} with {@code memo}'s, for {@link #record}, which computes those it lacks as it writes. */
        static Writer recording(BufferOutput out, Fingerprints memo) {
            return new Writer(out, null, true, memo::of, memo);
        }

        /** Writes {@code v} with its fingerprint, when it is a value fingerprints remember. */
        void writeKnown(Object v) throws IOException {
            if (known != null && v != null && Fingerprints.remembered(v)) {
                Fingerprint f = known.apply(v);
                out.writeByte(KNOWN);
                out.writeLong(f.high());
                out.writeLong(f.low());
            }
            writeValue(v);
        }

        void write(Object v) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
                return;
            }
            if (known != null && !inCollection && (v instanceof Record && !(v instanceof Fingerprint)
                    || v instanceof String s && s.length() >= 256 || v instanceof LongText)) {
                writeKnown(v);
                return;
            }
            Fingerprint f = nested == null ? null : nested.apply(v);
            if (f != null) {
                out.writeByte(FINGERPRINT);
                out.writeLong(f.high());
                out.writeLong(f.low());
                return;
            }
            writeValue(v);
        }

        /** Writes the elements of a collection. */
        private void elements(Iterable<?> elements) throws IOException {
            boolean was = inCollection;
            inCollection = true;
            for (Object o : elements) {
                write(o);
            }
            inCollection = was;
        }

        /** Writes {@code v} itself, without asking {@code nested} about it (its parts may be replaced). */
        void writeValue(Object v) throws IOException {
            if (v instanceof String s) {
                string(s);
            } else if (v instanceof LongText t) {
                longText(t, null);
            } else if (leaf(v, out)) {
                return;
            } else if (v instanceof Record r) {
                out.writeByte(RECORD);
                out.writeUTF(r.getClass().getName());
                RecordType type = RecordType.of(r.getClass());
                for (int i = 0; i < type.accessors().length; i++) {
                    write(type.component(r, i));
                }
            } else if (v instanceof List<?> list) {
                out.writeByte(immutable(v) ? IMMUTABLE_LIST : LIST);
                out.writeInt(list.size());
                elements(list);
            } else if (v instanceof Set<?> set) {
                out.writeByte(immutable(v) ? IMMUTABLE_SET : SET);
                out.writeInt(set.size());
                elements(ordered(set));
            } else if (v instanceof Map<?, ?> map) {
                out.writeByte(immutable(v) ? IMMUTABLE_MAP : MAP);
                out.writeInt(map.size());
                List<Map.Entry<?, ?>> entries = entries(map);
                boolean was = inCollection;
                inCollection = true;
                for (Map.Entry<?, ?> e : entries) {
                    write(e.getKey());
                    write(e.getValue());
                }
                inCollection = was;
            } else if (v instanceof String[] a) {
                out.writeByte(STRINGS);
                out.writeInt(a.length);
                elements(Arrays.asList(a));
            } else if (v instanceof Optional<?> o) {
                if (o.isPresent()) {
                    out.writeByte(OPTIONAL);
                    write(o.get());
                } else {
                    out.writeByte(EMPTY);
                }
            } else {
                throw new IllegalArgumentException("no canonical encoding for " + v.getClass().getName());
            }
        }

        private void string(String s) throws IOException {
            string(s, null);
        }

        /** Writes {@code s}, and to {@code digest} (when there is one) what a fingerprint's digest writes for it, encoded once. */
        private void string(String s, DataOutput digest) throws IOException {
            byte[] bytes = null;
            boolean shared = false;
            if (shortStrings != null) {
                Map<String, Integer> table = s.length() < 256 ? shortStrings : longStrings;
                Integer seen = table.get(s);
                if (seen != null) {
                    out.writeByte(SHARED);
                    out.writeInt(seen);
                    shared = true;
                } else {
                    table.put(s, strings++);
                }
            }
            if (!shared || digest != null) {
                bytes = s.getBytes(StandardCharsets.UTF_8);
            }
            if (!shared) {
                out.writeByte(STRING);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            if (digest != null) {
                digest.writeByte(STRING);
                digest.writeInt(bytes.length);
                digest.write(bytes);
            }
        }

        /**
         * Writes {@code v} as {@link #writeKnown} does, with the fingerprints of the values in it
         * that {@code memo} does not know yet computed in the same walk (the bytes a digest of
         * each would hash are written to its hash as the value is written) and noted there: a new
         * output is walked, and each of its texts encoded to UTF-8, once, not once to fingerprint
         * it and again to store it. For a writer made by {@link #recording}.
         */
        void record(Object v) throws IOException {
            record(v, null, true);
        }

        /**
         * Writes {@code v} as {@link #write} does (as {@link #writeKnown} when {@code top}) and, to
         * {@code digest} when there is one, what {@link Fingerprints}' digest writes for it: its
         * fingerprint when it stands for one (computed here when the memo has none), else its value.
         */
        private void record(Object v, DataOutput digest, boolean top) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
                if (digest != null) {
                    digest.writeByte(NULL);
                }
                return;
            }
            if (!Fingerprints.remembered(v)) {
                recordValue(v, digest);
                return;
            }
            boolean withKnown = top || !inCollection && (v instanceof Record && !(v instanceof Fingerprint)
                    || v instanceof String || v instanceof LongText);
            Fingerprint f = memo.known(v);
            if (f != null) {
                if (withKnown) {
                    fingerprint(KNOWN, f, out);
                }
                writeValue(v);
            } else {
                int slot = -1;
                if (withKnown) {
                    out.writeByte(KNOWN);
                    slot = recording.size();
                    out.writeLong(0);
                    out.writeLong(0);
                }
                ArrayDeque<Digest> free = DIGESTS.get();
                Digest own = free.isEmpty() ? new Digest() : free.pop();
                try {
                    recordValue(v, own.data);
                    f = own.hash.finish();
                } finally {
                    own.hash.reset();
                    free.push(own);
                }
                memo.seed(v, f);
                if (slot >= 0) {
                    recording.setLong(slot, f.high());
                    recording.setLong(slot + 8, f.low());
                }
            }
            if (digest != null) {
                fingerprint(FINGERPRINT, f, digest);
            }
        }

        /** Writes {@code v} itself as {@link #writeValue} does and, to {@code digest} when there is one, as a digest does. */
        private void recordValue(Object v, DataOutput digest) throws IOException {
            if (v instanceof String s) {
                string(s, digest);
            } else if (v instanceof LongText t) {
                longText(t, digest);
            } else if (leaf(v, out)) {
                if (digest != null) {
                    leaf(v, digest);
                }
            } else if (v instanceof Record r) {
                String name = r.getClass().getName();
                out.writeByte(RECORD);
                out.writeUTF(name);
                if (digest != null) {
                    digest.writeByte(RECORD);
                    digest.writeUTF(name);
                }
                RecordType type = RecordType.of(r.getClass());
                for (int i = 0; i < type.accessors().length; i++) {
                    record(type.component(r, i), digest, false);
                }
            } else if (v instanceof List<?> list) {
                recordElements(immutable(v) ? IMMUTABLE_LIST : LIST, list.size(), list, digest);
            } else if (v instanceof Set<?> set) {
                recordElements(immutable(v) ? IMMUTABLE_SET : SET, set.size(), ordered(set), digest);
            } else if (v instanceof Map<?, ?> map) {
                byte tag = immutable(v) ? IMMUTABLE_MAP : MAP;
                List<Map.Entry<?, ?>> entries = entries(map);
                List<Object> flat = new ArrayList<>(2 * entries.size());
                for (Map.Entry<?, ?> e : entries) {
                    flat.add(e.getKey());
                    flat.add(e.getValue());
                }
                recordElements(tag, map.size(), flat, digest);
            } else if (v instanceof String[] a) {
                recordElements(STRINGS, a.length, Arrays.asList(a), digest);
            } else if (v instanceof Optional<?> o) {
                if (o.isPresent()) {
                    out.writeByte(OPTIONAL);
                    if (digest != null) {
                        digest.writeByte(OPTIONAL);
                    }
                    record(o.get(), digest, false);
                } else {
                    out.writeByte(EMPTY);
                    if (digest != null) {
                        digest.writeByte(EMPTY);
                    }
                }
            } else {
                throw new IllegalArgumentException("no canonical encoding for " + v.getClass().getName());
            }
        }

        /** Writes {@code t}, and to {@code digest} when there is one, as a digest does. */
        private void longText(LongText t, DataOutput digest) throws IOException {
            String decoded = recording == null ? null : t.ifDecoded();
            if (decoded != null) {
                // Encoded straight into the output (its length filled in after), and hashed from there.
                int start = recording.size();
                recording.writeByte(LONG_TEXT);
                recording.writeInt(0);
                recording.setInt(start + 1, recording.writeUtf8(decoded));
                if (digest != null) {
                    digest.write(recording.array(), start, recording.size() - start);
                }
                return;
            }
            // As it was read when it was never decoded: a text nobody reads is not decoded to be stored again.
            byte[] bytes = t.utf8();
            Values.longText(bytes, out);
            if (digest != null) {
                Values.longText(bytes, digest);
            }
        }

        private void recordElements(byte tag, int size, Iterable<?> elements, DataOutput digest) throws IOException {
            out.writeByte(tag);
            out.writeInt(size);
            if (digest != null) {
                digest.writeByte(tag);
                digest.writeInt(size);
            }
            boolean was = inCollection;
            inCollection = true;
            for (Object o : elements) {
                record(o, digest, false);
            }
            inCollection = was;
        }

        /** A map's entries in key order, or in the map's own when it has one. */
        private static List<Map.Entry<?, ?>> entries(Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            if (!(map instanceof LinkedHashMap<?, ?>) && !(map instanceof SortedMap<?, ?>)) {
                entries.sort(Comparator.comparing(e -> String.valueOf(e.getKey())));
            }
            return entries;
        }

        /** A set's elements in an order of their own, not of the set's hashing. */
        private static List<?> ordered(Set<?> set) {
            if (set instanceof LinkedHashSet<?> || set instanceof SortedSet<?>) {
                return new ArrayList<>(set);
            }
            List<Object> list = new ArrayList<>(set);
            list.sort(Comparator.comparing(String::valueOf));
            return list;
        }
    }

    /** How many bytes a stored long text begins with: its fingerprint ({@code KNOWN}), then its tag. */
    static final int TEXT_HEAD = 18;

    /**
     * The fingerprint a stored value written by {@link Writer#writeKnown} begins with, when that
     * value is a long text ({@code head} holds its first {@link #TEXT_HEAD} bytes); else null.
     */
    static Fingerprint textFingerprint(ByteBuffer head) {
        return head.get(0) == KNOWN && head.get(TEXT_HEAD - 1) == LONG_TEXT
                ? new Fingerprint(head.getLong(1), head.getLong(9)) : null;
    }

    static boolean immutable(Object collection) {
        Class<?> type = collection.getClass();
        Boolean known = IMMUTABLE_TYPES.get(type);
        if (known == null) {
            known = type.getName().startsWith(IMMUTABLE);
            IMMUTABLE_TYPES.put(type, known);
        }
        return known;
    }

    private static void longText(byte[] bytes, DataOutput out) throws IOException {
        out.writeByte(LONG_TEXT);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void fingerprint(byte tag, Fingerprint f, DataOutput out) throws IOException {
        out.writeByte(tag);
        out.writeLong(f.high());
        out.writeLong(f.low());
    }

    /** Writes {@code v} when it is a value without parts (a number, date, enum, array of numbers...): whether it was. */
    private static boolean leaf(Object v, DataOutput out) throws IOException {
        if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Float d) {
            out.writeByte(FLOAT);
            out.writeFloat(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Fingerprint f) {
            fingerprint(FINGERPRINT, f, out);
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            out.writeUTF(e.getDeclaringClass().getName());
            out.writeUTF(e.name());
        } else if (v instanceof ZonedDateTime z) {
            out.writeByte(ZONED);
            out.writeUTF(z.toString());
        } else if (v instanceof LocalDate d) {
            out.writeByte(DATE);
            out.writeUTF(d.toString());
        } else if (v instanceof YearMonth m) {
            out.writeByte(MONTH);
            out.writeUTF(m.toString());
        } else if (v instanceof URI u) {
            out.writeByte(URI_);
            out.writeUTF(u.toString());
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (v instanceof float[] a) {
            out.writeByte(FLOATS);
            out.writeInt(a.length);
            for (float x : a) {
                out.writeFloat(x);
            }
        } else {
            return false;
        }
        return true;
    }

    /** A hash with its stream, for the digests {@link Writer#record} computes; kept per thread and depth. */
    private static final class Digest {
        final Hash128 hash = new Hash128();
        final DataOutputStream data = new DataOutputStream(hash);
    }

    private static final ThreadLocal<ArrayDeque<Digest>> DIGESTS = ThreadLocal.withInitial(ArrayDeque::new);

    /** Asked for every part of every value fingerprinted: the class name's test is made once per class. */
    private static final Map<Class<?>, Boolean> IMMUTABLE_TYPES = new ConcurrentHashMap<>();

    /** Reads what a sharing {@link Writer} without {@code nested} wrote. */
    static final class Reader {
        private final DataInput in;
        private final List<String> shared = new ArrayList<>();
        /** Told each value read with its fingerprint; null: fingerprints are skipped. */
        private final BiConsumer<Object, Fingerprint> known;

        Reader(DataInput in) {
            this(in, null);
        }

        Reader(DataInput in, BiConsumer<Object, Fingerprint> known) {
            this.in = in;
            this.known = known;
        }

        /** A string of {@code length} UTF-8 bytes: straight from a buffer's array when there is one. */
        private String utf8(int length) throws IOException {
            if (in instanceof BufferInput buffer) {
                return buffer.readUtf8(length);
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Object read() throws IOException {
            byte tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case KNOWN: {
                    Fingerprint f = new Fingerprint(in.readLong(), in.readLong());
                    Object value = read();
                    if (known != null) {
                        known.accept(value, f);
                    }
                    return value;
                }
                case STRING: {
                    String s = utf8(in.readInt());
                    shared.add(s);
                    return s;
                }
                case SHARED:
                    return shared.get(in.readInt());
                case LONG_TEXT: {
                    // Kept encoded: decoded only if a step or a page reads it.
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    return LongText.ofUtf8(bytes);
                }
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case DOUBLE:
                    return in.readDouble();
                case FLOAT:
                    return in.readFloat();
                case TRUE:
                    return true;
                case FALSE:
                    return false;
                case FINGERPRINT:
                    return new Fingerprint(in.readLong(), in.readLong());
                case RECORD:
                    return record(in.readUTF());
                case LIST:
                case IMMUTABLE_LIST: {
                    int n = in.readInt();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    return tag == LIST ? list : list.stream().toList();
                }
                case IMMUTABLE_SET: {
                    int n = in.readInt();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    return Set.copyOf(list);
                }
                case IMMUTABLE_MAP: {
                    int n = in.readInt();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(read(), read());
                    }
                    return Map.copyOf(map);
                }
                case SET: {
                    int n = in.readInt();
                    Set<Object> set = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        set.add(read());
                    }
                    return set; // insertion-ordered, so it encodes again as it was written
                }
                case MAP: {
                    int n = in.readInt();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(read(), read());
                    }
                    return map; // insertion-ordered, so it encodes again as it was written
                }
                case ENUM:
                    return enumValue(in.readUTF(), in.readUTF());
                case ZONED:
                    return ZonedDateTime.parse(in.readUTF());
                case DATE:
                    return LocalDate.parse(in.readUTF());
                case MONTH:
                    return YearMonth.parse(in.readUTF());
                case URI_:
                    return URI.create(in.readUTF());
                case BYTES: {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    return b;
                }
                case INTS: {
                    int[] a = new int[in.readInt()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = in.readInt();
                    }
                    return a;
                }
                case FLOATS: {
                    float[] a = new float[in.readInt()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = in.readFloat();
                    }
                    return a;
                }
                case STRINGS: {
                    String[] a = new String[in.readInt()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (String) read();
                    }
                    return a;
                }
                case OPTIONAL:
                    return Optional.ofNullable(read());
                case EMPTY:
                    return Optional.empty();
                default:
                    throw new IOException("unknown value tag " + tag);
            }
        }

        private Object record(String name) throws IOException {
            Class<?> type = ownClass(name);
            if (!type.isRecord()) {
                throw new IOException("not a record: " + name);
            }
            RecordType rt = RecordType.of(type);
            Object[] args = new Object[rt.accessors().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = read();
            }
            try {
                return rt.constructor().newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException("cannot make a " + name + ": " + e, e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object enumValue(String name, String constant) throws IOException {
            Class<?> type = ownClass(name);
            if (!type.isEnum()) {
                throw new IOException("not an enum: " + name);
            }
            return Enum.valueOf((Class) type, constant);
        }

        private static Class<?> ownClass(String name) throws IOException {
            if (!name.startsWith(OWN_PACKAGE)) {
                throw new IOException("not one of Gazette's own types: " + name);
            }
            try {
                return Class.forName(name, false, Values.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("unknown type " + name, e);
            }
        }
    }

}

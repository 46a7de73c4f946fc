package dev.gazette.incremental;

import dev.gazette.model.LongText;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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

    /** The longest string {@link Writer#ascii} hashes through this thread's scratch array. */
    private static final int ASCII_SCRATCH = 256;
    private static final ThreadLocal<byte[]> ASCII_BYTES = ThreadLocal.withInitial(() -> new byte[ASCII_SCRATCH]);

    /**
     * Each record class's type, made once: asked for every record encoded, compared or read. Maps
     * by class rather than {@code ClassValue}s, whose look-ups took their slow path
     * ({@code getFromBackup}) in the profiles of builds on Java 17, at several times a map's cost.
     */
    private static final Map<Class<?>, RecordType> RECORDS = new ConcurrentHashMap<>();

    private Values() {
    }

    /** How records of one class are taken apart and put together, and their class's name as {@code writeUTF} writes it. */
    record RecordType(Method[] accessors, Constructor<?> constructor, byte[] name) {
        static RecordType of(Class<?> type) {
            RecordType known = RECORDS.get(type);
            return known != null ? known : RECORDS.computeIfAbsent(type, RecordType::make);
        }

        private static RecordType make(Class<?> t) {
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
                ByteArrayOutputStream name = new ByteArrayOutputStream();
                new DataOutputStream(name).writeUTF(t.getName());
                return new RecordType(accessors, constructor, name.toByteArray());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + t, e);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
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
     * Writes values: one walk both stores a value ({@link #storing}) and fingerprints it
     * ({@link #fingerprintOf}), or does both at once.
     */
    static final class Writer {
        /** Where values are stored; null for a writer that only fingerprints them. */
        private final DataOutput out;
        /** {@code out} when it is a buffer: texts are encoded straight into it, and fingerprints filled in after. */
        private final BufferOutput recording;
        /** The fingerprints of values' parts: looked up, or computed in the walk that writes them and noted. */
        private final Fingerprints memo;
        /** Strings stored so far, by index: short ones by value, long ones by identity; null when only fingerprinting. */
        private final Map<String, Integer> shortStrings;
        private final Map<String, Integer> longStrings;
        private int strings;
        /** Inside a collection: its elements are not stored with their fingerprints (too many to be worth it). */
        private boolean inCollection;

        private Writer(DataOutput out, Fingerprints memo) {
            this.out = out;
            this.recording = out instanceof BufferOutput buffer ? buffer : null;
            this.memo = memo;
            this.shortStrings = out == null ? null : new HashMap<>();
            this.longStrings = out == null ? null : new IdentityHashMap<>();
        }

        /**
         * A writer that stores one value in {@code out} (strings shared within it) with the
         * fingerprints of the value and of each record and long string in it outside collections:
         * the {@link Reader} hands them back with the values read. The fingerprints {@code memo}
         * lacks are computed in the same walk (the bytes a digest of each hashes are written to
         * its hash as the value is written) and noted there: a new output is walked, and each of
         * its texts encoded to UTF-8, once, not once to fingerprint it and again to store it.
         */
        static Writer storing(DataOutput out, Fingerprints memo) {
            return new Writer(out, memo);
        }

        /**
         * The digest of {@code v}'s encoding in which every part {@link Fingerprints#remembered}
         * stands for its fingerprint ({@code memo}'s, or computed in this walk and noted there):
         * what {@link Fingerprints} computes for a value it does not know.
         */
        static Fingerprint fingerprintOf(Object v, Fingerprints memo) {
            try {
                return new Writer(null, memo).digest(v);
            } catch (IOException e) {
                throw new UncheckedIOException("a hash cannot fail to be written", e);
            }
        }

        /** Stores {@code v} with its fingerprint, when it is a value fingerprints remember (see {@link #storing}). */
        void store(Object v) throws IOException {
            write(v, null, true);
        }

        /**
         * Writes {@code v} to {@code out} (when there is one; as {@link #store} does when {@code top})
         * and, to {@code digest} when there is one, what a digest writes for it: its fingerprint
         * when it stands for one (computed here when the memo has none), else its value.
         */
        private void write(Object v, DataOutput digest, boolean top) throws IOException {
            if (v == null) {
                tag(NULL, digest);
                return;
            }
            if (!Fingerprints.remembered(v)) {
                value(v, digest);
                return;
            }
            boolean withKnown = out != null && (top || !inCollection && (v instanceof Record && !(v instanceof Fingerprint)
                    || v instanceof String || v instanceof LongText));
            Fingerprint f = memo.find(v);
            if (f != null) {
                if (withKnown) {
                    fingerprint(KNOWN, f, out);
                }
                if (out != null) {
                    value(v, null);
                }
            } else if (withKnown && recording == null) {
                // A stream cannot have its fingerprint filled in after: computed first.
                f = fingerprintOf(v, memo);
                memo.note(v, f);
                fingerprint(KNOWN, f, out);
                value(v, null);
            } else {
                int slot = -1;
                if (withKnown) {
                    out.writeByte(KNOWN);
                    slot = recording.size();
                    out.writeLong(0);
                    out.writeLong(0);
                }
                f = digest(v);
                memo.note(v, f);
                if (slot >= 0) {
                    recording.setLong(slot, f.high());
                    recording.setLong(slot + 8, f.low());
                }
            }
            if (digest != null) {
                fingerprint(FINGERPRINT, f, digest);
            }
        }

        /** Writes {@code v} itself to {@code out} (when there is one) and returns the digest of what a digest writes for it. */
        private Fingerprint digest(Object v) throws IOException {
            // Digests nest (a part not known yet is digested inside its whole), so each thread keeps a stack of them.
            ArrayDeque<Digest> free = DIGESTS.get();
            Digest own = free.isEmpty() ? new Digest() : free.pop();
            try {
                value(v, own.data);
                return own.hash.finish();
            } finally {
                own.hash.reset();
                free.push(own);
            }
        }

        /** Writes {@code b} to {@code out} and to {@code digest}, each when there is one. */
        private void tag(byte b, DataOutput digest) throws IOException {
            if (out != null) {
                out.writeByte(b);
            }
            if (digest != null) {
                digest.writeByte(b);
            }
        }

        /** Writes {@code v} itself (its parts through {@link #write}) to {@code out} and to {@code digest}, each when there is one. */
        private void value(Object v, DataOutput digest) throws IOException {
            if (v instanceof String s) {
                string(s, digest);
            } else if (v instanceof LongText t) {
                longText(t, digest);
            } else if (leaf(v, out != null ? out : digest)) {
                if (out != null && digest != null) {
                    leaf(v, digest);
                }
            } else if (v instanceof Record r) {
                RecordType type = RecordType.of(r.getClass());
                tag(RECORD, digest);
                if (out != null) {
                    out.write(type.name());
                }
                if (digest != null) {
                    digest.write(type.name());
                }
                for (int i = 0; i < type.accessors().length; i++) {
                    write(type.component(r, i), digest, false);
                }
            } else if (v instanceof List<?> list) {
                elements(immutable(v) ? IMMUTABLE_LIST : LIST, list.size(), list, digest);
            } else if (v instanceof Set<?> set) {
                elements(immutable(v) ? IMMUTABLE_SET : SET, set.size(), ordered(set), digest);
            } else if (v instanceof Map<?, ?> map) {
                tag(immutable(v) ? IMMUTABLE_MAP : MAP, digest);
                size(map.size(), digest);
                boolean was = inCollection;
                inCollection = true;
                for (Map.Entry<?, ?> e : entries(map)) {
                    write(e.getKey(), digest, false);
                    write(e.getValue(), digest, false);
                }
                inCollection = was;
            } else if (v instanceof String[] a) {
                elements(STRINGS, a.length, Arrays.asList(a), digest);
            } else if (v instanceof Optional<?> o) {
                if (o.isPresent()) {
                    tag(OPTIONAL, digest);
                    write(o.get(), digest, false);
                } else {
                    tag(EMPTY, digest);
                }
            } else {
                throw new IllegalArgumentException("no canonical encoding for " + v.getClass().getName());
            }
        }

        private void size(int size, DataOutput digest) throws IOException {
            if (out != null) {
                out.writeInt(size);
            }
            if (digest != null) {
                digest.writeInt(size);
            }
        }

        private void elements(byte tag, int size, Iterable<?> elements, DataOutput digest) throws IOException {
            tag(tag, digest);
            size(size, digest);
            boolean was = inCollection;
            inCollection = true;
            for (Object o : elements) {
                write(o, digest, false);
            }
            inCollection = was;
        }

        /** Writes {@code s} to {@code out} (once per writer, referred to after that) and to {@code digest}, encoded once. */
        private void string(String s, DataOutput digest) throws IOException {
            boolean shared = false;
            if (out != null) {
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
            if (shared && digest == null) {
                return;
            }
            if (out == null && digest != null && ascii(s, digest)) {
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (out != null && !shared) {
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
         * Hashes a short ASCII string as {@link #string} does (its UTF-8 bytes are its chars)
         * through this thread's scratch array rather than an array of its own: fingerprinting
         * walks millions of slugs, names and words a build. False, writing nothing, for any other.
         */
        private static boolean ascii(String s, DataOutput digest) throws IOException {
            int n = s.length();
            if (n > ASCII_SCRATCH) {
                return false;
            }
            byte[] bytes = ASCII_BYTES.get();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                bytes[i] = (byte) c;
            }
            digest.writeByte(STRING);
            digest.writeInt(n);
            digest.write(bytes, 0, n);
            return true;
        }

        /** Writes {@code t} to {@code out} and to {@code digest}, each when there is one. */
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
            if (out != null) {
                Values.longText(bytes, out);
            }
            if (digest != null) {
                Values.longText(bytes, digest);
            }
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

    static boolean immutable(Object collection) {
        Boolean known = IMMUTABLE_TYPES.get(collection.getClass());
        return known != null ? known : IMMUTABLE_TYPES.computeIfAbsent(collection.getClass(),
                type -> type.getName().startsWith(IMMUTABLE));
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
            // The instant and the zone: read back without parsing text (equal, as the zone's rules give one offset per instant).
            out.writeByte(ZONED);
            out.writeLong(z.toEpochSecond());
            out.writeInt(z.getNano());
            out.writeUTF(z.getZone().getId());
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

    /** Asked for every part of every value fingerprinted: the class name's test is made once per class (see {@link #RECORDS}). */
    private static final Map<Class<?>, Boolean> IMMUTABLE_TYPES = new ConcurrentHashMap<>();

    /** Where the long texts a {@link Reader} meets are left, to be fetched when first read. */
    interface StoredTexts {
        /** Texts shorter than this are copied as they are read: a fetch of their own would cost more than they weigh. */
        int LEFT_FROM = 512;

        /** The text of the {@code length} bytes at {@code in}'s position (which it does not move). */
        LongText at(BufferInput in, int length);
    }

    /** Reads what a sharing {@link Writer} without {@code nested} wrote. */
    static final class Reader {
        private final DataInput in;
        private final List<String> shared = new ArrayList<>();
        /** Told each value read with its fingerprint; null: fingerprints are skipped. */
        private final BiConsumer<Object, Fingerprint> known;
        /** Makes the long texts of a buffer read, left where they are stored; null: each is copied as it is read. */
        private final StoredTexts texts;

        Reader(DataInput in) {
            this(in, null);
        }

        Reader(DataInput in, BiConsumer<Object, Fingerprint> known) {
            this(in, known, null);
        }

        /** @param texts used only when {@code in} is a {@link BufferInput} */
        Reader(DataInput in, BiConsumer<Object, Fingerprint> known, StoredTexts texts) {
            this.in = in;
            this.known = known;
            this.texts = in instanceof BufferInput ? texts : null;
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
                    int length = in.readInt();
                    if (texts != null && length >= StoredTexts.LEFT_FROM) {
                        // Left where it is stored: most texts of the articles a build takes back are never read.
                        BufferInput buffer = (BufferInput) in;
                        if (length > buffer.remaining()) {
                            throw new EOFException();
                        }
                        LongText text = texts.at(buffer, length);
                        buffer.skipBytes(length);
                        return text;
                    }
                    // Kept encoded: decoded only if a step or a page reads it.
                    byte[] bytes = new byte[length];
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
                case ZONED: {
                    Instant instant = Instant.ofEpochSecond(in.readLong(), in.readInt());
                    return ZonedDateTime.ofInstant(instant, zone(in.readUTF()));
                }
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
            RecordType rt = RECORDS_BY_NAME.get(name);
            if (rt == null) {
                Class<?> type = ownClass(name);
                if (!type.isRecord()) {
                    throw new IOException("not a record: " + name);
                }
                rt = RecordType.of(type);
                RECORDS_BY_NAME.put(name, rt);
            }
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

        /** Zones read back, by id: a site's dates share a few. */
        private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

        private static ZoneId zone(String id) throws IOException {
            ZoneId zone = ZONES.get(id);
            if (zone == null) {
                try {
                    zone = ZoneId.of(id);
                } catch (DateTimeException e) {
                    throw new IOException("unknown zone " + id, e);
                }
                ZONES.put(id, zone);
            }
            return zone;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object enumValue(String name, String constant) throws IOException {
            Class<?> type = ownClass(name);
            if (!type.isEnum()) {
                throw new IOException("not an enum: " + name);
            }
            return Enum.valueOf((Class) type, constant);
        }

        /** Gazette's own records met so far, by name: a value read back holds thousands of each. */
        private static final Map<String, RecordType> RECORDS_BY_NAME = new ConcurrentHashMap<>();

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

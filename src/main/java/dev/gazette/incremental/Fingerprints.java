package dev.gazette.incremental;

import dev.gazette.model.LongText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Fingerprints values: the digest of their {@link Values} encoding, in which every record, every
 * long string and every immutable collection stands for its own fingerprint. So the fingerprint of an object is computed
 * once and reused while the same object is met again: an unchanged article is the same object
 * from one preview rebuild to the next, and its text is not hashed again. Safe because the values
 * fingerprinted are immutable. Remembers objects of the current and the previous build only.
 */
public final class Fingerprints {
    /** Strings at least this long stand for their own fingerprint (and are remembered by identity). */
    private static final int LONG_STRING = 256;

    /** An object compared by identity: the key a memo is searched with. */
    record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.value == value || o instanceof Held h && h.get() == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * The key a memo holds: an object compared by identity and held weakly, since an object
     * nobody else holds can never be met again. Its entry is removed once the object is gone.
     */
    private static final class Held extends WeakReference<Object> {
        private final int hash;

        Held(Object value, ReferenceQueue<Object> gone) {
            super(value, gone);
            this.hash = System.identityHashCode(value);
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            Object value = get();
            return value != null && (o instanceof Held h && h.get() == value || o instanceof Identity i && i.value() == value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private volatile Map<Object, Fingerprint> current;
    private volatile Map<Object, Fingerprint> previous;
    private final ReferenceQueue<Object> gone;
    /** Fingerprints looked up, never added to: those of a longer-lived memo. */
    private final Fingerprints known;
    /**
     * The memo of one value's parts, for a memo made by {@link #reading()}: used by one thread
     * and dropped with the value, so held plainly (no weak references, no concurrent map).
     */
    private final IdentityHashMap<Object, Fingerprint> local;

    public Fingerprints() {
        this.known = null;
        this.local = null;
        this.current = new ConcurrentHashMap<>();
        this.previous = new ConcurrentHashMap<>();
        this.gone = new ReferenceQueue<>();
    }

    private Fingerprints(Fingerprints known) {
        this.known = known;
        // Sized for a small value: one is made for each of a site's 40,000 data values, most of a few parts.
        this.local = new IdentityHashMap<>(4);
        this.current = Map.of();
        this.previous = Map.of();
        this.gone = null;
    }

    /**
     * A memo of its own that also finds what {@code this} remembers (values loaded from the
     * build cache, step inputs), without adding to it: for values nobody needs once they are
     * fingerprinted, such as one page's views. For one thread, and one value at a time.
     */
    public Fingerprints reading() {
        return new Fingerprints(this);
    }

    /** The fingerprint of {@code value} (null, a record, collection, string, number, date...). */
    public Fingerprint of(Object value) {
        if (!remembered(value)) {
            return digest(value);
        }
        Fingerprint f = find(value);
        if (f == null) {
            f = digest(value);
            note(value, f);
        }
        return f;
    }

    /**
     * The fingerprint remembered for {@code value} (one of the values {@link #remembered}), kept
     * for this build when the last one met it; null when none is. A reading memo also finds its
     * longer-lived memo's, and keeps them for the value in hand.
     */
    Fingerprint find(Object value) {
        if (local != null) {
            Fingerprint f = local.get(value);
            if (f == null) {
                f = known.lookUp(new Identity(value));
                if (f != null) {
                    local.put(value, f);
                }
            }
            return f;
        }
        Identity key = new Identity(value);
        Fingerprint f = current.get(key);
        if (f == null) {
            f = previous.get(key);
            if (f != null) {
                remember(value, f);
            }
        }
        return f;
    }

    /** Notes that {@code value}'s fingerprint is {@code f}, computed from its content. */
    void note(Object value, Fingerprint f) {
        if (local != null) {
            local.put(value, f);
        } else {
            remember(value, f);
        }
    }

    /**
     * The fingerprint of a value made for this one question and never met again (a step call):
     * its parts are found in the memo or remembered, the value itself is not.
     */
    Fingerprint ofOnce(Object value) {
        return digest(value);
    }

    /** The fingerprint remembered for {@code value}, without computing one: null when none is. */
    Fingerprint known(Object value) {
        return lookUp(new Identity(value));
    }

    private Fingerprint lookUp(Object key) {
        Fingerprint f = current.get(key);
        return f != null ? f : previous.get(key);
    }

    /**
     * Notes that {@code output}, made by a deterministic step from an input that {@code call}
     * fingerprints (step name and input), stands for the fingerprint of that call rather than
     * of its content. Sound because within one environment equal calls make equal outputs: two
     * outputs with the same such fingerprint are equal. The converse need not hold (equal
     * outputs of different calls differ), which costs a page made again, never a stale one.
     * An object already fingerprinted keeps its fingerprint, and values that are not
     * {@link #remembered} are not noted.
     */
    void derive(Object output, Supplier<Fingerprint> call) {
        if (remembered(output)) {
            Identity key = new Identity(output);
            if (!current.containsKey(key) && !previous.containsKey(key)) {
                Fingerprint f = call.get();
                remember(output, new Fingerprint(f.high() ^ DERIVED, f.low()));
            }
        }
    }

    /** Sets fingerprints of calls apart from fingerprints of contents (any constant would do). */
    private static final long DERIVED = 0x6465726976656421L;

    /**
     * Notes that {@code value}'s fingerprint is {@code f}, as recorded with it in the build cache:
     * a value read back from the cache is not hashed again. Only for values {@link #remembered}.
     */
    void seed(Object value, Fingerprint f) {
        remember(value, f);
    }

    private void remember(Object value, Fingerprint f) {
        for (Reference<?> r = gone.poll(); r != null; r = gone.poll()) {
            current.remove(r);
            previous.remove(r);
        }
        current.putIfAbsent(new Held(value, gone), f);
    }

    /** How many objects the last finished build remembered (or this one, when more): what a memo loaded for the next build expects. */
    int remembered() {
        return Math.max(current.size(), previous.size());
    }

    /**
     * Makes room for {@code objects} to be remembered, in a memo that remembers nothing yet: a
     * build through the cache remembers as many as the last one did (each value read back), and
     * a map grown from nothing on the way spends a part of the build resizing.
     */
    void expect(int objects) {
        if (current.isEmpty() && local == null) {
            current = new ConcurrentHashMap<>(objects);
        }
    }

    /** Forgets objects not met since the last call: called once per build. */
    public void nextBuild() {
        previous = current;
        // Sized for as many objects as this build met: a map growing while every thread reads it
        // would spend the next build resizing (and its readers following forwarding nodes).
        current = new ConcurrentHashMap<>(Math.max(16, previous.size()));
    }

    /** The digest of {@code value}'s encoding, its parts standing for their fingerprints (found here, or computed and noted). */
    private Fingerprint digest(Object value) {
        return Values.Writer.fingerprintOf(value, this);
    }

    /**
     * Values that stand for their own fingerprint, remembered by identity: records, long strings and texts,
     * and the JDK's immutable collections ({@code List.of}, {@code List.copyOf}, {@code toList()},
     * {@code Map.of}...), which cannot change after they are made. Mutable collections are
     * walked every time.
     */
    static boolean remembered(Object value) {
        return value instanceof Record || value instanceof String s && s.length() >= LONG_STRING || value instanceof LongText
                || (value instanceof Collection<?> || value instanceof Map<?, ?>) && Values.immutable(value);
    }

    /** The fingerprint of raw bytes, such as a file's. */
    public static Fingerprint ofBytes(byte[] bytes) {
        return Hash128.of(bytes, 0, bytes.length);
    }

    /**
     * The fingerprint of everything under {@code folder} (names and bytes; hidden files left out)
     * with {@code parts}: what a build's environment is made of. A folder that does not exist
     * counts as empty.
     */
    public static Fingerprint environment(Path folder, Object... parts) {
        MessageDigest md = md5();
        md.update(new Fingerprints().of(Arrays.asList(parts)).toString().getBytes(StandardCharsets.UTF_8));
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = folder.relativize(p).toString().replace('\\', '/');
                    if (!name.startsWith(".") && !name.contains("/.")) {
                        md.update(name.getBytes(StandardCharsets.UTF_8));
                        byte[] bytes = Files.readAllBytes(p);
                        md.update(ByteBuffer.allocate(9).put((byte) 0).putLong(bytes.length).array());
                        md.update(bytes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder, e);
            }
        }
        return Fingerprint.of(md.digest());
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}

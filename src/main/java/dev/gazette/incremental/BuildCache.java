package dev.gazette.incremental;

import dev.gazette.model.LongText;
import dev.gazette.model.Problem;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The build cache of {@code gazette build}: a {@link BuildMemory} saved in a folder beside the
 * content ({@value #FOLDER}), so that a build reads only what it uses and writes only what changed.
 *
 * <p>The folder holds an index ({@value #INDEX}: the format version, the environment the cache
 * was made in, the record of sources and site files, for each step output its key and where
 * its bytes are, and what the last build reported, see {@link LastBuild}) and segment files, which hold the step outputs one after another. The index is
 * read whole (a few MB at 10,000 articles); an output is read from its segment only when a build
 * asks for it, and checked against the CRC-32C the index gives for it. Saving appends the new
 * outputs to one new segment and writes a new index, which replaces the old one atomically; a
 * segment is never changed once written. Outputs no build used are dropped from the index, and a
 * segment less than half of which is still used is compacted: its used outputs are copied into
 * the new segment and the file deleted. The state of each incremental step with a codec (see
 * {@link dev.gazette.model.UpdatableStep}) is a file of its own ({@code state-*.bin}), written
 * whenever its input changed, named by the index with the fingerprints of the elements it was
 * made from.
 *
 * <p>Nothing is trusted that a check did not pass: an index of another format, or one that is
 * truncated or corrupt (its own checksum), or that names a segment missing or of another size, is
 * ignored and replaced; an output whose bytes fail their checksum is made again. A save that
 * stops half-way leaves the old index with its segments untouched. A cache of another environment
 * (another Gazette, configuration or theme) is forgotten when the build starts.
 */
public final class BuildCache {
    public static final String FOLDER = ".gazette-cache";
    /** Raised whenever the layout of the files changes. */
    static final int FORMAT = 16;
    private static final String MAGIC = "gazette build cache";
    static final String INDEX = "index.bin";
    private static final String SEGMENT = "segment-";
    /** Files of one incremental step's state each. */
    private static final String STATE = "state-";
    private static final String SEGMENT_SUFFIX = ".bin";
    /** The one file of formats 1 and 2: removed when a cache of this format is saved. */
    private static final String OLD_FILE = "build.bin";

    private BuildCache() {
    }

    /**
     * A loaded cache: its memory, why the cache on disk was not used (null when it was), and its
     * segment files, to close once the build's memory is saved.
     */
    public record Loaded(BuildMemory memory, String ignored, Segments segments) implements AutoCloseable {
        /** Whether the cache on disk was there but could not be trusted (rather than missing or of another format). */
        public boolean damaged() {
            return ignored != null && ignored.startsWith(UNREADABLE);
        }

        @Override
        public void close() {
            segments.close();
        }
    }

    private static final String UNREADABLE = "the build cache is unreadable";

    /**
     * The segment files of a loaded cache, open for reading until closed, and the new segment
     * the build appends its new outputs to, deleted on closing unless an index was saved naming it.
     */
    public static final class Segments {
        private final List<Segment> open = new ArrayList<>();
        private final Path folder;
        final NewSegment fresh;
        /** The files of the states this build saved, one each. */
        private final List<NewSegment> states = new ArrayList<>();
        /** Closed: a state written after this (on a thread of its own) is not written at all. */
        private boolean closed;

        Segments(Path folder) {
            this.folder = folder;
            this.fresh = new NewSegment(folder, SEGMENT);
        }

        /**
         * Stores an incremental step's state in a file of its own: a state is replaced whole
         * whenever its input changed, and left among the many small outputs of a segment it
         * would soon leave most of it unused.
         */
        synchronized Stored storeState(Writing writing) {
            if (closed) {
                return null;   // a build that ended without saving: nothing to write for
            }
            NewSegment file = new NewSegment(folder, STATE);
            states.add(file);
            return file.write(writing);
        }

        /** Marks the state files a saved index names as kept. */
        synchronized void statesCommitted(Set<Segment> named) {
            for (NewSegment file : states) {
                if (named.contains(file.current())) {
                    file.committed();
                }
            }
        }

        synchronized void close() {
            closed = true;
            for (Segment s : open) {
                close(s);
            }
            fresh.close();
            states.forEach(NewSegment::close);
        }

        private static void close(Segment s) {
            try {
                s.channel.close();
            } catch (IOException e) {
                // Only read from, or a new segment that is deleted or already complete.
            }
        }
    }

    /** Writes a state to a stream. */
    @FunctionalInterface
    interface Writing {
        void to(DataOutput out) throws IOException;
    }

    /** One segment file: outputs stored one after another. */
    static final class Segment {
        final String name;
        /** Opened once the index and its journal are read and name it. */
        FileChannel channel;
        /** Its length: fixed for a segment named by an index, growing for the one a build appends to. */
        volatile long size;
        /**
         * How many outputs in it the memory holds, and their bytes, kept as they are put and
         * dropped ({@link BuildMemory#counted}): a save finds the segments to compact, and a load
         * an output in a segment not named, without looking at every output.
         */
        final AtomicInteger held = new AtomicInteger();
        final AtomicLong live = new AtomicLong();

        /** The whole file mapped, once first read, for a segment named by an index; null until then and for others. */
        private volatile ByteBuffer mapped;
        /** Whether its size is fixed (named by an index), so that it can be mapped whole. */
        private boolean fixed;

        Segment(String name, long size, FileChannel channel) {
            this.name = name;
            this.size = size;
            this.channel = channel;
        }

        /**
         * Reads the bytes at {@code offset} into {@code buffer} (as many as it has room for):
         * whether all were there. A segment named by an index is mapped whole when first read,
         * so that a build reading back ten thousand outputs copies each from memory instead of
         * making a system call for it (a segment is written once and then only deleted, never
         * changed in place, so a mapping stays valid); the one a build appends to is read by position.
         */
        boolean read(ByteBuffer buffer, long offset) throws IOException {
            ByteBuffer whole = fixed ? whole() : null;
            if (whole == null || offset + buffer.remaining() > whole.capacity()) {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        return false;
                    }
                }
                return true;
            }
            buffer.put(whole.slice((int) offset, buffer.remaining()));
            return true;
        }

        /** The mapping, made by the first read; later reads (two threads, ten thousand each) take no lock. */
        private ByteBuffer whole() throws IOException {
            ByteBuffer whole = mapped;
            if (whole != null) {
                return whole;
            }
            synchronized (this) {
                if (mapped == null && size <= Integer.MAX_VALUE) {
                    mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
                }
                return mapped;
            }
        }
    }

    /**
     * The segment a build appends its new outputs to as they are made, from any thread, so that
     * a memory for one build holds none of them until the save (a cold build would hold them
     * all). Made when the first output is appended; deleted unless a saved index names it.
     */
    static final class NewSegment {
        private final Path folder;
        private final String prefix;
        private Path file;
        private Segment segment;
        private boolean failed;
        private boolean committed;
        private final AtomicLong end = new AtomicLong();

        NewSegment(Path folder, String prefix) {
            this.folder = folder;
            this.prefix = prefix;
        }

        private synchronized Segment open() throws IOException {
            if (failed) {
                throw new IOException("the new segment could not be written");
            }
            if (segment == null) {
                Files.createDirectories(folder);
                file = Files.createTempFile(folder, prefix, SEGMENT_SUFFIX);
                segment = new Segment(file.getFileName().toString(), 0,
                        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
            }
            return segment;
        }

        /**
         * Writes what {@code writing} writes as the only content of this file, streamed (a state
         * can be tens of MB, not worth holding as bytes too): where it is, or null when the file
         * cannot be written.
         */
        Stored write(Writing writing) {
            try {
                Segment s = open();
                CRC32C crc = new CRC32C();
                OutputStream file = Channels.newOutputStream(s.channel);
                // Numbers written into an array, checksummed and written a block at a time (a
                // DataOutputStream hands a buffered stream every number byte by byte, each call synchronized).
                BufferOutput out = BufferOutput.streaming(1 << 16, (bytes, length) -> {
                    crc.update(bytes, 0, length);
                    file.write(bytes, 0, length);
                });
                writing.to(out);
                out.flush();
                long length = s.channel.size();
                if (length > Integer.MAX_VALUE) {
                    throw new IOException("a state of " + length + " bytes");
                }
                end.set(length);
                finished();
                return new Stored(s, 0, (int) length, (int) crc.getValue());
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    failed = true;
                }
                return null;
            }
        }

        /** Appends one output's bytes: where they are, or null when the file cannot be written (the caller keeps the value). */
        Stored append(byte[] bytes) {
            return append(bytes, bytes.length);
        }

        /** Appends {@code value} as {@link #encode} encodes it: where it is, or null when the file cannot be written. */
        Stored append(BuildMemory memory, Object value) {
            BufferOutput out = ENCODED.get();
            try {
                encode(memory, value, out);
                return append(out.array(), out.size());
            } finally {
                out.clear();
                if (out.array().length > SCRATCH_UP_TO) {
                    ENCODED.remove();
                }
            }
        }

        /** Appends the first {@code length} bytes of {@code bytes}. */
        private Stored append(byte[] bytes, int length) {
            try {
                Segment s = open();
                long at = end.getAndAdd(length);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
                while (buffer.hasRemaining()) {
                    s.channel.write(buffer, at + buffer.position());
                }
                s.size = Math.max(s.size, at + length);
                CRC32C crc = new CRC32C();
                crc.update(bytes, 0, length);
                return new Stored(s, at, length, (int) crc.getValue());
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    failed = true;
                }
                return null;
            }
        }

        /** The segment appended to so far; null before the first output. */
        synchronized Segment current() {
            return segment;
        }

        /** The segment, complete, when anything was appended; else null. */
        synchronized Segment finished() throws IOException {
            if (failed) {
                throw new IOException("cannot write " + file);
            }
            if (segment != null) {
                segment.size = end.get();
            }
            return segment;
        }

        synchronized void committed() {
            committed = true;
        }

        synchronized void close() {
            if (segment != null) {
                Segments.close(segment);
                if (!committed) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // Deleted by the next save, which names only its own segments.
                    }
                }
            }
        }
    }

    /** The largest output read through a thread's scratch buffer; a larger one gets an array of its own, not kept. */
    static final int SCRATCH_UP_TO = 1 << 20;

    /** Where an output is stored: its segment, where in it, how long, and the CRC-32C of its bytes. */
    record Stored(Segment segment, long offset, int length, int crc) {
        /** The stored bytes, or null when they cannot be read or fail their checksum. */
        byte[] bytes() {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            return into(buffer) ? buffer.array() : null;
        }

        /**
         * The stored bytes mapped from the segment rather than copied onto the heap (a state is
         * tens of MB, read once and decoded), or null when they cannot be read or fail their checksum.
         */
        ByteBuffer mapped() {
            try {
                ByteBuffer buffer = segment.channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
                CRC32C check = new CRC32C();
                check.update(buffer.duplicate());
                return (int) check.getValue() == crc ? buffer : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Reads the stored bytes into {@code buffer} (from its start, as many as it has room for): whether they pass their checksum. */
        private boolean into(ByteBuffer buffer) {
            try {
                if (!segment.read(buffer, offset)) {
                    return false;
                }
                CRC32C check = new CRC32C();
                check.update(buffer.array(), buffer.arrayOffset(), length);
                buffer.flip();
                return (int) check.getValue() == crc;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /**
         * A long text of this output left in its segment ({@code in} at its first byte): fetched
         * when first read, and checked then against the CRC-32C of the bytes read now (the
         * output's whole checksum passed). A build reads the texts of the few articles whose
         * pages it makes, not the ten thousand it takes back; the segment stays open until the
         * cache is closed, after the build.
         */
        private LongText storedText(BufferInput in, int length) {
            long at = offset + in.position();
            int crc = in.crc(length);
            return LongText.ofStored(() -> {
                ByteBuffer bytes = ByteBuffer.allocate(length);
                try {
                    if (!segment.read(bytes, at)) {
                        throw new EOFException();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read a text back from the build cache's " + segment.name, e);
                }
                CRC32C check = new CRC32C();
                check.update(bytes.array());
                if ((int) check.getValue() != crc) {
                    throw new UncheckedIOException(new IOException("the build cache's " + segment.name
                            + " changed while the build read it"));
                }
                return bytes.array();
            });
        }

        /**
         * The value stored, each part with its fingerprint noted in {@code fingerprints}; null when
         * damaged. Its bytes go through {@code scratch} (the reading thread's, reused: what is
         * decoded copies what it keeps), so ten thousand articles read back do not each leave an
         * array of their bytes for the collector.
         */
        Object read(Fingerprints fingerprints, ThreadLocal<ByteBuffer> scratch) {
            ByteBuffer buffer = scratch.get();
            if (buffer.capacity() < length) {
                buffer = ByteBuffer.allocate(Math.max(length, 2 * buffer.capacity()));
                if (length <= SCRATCH_UP_TO) {
                    scratch.set(buffer);
                }
            }
            buffer.clear().limit(length);
            if (!into(buffer)) {
                return null;
            }
            try {
                BufferInput in = new BufferInput(buffer);
                Object value = new Values.Reader(in, fingerprints::seed, this::storedText).read();
                return in.atEnd() ? value : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The memory saved in {@code folder}, or an empty one saying why. A memory of another
     * environment is forgotten by {@link BuildMemory#start} when the build begins.
     */
    public static Loaded load(Path folder) {
        return load(folder, BuildMemory.UPDATE_UP_TO);
    }

    /** What {@link #readWhole} reads and {@link #writeWhole} writes at a time: the JDK keeps a call's temporary direct buffer of this size and reuses it. */
    static final int CHUNK = 1 << 18;

    /**
     * The bytes of a file, read a chunk at a time. {@code Files.readAllBytes} reads a file in one
     * call, through a temporary direct buffer of the file's size that the JDK allocates and zeroes
     * afresh: for the 10 MB index of a 10,000-article site, 28 ms of page faults a build.
     */
    static byte[] readWhole(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(size + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.position() < buffer.capacity()) {
                buffer.limit(Math.min(buffer.capacity(), buffer.position() + CHUNK));
                if (channel.read(buffer) < 0) {
                    throw new EOFException("shorter than its " + size + " bytes");
                }
            }
            return buffer.array();
        }
    }

    /** Writes {@code bytes} (a heap buffer) whole, a chunk at a time, for the reason {@link #readWhole} reads so. */
    static void writeWhole(FileChannel channel, ByteBuffer bytes) throws IOException {
        int end = bytes.limit();
        while (bytes.position() < end) {
            bytes.limit(Math.min(end, bytes.position() + CHUNK));
            channel.write(bytes);
        }
    }

    /**
     * As {@link #load(Path)}, with incremental steps updating their saved state one by one up to
     * {@code updateUpTo} changed elements (tests set it to 0 and to the maximum to reach each path).
     */
    public static Loaded load(Path folder, int updateUpTo) {
        Segments segments = new Segments(folder);
        Path index = folder.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return loaded(new BuildMemory(null, updateUpTo), Files.exists(folder.resolve(OLD_FILE))
                    ? "the build cache is of another format" : "no build cache yet", segments);
        }
        try {
            byte[] all = readWhole(index);
            if (all.length < 4) {
                throw new IOException("truncated");
            }
            // A CRC-32C, as for segments: it finds damage, which is all an index needs, at a fraction of MD5's cost.
            CRC32C check = new CRC32C();
            check.update(all, 0, all.length - 4);
            int crc = ByteBuffer.wrap(all, all.length - 4, 4).getInt();
            if ((int) check.getValue() != crc) {
                throw new IOException("its checksum does not match");
            }
            BufferInput in = new BufferInput(ByteBuffer.wrap(all, 0, all.length - 4));
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                return loaded(new BuildMemory(null, updateUpTo), "the build cache is of another format", segments);
            }
            IndexJournal.Base base = new IndexJournal.Base(all.length, crc);
            BuildMemory memory = read(in, new Fingerprint(in.readLong(), in.readLong()), base, updateUpTo);
            memory.loadedIndex = all;
            if (!in.atEnd()) {
                throw new IOException("data after the end");
            }
            IndexJournal.read(folder, memory, base);
            checkReads(memory.loadedKeys, base.keyRefs);
            open(folder, base, memory, segments);
            base.snapshot(memory);
            memory.indexBase = base;
            return loaded(memory, null, segments);
        } catch (IOException | RuntimeException e) {
            segments.close();
            return loaded(new BuildMemory(null, updateUpTo), UNREADABLE + " (" + e.getMessage() + ")", new Segments(folder));
        }
    }

    /**
     * Opens the segments the index (and its journal, last) names, each checked to have the size
     * named; every output and state must be in one of them.
     */
    private static void open(Path folder, IndexJournal.Base base, BuildMemory memory, Segments segments) throws IOException {
        Set<Segment> named = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Segment segment : base.segmentList) {
            FileChannel channel = FileChannel.open(folder.resolve(segment.name), StandardOpenOption.READ);
            segment.channel = channel;
            segment.fixed = true;
            segments.open.add(segment);
            if (channel.size() != segment.size) {
                throw new IOException(segment.name + " has " + channel.size() + " bytes, not " + segment.size);
            }
            named.add(segment);
        }
        // An output is in a segment the index or a journal record named: one the last list dropped holds none.
        for (Segment segment : base.segments.values()) {
            if (!named.contains(segment) && segment.held.get() > 0) {
                throw new IOException("an output in " + segment.name + ", which the index does not name");
            }
        }
        for (BuildMemory.SavedState state : memory.states.values()) {
            if (!named.contains(state.stored().segment())) {
                throw new IOException("a state in " + state.stored().segment().name + ", which the index does not name");
            }
        }
    }

    /** A memory that appends the outputs it makes to the new segment of {@code segments}. */
    private static Loaded loaded(BuildMemory memory, String ignored, Segments segments) {
        memory.storeIn(segments);
        return new Loaded(memory, ignored, segments);
    }

    private static BuildMemory read(BufferInput in, Fingerprint environment, IndexJournal.Base base,
                                    int updateUpTo) throws IOException {
        BuildMemory memory = new BuildMemory(environment, updateUpTo);
        memory.loadedFilesAt(in.readBoolean() ? in.readUTF() : null);
        // Each map made for as many entries as the index holds, not grown on the way.
        int sources = count(in);
        memory.stamps = new ConcurrentHashMap<>(sources);
        for (int n = sources; n > 0; n--) {
            memory.stamps.put(in.readUTF(), stamp(in));
        }
        // The keys of the site data pages read, each with the fingerprint of its value when it had one.
        // The table is not put in the memory's keys: a loaded record's reads are its ids in the table.
        String[] keys = new String[count(in)];
        memory.dataPrints = new ConcurrentHashMap<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.readUTF();
            if (in.readBoolean()) {
                memory.dataPrints.put(keys[i], fingerprint(in));
            }
        }
        memory.loadedKeys = keys;
        base.keyRefs = new int[keys.length];
        int files = count(in);
        memory.files = new ConcurrentHashMap<>(files);
        for (int n = files; n > 0; n--) {
            readFile(in, memory, keys, base.keyRefs, in.position());
        }
        for (int n = count(in); n > 0; n--) {
            base.segmentList.add(base.segment(in.readUTF(), in.readLong()));
        }
        List<String> steps = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            steps.add(in.readUTF());
        }
        int outputs = count(in);
        memory.outputs = new ConcurrentHashMap<>(outputs);
        for (int n = outputs; n > 0; n--) {
            Fingerprint key = fingerprint(in);
            String step = steps.get(in.readInt());
            memory.putOutput(key, new BuildMemory.Output(step, stored(in, base.segmentList)));
        }
        for (int n = in.readInt(); n > 0; n--) {
            String step = in.readUTF();
            Fingerprint[] elements = new Fingerprint[in.readInt()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = fingerprint(in);
            }
            memory.states.put(step, new BuildMemory.SavedState(elements, stored(in, base.segmentList), null));
        }
        readTail(in, memory);
        return memory;
    }

    /** What {@link #writeTail} wrote: the number of objects remembered and the last build. */
    static void readTail(BufferInput in, BuildMemory memory) throws IOException {
        int remembered = in.readInt();
        if (remembered < 0) {
            throw new IOException("a count of " + remembered);
        }
        // Room made for at most as many as 16 million objects: a bound, not a promise of the index.
        memory.fingerprints().expect(Math.min(remembered, 1 << 24));
        memory.loadedLastBuild(in.readBoolean() ? readLastBuild(in) : null);
    }

    /** What {@link #readTail} reads. */
    static void writeTail(BufferOutput out, BuildMemory memory) throws IOException {
        out.writeInt(memory.fingerprints().remembered());
        LastBuild last = memory.lastBuild();
        boolean recorded = last != null && fits(last);
        out.writeBoolean(recorded);
        if (recorded) {
            write(out, last);
        }
    }

    /** What {@link #write(DataOutput, BuildMemory.Stamp)} wrote. */
    static BuildMemory.Stamp stamp(BufferInput in) throws IOException {
        return new BuildMemory.Stamp(in.readLong(), in.readLong(), in.readLong(), fingerprint(in), fingerprint(in));
    }

    static void write(DataOutput out, BuildMemory.Stamp stamp) throws IOException {
        out.writeLong(stamp.size());
        out.writeLong(stamp.modified());
        out.writeLong(stamp.read());
        write(out, stamp.context());
        write(out, stamp.key());
    }

    /**
     * Reads a page's record into {@code memory} (its reads as ids in {@code keys}, each counted in
     * {@code refs}); {@code start} >= 0: where it begins in the loaded index, noted so that it can
     * be saved again as those bytes. Returns the record it replaced, or null.
     */
    static BuildMemory.FileRecord readFile(BufferInput in, BuildMemory memory, String[] keys, int[] refs, int start)
            throws IOException {
        String path = in.readUTF();
        Fingerprint input = in.readBoolean() ? fingerprint(in) : null;
        Fingerprint bytes = fingerprint(in);
        long size = in.readLong();
        int[] ids = null;
        int count = in.readInt();
        if (count >= 0) {
            if (count > in.remaining()) {
                throw new IOException("a count of " + count);
            }
            ids = new int[count];
            in.readInts(ids);
            // An id outside the table fails here (the index is then ignored); one of a dropped key, in checkReads.
            for (int id : ids) {
                refs[id]++;
            }
        }
        long at = start >= 0 ? (long) start << 32 | in.position() - start : -1;
        return memory.files.put(path, BuildMemory.FileRecord.loaded(input, bytes, size, ids, keys, at));
    }

    /** Checks that every key the loaded records read (counted in {@code refs}) is in {@code keys}. */
    static void checkReads(String[] keys, int[] refs) throws IOException {
        for (int id = 0; id < refs.length; id++) {
            if (refs[id] > 0 && keys[id] == null) {
                throw new IOException("a key id " + id + " not in the table");
            }
        }
    }

    /** What {@link #readFile} reads: a page's record, its reads as {@code ids} (null for none). */
    static void write(DataOutput out, String path, BuildMemory.FileRecord record, int[] ids) throws IOException {
        out.writeUTF(path);
        out.writeBoolean(record.input() != null);
        if (record.input() != null) {
            write(out, record.input());
        }
        write(out, record.bytes());
        out.writeLong(record.size());
        out.writeInt(ids == null ? -1 : ids.length);
        if (ids != null) {
            for (int id : ids) {
                out.writeInt(id);
            }
        }
    }

    /** Checks that {@code name} is one of a segment or state file in the cache's folder. */
    static void checkSegmentName(String name) throws IOException {
        if (!(name.startsWith(SEGMENT) || name.startsWith(STATE)) || !name.endsWith(SEGMENT_SUFFIX)
                || name.contains("/") || name.contains("\\")) {
            throw new IOException("a segment named " + name);
        }
    }

    /** Writes the names and sizes of {@code segments}: their ids, by segment. */
    static Map<Segment, Integer> writeSegments(DataOutput out, List<Segment> segments) throws IOException {
        Map<Segment, Integer> segmentIds = new IdentityHashMap<>();
        out.writeInt(segments.size());
        for (Segment s : segments) {
            segmentIds.put(s, segmentIds.size());
            out.writeUTF(s.name);
            out.writeLong(s.size);
        }
        return segmentIds;
    }

    /** A count of entries to come, checked against the bytes left (each takes at least one): a damaged count fails here, not in a map of its size. */
    static int count(BufferInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.remaining()) {
            throw new IOException("a count of " + n);
        }
        return n;
    }

    /** Where the index says a value is: its segment, offset, length and CRC-32C, inside the segment. */
    static Stored stored(BufferInput in, List<Segment> segments) throws IOException {
        Segment segment = segments.get(in.readInt());
        long offset = in.readLong();
        int length = in.readInt();
        int crc = in.readInt();
        if (offset < 0 || length < 0 || offset + length > segment.size) {
            throw new IOException("a value beyond the end of " + segment.name);
        }
        return new Stored(segment, offset, length, crc);
    }

    /**
     * Saves the memory of {@code loaded} into {@code folder}: what its build did not append to
     * the new segment yet (outputs kept in memory, outputs copied out of segments being
     * compacted), then a new index in place of the old one, atomically (a reader sees the old
     * cache or the new one); then deletes the segments no longer named, and closes {@code loaded}.
     */
    public static void save(Loaded loaded, Path folder) throws IOException {
        try {
            BuildMemory memory = loaded.memory();
            NewSegment fresh = loaded.segments().fresh;
            Files.createDirectories(folder);
            // A segment less than half of which is still used is copied out and dropped (never the
            // one this build appends to: every output in it was made for this build). What each
            // holds is counted as outputs are put and dropped.
            Set<Segment> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Segment> holding = new ArrayList<>(loaded.segments().open);
            holding.add(fresh.current());
            boolean dropping = false;
            for (Segment segment : holding) {
                if (segment != null && segment.held.get() > 0) {
                    if (2 * segment.live.get() >= segment.size || segment == fresh.current()) {
                        kept.add(segment);
                    } else {
                        dropping = true;
                    }
                }
            }
            Locations locations = new Locations(kept, new ConcurrentHashMap<>());
            // Outputs to append: those held in memory, and those of a segment dropped (then every output is looked at).
            List<Map.Entry<Fingerprint, BuildMemory.Output>> toWrite = new ArrayList<>();
            if (dropping || memory.unstored.get() > 0) {
                for (Map.Entry<Fingerprint, BuildMemory.Output> e : memory.outputs.entrySet()) {
                    Stored s = e.getValue().stored();
                    if (s == null || !kept.contains(s.segment())) {
                        toWrite.add(e);
                    }
                }
            }
            toWrite.parallelStream().forEach(e -> {
                // A stored output whose bytes are damaged is left out: made again next time.
                byte[] bytes = e.getValue().stored() != null ? e.getValue().stored().bytes() : encode(memory, e.getValue().value(memory));
                Stored s = bytes == null ? null : fresh.append(bytes);
                if (s != null) {
                    locations.moved().put(e.getKey(), s);
                }
            });
            // Each state in its file: the one it was read from or saved to in this build, or a new one.
            Map<String, BuildMemory.SavedState> states = new LinkedHashMap<>();
            memory.states.forEach((step, state) -> {
                Stored s = state.stored();
                if (s == null && state.bytes != null) {
                    s = loaded.segments().storeState(out -> out.write(state.bytes));
                }
                if (s != null) {
                    states.put(step, new BuildMemory.SavedState(state.elements, s, null));
                }
            });
            List<Segment> segments = new ArrayList<>(kept);
            Segment appended = fresh.finished();
            if (appended != null && !segments.contains(appended)) {
                segments.add(appended);
            }
            Set<Segment> stateFiles = Collections.newSetFromMap(new IdentityHashMap<>());
            states.values().forEach(state -> stateFiles.add(state.stored().segment()));
            stateFiles.stream().filter(f -> !segments.contains(f)).sorted((a, b) -> a.name.compareTo(b.name))
                    .forEach(segments::add);
            // What changed since the load appended to the journal; the index written whole when
            // there is none to append to, or the journal would grow past its share.
            IndexJournal.Base base = memory.indexBase;
            BufferOutput record = null;
            if (base != null) {
                // The outputs that may be placed otherwise than loaded: those put by the builds, and those appended now.
                Set<Fingerprint> moved = new HashSet<>(memory.outputsPut);
                toWrite.forEach(e -> moved.add(e.getKey()));
                record = IndexJournal.record(memory, base, moved, states, segments, locations, appended);
            }
            boolean journaled = record != null && IndexJournal.append(folder, base, record.array(), record.size());
            if (!journaled) {
                Path tempIndex = Files.createTempFile(folder, INDEX, ".tmp");
                try {
                    IndexJournal.Base written = writeIndex(memory, states, segments, locations, tempIndex);
                    try {
                        Files.move(tempIndex, folder.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tempIndex, folder.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING);
                    }
                    // An empty journal naming it: an index found without one is not trusted (its journal was lost).
                    IndexJournal.start(folder, written);
                } finally {
                    Files.deleteIfExists(tempIndex);
                }
            }
            fresh.committed();
            loaded.segments().statesCommitted(stateFiles);
            loaded.close();
            deleteUnnamed(folder, segments);
        } finally {
            loaded.close();
        }
    }

    /**
     * Where each saved output is once saved: where it was when its segment is kept, else where it
     * was appended ({@code moved}: outputs made in this build, or copied out of a segment dropped).
     * Only those are put in a map; the 80,000 others are not.
     */
    record Locations(Set<Segment> kept, Map<Fingerprint, Stored> moved) {
        /** Where {@code output} (under {@code key}) is saved; null when it is not (its bytes damaged). */
        Stored of(Fingerprint key, BuildMemory.Output output) {
            Stored s = output.stored();
            return s != null && kept.contains(s.segment()) ? s : moved.get(key);
        }
    }

    /** An output's value encoded with its parts' fingerprints: what a segment stores. */
    static byte[] encode(BuildMemory memory, Object value) {
        BufferOutput out = new BufferOutput(1 << 12);
        encode(memory, value, out);
        return Arrays.copyOf(out.array(), out.size());
    }

    /**
     * Encodes {@code value} into {@code out}, computing the fingerprints of its parts not known
     * yet as it goes (and noting them in the memory's memo): a new output is walked once.
     */
    private static void encode(BuildMemory memory, Object value, BufferOutput out) {
        try {
            Values.Writer.storing(out, memory.fingerprints()).store(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each thread's array that outputs are encoded into before they are appended (none kept over {@link #SCRATCH_UP_TO}). */
    private static final ThreadLocal<BufferOutput> ENCODED = ThreadLocal.withInitial(() -> new BufferOutput(1 << 16));

    /** Writes the index whole into {@code file}: its length and checksum, which its journal names. */
    private static IndexJournal.Base writeIndex(BuildMemory memory, Map<String, BuildMemory.SavedState> states, List<Segment> segments,
                                   Locations locations, Path file) throws IOException {
        // Into one array, checked and written at once: a stream takes each number byte by byte.
        // Sized from the index loaded, which this one mostly repeats: grown from 1 MB by doubling,
        // a 10 MB index allocated 31 MB and copied 15.
        byte[] before = memory.loadedIndex;
        BufferOutput out = new BufferOutput(before == null ? 1 << 20 : before.length + before.length / 8 + (1 << 16));
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        write(out, memory.environment());
        out.writeBoolean(memory.filesAt() != null);
        if (memory.filesAt() != null) {
            out.writeUTF(memory.filesAt());
        }
        out.writeInt(memory.stamps.size());
        for (Map.Entry<String, BuildMemory.Stamp> e : memory.stamps.entrySet()) {
            out.writeUTF(e.getKey());
            write(out, e.getValue());
        }
        // Key ids start as the loaded index's, so that the reads of a page that kept the very
        // array loaded are written as they were read; keys no longer read nor fingerprinted are dropped.
        List<String> keys = new ArrayList<>(Arrays.asList(memory.loadedKeys));
        Map<String, Integer> keyIds = new HashMap<>(2 * keys.size());
        for (int id = 0; id < keys.size(); id++) {
            keyIds.putIfAbsent(keys.get(id), id);
        }
        List<Fingerprint> prints = new ArrayList<>(Collections.nCopies(keys.size(), (Fingerprint) null));
        BitSet used = new BitSet(keys.size());
        for (Map.Entry<String, Fingerprint> e : memory.dataPrints.entrySet()) {
            int id = keyId(e.getKey(), keyIds, keys);
            while (prints.size() <= id) {
                prints.add(null);
            }
            prints.set(id, e.getValue());
            used.set(id);
        }
        List<Map.Entry<String, BuildMemory.FileRecord>> files = new ArrayList<>(memory.files.entrySet());
        int[][] readIds = new int[files.size()][];
        for (int f = 0; f < readIds.length; f++) {
            BuildMemory.FileRecord record = files.get(f).getValue();
            if (!record.readsData()) {
                continue;
            }
            int[] ids = record.loadedIds();
            if (ids == null) {
                String[] reads = record.reads();
                ids = new int[reads.length];
                for (int i = 0; i < reads.length; i++) {
                    ids[i] = keyId(reads[i], keyIds, keys);
                }
            }
            for (int id : ids) {
                used.set(id);
            }
            readIds[f] = ids;
        }
        int[] written = new int[keys.size()];
        out.writeInt(used.cardinality());
        int next = 0;
        for (int id = used.nextSetBit(0); id >= 0; id = used.nextSetBit(id + 1)) {
            written[id] = next++;
            out.writeUTF(keys.get(id));
            Fingerprint print = id < prints.size() ? prints.get(id) : null;
            out.writeBoolean(print != null);
            if (print != null) {
                write(out, print);
            }
        }
        // Every loaded key kept: ids keep their numbers, so a record loaded and kept (under its own
        // path: the memory keeps a record only where it was) is written as the bytes it was read from.
        boolean idsKept = used.nextClearBit(0) >= memory.loadedKeys.length;
        out.writeInt(files.size());
        for (int f = 0; f < readIds.length; f++) {
            Map.Entry<String, BuildMemory.FileRecord> e = files.get(f);
            long loaded = idsKept ? e.getValue().loadedAt() : -1;
            if (loaded >= 0) {
                out.write(memory.loadedIndex, (int) (loaded >>> 32), (int) loaded);
                continue;
            }
            int[] ids = readIds[f];
            int[] renumbered = null;
            if (ids != null) {
                renumbered = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    renumbered[i] = written[ids[i]];
                }
            }
            write(out, e.getKey(), e.getValue(), renumbered);
        }
        Map<Segment, Integer> segmentIds = writeSegments(out, segments);
        List<Map.Entry<Fingerprint, BuildMemory.Output>> saved = List.copyOf(memory.outputs.entrySet());
        Map<String, Integer> stepIds = new LinkedHashMap<>();
        saved.forEach(e -> stepIds.putIfAbsent(e.getValue().step(), stepIds.size()));
        out.writeInt(stepIds.size());
        for (String step : stepIds.keySet()) {
            out.writeUTF(step);
        }
        List<Map.Entry<Fingerprint, BuildMemory.Output>> placed = saved.stream()
                .filter(e -> locations.of(e.getKey(), e.getValue()) != null).toList();
        out.writeInt(placed.size());
        for (Map.Entry<Fingerprint, BuildMemory.Output> e : placed) {
            Stored s = locations.of(e.getKey(), e.getValue());
            write(out, e.getKey());
            out.writeInt(stepIds.get(e.getValue().step()));
            write(out, s, segmentIds);
        }
        out.writeInt(states.size());
        for (Map.Entry<String, BuildMemory.SavedState> e : states.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().elements.length);
            for (Fingerprint f : e.getValue().elements) {
                write(out, f);
            }
            write(out, e.getValue().stored(), segmentIds);
        }
        writeTail(out, memory);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.size());
        out.writeInt((int) crc.getValue());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeWhole(channel, ByteBuffer.wrap(out.array(), 0, out.size()));
        }
        return new IndexJournal.Base(out.size(), (int) crc.getValue());
    }

    /** The id of {@code key} among {@code keys}, added at the end when it is not there yet. */
    private static int keyId(String key, Map<String, Integer> keyIds, List<String> keys) {
        Integer id = keyIds.putIfAbsent(key, keys.size());
        if (id != null) {
            return id;
        }
        keys.add(key);
        return keys.size() - 1;
    }

    /**
     * Deletes the segments (and the file of older formats, and files of saves that stopped) the
     * index does not name.
     */
    private static void deleteUnnamed(Path folder, List<Segment> named) {
        Set<String> keep = new HashSet<>();
        named.forEach(s -> keep.add(s.name));
        keep.add(INDEX);
        keep.add(IndexJournal.FILE);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (!keep.contains(name) && (name.startsWith(SEGMENT) || name.startsWith(STATE) || name.startsWith(INDEX)
                        || name.startsWith(IndexJournal.FILE) || name.equals(OLD_FILE))) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // Deleted by the next save.
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Left for the next save.
        }
    }

    /** What {@link #readLastBuild} reads. */
    private static void write(DataOutput out, LastBuild last) throws IOException {
        write(out, last.inputs());
        out.writeLong(last.now());
        out.writeLong(last.nextHeldBack());
        out.writeInt(last.articles());
        out.writeInt(last.heldBack().size());
        for (String source : last.heldBack()) {
            out.writeUTF(source);
        }
        out.writeInt(last.problems().size());
        for (Problem p : last.problems()) {
            out.writeUTF(p.file());
            out.writeInt(p.line());
            out.writeUTF(p.message());
            out.writeBoolean(p.isError());
        }
    }

    private static LastBuild readLastBuild(BufferInput in) throws IOException {
        Fingerprint inputs = fingerprint(in);
        long now = in.readLong();
        long nextHeldBack = in.readLong();
        int articles = in.readInt();
        List<String> heldBack = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            heldBack.add(in.readUTF());
        }
        List<Problem> problems = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            String file = in.readUTF();
            int line = in.readInt();
            String message = in.readUTF();
            problems.add(in.readBoolean() ? Problem.error(file, line, message) : Problem.warning(file, line, message));
        }
        return new LastBuild(inputs, now, nextHeldBack, articles, heldBack, problems);
    }

    /** Whether every text of {@code last} fits a {@link DataOutputStream#writeUTF} (else it is not saved: the next build does it all). */
    private static boolean fits(LastBuild last) {
        Predicate<String> fits = s -> s.length() <= 65_535 / 3;
        return last.heldBack().stream().allMatch(fits)
                && last.problems().stream().allMatch(p -> fits.test(p.file()) && fits.test(p.message()));
    }

    static Fingerprint fingerprint(BufferInput in) throws IOException {
        return new Fingerprint(in.readLong(), in.readLong());
    }

    /** What {@link #stored} reads. */
    static void write(DataOutput out, Stored s, Map<Segment, Integer> segmentIds) throws IOException {
        out.writeInt(segmentIds.get(s.segment()));
        out.writeLong(s.offset());
        out.writeInt(s.length());
        out.writeInt(s.crc());
    }

    static void write(DataOutput out, Fingerprint f) throws IOException {
        out.writeLong(f.high());
        out.writeLong(f.low());
    }

    /**
     * The fingerprint of Gazette's own code (the jar, or the class folder when run from a build
     * tree, embedded theme included), so that a cache made by any other build of Gazette is
     * never used.
     */
    public static Fingerprint code() {
        return CODE.get();
    }

    private static final Supplier<Fingerprint> CODE = new Supplier<>() {
        private Fingerprint code;

        @Override
        public synchronized Fingerprint get() {
            if (code == null) {
                code = readCode();
            }
            return code;
        }
    };

    private static Fingerprint readCode() {
        try {
            Path where = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                // A jar is replaced as a whole whenever Gazette is built: its path, size and time name it.
                return new Fingerprints().of(List.of(where.toString(), Files.size(where),
                        Files.getLastModifiedTime(where).toMillis()));
            }
            MessageDigest md = Fingerprints.md5();
            try (Stream<Path> walk = Files.walk(where)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(where.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(p));
                }
            }
            return Fingerprint.of(md.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Code that cannot be read cannot be recognised: a fingerprint no cache will match.
            return new Fingerprint(System.nanoTime(), e.hashCode());
        }
    }
}

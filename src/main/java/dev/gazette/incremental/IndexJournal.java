package dev.gazette.incremental;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The changes of each save since the build cache's index was last written whole: a file
 * ({@value #FILE}) of records appended one per save, each what that save changed against the
 * index as it was loaded (the index, then the records before it). A save that changed a few
 * sources, pages and outputs appends a record of those, instead of writing the whole index
 * (10 MB at 10,000 articles, most of it the 18,000 pages' records and the keys they read); once
 * the records would pass a share of the index's size, or one record alone an eighth of that, the
 * save writes the index whole again and the journal is deleted.
 *
 * <p>Every index is saved with its journal, empty at first, which names it by its length and
 * checksum in a head checked by its own: a journal of another index (left by a save that stopped
 * between writing the index and its journal) is ignored and replaced; an index without one is not
 * trusted (whatever its journal held is lost, so its record of the site may be older than the
 * site). Each record has its own length and checksum: a journal that is truncated, damaged or of
 * another format makes the whole cache untrusted, as a damaged index does.
 */
final class IndexJournal {
    static final String FILE = "journal.bin";
    private static final String MAGIC = "gazette build cache journal";
    /**
     * The journal's records may grow to this share of the index (per cent) before a save writes
     * the index whole again: reading them costs little, but each holds the states' changes and
     * the segment list again. Tests set it to 0 (every save writes the index) and to the maximum.
     */
    static volatile int upToPercent = 25;
    /** The head's least length: a magic text's length, the format, the index's length and checksum, the head's checksum. */
    private static final int HEAD_CHECKED = 2 + 4 + 8 + 4 + 4;

    private IndexJournal() {
    }

    /**
     * The index as the memory was loaded (the index file, then the journal's records): what the
     * next record's changes are taken against.
     */
    static final class Base {
        /** The index file's length and checksum, which the journal names. */
        final long indexLength;
        final int indexCrc;
        /** The journal's length when loaded: 0 when there is none (or a stale one). */
        long journalLength;
        Fingerprint environment;
        Map<String, BuildMemory.SavedState> states;
        /** How many loaded page records read each key, by id. */
        int[] keyRefs;
        /** The segments as the index and each record named them, by name, and the list the last one gave. */
        final Map<String, BuildCache.Segment> segments = new HashMap<>();
        List<BuildCache.Segment> segmentList = new ArrayList<>();

        Base(long indexLength, int indexCrc) {
            this.indexLength = indexLength;
            this.indexCrc = indexCrc;
        }

        /** Notes the memory as loaded: a record written later holds what differs from it. */
        void snapshot(BuildMemory memory) {
            environment = memory.environment();
            states = new HashMap<>(memory.states);
            memory.loadedAsIs();
        }

        /** The segment named {@code name} of {@code size} bytes, one object per name (opened later). */
        BuildCache.Segment segment(String name, long size) throws IOException {
            BuildCache.checkSegmentName(name);
            BuildCache.Segment s = segments.computeIfAbsent(name, n -> new BuildCache.Segment(n, size, null));
            if (s.size != size) {
                throw new IOException(name + " named with " + size + " bytes and " + s.size);
            }
            return s;
        }
    }

    /**
     * Reads the journal in {@code folder} into {@code memory}, loaded from the index {@code base}
     * names: nothing when there is none, or a stale one.
     */
    static void read(Path folder, BuildMemory memory, Base base) throws IOException {
        byte[] all;
        try {
            all = BuildCache.readWhole(folder.resolve(FILE));
        } catch (NoSuchFileException e) {
            // Every index is saved with one: without it the index may be older than the site.
            throw new IOException("its journal is missing");
        }
        BufferInput in = new BufferInput(ByteBuffer.wrap(all));
        if (in.remaining() < HEAD_CHECKED) {
            throw new IOException("its journal is truncated");
        }
        int headLength = in.readUnsignedShort() + 2 + 4 + 8 + 4;
        CRC32C head = new CRC32C();
        head.update(all, 0, Math.min(headLength, all.length));
        in = new BufferInput(ByteBuffer.wrap(all));
        if (!MAGIC.equals(in.readUTF()) || in.readInt() != BuildCache.FORMAT) {
            throw new IOException("its journal is of another format");
        }
        long indexLength = in.readLong();
        int indexCrc = in.readInt();
        if (in.readInt() != (int) head.getValue()) {
            throw new IOException("its journal's head is damaged");
        }
        if (indexLength != base.indexLength || indexCrc != base.indexCrc) {
            return;   // of another index: the index was written whole since, and this one left by a save that stopped
        }
        while (!in.atEnd()) {
            int length = in.readInt();
            if (length < 0 || length + 4 > in.remaining()) {
                throw new IOException("a journal record of " + length + " bytes");
            }
            int start = in.position();
            CRC32C crc = new CRC32C();
            crc.update(all, start, length);
            ByteBuffer slice = ByteBuffer.wrap(all, start, length).slice();
            in.skipBytes(length);
            if ((int) crc.getValue() != in.readInt()) {
                throw new IOException("a journal record's checksum does not match");
            }
            BufferInput record = new BufferInput(slice);
            apply(record, memory, base);
            if (!record.atEnd()) {
                throw new IOException("data after a journal record's end");
            }
        }
        base.journalLength = all.length;
    }

    /**
     * Saves {@code record} as the journal's next record, or returns false when the journal would
     * pass its share of the index (then the index is to be written whole).
     */
    static boolean append(Path folder, Base base, byte[] record, int length) throws IOException {
        long share = base.indexLength * upToPercent / 100;
        // A record of an eighth of the share is a build that changed much (the first after a cold
        // one drops tens of thousands of outputs): folded at once, later builds do not read it again.
        if (base.journalLength + length + 8 > share || length > share / 8) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(record, 0, length);
        ByteBuffer framed = ByteBuffer.allocate(length + 8);
        framed.putInt(length).put(record, 0, length).putInt((int) crc.getValue()).flip();
        Path file = folder.resolve(FILE);
        if (base.journalLength == 0) {
            create(folder, base, framed);
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() != base.journalLength) {
                throw new IOException(FILE + " changed since it was read");
            }
            try {
                channel.position(base.journalLength);
                BuildCache.writeWhole(channel, framed);
            } catch (IOException e) {
                // The record half-written: cut it off, so the journal is the one before this save.
                channel.truncate(base.journalLength);
                throw e;
            }
        }
        return true;
    }

    /** Starts the journal of an index just written whole: its head alone. */
    static void start(Path folder, Base index) throws IOException {
        create(folder, index, ByteBuffer.allocate(0));
    }

    /**
     * Writes a journal naming {@code base}'s index, with {@code records}, in place of any other,
     * atomically: a reader sees it or the one before.
     */
    private static void create(Path folder, Base base, ByteBuffer records) throws IOException {
        BufferOutput head = new BufferOutput(64);
        head.writeUTF(MAGIC);
        head.writeInt(BuildCache.FORMAT);
        head.writeLong(base.indexLength);
        head.writeInt(base.indexCrc);
        CRC32C crc = new CRC32C();
        crc.update(head.array(), 0, head.size());
        head.writeInt((int) crc.getValue());
        Path temp = Files.createTempFile(folder, FILE, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                BuildCache.writeWhole(channel, ByteBuffer.wrap(head.array(), 0, head.size()));
                BuildCache.writeWhole(channel, records);
            }
            try {
                Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * What changed in {@code memory} since it was loaded as {@code base}, as a record {@link #apply}
     * reads: the sources' stamps, keys and their fingerprints, pages' records and outputs added,
     * changed or gone, and the few small parts whole (segments, states' elements as changed, the
     * last build). Null when the memory is in another environment than loaded (then everything changed).
     */
    static BufferOutput record(BuildMemory memory, Base base, Set<Fingerprint> moved,
                               Map<String, BuildMemory.SavedState> states, List<BuildCache.Segment> segments,
                               BuildCache.Locations locations, BuildCache.Segment fresh) throws IOException {
        if (!memory.environment().equals(base.environment)) {
            return null;
        }
        BufferOutput out = new BufferOutput(1 << 16);
        BuildCache.write(out, memory.environment());
        out.writeBoolean(memory.filesAt() != null);
        if (memory.filesAt() != null) {
            out.writeUTF(memory.filesAt());
        }

        // Stamps: of the sources the builds read again or dropped, those gone, then those put (one
        // the index did not hold named gone changes nothing).
        List<Map.Entry<String, BuildMemory.Stamp>> stampsPut = new ArrayList<>();
        List<String> stampsGone = new ArrayList<>();
        for (String name : memory.stampsChanged) {
            BuildMemory.Stamp now = memory.stamps.get(name);
            if (now == null) {
                stampsGone.add(name);
            } else {
                stampsPut.add(Map.entry(name, now));
            }
        }
        out.writeInt(stampsGone.size());
        for (String name : stampsGone) {
            out.writeUTF(name);
        }
        out.writeInt(stampsPut.size());
        for (Map.Entry<String, BuildMemory.Stamp> e : stampsPut) {
            out.writeUTF(e.getKey());
            BuildCache.write(out, e.getValue());
        }

        // Pages' records: keys read by records that came are counted in, those of records that went out.
        Keys keys = new Keys(memory, base);
        List<String> filesGone = new ArrayList<>();
        List<Map.Entry<String, BuildMemory.FileRecord>> filesPut = new ArrayList<>();
        List<int[]> putIds = new ArrayList<>();
        // Only the files the builds wrote or dropped, each against its loaded record (null: none).
        memory.filesChanged.forEach((path, was) -> {
            BuildMemory.FileRecord now = memory.files.get(path);
            if (now == null) {
                if (was != null) {
                    filesGone.add(path);
                    keys.release(was);
                }
                return;
            }
            // A file written again as it was (a feed, a site page) is no change.
            if (now.equals(was)) {
                return;
            }
            if (was != null) {
                keys.release(was);
            }
            filesPut.add(Map.entry(path, now));
            putIds.add(keys.hold(now, was));
        });
        // Fingerprints of the site data's values: set or cleared.
        List<Map.Entry<String, Fingerprint>> printsSet = new ArrayList<>();
        List<String> printsCleared = new ArrayList<>();
        // Only the keys the builds noted as changed, came or gone.
        for (Map.Entry<String, Fingerprint> e : memory.printsChanged.entrySet()) {
            String key = e.getKey();
            Fingerprint now = memory.dataPrints.get(key);
            Fingerprint was = e.getValue();
            if (now != null && !now.equals(was)) {
                printsSet.add(Map.entry(key, now));
            } else if (now == null && was != null) {
                printsCleared.add(key);
            }
        }
        int[] printIds = new int[printsSet.size()];
        for (int i = 0; i < printIds.length; i++) {
            printIds[i] = keys.id(printsSet.get(i).getKey());
        }
        int[] clearedIds = new int[printsCleared.size()];
        for (int i = 0; i < clearedIds.length; i++) {
            clearedIds[i] = keys.id(printsCleared.get(i));
            keys.cleared(clearedIds[i]);
        }
        List<Integer> dropped = keys.dropped(memory.dataPrints);

        out.writeInt(keys.added.size());
        for (String key : keys.added) {
            out.writeUTF(key);
        }
        out.writeInt(printIds.length);
        for (int i = 0; i < printIds.length; i++) {
            out.writeInt(printIds[i]);
            BuildCache.write(out, printsSet.get(i).getValue());
        }
        out.writeInt(clearedIds.length);
        for (int id : clearedIds) {
            out.writeInt(id);
        }
        out.writeInt(filesGone.size());
        for (String path : filesGone) {
            out.writeUTF(path);
        }
        out.writeInt(filesPut.size());
        for (int f = 0; f < filesPut.size(); f++) {
            BuildCache.write(out, filesPut.get(f).getKey(), filesPut.get(f).getValue(), putIds.get(f));
        }
        out.writeInt(dropped.size());
        for (int id : dropped) {
            out.writeInt(id);
        }

        // Segments and steps whole (a few names); outputs placed elsewhere than loaded, then those gone.
        Map<BuildCache.Segment, Integer> segmentIds = BuildCache.writeSegments(out, segments);
        Map<String, Integer> stepIds = new LinkedHashMap<>();
        List<Map.Entry<Fingerprint, BuildMemory.Output>> outputsPut = new ArrayList<>();
        List<BuildCache.Stored> putAt = new ArrayList<>();
        // Gone: those the builds forgot, and those not saved (their bytes damaged); naming one the index
        // did not hold, or one put again below, changes nothing. Every other output is where it was loaded.
        List<Fingerprint> outputsGone = new ArrayList<>(memory.outputsGone);
        for (Fingerprint key : moved) {
            BuildMemory.Output output = memory.outputs.get(key);
            if (output == null) {
                continue;   // forgotten since it was put: among those gone
            }
            BuildCache.Stored at = locations.of(key, output);
            if (at == null) {
                outputsGone.add(key);
            } else if (at != output.stored() || at.segment() == fresh) {
                // New in this build (appended to its segment as made), or copied there from a segment compacted away.
                outputsPut.add(Map.entry(key, output));
                putAt.add(at);
                stepIds.putIfAbsent(output.step(), stepIds.size());
            }
        }
        out.writeInt(stepIds.size());
        for (String step : stepIds.keySet()) {
            out.writeUTF(step);
        }
        out.writeInt(outputsGone.size());
        for (Fingerprint key : outputsGone) {
            BuildCache.write(out, key);
        }
        out.writeInt(outputsPut.size());
        for (int i = 0; i < outputsPut.size(); i++) {
            BuildCache.write(out, outputsPut.get(i).getKey());
            out.writeInt(stepIds.get(outputsPut.get(i).getValue().step()));
            BuildCache.write(out, putAt.get(i), segmentIds);
        }

        // Each state: where it is, and its elements as changed by position when it kept their number.
        out.writeInt(states.size());
        for (Map.Entry<String, BuildMemory.SavedState> e : states.entrySet()) {
            out.writeUTF(e.getKey());
            BuildCache.write(out, e.getValue().stored(), segmentIds);
            Fingerprint[] now = e.getValue().elements;
            BuildMemory.SavedState was = base.states.get(e.getKey());
            // The positions changed, up to a quarter of them: a lambda, compiled after a few hundred
            // elements (a loop run once a save stays in the interpreter to its end).
            List<Integer> changed = was == null || was.elements.length != now.length ? List.of()
                    : IntStream.range(0, now.length).filter(i -> !now[i].equals(was.elements[i]))
                    .limit(now.length / 4).boxed().toList();
            boolean byPosition = was != null && was.elements.length == now.length && changed.size() < now.length / 4;
            out.writeBoolean(byPosition);
            out.writeInt(byPosition ? changed.size() : now.length);
            for (int i = 0; i < (byPosition ? changed.size() : now.length); i++) {
                int at = byPosition ? changed.get(i) : i;
                if (byPosition) {
                    out.writeInt(at);
                }
                BuildCache.write(out, now[at]);
            }
        }
        BuildCache.writeTail(out, memory);
        return out;
    }

    /** Applies one record {@link #record} wrote to {@code memory}, loaded up to the record before it. */
    private static void apply(BufferInput in, BuildMemory memory, Base base) throws IOException {
        Fingerprint environment = BuildCache.fingerprint(in);
        if (!environment.equals(memory.environment())) {
            throw new IOException("a journal record of another environment");
        }
        memory.loadedFilesAt(in.readBoolean() ? in.readUTF() : null);
        for (int n = BuildCache.count(in); n > 0; n--) {
            memory.stamps.remove(in.readUTF());
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            memory.stamps.put(in.readUTF(), BuildCache.stamp(in));
        }
        // Keys added (their ids follow the table's), fingerprints set and cleared.
        int added = BuildCache.count(in);
        String[] table = Arrays.copyOf(memory.loadedKeys, memory.loadedKeys.length + added);
        int[] refs = Arrays.copyOf(base.keyRefs, table.length);
        for (int id = memory.loadedKeys.length; id < table.length; id++) {
            table[id] = in.readUTF();
        }
        memory.loadedKeys = table;
        base.keyRefs = refs;
        for (int n = BuildCache.count(in); n > 0; n--) {
            memory.dataPrints.put(key(table, in.readInt()), BuildCache.fingerprint(in));
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            memory.dataPrints.remove(key(table, in.readInt()));
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            BuildMemory.FileRecord was = memory.files.remove(in.readUTF());
            if (was == null) {
                throw new IOException("a page's record removed that is not there");
            }
            release(base, was);
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            BuildMemory.FileRecord was = BuildCache.readFile(in, memory, table, refs, -1);
            if (was != null) {
                release(base, was);
            }
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            int id = in.readInt();
            String key = key(table, id);
            if (refs[id] != 0 || memory.dataPrints.containsKey(key)) {
                throw new IOException("a key dropped while in use");
            }
            table[id] = null;
        }

        base.segmentList = new ArrayList<>();
        for (int n = BuildCache.count(in); n > 0; n--) {
            base.segmentList.add(base.segment(in.readUTF(), in.readLong()));
        }
        List<String> steps = new ArrayList<>();
        for (int n = BuildCache.count(in); n > 0; n--) {
            steps.add(in.readUTF());
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            memory.counted(memory.outputs.remove(BuildCache.fingerprint(in)), -1);
        }
        for (int n = BuildCache.count(in); n > 0; n--) {
            Fingerprint key = BuildCache.fingerprint(in);
            String step = steps.get(in.readInt());
            memory.putOutput(key, new BuildMemory.Output(step, BuildCache.stored(in, base.segmentList)));
        }
        Map<String, BuildMemory.SavedState> states = new LinkedHashMap<>();
        for (int n = BuildCache.count(in); n > 0; n--) {
            String step = in.readUTF();
            BuildCache.Stored stored = BuildCache.stored(in, base.segmentList);
            boolean byPosition = in.readBoolean();
            Fingerprint[] elements;
            int count = BuildCache.count(in);
            if (byPosition) {
                BuildMemory.SavedState was = memory.states.get(step);
                if (was == null) {
                    throw new IOException("a state's elements changed that it did not have");
                }
                elements = was.elements.clone();
                for (int i = 0; i < count; i++) {
                    elements[in.readInt()] = BuildCache.fingerprint(in);
                }
            } else {
                elements = new Fingerprint[count];
                for (int i = 0; i < count; i++) {
                    elements[i] = BuildCache.fingerprint(in);
                }
            }
            states.put(step, new BuildMemory.SavedState(elements, stored, null));
        }
        memory.states.clear();
        memory.states.putAll(states);
        BuildCache.readTail(in, memory);
    }

    private static String key(String[] table, int id) throws IOException {
        if (id < 0 || id >= table.length || table[id] == null) {
            throw new IOException("a key id " + id + " not in the table");
        }
        return table[id];
    }

    /** Counts out the keys a record that is replaced or gone read. */
    static void release(Base base, BuildMemory.FileRecord was) {
        int[] ids = was.loadedIds();
        if (ids != null) {
            for (int id : ids) {
                base.keyRefs[id]--;
            }
        }
    }

    /**
     * The key table of a save that appends a record: ids as loaded, keys new to it added at the
     * end, and each key's count of readers kept up to date, so that a key nobody reads any more
     * (and no fingerprint names) is dropped without looking at every page's reads.
     */
    private static final class Keys {
        private final String[] table;
        private final int[] refs;
        private final List<String> added = new ArrayList<>();
        /** Ids whose count fell to nought, or whose fingerprint was cleared: perhaps to drop. */
        private final List<Integer> released = new ArrayList<>();
        private Map<String, Integer> ids;

        Keys(BuildMemory memory, Base base) {
            this.table = memory.loadedKeys;
            this.refs = base.keyRefs.clone();
        }

        int id(String key) {
            if (ids == null) {
                ids = new HashMap<>(2 * table.length);
                for (int id = 0; id < table.length; id++) {
                    if (table[id] != null) {
                        ids.put(table[id], id);
                    }
                }
            }
            Integer id = ids.get(key);
            if (id == null) {
                id = table.length + added.size();
                ids.put(key, id);
                added.add(key);
            }
            return id;
        }

        /**
         * The ids of the keys {@code record} read, counted in (null when it read none). A page made
         * again mostly reads what it read before ({@code was}): those keys take its ids, without
         * a map of the whole table.
         */
        int[] hold(BuildMemory.FileRecord record, BuildMemory.FileRecord was) {
            if (!record.readsData()) {
                return null;
            }
            int[] loaded = record.loadedIds();
            String[] reads = loaded == null ? record.reads() : null;
            int[] wasIds = was == null ? null : was.loadedIds();
            String[] wasReads = wasIds == null ? null : was.reads();
            int[] out = loaded != null ? loaded : new int[reads.length];
            for (int i = 0; i < out.length; i++) {
                if (loaded == null) {
                    out[i] = wasReads != null && i < wasReads.length && wasReads[i].equals(reads[i]) ? wasIds[i] : id(reads[i]);
                }
                if (out[i] < refs.length) {
                    refs[out[i]]++;
                }
            }
            return out;
        }

        void release(BuildMemory.FileRecord record) {
            int[] loaded = record.loadedIds();
            if (loaded != null) {
                for (int id : loaded) {
                    if (--refs[id] == 0) {
                        released.add(id);
                    }
                }
            }
        }

        /** Notes a loaded key whose fingerprint was cleared. */
        void cleared(int id) {
            if (id < refs.length) {
                released.add(id);
            }
        }

        /** The loaded keys no record reads any more and no fingerprint names, each once. */
        List<Integer> dropped(Map<String, Fingerprint> prints) {
            List<Integer> out = new ArrayList<>();
            BitSet seen = new BitSet(table.length);
            for (int id : released) {
                if (refs[id] == 0 && !seen.get(id) && !prints.containsKey(table[id])) {
                    out.add(id);
                }
                seen.set(id);
            }
            return out;
        }
    }
}

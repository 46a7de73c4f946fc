package dev.gazette.incremental;

import dev.gazette.model.LongText;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.model.UpdatableStep;
import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteData;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What earlier builds made, and from what: the one place Gazette reuses work. A build runs its
 * steps through {@link #steps()}, which returns what a step made before from an equal input
 * (the input's {@link Fingerprint} is the key, so no key is kept by hand); reads sources through
 * {@link #source}, which skips reading a file whose size and modification time are as recorded;
 * and writes files through {@link #files}, which records each file's input and bytes, skips
 * making a page whose input is unchanged and writing a file whose bytes are unchanged.
 *
 * <p>Everything recorded belongs to one environment (Gazette's code, the configuration, the
 * theme, the options): a build in another environment starts from nothing. The preview keeps a
 * memory between rebuilds; {@code gazette build} loads and saves one with {@link BuildCache}.
 */
public final class BuildMemory {
    /**
     * A source as last read: its size and modification time (ns), when it was read (ns since the
     * epoch), and the key of what was made from it.
     */
    record Stamp(long size, long modified, long read, Fingerprint context, Fingerprint key) {
        /**
         * Whether the file is surely the one read: same size and time, and its time was already
         * in the past when it was read, so a save within the file system's clock tick after the
         * read cannot hide behind an equal time.
         */
        boolean matches(long size, long modified, Fingerprint context) {
            return size == this.size && modified == this.modified && modified < read - RACY_NANOS
                    && context.equals(this.context);
        }
    }

    /**
     * What a page made by a memory that outlives builds is recorded as made from: such a memory
     * keeps the page's input itself and compares it part by part, not by fingerprint.
     */
    private static final Fingerprint PAGE = new Fingerprint(0, 0);

    /** Coarser than any file system's clock tick. */
    private static final long RACY_NANOS = 2_000_000_000L;

    /**
     * A site file as last written: the fingerprint of its input (null for plain files), of its
     * bytes, its size, the keys of the {@link SiteData} its input was made from (null when it
     * was not made from them), and in a memory that outlives builds the input itself (else null),
     * which the next build compares part by part.
     */
    static final class FileRecord {
        private final Fingerprint input;
        private final Fingerprint bytes;
        private final long size;
        private final Object made;
        /**
         * A record loaded from the build cache keeps its reads as ids in the index's key table
         * ({@code table}) and makes the keys only when asked: a one-edit build asks for a few
         * dozen of 18,000 pages' reads, and saves the others again by their ids.
         */
        private final int[] ids;
        private final String[] table;
        /** Where it is in the loaded index (its start, and its length in the low half); -1 when it was not read from there. */
        private final long at;
        private volatile String[] reads;

        FileRecord(Fingerprint input, Fingerprint bytes, long size, String[] reads, Object made) {
            this(input, bytes, size, reads, made, null, null, -1);
        }

        FileRecord(Fingerprint input, Fingerprint bytes, long size, String[] reads) {
            this(input, bytes, size, reads, null);
        }

        private FileRecord(Fingerprint input, Fingerprint bytes, long size, String[] reads, Object made,
                           int[] ids, String[] table, long at) {
            this.input = input;
            this.bytes = bytes;
            this.size = size;
            this.reads = reads;
            this.made = made;
            this.ids = ids;
            this.table = table;
            this.at = at;
        }

        /**
         * A loaded record whose reads are {@code ids} in {@code table} (null: it read none), at
         * {@code at} in the loaded index (-1: read from the journal).
         */
        static FileRecord loaded(Fingerprint input, Fingerprint bytes, long size, int[] ids, String[] table, long at) {
            return new FileRecord(input, bytes, size, null, null, ids, ids == null ? null : table, at);
        }

        static FileRecord of(Fingerprint input, byte[] content, String[] reads, Object made) {
            return new FileRecord(input, Fingerprints.ofBytes(content), content.length, reads, made);
        }

        FileRecord with(String[] reads, Object made) {
            return reads == this.reads && made == this.made ? this : new FileRecord(input, bytes, size, reads, made);
        }

        Fingerprint input() {
            return input;
        }

        Fingerprint bytes() {
            return bytes;
        }

        long size() {
            return size;
        }

        Object made() {
            return made;
        }

        /** The keys of the site data it read, in order; null when it is no page of the site data. */
        String[] reads() {
            String[] r = reads;
            if (r == null && ids != null) {
                r = new String[ids.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = table[ids[i]];
                }
                reads = r;
            }
            return r;
        }

        /** Whether it is a page of the site data (it read keys), without making them. */
        boolean readsData() {
            return ids != null || reads != null;
        }

        /** Its reads as ids in the loaded key table, or null when it was not loaded (or read none). */
        int[] loadedIds() {
            return ids;
        }

        /** Where it is in the loaded index, as {@link #loaded} was told; -1 when it was not read from there. */
        long loadedAt() {
            return at;
        }

        // Equal records are one file made the same way: their reads the very same (as for a record).
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof FileRecord r && size == r.size && ids == r.ids
                    && (ids != null || reads == r.reads) && Objects.equals(input, r.input)
                    && bytes.equals(r.bytes) && Objects.equals(made, r.made);
        }

        @Override
        public int hashCode() {
            return Objects.hash(input, bytes, size);
        }
    }

    /** A step applied to an input: what a step output is keyed by. */
    private record Call(String step, Object input) {
    }

    /**
     * A step's output, with the step's name: made by this process, or stored in the build cache
     * and read from it the first time a build asks for it.
     */
    static final class Output {
        private final String step;
        private final BuildCache.Stored stored;
        private Object value;
        private boolean damaged;
        /** The last build that used it (see {@link BuildMemory#generation}): a mark instead of a set of the keys used. */
        private volatile int usedIn;

        Output(String step, Object value) {
            this.step = step;
            this.value = value;
            this.stored = null;
        }

        Output(String step, BuildCache.Stored stored) {
            this.step = step;
            this.stored = stored;
        }

        String step() {
            return step;
        }

        Output usedIn(int build) {
            usedIn = build;
            return this;
        }

        /** Where the output is stored in the build cache; null when it was made by this process. */
        BuildCache.Stored stored() {
            return stored;
        }

        /**
         * The value, read from the cache (with its parts' fingerprints) when asked for; null when
         * its stored bytes are damaged, so the step runs again. A memory for one build does not
         * keep what it read: saving needs only where it is stored, and whoever asked holds it as
         * long as it is needed (most are garbage once the stage that asked is done).
         */
        synchronized Object value(BuildMemory memory) {
            if (value != null || stored == null || damaged) {
                return value;
            }
            Object read = stored.read(memory.fingerprints, memory.scratch);
            damaged = read == null;
            if (damaged) {
                memory.damaged.incrementAndGet();
            }
            if (memory.keepUnsaved) {
                value = read;
            }
            return read;
        }
    }

    /**
     * Steps cheap enough to redo, with outputs too big to be worth storing in a cache file (or
     * holding until it is saved): bodies with their links resolved (made when first read, see
     * {@link #LATER}), pages' and feeds' HTML, and search terms; steps that only copy values, run
     * as steps so that the preview gets the same objects back; and an article's entities,
     * automatic tags, hrefs and similarity terms (entities and terms read together by
     * {@code link.text}), which the link state keeps already: an article with no entry in it (new,
     * edited back to an earlier text, changed only in its front matter, or every article of a
     * fresh state) makes its four again, about 0.4 ms each.
     */
    static final Set<String> NOT_SAVED = Set.of("render.page-html", "render.feed-html", "render.search-terms",
            "link.tagged", "link.linked", "render.card", "render.tag-link", "render.edition-link",
            "render.site-view", "render.edition-item",
            "link.entities", "link.tags", "link.hrefs", "link.terms", "link.text", "link.body");

    /**
     * Steps not saved whose outputs are parts of pages' inputs: in a memory for one build, such an
     * output stands for the fingerprint of its call (see {@link Fingerprints#derive}), so a page
     * is recognised without hashing a body made again by every build. Search terms are not: no
     * page input holds them, and remembering them would keep them all until the build ends.
     */
    private static final Set<String> DERIVED = Set.of("render.page-html", "render.feed-html", "render.edition-item",
            "link.tagged", "link.linked", "render.card", "render.tag-link", "render.edition-link", "link.body");

    /**
     * Steps not saved (and {@link #DERIVED}) whose output, a {@link LongText}, a memory for one
     * build makes when it is first read, not when the step is called: every article's body is
     * linked by every build's link stage, and a build that makes a few pages reads a few bodies.
     */
    private static final Set<String> LATER = Set.of("link.body");

    private final Fingerprints fingerprints = new Fingerprints();
    /** Whether outputs that are never saved are kept: worth it only in a memory that outlives a build. */
    private final boolean keepUnsaved;
    private Fingerprint environment;
    Map<Fingerprint, Output> outputs = new ConcurrentHashMap<>();
    /** Counts builds: outputs a build uses are marked with its number, and the others forgotten when it finishes. */
    private int generation;
    Map<String, Stamp> stamps = new ConcurrentHashMap<>();
    private final Set<String> seenSources = ConcurrentHashMap.newKeySet();
    Map<String, FileRecord> files = new ConcurrentHashMap<>();
    private volatile Map<String, FileRecord> written = new ConcurrentHashMap<>();
    /**
     * The site data pages read in the last finished build: by value in a memory that outlives
     * builds (compared part by part), by fingerprint in a memory for one build (saved with it).
     */
    private SiteData lastData = new SiteData(Map.of());
    Map<String, Fingerprint> dataPrints = new ConcurrentHashMap<>();
    /** This build's site data, and the keys whose values differ from the last finished build's. */
    private volatile DataChange dataChange;
    /**
     * One instance of each key the pages this memory made read, so that the keys of 16,000 pages
     * are not 16,000 copies. A loaded memory's key table is not in it: a loaded record holds ids.
     */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    /**
     * The key table of the build cache's index this memory was loaded from: a loaded page's
     * record holds its reads as ids in it, and is saved again by them.
     */
    String[] loadedKeys = new String[0];
    /**
     * The loaded index's bytes: a record a build kept is saved again as a copy of its bytes there
     * ({@link FileRecord#loadedAt}) while its key ids keep their numbers.
     */
    byte[] loadedIndex;
    /** The index as loaded (with its journal): a save appends what changed since; null when none was loaded. */
    IndexJournal.Base indexBase;
    /*
     * What the builds since the index was loaded changed (noted only in a loaded memory: null in
     * others), so that a save's record of them looks only there: the outputs forgotten, the keys
     * whose fingerprint changed, came or went, and the files written again or gone, each with its
     * loaded record (null when it had none), noted before a build changes the map of records.
     */
    Set<Fingerprint> outputsGone;
    /** The site data's keys whose fingerprint changed, came or went, each with the one loaded (null: none). */
    Map<String, Fingerprint> printsChanged;
    Map<String, FileRecord> filesChanged;
    /** The outputs put and the sources whose stamp was put or dropped: noted from any thread. */
    Set<Fingerprint> outputsPut;
    Set<String> stampsChanged;
    /** How many outputs are held in memory, not stored in a segment: a save appends them. */
    final AtomicInteger unstored = new AtomicInteger();

    /** Starts noting what changed since now, when the index was loaded (see {@link #outputsGone}). */
    void loadedAsIs() {
        outputsGone = new HashSet<>();
        printsChanged = new HashMap<>();
        filesChanged = new HashMap<>();
        outputsPut = ConcurrentHashMap.newKeySet();
        stampsChanged = ConcurrentHashMap.newKeySet();
    }

    /**
     * Records {@code output} under {@code key}, counting its bytes in its segment's (see
     * {@link BuildCache.Segment#live}) and those of the output it replaces out.
     */
    void putOutput(Fingerprint key, Output output) {
        counted(output, 1);
        counted(outputs.put(key, output), -1);
        if (outputsPut != null) {
            outputsPut.add(key);
        }
    }

    /** Counts {@code output} in ({@code sign} 1) or out (-1) of what is kept of its segment, or of those held in memory. */
    void counted(Output output, int sign) {
        if (output == null) {
            return;
        }
        if (output.stored != null) {
            output.stored.segment().held.addAndGet(sign);
            output.stored.segment().live.addAndGet(sign * (long) output.stored.length());
        } else {
            unstored.addAndGet(sign);
        }
    }

    /**
     * The site data of the build in progress, the keys whose values changed since the last build,
     * the recorded pages that read one of them (to make again), and the new fingerprints of the
     * changed keys (a changed key without one is gone; null when the data is kept unsaved).
     */
    private record DataChange(SiteData data, Set<String> changed, Set<String> toMake, Map<String, Fingerprint> prints) {
    }

    /**
     * The recorded pages that read each key of the site data, by key: the reads of {@link #files}
     * turned round, so that a build finds the pages to make again from the keys that changed,
     * and an unchanged page costs one lookup of its path. Made when a build first needs it, then
     * kept up to date by {@link #finish} from the pages whose reads changed; null until then.
     */
    private Map<String, Set<String>> readers;
    /**
     * The recorded files that are no pages of the site data (site-wide pages, feeds, the theme's
     * files): every build writes them again while they exist. Null until a build needs them.
     */
    private Set<String> plainFiles;

    private Set<String> plainFiles() {
        if (plainFiles == null) {
            Set<String> plain = new HashSet<>();
            files.forEach((path, f) -> {
                if (!f.readsData()) {
                    plain.add(path);
                }
            });
            plainFiles = plain;
        }
        return plainFiles;
    }

    /** Whether this build makes only the pages {@code pagesToMake} named, visiting no other: then the others' records stay. */
    private volatile boolean skipping;
    /** Pages written in this build whose reads are not the recorded ones (new pages included). */
    private final Set<String> readsChanged = ConcurrentHashMap.newKeySet();
    /** Where the recorded files are, in a form the owner of the memory chooses (a folder and its marker's time). */
    private String filesAt;
    /** Whether anything recorded changed since the memory was made or loaded: only then is it worth saving. */
    private volatile boolean changed;
    /*
     * For a memory that outlives builds: the step calls and page inputs of the last build,
     * compared part by part; nothing of them is fingerprinted.
     */
    private final RecentCalls recentCalls;
    private volatile Listing listing;
    /** Values made from the environment alone, by name ({@link #ofEnvironment}). */
    private final Map<String, Object> ofEnvironment = new ConcurrentHashMap<>();
    /**
     * Whether this build kept the last build's sources but the edited ones ({@link #keptSources}):
     * then the outputs made from the others are not marked, and its end forgets only the outputs
     * whose source was read again, not every output it did not mark.
     */
    private volatile boolean keptSources;
    /** Outputs of sources read again whose stamp now holds another key, since the last finished build. */
    private final Set<Fingerprint> replaced = ConcurrentHashMap.newKeySet();
    private final SameValues.Proven provenPages = new SameValues.Proven();
    private final AtomicInteger made = new AtomicInteger();
    /** Files written in this build that the last one did not write. */
    private final AtomicInteger added = new AtomicInteger();
    /** Where a memory for one build appends the outputs it makes; null: they are kept in memory. */
    private BuildCache.NewSegment newSegment;
    /** Where a memory for one build stores the states of its incremental steps; null: they are kept in memory. */
    private BuildCache.Segments stateFiles;
    /** Outputs stored in the build cache whose bytes failed their checksum. */
    private final AtomicInteger damaged = new AtomicInteger();
    /** Each reading thread's buffer for the stored outputs it reads back (see {@link BuildCache.Stored#read}). */
    private final ThreadLocal<ByteBuffer> scratch = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 16));
    /** What the last finished build recorded in this memory reported; null when none did (in this environment). */
    private LastBuild lastBuild;

    private final Steps steps = new Steps() {
        @Override
        public <I, O> O run(Step<I, O> step, I input) {
            if (!keepUnsaved && NOT_SAVED.contains(step.name())) {
                return unsaved(step, input, () -> fingerprints.ofOnce(new Call(step.name(), input)));
            }
            if (!keepUnsaved) {
                return call(step, fingerprints.ofOnce(new Call(step.name(), input)), input);
            }
            return recentCalls.run(step, input);
        }

        @Override
        public <E, S> S update(UpdatableStep<E, S> step, List<E> input) {
            if (keepUnsaved) {
                return recentCalls.update(step, input, this);
            }
            return step.codec() == null ? step.fresh().apply(input, this) : savedState(step, input);
        }

        @Override
        public void readAhead(UpdatableStep<?, ?> step) {
            SavedState saved = keepUnsaved || step.codec() == null ? null : states.get(step.name());
            if (saved != null) {
                readingAhead.put(step.name(), CompletableFuture.supplyAsync(() -> read(step, saved), STATE_WORKER));
            }
        }
    };

    /**
     * Changed elements (articles) up to which an incremental step updates its state one by one
     * rather than making it afresh: a few hundred updates cost about what one fresh state does.
     */
    public static final int UPDATE_UP_TO = 500;

    /** Incremental steps' states kept in a build cache, by step name (a memory for one build only). */
    final Map<String, SavedState> states = new ConcurrentHashMap<>();
    /** The most changed elements an incremental step updates one by one, in a memory for one build. */
    private final int updateUpTo;

    /** An empty memory for a process that builds again and again (the preview): keeps every output. */
    public BuildMemory() {
        this(UPDATE_UP_TO);
    }

    /**
     * As {@link #BuildMemory()}, with incremental steps updating their state one by one up to
     * {@code updateUpTo} changed elements (tests set it to 0 and to the maximum to reach each path).
     */
    public BuildMemory(int updateUpTo) {
        this.keepUnsaved = true;
        this.recentCalls = new RecentCalls(updateUpTo);
        this.updateUpTo = updateUpTo;
    }

    /**
     * A memory for one build, to be saved in a cache file afterwards; its incremental steps
     * update their saved state one by one up to {@code updateUpTo} changed elements.
     */
    BuildMemory(Fingerprint environment, int updateUpTo) {
        this.environment = environment;
        this.keepUnsaved = false;
        this.recentCalls = new RecentCalls(0);
        this.updateUpTo = updateUpTo;
    }

    /**
     * An incremental step's state as a build cache keeps it: the fingerprints of the elements
     * of the input it was made from, and its bytes (as the step's codec wrote them): stored in a
     * segment, or held until the save when they could not be appended to one.
     */
    static final class SavedState {
        final Fingerprint[] elements;
        /** Where it is stored, once its file is written; null when it could not be. */
        private final CompletableFuture<BuildCache.Stored> storing;
        /** Its bytes, held until the save when there was no file to write it to; else null. */
        final byte[] bytes;

        SavedState(Fingerprint[] elements, BuildCache.Stored stored, byte[] bytes) {
            this(elements, CompletableFuture.completedFuture(stored), bytes);
        }

        SavedState(Fingerprint[] elements, CompletableFuture<BuildCache.Stored> storing, byte[] bytes) {
            this.elements = elements;
            this.storing = storing;
            this.bytes = bytes;
        }

        /** Where the state is stored, waiting for its file to be written; null when it could not be. */
        BuildCache.Stored stored() {
            try {
                return storing.join();
            } catch (CompletionException | CancellationException e) {
                return null;
            }
        }

        /** The bytes (mapped from their file when stored), or null when the stored ones fail their checksum. */
        ByteBuffer buffer() {
            BuildCache.Stored stored = stored();
            return stored != null ? stored.mapped() : bytes == null ? null : ByteBuffer.wrap(bytes);
        }
    }

    /**
     * Runs a state's read or write on a thread of its own, beside the build's one-threaded parts:
     * tens of MB decoded while the sources are read, or encoded while the site is rendered (a
     * state is not changed once made); waited for by the step and by the save.
     */
    private static final Executor STATE_WORKER = task -> {
        Thread worker = new Thread(task, "gazette-state");
        worker.setDaemon(true);
        worker.start();
    };

    /** States being read back ahead of their step, by step name (a memory for one build only). */
    private final Map<String, CompletableFuture<?>> readingAhead = new ConcurrentHashMap<>();

    /** Runs a step neither kept nor saved; but what it makes may be part of a page's input, known by its call's key. */
    @SuppressWarnings("unchecked")   // a step of LATER makes a long text
    private <I, O> O unsaved(Step<I, O> step, I input, Supplier<Fingerprint> key) {
        if (LATER.contains(step.name())) {
            LongText later = LongText.later(() -> ((LongText) step.apply(input)).value());
            fingerprints.derive(later, key);
            return (O) later;
        }
        O out = step.apply(input);
        if (DERIVED.contains(step.name()) && out != input && out != null) {
            fingerprints.derive(out, key);
        }
        return out;
    }

    /**
     * The steps an incremental step's update runs its per-element steps through, in a memory for
     * one build: as {@link #steps()}, but a step run at a position ({@link Steps#runAt}) records
     * its key in {@code calls}, this update's own, saved with its state, and takes the key recorded
     * for the position it is told had an equal input instead of fingerprinting the input.
     */
    private final class Positioned implements Steps {
        private final PositionedCalls calls;

        Positioned(PositionedCalls calls) {
            this.calls = calls;
        }

        @Override
        public <I, O> O run(Step<I, O> step, I input) {
            return steps.run(step, input);
        }

        @Override
        public <I, O> O runAt(Step<I, O> step, I input, int now, int before) {
            Fingerprint known = before < 0 ? null : calls.last(step.name(), before);
            Fingerprint key = known != null ? known : fingerprints.ofOnce(new Call(step.name(), input));
            calls.record(step.name(), now, key);
            return NOT_SAVED.contains(step.name()) ? unsaved(step, input, () -> key) : call(step, key, input);
        }

        @Override
        public <E, S> S update(UpdatableStep<E, S> step, List<E> input) {
            return steps.update(step, input);   // another update: positions of its own
        }

        @Override
        public void readAhead(UpdatableStep<?, ?> step) {
            steps.readAhead(step);
        }
    }

    /** A saved state read back, with the keys its update's calls had by position. */
    private record Restored<S>(S state, Map<String, Fingerprint[]> calls) {
    }

    /**
     * The state of {@code step} for {@code input} in a memory for one build: the saved state
     * read back and brought up to date, told which elements are the same by their fingerprints,
     * or made fresh; saved again when its input changed.
     */
    private <E, S> S savedState(UpdatableStep<E, S> step, List<E> input) {
        Fingerprint[] now = input.parallelStream().map(fingerprints::of).toArray(Fingerprint[]::new);
        SavedState saved = states.get(step.name());
        CompletableFuture<?> ahead = readingAhead.remove(step.name());
        @SuppressWarnings("unchecked")   // read ahead by the same step, whose name it is under
        Restored<S> restored = saved == null ? null : ahead != null ? (Restored<S>) ahead.join() : read(step, saved);
        S state = restored == null ? null : restored.state();
        PositionedCalls calls = new PositionedCalls(restored == null ? Map.of() : restored.calls(), input.size());
        Steps positioned = new Positioned(calls);
        if (state != null) {
            // Updated even when made from these very elements: a state read back may hold only
            // its small parts, and completes itself from the input.
            state = step.update().apply(state, input, new SinceSaved<>(saved.elements, now, fingerprints), updateUpTo,
                    positioned);
            if (state != null && Arrays.equals(saved.elements, now)) {
                return state;   // nothing to save again (the positions saved are those of these elements)
            }
        }
        if (state == null) {
            calls.restart();
            state = step.fresh().apply(input, positioned);
        }
        S made = state;
        // The positions are saved in the state's bytes, so they always belong to its input.
        if (stateFiles != null) {
            // Written while the build goes on, holding the state no longer than that (a file that
            // cannot be written leaves the state unsaved: made afresh next time).
            BuildCache.Segments files = stateFiles;
            states.put(step.name(), new SavedState(now, CompletableFuture.supplyAsync(
                    () -> files.storeState(out -> {
                        step.codec().write(made, out);
                        calls.write(out);
                    }), STATE_WORKER), null));
            changed = true;
            return state;
        }
        // No file to write it to: held until the save.
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
            DataOutputStream data = new DataOutputStream(buffer);
            step.codec().write(state, data);
            calls.write(data);
            data.flush();
            states.put(step.name(), new SavedState(now, (BuildCache.Stored) null, buffer.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        changed = true;
        return state;
    }

    /** A saved state read back with its positioned calls; null when its bytes are damaged (counted) or unreadable. */
    private <S> Restored<S> read(UpdatableStep<?, S> step, SavedState saved) {
        ByteBuffer bytes = saved.buffer();
        if (bytes != null) {
            try {
                BufferInput in = new BufferInput(bytes);
                S state = step.codec().read(in);
                Map<String, Fingerprint[]> calls = PositionedCalls.read(in);
                if (in.atEnd()) {
                    return new Restored<>(state, calls);
                }
            } catch (IOException | RuntimeException e) {
                // Damaged: made fresh, and counted below.
            }
        }
        damaged.incrementAndGet();
        return null;
    }

    /** How a list changed since a saved state was made, by the fingerprints of its elements. */
    private static final class SinceSaved<E> implements UpdatableStep.Change<E> {
        private final Fingerprint[] before;
        private final Fingerprint[] now;
        private final Fingerprints fingerprints;
        private Map<Fingerprint, Integer> positions;

        SinceSaved(Fingerprint[] before, Fingerprint[] now, Fingerprints fingerprints) {
            this.before = before;
            this.now = now;
            this.fingerprints = fingerprints;
        }

        @Override
        public int sizeBefore() {
            return before.length;
        }

        @Override
        public boolean sameAt(int position) {
            return position < before.length && before[position].equals(now[position]);
        }

        @Override
        public synchronized int before(E element) {
            if (positions == null) {
                positions = new HashMap<>();
                for (int i = 0; i < before.length; i++) {
                    positions.putIfAbsent(before[i], i);
                }
            }
            return positions.getOrDefault(fingerprints.of(element), -1);
        }
    }

    Fingerprint environment() {
        return environment;
    }

    Fingerprints fingerprints() {
        return fingerprints;
    }

    /**
     * Has the outputs this memory makes appended to the new segment of {@code segments} as they
     * are made, and the states of its incremental steps written to files of their own, rather
     * than kept until the memory is saved.
     */
    void storeIn(BuildCache.Segments segments) {
        this.newSegment = segments.fresh;
        this.stateFiles = segments;
    }

    /** How many outputs stored in the build cache were damaged (and made again) in this build. */
    public int damagedOutputs() {
        return damaged.get();
    }

    /**
     * Starts a build in {@code environment}. When it differs from the recorded one, every
     * recorded output is forgotten, and of the files only their bytes are remembered (so that
     * unchanged files are still not rewritten): each page is made again. Returns whether the
     * environment is the recorded one.
     */
    public boolean start(Fingerprint environment) {
        boolean same = environment.equals(this.environment);
        if (!same) {
            changed = true;
            outputs.values().forEach(o -> counted(o, -1));
            outputs.clear();
            stamps.clear();
            states.clear();
            recentCalls.clear();
            lastData = new SiteData(Map.of());
            dataPrints = new ConcurrentHashMap<>();
            Map<String, FileRecord> bytesOnly = new ConcurrentHashMap<>();
            files.forEach((path, f) -> bytesOnly.put(path, new FileRecord(null, f.bytes(), f.size(), null)));
            files = bytesOnly;
            plainFiles = null;
            readers = null;
            lastBuild = null;
            // What was made from the sources belongs to the other environment too.
            listing = null;
            ofEnvironment.clear();
            this.environment = environment;
            // Nothing of the loaded index is kept, nor was the change noted: the next save writes it whole.
            indexBase = null;
        }
        generation++;
        keptSources = false;
        seenSources.clear();
        readsChanged.clear();
        skipping = false;
        written = new ConcurrentHashMap<>(Math.max(16, files.size() * 4 / 3));
        dataChange = null;
        made.set(0);
        added.set(0);
        return same;
    }

    /** Whether the last build recorded was in {@code environment}, without starting a build. */
    public boolean isIn(Fingerprint environment) {
        return environment.equals(this.environment);
    }

    /**
     * Whether the source {@code name} is surely the file last read, as {@link #source} decides
     * before reusing what was made from it (its size, time and {@code context} as recorded),
     * and what was made from it is recorded.
     */
    public boolean sourceAsRead(String name, long size, long modified, Fingerprint context) {
        Stamp stamp = stamps.get(name);
        return stamp != null && stamp.matches(size, modified, context) && outputs.containsKey(stamp.key());
    }

    /** How many sources the last build recorded read. */
    public int sourceCount() {
        return stamps.size();
    }

    /** What the last finished build reported; null when none is recorded. */
    public LastBuild lastBuild() {
        return lastBuild;
    }

    /**
     * Notes what the build that is finishing reported. One equal but for its "now" is kept as it
     * was (a build at any moment since that one's publishes the same), so it alone is no change.
     */
    public void reported(LastBuild build) {
        if (!build.sameButNow(lastBuild)) {
            lastBuild = build;
            changed = true;
        }
    }

    /** For a memory being loaded: what its last build reported. */
    void loadedLastBuild(LastBuild build) {
        lastBuild = build;
    }

    /** Whether the recorded files are at {@code place}: then a build may update them in place. */
    public boolean filesAt(String place) {
        return !files.isEmpty() && place.equals(filesAt);
    }

    /** Notes where the files of the last finished build are. */
    public void filesNowAt(String place) {
        if (!place.equals(filesAt)) {
            changed = true;
        }
        filesAt = place;
    }

    String filesAt() {
        return filesAt;
    }

    /** For a memory being loaded: where its files are, without counting as a change. */
    void loadedFilesAt(String place) {
        filesAt = place;
    }

    /**
     * A value made from the environment alone (the theme, its templates compiled): kept by a memory
     * that outlives builds until a build starts in another environment, made afresh by a memory for
     * one build. Called after {@link #start}.
     */
    @SuppressWarnings("unchecked")
    public <T> T ofEnvironment(String name, Supplier<T> make) {
        return keepUnsaved ? (T) ofEnvironment.computeIfAbsent(name, k -> make.get()) : make.get();
    }

    /** Runs the build's steps, reusing recorded outputs. */
    public Steps steps() {
        return steps;
    }

    @SuppressWarnings("unchecked")
    private <I, O> O call(Step<I, O> step, Fingerprint key, I input) {
        Output before = outputs.get(key);
        if (before != null) {
            before.usedIn(generation);
        }
        Object value = before == null ? null : before.value(this);
        if (value != null) {
            return (O) value;
        }
        return make(step, key, input);
    }

    /** Runs {@code step} on {@code input}, recording its output under {@code key}. */
    private <I, O> O make(Step<I, O> step, Fingerprint key, I input) {
        O out = step.apply(input);
        changed = true;
        if (out != null && (keepUnsaved || !NOT_SAVED.contains(step.name()))) {
            BuildCache.Stored stored = newSegment == null ? null : newSegment.append(this, out);
            putOutput(key, (stored == null ? new Output(step.name(), out) : new Output(step.name(), stored)).usedIn(generation));
        }
        return out;
    }

    /**
     * What {@code step} makes from the source {@code name}: reused without reading the file when
     * its size and modification time are the ones recorded (as {@code make} and {@code git}
     * assume) and so is {@code context} (the fingerprint of whatever else beside the file the
     * input holds), else {@code read} gives the input and the step runs unless that input was seen.
     * {@code observed} is when the size and time were looked at (ns since the epoch; no later than
     * that): a file whose time was not yet in the past then may change without changing it.
     */
    @SuppressWarnings("unchecked")
    public <I, O> O source(String name, long size, long modified, long observed, Fingerprint context, Supplier<I> read,
                           Step<I, O> step) {
        seenSources.add(name);
        Stamp stamp = stamps.get(name);
        if (stamp != null && stamp.matches(size, modified, context)) {
            Output before = outputs.get(stamp.key());
            Object value = before == null ? null : before.value(this);
            if (value != null) {
                before.usedIn(generation);
                return (O) value;
            }
        }
        I input = read.get();
        // The input holds the file's bytes: a memory for one build does not keep them past the key.
        Fingerprint key = (keepUnsaved ? fingerprints : new Fingerprints()).of(new Call(step.name(), input));
        Stamp before = stamps.put(name, new Stamp(size, modified, observed, context, key));
        if (stampsChanged != null) {
            stampsChanged.add(name);
        }
        if (before != null && !before.key().equals(key)) {
            replaced.add(before.key());
        }
        changed = true;
        return call(step, key, input);
    }

    /**
     * What the step made from the source {@code name} the last time it was read, for a file the
     * caller knows is unchanged since (a file watcher did not report it); null when nothing is
     * recorded for it with this {@code context}, and the file must go through {@link #source}.
     */
    @SuppressWarnings("unchecked")
    public <O> O unchanged(String name, Fingerprint context) {
        Stamp stamp = stamps.get(name);
        if (stamp == null || !stamp.context().equals(context)) {
            return null;
        }
        Output before = outputs.get(stamp.key());
        Object value = before == null ? null : before.value(this);
        if (value != null) {
            seenSources.add(name);
            before.usedIn(generation);
        }
        return (O) value;
    }

    /**
     * The content folder as a build listed it: its sources, the fingerprint of its other files,
     * and what the build made from each source, in the listing's order (null when it is not kept).
     */
    public record Listing(List<Path> sources, Fingerprint assets, List<?> made) {
        public Listing(List<Path> sources, Fingerprint assets) {
            this(sources, assets, null);
        }
    }

    /**
     * What the last build made from each source of {@code listing} (as {@link #takeListing}
     * handed it over), for a build that knows every source but those at {@code edited} (positions
     * in the listing, increasing) to be unchanged since, and the listing the same: the others are
     * the last build's very outputs, neither named nor looked up, and the build keeps them as used;
     * the positions {@code edited} are null, for the caller to read through {@link #source}. Null
     * when the listing does not hold what was made from its sources (then each source is asked for).
     */
    public List<Object> keptSources(Listing listing, int[] edited) {
        if (listing.made() == null || listing.made().size() != listing.sources().size()) {
            return null;
        }
        List<Object> kept = new ArrayList<>(listing.made());
        for (int position : edited) {
            kept.set(position, null);
        }
        keptSources = true;
        return kept;
    }

    /**
     * The listing the last build made, forgotten as it is handed over: a build that fails before
     * it lists the folder again leaves none, and the next one lists it afresh.
     */
    public Listing takeListing() {
        Listing taken = listing;
        listing = null;
        return taken;
    }

    /**
     * Notes the listing this build made. A memory for one build keeps no outputs made from it: they
     * would hold every article as read until the build ends.
     */
    public void listed(Listing now) {
        listing = keepUnsaved || now.made() == null ? now : new Listing(now.sources(), now.assets());
    }

    /**
     * A sink that records what each file is made from before passing it to {@code target}.
     *
     * @param inPlace {@code target} holds the files recorded by the last build: files whose input
     *                or bytes are unchanged are neither made nor passed on
     */
    public OutputSink files(OutputSink target, boolean inPlace) {
        Map<String, FileRecord> before = files;
        return new OutputSink() {
            @Override
            public void write(String path, byte[] content) {
                FileRecord now = FileRecord.of(null, content, null, null);
                FileRecord old = before.get(path);
                page(path, now, old);
                if (old == null) {
                    added.incrementAndGet();
                }
                if (!inPlace || old == null || !old.bytes().equals(now.bytes())) {
                    target.write(path, content);
                }
            }

            @Override
            public <I> void write(String path, I input, Function<I, byte[]> make) {
                write(path, input, make, null);
            }

            @Override
            public void reading(SiteData data) {
                change(data);
            }

            @Override
            public SiteData lastData() {
                // Only a memory that outlives builds compares values; the cache's fingerprints gain nothing from it.
                return keepUnsaved ? lastData : null;
            }

            @Override
            public Set<String> pagesToMake(SiteData data) {
                if (!inPlace) {
                    return null;
                }
                // A page's key is the first it read: the keys of the pages to make again, and the changed
                // keys (a page that is new has a new key; a page whose key went is among those to make).
                DataChange change = change(data);
                Set<String> pages = new HashSet<>(change.changed());
                for (String path : change.toMake()) {
                    pages.add(before.get(path).reads()[0]);
                }
                skipping = true;
                return pages;
            }

            @Override
            public <I> void write(String path, SiteData data, String page, Function<SiteData.Reader, I> input,
                                  Function<I, byte[]> make) {
                FileRecord old = before.get(path);
                // Worked out (and the data noted for the next build) in every build, in place or not.
                DataChange change = change(data);
                if (inPlace && old != null && old.readsData() && !change.toMake().contains(path)) {
                    // Nothing it read changed: neither its input nor its bytes are made, or compared.
                    written.put(path, old);
                    return;
                }
                Set<String> read = new LinkedHashSet<>();
                read.add(page);
                I in = input.apply(data.reader(read::add));
                write(path, in, make, read.stream().map(k -> keys.computeIfAbsent(k, x -> x)).toArray(String[]::new));
            }

            private <I> void write(String path, I input, Function<I, byte[]> make, String[] reads) {
                FileRecord old = before.get(path);
                if (keepUnsaved) {
                    // The page's input last time is kept: when it is the same, so are the page's bytes.
                    if (inPlace && old != null && old.input() != null
                            && SameValues.same(input, old.made(), provenPages)) {
                        page(path, old.with(reads, input), old);
                        return;
                    }
                    make(path, input, make, PAGE, old, inPlace, reads);
                    return;
                }
                // A memory for one build remembers nothing of a page past the page: the shared memo
                // would keep every page's views alive until the build ends; but it finds there the
                // fingerprints of the values the page is made of (read from the cache, or step
                // inputs). Fingerprints do not depend on what is remembered, only the time they take.
                Fingerprint in = keepUnsaved ? fingerprints.of(input) : fingerprints.reading().of(input);
                if (inPlace && old != null && in.equals(old.input())) {
                    page(path, old.with(reads, null), old);
                    return;
                }
                make(path, input, make, in, old, inPlace, reads);
            }

            private <I> void make(String path, I input, Function<I, byte[]> make, Fingerprint in, FileRecord old,
                                  boolean inPlace, String[] reads) {
                byte[] content = make.apply(input);
                if (path.endsWith(".html")) {
                    made.incrementAndGet();
                }
                FileRecord now = FileRecord.of(in, content, reads, keepUnsaved ? input : null);
                page(path, now, old);
                if (old == null) {
                    added.incrementAndGet();
                }
                if (!inPlace || old == null || !old.bytes().equals(now.bytes())) {
                    target.write(path, content);
                }
            }
        };
    }

    /** Records the file at {@code path} as written, noting it when the keys it read are not the ones recorded. */
    private void page(String path, FileRecord now, FileRecord old) {
        written.put(path, now);
        if (old == null ? now.reads() != null : now.reads() != old.reads() && !Arrays.equals(now.reads(), old.reads())) {
            readsChanged.add(path);
        }
    }

    /**
     * The recorded pages that read any of {@code keys}. A memory that outlives builds turns the
     * files' reads round once and keeps that up to date; a memory for one build looks at each
     * file's reads once, which costs less than turning them round for one use.
     */
    private Set<String> readersOf(Set<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> pages = new HashSet<>();
        if (!keepUnsaved) {
            // Loaded records are looked at by their ids (a bit each), without making their keys.
            BitSet ids = new BitSet(loadedKeys.length);
            for (int id = 0; id < loadedKeys.length; id++) {
                if (loadedKeys[id] != null && keys.contains(loadedKeys[id])) {
                    ids.set(id);
                }
            }
            // The files that are no pages of the site data are noted on the way, when not known yet.
            Set<String> plain = plainFiles == null ? new HashSet<>() : null;
            files.forEach((path, f) -> {
                int[] loaded = f.loadedIds();
                if (loaded != null ? readsAny(loaded, ids) : f.readsData() && readsAny(f.reads(), keys)) {
                    pages.add(path);
                } else if (plain != null && !f.readsData()) {
                    plain.add(path);
                }
            });
            if (plain != null) {
                plainFiles = plain;
            }
            return pages;
        }
        if (readers == null) {
            readers = new HashMap<>();
            files.forEach((path, f) -> addReader(path, f.reads()));
        }
        for (String key : keys) {
            pages.addAll(readers.getOrDefault(key, Set.of()));
        }
        return pages;
    }

    private static boolean readsAny(int[] ids, BitSet keys) {
        for (int id : ids) {
            if (keys.get(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsAny(String[] reads, Set<String> keys) {
        for (String key : reads) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private void addReader(String path, String[] reads) {
        if (reads != null) {
            for (String key : reads) {
                readers.computeIfAbsent(key, k -> new HashSet<>(4)).add(path);
            }
        }
    }

    private void removeReader(String path, String[] reads) {
        if (reads != null) {
            for (String key : reads) {
                Set<String> pages = readers.get(key);
                if (pages != null && pages.remove(path) && pages.isEmpty()) {
                    readers.remove(key);
                }
            }
        }
    }

    /**
     * This build's site data and which of its keys changed since the last finished build (a key
     * that is new or gone counts as changed), worked out once per build: by comparing values part
     * by part in a memory that outlives builds, by fingerprint in a memory for one build.
     */
    private DataChange change(SiteData data) {
        DataChange known = dataChange;
        // Every page asks: once it is known, without taking the lock.
        return known != null && known.data() == data ? known : workOutChange(data);
    }

    private synchronized DataChange workOutChange(SiteData data) {
        if (dataChange != null && dataChange.data() == data) {
            return dataChange;
        }
        Map<String, Object> now = data.values();
        Set<String> changed = ConcurrentHashMap.newKeySet();
        Map<String, Fingerprint> prints = null;
        Set<String> touched = keepUnsaved ? data.changedSince(lastData) : null;
        if (touched != null) {
            // Made from the last build's data: only the keys it touched may hold other values.
            Map<String, Object> before = lastData.values();
            for (String key : touched) {
                Object old = before.get(key);
                Object value = now.get(key);
                if (old == null || value == null ? old != value : !SameValues.same(value, old, provenPages)) {
                    changed.add(key);
                }
            }
        } else if (keepUnsaved) {
            Map<String, Object> before = lastData.values();
            LongAdder kept = new LongAdder();
            // On every core when the render announced the data before its pages (see OutputSink.reading);
            // asked for by a page instead, the pool's other threads wait on the lock and the asker does it all.
            now.entrySet().parallelStream().forEach(e -> {
                Object old = before.get(e.getKey());
                if (old != null) {
                    kept.increment();
                }
                if (old == null || !SameValues.same(e.getValue(), old, provenPages)) {
                    changed.add(e.getKey());
                }
            });
            gone(before.keySet(), kept.sum(), now, changed);
        } else {
            Map<String, Fingerprint> before = dataPrints;
            Map<String, Fingerprint> made = new ConcurrentHashMap<>();
            // The keys whose values may differ from the last build's data, when the data knows: the others'
            // values are equal to those the last build fingerprinted, and a key it did not have is among them.
            Set<String> mayDiffer = data.changedSinceLastBuild();
            if (mayDiffer == null || !onlyMayDiffer(before, now, mayDiffer, made, changed)) {
                LongAdder kept = new LongAdder();
                now.entrySet().parallelStream().forEach(e -> {
                    Fingerprint old = before.get(e.getKey());
                    // Site data is made afresh by every build and fingerprinted once: its values are not
                    // remembered (the memo finds the parts it knows, such as articles read from the cache).
                    Fingerprint f = old != null && mayDiffer != null && !mayDiffer.contains(e.getKey()) ? old
                            : fingerprints.reading().of(e.getValue());
                    if (old != null) {
                        kept.increment();
                    }
                    if (!f.equals(old)) {
                        made.put(keys.computeIfAbsent(e.getKey(), k -> k), f);
                        changed.add(e.getKey());
                    }
                });
                gone(before.keySet(), kept.sum(), now, changed);
            }
            prints = made;
        }
        dataChange = new DataChange(data, changed, readersOf(changed), prints);
        return dataChange;
    }

    /**
     * Fingerprints the values of the keys of {@code mayDiffer} alone (data made on demand makes no
     * other), putting those that differ from {@code before}'s in {@code made} and their keys, with
     * those named that are gone, in {@code changed}. Every other key must be in both {@code before}
     * and {@code now}, which the sizes tell: else this returns false having told nothing, and the
     * caller walks the whole data.
     */
    private boolean onlyMayDiffer(Map<String, Fingerprint> before, Map<String, Object> now, Set<String> mayDiffer,
                                  Map<String, Fingerprint> made, Set<String> changed) {
        Set<String> differ = ConcurrentHashMap.newKeySet();
        Map<String, Fingerprint> prints = new ConcurrentHashMap<>();
        LongAdder came = new LongAdder();
        LongAdder went = new LongAdder();
        mayDiffer.parallelStream().forEach(key -> {
            Object value = now.get(key);
            Fingerprint old = before.get(key);
            if (value == null) {
                if (old != null) {
                    went.increment();
                    differ.add(key);
                }
                return;
            }
            Fingerprint f = fingerprints.reading().of(value);
            if (old == null) {
                came.increment();
            }
            if (!f.equals(old)) {
                prints.put(keys.computeIfAbsent(key, k -> k), f);
                differ.add(key);
            }
        });
        // Keys named are new, gone or kept; the others are kept unless before has keys the data lacks
        // without naming them (a part gone, such as a deleted article): then only a walk tells which.
        if (before.size() - went.sum() + came.sum() != now.size()) {
            return false;
        }
        made.putAll(prints);
        changed.addAll(differ);
        return true;
    }

    /** Adds to {@code changed} the keys of {@code before} that {@code now} lacks, when fewer than all of them were {@code kept}. */
    private static void gone(Set<String> before, long kept, Map<String, Object> now, Set<String> changed) {
        if (kept < before.size()) {
            before.forEach(k -> {
                if (!now.containsKey(k)) {
                    changed.add(k);
                }
            });
        }
    }

    /** How many files the last build recorded. */
    public int fileCount() {
        return files.size();
    }

    /** The size of every file the last build recorded, by site path. */
    public Map<String, Long> fileSizes() {
        Map<String, Long> sizes = new HashMap<>();
        files.forEach((path, f) -> sizes.put(path, f.size()));
        return sizes;
    }

    /** Site files the last build wrote that this one did not: to delete. Valid after the render. */
    public List<String> removedFiles() {
        Map<String, FileRecord> now = written;
        if (now.size() - added.get() == files.size()) {
            return List.of();   // every file of the last build was written again
        }
        if (skipping) {
            // Pages not visited are as they were: gone are the pages to make and the other files not written.
            List<String> gone = new ArrayList<>();
            for (String path : dataChange == null ? Set.<String>of() : dataChange.toMake()) {
                if (!now.containsKey(path)) {
                    gone.add(path);
                }
            }
            for (String path : plainFiles()) {
                if (!now.containsKey(path)) {
                    gone.add(path);
                }
            }
            gone.sort(null);
            return gone;
        }
        return files.keySet().stream().filter(path -> !now.containsKey(path)).sorted().toList();
    }

    /** How many pages (HTML files) were made through {@link #files} in this build. */
    public int filesMade() {
        return made.get();
    }

    /**
     * Ends a successful build: keeps what it used and the files it wrote, forgets the rest.
     * After a failed build, call {@link #abandon} instead: the files stay as they were.
     */
    public void finish() {
        // Every source seen has a stamp: when as many were seen as there are stamps, none is to drop.
        int build = generation;
        boolean dropped = false;
        if (keptSources) {
            // The sources kept were not marked, and the listing is the last one: only the outputs of
            // sources read again may be out of use (not when read again to the same input).
            for (Fingerprint key : replaced) {
                Output output = outputs.get(key);
                if (output != null && output.usedIn != build && outputs.remove(key, output)) {
                    counted(output, -1);
                    if (outputsGone != null) {
                        outputsGone.add(key);
                    }
                    dropped = true;
                }
            }
        } else {
            dropped = outputs.entrySet().removeIf(e -> {
                boolean unused = e.getValue().usedIn != build;
                if (unused) {
                    counted(e.getValue(), -1);
                    if (outputsGone != null) {
                        outputsGone.add(e.getKey());
                    }
                }
                return unused;
            });
            if (seenSources.size() != stamps.size()) {
                dropped |= stamps.keySet().removeIf(name -> {
                    boolean unseen = !seenSources.contains(name);
                    if (unseen && stampsChanged != null) {
                        stampsChanged.add(name);
                    }
                    return unseen;
                });
            }
        }
        replaced.clear();
        keptSources = false;
        if (skipping) {
            // Only the pages to make were visited: the others' records stay, the gone files' go.
            List<String> gone = removedFiles();
            // Only a memory for one build is saved; the other's records hold page inputs, not worth comparing.
            if (dropped || !keepUnsaved && (!gone.isEmpty() || !written.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(files.get(e.getKey()))))) {
                changed = true;
            }
            if (readers != null) {
                updateReaders(gone);
            }
            if (filesChanged != null) {
                // The loaded record of each file changed, noted before the map changes: the journal's record is what differs.
                gone.forEach(this::noteLoaded);
                written.keySet().forEach(this::noteLoaded);
            }
            gone.forEach(files::remove);
            files.putAll(written);
            // Every file that is no page of the site data was written again, or is gone.
            Set<String> plain = new HashSet<>();
            written.forEach((path, f) -> {
                if (!f.readsData()) {
                    plain.add(path);
                }
            });
            plainFiles = plain;
        } else {
            if (dropped || !keepUnsaved && !written.equals(files)) {
                changed = true;
            }
            plainFiles = null;
            if (readers != null) {
                updateReaders(written.size() - added.get() == files.size() ? List.of()
                        : files.keySet().stream().filter(path -> !written.containsKey(path)).toList());
            }
            if (filesChanged != null) {
                files.keySet().forEach(this::noteLoaded);
                written.keySet().forEach(this::noteLoaded);
            }
            files = written;
        }
        readsChanged.clear();
        skipping = false;
        // Sized for as many files as this build's: filled from every core, it is not grown on the way.
        written = new ConcurrentHashMap<>(Math.max(16, files.size() * 4 / 3));
        if (dataChange != null) {
            // The site data this build's pages were checked against is the one the next build compares with.
            if (keepUnsaved) {
                lastData = dataChange.data();
            } else {
                // Changed in place: only the keys that changed, came or went (each noted with its loaded print).
                for (String key : dataChange.changed()) {
                    if (printsChanged != null && !printsChanged.containsKey(key)) {
                        printsChanged.put(key, dataPrints.get(key));
                    }
                    Fingerprint f = dataChange.prints().get(key);
                    if (f == null) {
                        dataPrints.remove(key);
                    } else {
                        dataPrints.put(keys.computeIfAbsent(key, k -> k), f);
                    }
                }
            }
            changed |= !dataChange.changed().isEmpty();
            dataChange = null;
        }
        recentCalls.finish();
        nextBuild();
    }

    /** Notes the record {@code path} had when loaded (null: none), before a build first changes it. */
    private void noteLoaded(String path) {
        if (!filesChanged.containsKey(path)) {
            filesChanged.put(path, files.get(path));
        }
    }

    /** Brings the pages that read each key from the last build's files to this one's, without the {@code gone} files. */
    private void updateReaders(List<String> gone) {
        for (String path : readsChanged) {
            FileRecord old = files.get(path);
            removeReader(path, old == null ? null : old.reads());
            addReader(path, written.get(path).reads());
        }
        gone.forEach(path -> removeReader(path, files.get(path).reads()));
    }

    /** Forgets the fingerprints of objects the build that ended did not meet. */
    private void nextBuild() {
        fingerprints.nextBuild();
        provenPages.clear();
    }

    /** Whether anything recorded changed since this memory was made or loaded. */
    public boolean changed() {
        return changed;
    }

    /** Ends a failed build: the outputs computed stay (they are right), the record of files does not change. */
    public void abandon() {
        keptSources = false;
        readsChanged.clear();
        skipping = false;
        dataChange = null;
        recentCalls.abandon();
        nextBuild();
    }
}

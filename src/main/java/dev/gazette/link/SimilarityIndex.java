package dev.gazette.link;

import dev.gazette.model.UpdatableStep;
import dev.gazette.text.ThreadChars;
import org.apache.lucene.analysis.CharArrayMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * TF-IDF vectors of documents with an inverted index, for finding each document's most similar
 * others without comparing all pairs: a query walks only the postings of its own strongest
 * terms, skipping terms so common that they say little and cost most.
 *
 * <p>Document frequencies and the collection size enter the weights quantised (to steps of a
 * quarter power of two, {@link #quantised}), so that an edit leaves every other document's
 * vector as it was unless a term's frequency crosses a step. That makes the index cheap to keep
 * up to date ({@link #update}): only the documents that changed are queried again, and the
 * results of documents whose query reaches a changed one are patched with its new score, or
 * queried again when what they lost may have let an unseen document in. Either way the
 * results are exactly those of an index made afresh ({@link #of}) from the same documents.
 *
 * <p>Results are ordered by score, ties by document key, so they do not depend on the order of
 * the documents.
 */
final class SimilarityIndex {
    /** Terms of a document used as its query; the rest add little to the cosine. */
    static final int QUERY_TERMS = 60;
    /** Document frequencies, in quarter powers of two: each a step of about 19 %. */
    private static final int[] STEPS = steps();
    /**
     * The step of each frequency below 65,536, so that weighing a document (an IDF for each of its
     * terms) does not search {@link #STEPS} for each: half the time of weighing a read-back document went there.
     */
    private static final byte[] STEP_OF = stepsOf(1 << 16);

    /**
     * A document: a key unique among the documents (the article's slug), and its terms; null
     * terms for a document an {@link #update} is told is the same as before (the index holds them).
     * {@code termIds}: its terms' ids given by a {@link Numbering}, or null.
     */
    record Doc(String key, Terms terms, int[] termIds) {
        /** A document whose terms the index numbers as it adds it. */
        Doc(String key, Terms terms) {
            this(key, terms, null);
        }
    }

    /**
     * Term ids given on many threads at once ({@link #ids}), in whatever order the threads first
     * meet the terms; {@link #of(List, Numbering, int, double)} numbers them again in the order its
     * documents first use them, so the index is the one a single thread adding them in order makes,
     * without looking each term of each document up again on that thread.
     */
    static final class Numbering {
        private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();
        /** Per thread, the ids it has asked for, by the term's characters: no string cut out for the shared map. */
        private final Map<Thread, CharArrayMap<Integer>> known = new ConcurrentHashMap<>();
        private static final ThreadChars BUFFERS = new ThreadChars(4096);

        /** The ids of {@code terms}, in their order (each document's term ids, as {@link Doc#termIds}). */
        int[] ids(Terms terms) {
            CharArrayMap<Integer> mine = known.computeIfAbsent(Thread.currentThread(), t -> new CharArrayMap<>(1 << 12, false));
            String words = terms.words();
            char[] chars = BUFFERS.atLeast(words.length());
            words.getChars(0, words.length(), chars, 0);
            int[] out = new int[terms.counts().length];
            for (int i = 0, start = 0, end; i < out.length; i++, start = end + 1) {
                end = start;
                while (chars[end] != '\n') {
                    end++;
                }
                Integer id = mine.get(chars, start, end - start);
                if (id == null) {
                    String name = new String(chars, start, end - start);
                    id = ids.computeIfAbsent(name, k -> next.getAndIncrement());
                    mine.put(name, id);
                }
                out[i] = id;
            }
            return out;
        }

        /** Each id's term. */
        private String[] names() {
            String[] out = new String[next.get()];
            ids.forEach((name, id) -> out[id] = name);
            return out;
        }
    }

    /** A similar document, by position in the list given, and its cosine similarity (over the query's strongest terms). */
    record Match(int doc, double score) {
    }

    /** A document in the index. */
    private static final class Slot {
        final int id;
        final String key;
        /** The document's term ids and their counts, in the order of its terms. */
        final int[] docIds;
        final int[] counts;
        /**
         * Term ids, heaviest first (ties by the term), and their unit-length weights; in the
         * order of the document's terms while {@code ordered} is false (a document read back,
         * whose weights only its postings needed so far), and weights null while nothing has
         * needed them.
         */
        int[] termIds;
        float[] weights;
        /**
         * What its terms' weights are scaled by to unit length (set whenever it is weighed, and
         * read back with it): a document read back gets its weight in one posting from that
         * term's alone, not weighing all its terms.
         */
        float scale;
        boolean ordered;
        /** The term ids of the query, sorted by id for lookups. */
        int[] queryIds;
        /** The best matches, best first. */
        Slot[] matches = new Slot[0];
        float[] scores = new float[0];

        Slot(int id, String key, int[] docIds, int[] counts) {
            this.id = id;
            this.key = key;
            this.docIds = docIds;
            this.counts = counts;
        }
    }

    /** The documents holding a term, with the term's weight in each; unordered. */
    private static final class Postings {
        Slot[] slots = new Slot[2];
        /** Each slot's id, beside it: a query reads ids, not the slots (a load from each of thousands of objects). */
        int[] ids = new int[2];
        float[] weights = new float[2];
        int size;
        /** Documents added to the index but not weighed and posted yet. */
        int pending;
        /**
         * Whether the documents read back ({@link #unposted}) that hold the term are posted here;
         * until then they are counted as pending.
         */
        boolean complete = true;

        /** How many documents hold the term. */
        int df() {
            return size + pending;
        }

        /** Makes room for every document counted as pending, so that posting them never grows the arrays. */
        void reserve() {
            if (slots.length < size + pending) {
                slots = Arrays.copyOf(slots, size + pending);
                ids = Arrays.copyOf(ids, size + pending);
                weights = Arrays.copyOf(weights, size + pending);
            }
        }

        void add(Slot slot, float weight) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            slots[size] = slot;
            ids[size] = slot.id;
            weights[size++] = weight;
        }

        /** Takes a holder out: out of the postings, or (a document read back and not posted here) out of the count. */
        void remove(Slot slot) {
            for (int i = 0; i < size; i++) {
                if (slots[i] == slot) {
                    slots[i] = slots[--size];
                    ids[i] = ids[size];
                    weights[i] = weights[size];
                    slots[size] = null;
                    return;
                }
            }
            pending--;
        }

        void reweigh(Slot slot, float weight) {
            for (int i = 0; i < size; i++) {
                if (slots[i] == slot) {
                    weights[i] = weight;
                    return;
                }
            }
        }
    }

    private final int limit;
    private final double minScore;
    /** Each term's id, looked up by its characters in a document's terms (not a string cut out for each). */
    private final CharArrayMap<Integer> termIds = new CharArrayMap<>(1 << 12, false);
    /** Each term id's term. */
    private final List<String> names = new ArrayList<>();
    private final List<Postings> postings = new ArrayList<>();
    private final Map<String, Slot> byKey = new HashMap<>();
    private final List<Slot> slots = new ArrayList<>();
    /** Ids of removed documents, reused. */
    private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);
    /** The collection's size, quantised, and what follows from it. */
    private int collection;
    /**
     * The IDF of a term by the step of its frequency ({@link #quantised}), NaN until first asked:
     * weighing a document read back takes one for each of its terms, and a few dozen steps
     * cover every frequency, so each logarithm is taken once rather than millions of times.
     */
    private double[] idfByStep = new double[0];
    /** {@link #idf(int)} as a function, made once rather than for every document weighed. */
    private final IntToDoubleFunction idfOfTerm = this::idf;
    private int maxDf;
    /**
     * Documents read back from a build cache, posted only in the postings of terms an update
     * needed ({@link Postings#complete}); null when every document is posted everywhere. Their
     * matches are read with them, so an update needs the postings of the terms its change
     * reaches, not all of them: a one-article edit posts a few thousand (document, term) pairs
     * of the 2.5 million a 10,000-article index holds.
     */
    private ReadBack unposted;
    /**
     * The documents whose matches the last {@link #update} set (changed ones, and those whose
     * query reaches one): every other document kept its matches and their scores. Null for an
     * index that was never updated (made or read back): then none is known to have kept them.
     */
    private Set<Slot> touched;
    /** The documents of the last {@link #matches}, in order, and each one's position by slot id. */
    private Slot[] lastMatched = new Slot[0];
    private int[] lastPosition = new int[0];
    /** The documents of the last {@link #update} and their slots, for {@link #matches} of the same list. */
    private List<Doc> updatedDocs;
    private Slot[] updatedSlots;

    private SimilarityIndex(int limit, double minScore) {
        this.limit = limit;
        this.minScore = minScore;
    }

    /** The index of {@code docs}, each with its best {@code limit} matches scoring at least {@code minScore}. */
    static SimilarityIndex of(List<Doc> docs, int limit, double minScore) {
        return of(docs, null, limit, minScore);
    }

    /**
     * As {@link #of(List, int, double)}, the documents' terms given as ids of {@code numbering}
     * ({@link Doc#termIds}; null: as strings), numbered again here in the order they are first used.
     */
    static SimilarityIndex of(List<Doc> docs, Numbering numbering, int limit, double minScore) {
        SimilarityIndex index = new SimilarityIndex(limit, minScore);
        index.scale(docs.size());
        List<Slot> added = new ArrayList<>(docs.size());
        if (numbering == null) {
            for (Doc doc : docs) {
                added.add(index.add(doc));
            }
        } else {
            String[] given = numbering.names();
            int[] renumbered = new int[given.length];
            Arrays.fill(renumbered, -1);
            for (Doc doc : docs) {
                added.add(index.add(doc, given, renumbered));
            }
        }
        index.weighAll(added);
        index.postAll(added);
        index.query(added);
        return index;
    }

    /**
     * Brings this index up to date with {@code now} ({@code change} tells which documents are the
     * ones it was made or last updated from); returns it, or
     * null (leaving it unusable) when more than {@code changes} documents would be weighed again,
     * or the collection's size crossed a step: then an index made afresh costs less.
     */
    SimilarityIndex update(List<Doc> now, UpdatableStep.Change<Doc> change, int changes) {
        // A document the same as one of the last input's is in the index as it is now.
        boolean[] kept = new boolean[slots.size()];
        List<Doc> arriving = new ArrayList<>();
        List<Integer> arrivingAt = new ArrayList<>();
        Slot[] held = slotsOf(now);
        // A lambda, not a loop: compiled after a few hundred documents (see Linker.make).
        IntStream.range(0, now.size()).forEach(i -> {
            Doc doc = now.get(i);
            Slot slot = held[i];
            // Where it was last time, if anywhere: asking in place first spares looking for it among all.
            if (slot != null && (change.sameAt(i) || change.seen(doc))) {
                kept[slot.id] = true;
            } else {
                arriving.add(doc);
                arrivingAt.add(i);
            }
        });
        List<Slot> gone = new ArrayList<>();
        slots.forEach(slot -> {
            if (slot != null && !kept[slot.id]) {
                gone.add(slot);
            }
        });
        if (gone.size() + arriving.size() > changes || quantised(now.size()) != collection) {
            return null;
        }
        if (gone.isEmpty() && arriving.isEmpty()) {
            touched = Set.of();
            updatedDocs = now;
            updatedSlots = held;
            return this;
        }
        // Frequencies after the change, and the terms whose step changed: every document holding
        // one is weighed again.
        Map<Integer, Integer> delta = new HashMap<>();
        for (Slot slot : gone) {
            for (int t : slot.termIds) {
                delta.merge(t, -1, Integer::sum);
            }
        }
        for (Doc doc : arriving) {
            for (String term : doc.terms().list()) {
                Integer t = termIds.get(term);
                if (t != null) {
                    delta.merge(t, 1, Integer::sum);
                }
            }
        }
        List<Integer> crossing = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : delta.entrySet()) {
            Postings p = postings.get(e.getKey());
            if (quantised(p.df()) != quantised(p.df() + e.getValue())) {
                crossing.add(e.getKey());
            }
        }
        // Posted, like every posting from here on, with the weights of the frequencies before the change.
        complete(crossing);
        Set<Slot> reweighed = new LinkedHashSet<>();
        for (int t : crossing) {
            Postings p = postings.get(t);
            for (int i = 0; i < p.size; i++) {
                reweighed.add(p.slots[i]);
            }
        }
        reweighed.removeAll(gone);
        if (reweighed.size() + arriving.size() > changes) {
            return null;
        }
        for (Slot slot : gone) {
            for (int t : slot.termIds) {
                postings.get(t).remove(slot);
            }
            byKey.remove(slot.key);
            slots.set(slot.id, null);
            freeIds.push(slot.id);
        }
        List<Slot> changed = new ArrayList<>(reweighed);
        for (int j = 0; j < arriving.size(); j++) {
            Slot slot = add(arriving.get(j));
            changed.add(slot);
            held[arrivingAt.get(j)] = slot;
        }
        // Each document's slot now: the matches of the same list need not look for them again.
        updatedDocs = now;
        updatedSlots = held;
        for (Slot slot : changed) {
            weigh(slot);
        }
        for (Slot slot : changed) {
            if (reweighed.contains(slot)) {
                for (int k = 0; k < slot.termIds.length; k++) {
                    postings.get(slot.termIds[k]).reweigh(slot, slot.weights[k]);
                }
            } else {
                post(slot);
            }
        }
        // Documents whose query reaches a changed or removed document: their results may change.
        Set<Slot> lost = new HashSet<>(gone);
        lost.addAll(changed);
        List<Integer> lostTerms = new ArrayList<>();
        for (Slot slot : lost) {
            for (int t : slot.termIds) {
                if (!skipped(df(t))) {
                    lostTerms.add(t);
                }
            }
        }
        complete(lostTerms);
        Set<Slot> reached = new LinkedHashSet<>();
        for (Slot slot : lost) {
            for (int t : slot.termIds) {
                Postings p = postings.get(t);
                if (skipped(p.df())) {
                    continue;
                }
                for (int i = 0; i < p.size; i++) {
                    Slot other = p.slots[i];
                    if (!lost.contains(other) && Arrays.binarySearch(other.queryIds, t) >= 0) {
                        reached.add(other);
                    }
                }
            }
        }
        List<Slot> requery = new ArrayList<>(changed);
        Map<Slot, long[]> byTerm = new HashMap<>();
        for (Slot slot : changed) {
            byTerm.put(slot, byTerm(slot));
        }
        for (Slot slot : reached) {
            if (!patch(slot, lost, changed, byTerm)) {
                requery.add(slot);
            }
        }
        // A query walks the postings of its own terms (those it does not skip: its query ids).
        List<Integer> queried = new ArrayList<>();
        for (Slot slot : requery) {
            for (int t : slot.queryIds) {
                queried.add(t);
            }
        }
        complete(queried);
        query(requery);
        touched = Collections.newSetFromMap(new IdentityHashMap<>());
        touched.addAll(changed);
        touched.addAll(reached);
        return this;
    }

    /** How a build cache keeps the index between builds. */
    static final UpdatableStep.Codec<SimilarityIndex> CODEC = new UpdatableStep.Codec<>() {
        @Override
        public void write(SimilarityIndex index, DataOutput out) throws IOException {
            index.write(new StateStrings.Out(out));
        }

        @Override
        public SimilarityIndex read(DataInput in) throws IOException {
            return SimilarityIndex.read(new StateStrings.In(in));
        }
    };

    /**
     * Writes the index for a build cache: its terms, and each document's terms with their counts,
     * its query's terms and its matches, and the order of the last matches asked for. Weights and
     * postings are not written: a document is weighed again when an update needs its weights, which
     * gives the weights it has (every update keeps them those of a fresh index), and posted in the
     * postings of the terms an update walks ({@link #complete}); only documents queried again need
     * their terms ordered by weight.
     */
    void write(StateStrings.Out strings) throws IOException {
        DataOutput out = strings.data;
        out.writeInt(limit);
        out.writeDouble(minScore);
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
        out.writeInt(freeIds.size());
        for (int id : freeIds) {
            out.writeInt(id);
        }
        out.writeInt(slots.size());
        for (Slot slot : slots) {
            out.writeBoolean(slot != null);
            if (slot == null) {
                continue;
            }
            strings.string(slot.key);
            writeInts(out, slot.docIds, slot.docIds.length);
            writeInts(out, slot.counts, slot.counts.length);
            writeInts(out, slot.queryIds, slot.queryIds.length);
            int[] matches = new int[slot.matches.length];
            for (int i = 0; i < matches.length; i++) {
                matches[i] = slot.matches[i].id;
            }
            writeInts(out, matches, matches.length);
            for (float score : slot.scores) {
                out.writeFloat(score);
            }
            out.writeFloat(slot.scale);
        }
        // The documents in the order of the last matches asked for, so that the index read back
        // finds the next build's documents where they stood instead of by key.
        int[] order = new int[lastMatched.length];
        int n = 0;
        for (Slot slot : lastMatched) {
            if (slot != null && holds(slot)) {
                order[n++] = slot.id;
            }
        }
        writeInts(out, order, n);
    }

    /**
     * Reads what {@link #write} wrote; its documents are weighed and posted term by term as an
     * update needs them, and their terms ordered by weight only when one is queried or patched.
     */
    static SimilarityIndex read(StateStrings.In strings) throws IOException {
        DataInput in = strings.data;
        SimilarityIndex index = new SimilarityIndex(in.readInt(), in.readDouble());
        for (int n = in.readInt(); n > 0; n--) {
            String name = in.readUTF();
            index.termIds.put(name, index.names.size());
            index.names.add(name);
            index.postings.add(new Postings());
        }
        for (int n = in.readInt(); n > 0; n--) {
            index.freeIds.add(in.readInt());
        }
        int size = in.readInt();
        List<Slot> added = new ArrayList<>();
        int[][] matchIds = new int[size][];
        for (int id = 0; id < size; id++) {
            if (!in.readBoolean()) {
                index.slots.add(null);
                continue;
            }
            Slot slot = new Slot(id, strings.string(), readInts(in), readInts(in));
            if (slot.docIds.length != slot.counts.length) {
                throw new IOException("a document of " + slot.docIds.length + " terms and " + slot.counts.length + " counts");
            }
            slot.queryIds = readInts(in);
            for (int[] terms : new int[][] {slot.docIds, slot.queryIds}) {
                for (int t : terms) {
                    if (t < 0 || t >= index.names.size()) {
                        throw new IOException("term " + t + " of " + index.names.size());
                    }
                }
            }
            index.place(slot);
            matchIds[id] = readInts(in);
            slot.scores = new float[matchIds[id].length];
            for (int i = 0; i < slot.scores.length; i++) {
                slot.scores[i] = in.readFloat();
            }
            slot.scale = in.readFloat();
            added.add(slot);
        }
        index.scale(added.size());
        for (Slot slot : added) {
            slot.matches = new Slot[matchIds[slot.id].length];
            for (int i = 0; i < slot.matches.length; i++) {
                int other = matchIds[slot.id][i];
                if (other < 0 || other >= size || index.slots.get(other) == null) {
                    throw new IOException("a match with document " + other);
                }
                slot.matches[i] = index.slots.get(other);
            }
        }
        int[] order = readInts(in);
        index.lastMatched = new Slot[order.length];
        index.lastPosition = new int[size];
        Arrays.fill(index.lastPosition, -1);
        for (int k = 0; k < order.length; k++) {
            if (order[k] < 0 || order[k] >= size || index.slots.get(order[k]) == null || index.lastPosition[order[k]] >= 0) {
                throw new IOException("document " + order[k] + " in the order of the last matches");
            }
            index.lastMatched[k] = index.slots.get(order[k]);
            index.lastPosition[order[k]] = k;
        }
        index.unposted = ReadBack.of(added, index.names.size(), size);
        index.postings.forEach(p -> p.complete = false);
        return index;
    }

    /**
     * The documents read back, and each term's holders among them: the ids of those holding term
     * t are {@code ids[start[t]..start[t + 1])}, ascending, each with where t is among its terms.
     * Made once when the index is read (beside the build's main path), so that posting a term
     * visits its holders alone rather than every term of every document read back.
     */
    private record ReadBack(Slot[] byId, int[] start, int[] ids, int[] at) {
        static ReadBack of(List<Slot> slots, int terms, int size) {
            int[] start = new int[terms + 1];
            for (Slot slot : slots) {
                for (int t : slot.docIds) {
                    start[t + 1]++;
                }
            }
            for (int t = 0; t < terms; t++) {
                start[t + 1] += start[t];
            }
            int[] next = Arrays.copyOf(start, terms);
            int[] ids = new int[start[terms]];
            int[] at = new int[start[terms]];
            Slot[] byId = new Slot[size];
            for (Slot slot : slots) {
                byId[slot.id] = slot;
                for (int k = 0; k < slot.docIds.length; k++) {
                    int i = next[slot.docIds[k]]++;
                    ids[i] = slot.id;
                    at[i] = k;
                }
            }
            return new ReadBack(byId, start, ids, at);
        }
    }

    /**
     * Posts the documents read back that hold one of {@code terms} and are not posted there yet,
     * each term's holders in the order read, each with its weight for that term alone (from its
     * scale) if nothing weighed it yet. Sound whatever the terms: a document's weights are those
     * of the frequencies when it is weighed, and an update changes them only for the documents it
     * weighs again (a term whose step changed), which it does after posting them here, through
     * {@link Postings#reweigh}.
     */
    private void complete(Collection<Integer> terms) {
        if (unposted == null) {
            return;
        }
        List<Integer> wanted = new ArrayList<>();
        for (int t : terms) {
            Postings p = postings.get(t);
            if (!p.complete) {
                p.complete = true;
                p.reserve();
                wanted.add(t);
            }
        }
        for (int t : wanted) {
            // Terms added since the read have no holder among the documents read back.
            if (t + 1 >= unposted.start.length) {
                continue;
            }
            Postings p = postings.get(t);
            // Its frequency, counting a holder posted as pending, is the same for each holder (it
            // is off by one only between the two lines that move one into the postings below).
            double idf = idf(t);
            for (int i = unposted.start[t]; i < unposted.start[t + 1]; i++) {
                Slot slot = unposted.byId[unposted.ids[i]];
                if (!holds(slot)) {
                    continue;   // removed by an update: counted out of its terms' postings then
                }
                // Unweighed, its terms are in the document's order and its scale is as weighed then.
                float weight = slot.weights == null ? (float) (tf(slot.counts[unposted.at[i]]) * idf) * slot.scale
                        : slot.weights[indexOf(slot.termIds, t)];
                p.pending--;
                p.add(slot, weight);
            }
        }
    }

    private static int indexOf(int[] values, int value) {
        int k = 0;
        while (values[k] != value) {
            k++;
        }
        return k;
    }

    /** The document's weights, weighed now (in the order of its terms) if nothing weighed it yet. */
    private float[] weighed(Slot slot) {
        if (slot.weights == null) {
            slot.weights = weights(slot, idfOfTerm);
        }
        return slot.weights;
    }

    /**
     * Each thread's buffer for the blocks of ints written and read: an index holds four arrays a
     * document, tens of thousands of them, each otherwise copied through an array of its own.
     */
    private static final ThreadLocal<ByteBuffer> BLOCK = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 12));

    /** The thread's block buffer, with room for {@code n} ints (a buffer of its own, not kept, past a MB). */
    private static ByteBuffer block(int n) throws IOException {
        if (n > Integer.MAX_VALUE / 4) {
            throw new IOException(n + " numbers");
        }
        ByteBuffer bytes = BLOCK.get();
        if (bytes.capacity() < 4 * n) {
            bytes = ByteBuffer.allocate(Math.max(4 * n, 2 * bytes.capacity()));
            if (bytes.capacity() <= 1 << 20) {
                BLOCK.set(bytes);
            }
        }
        return bytes;
    }

    /** Writes {@code n} ints in one block. */
    private static void writeInts(DataOutput out, int[] values, int n) throws IOException {
        ByteBuffer bytes = block(n);
        bytes.clear();
        bytes.asIntBuffer().put(values, 0, n);
        out.writeInt(n);
        out.write(bytes.array(), 0, 4 * n);
    }

    private static int[] readInts(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException(n + " numbers");
        }
        ByteBuffer bytes = block(n);
        in.readFully(bytes.array(), 0, 4 * n);
        int[] values = new int[n];
        bytes.clear();
        bytes.asIntBuffer().get(values);
        return values;
    }

    /** Each document's matches, by position in {@code docs} (the documents this index holds). */
    Matches matches(List<Doc> docs) {
        // Positions by slot id: an array, not a map, as every match of every document is looked up.
        Slot[] inOrder = docs == updatedDocs ? updatedSlots : slotsOf(docs);
        updatedDocs = null;
        updatedSlots = null;
        int[] position = new int[slots.size()];
        for (int i = 0; i < inOrder.length; i++) {
            position[inOrder[i].id] = i;
        }
        lastMatched = inOrder;
        lastPosition = position;
        return new Matches(inOrder, position, touched);
    }

    /**
     * The slot of each document (null for one the index does not hold): looked for first where the
     * documents of the last {@link #matches} stood, following them as documents come and go, and
     * only then by key, so that a list with few changes costs no lookup per document.
     */
    private Slot[] slotsOf(List<Doc> docs) {
        Slot[] out = new Slot[docs.size()];
        int next = 0;
        for (int i = 0; i < out.length; i++) {
            next = slotOf(docs.get(i).key(), next, out, i);
        }
        return out;
    }

    /**
     * Puts the slot of the document {@code key} in {@code out[i]}, looked for first at {@code next}
     * of the last matched; returns where the next document's is looked for. A method of its own,
     * so that the client compiler takes it after a few hundred documents: the loop over them runs
     * once a build, and would stay in the interpreter to its end.
     */
    private int slotOf(String key, int next, Slot[] out, int i) {
        Slot slot = next < lastMatched.length ? lastMatched[next] : null;
        if (slot == null || !slot.key.equals(key) || !holds(slot)) {
            slot = byKey.get(key);
            // Goes on from where that one stood, if it stood anywhere.
            int at = slot == null || slot.id >= lastPosition.length ? -1 : lastPosition[slot.id];
            next = at >= 0 && at < lastMatched.length && lastMatched[at] == slot ? at : next;
        }
        out[i] = slot;
        return next < lastMatched.length && lastMatched[next] == slot ? next + 1 : next;
    }

    /** Whether {@code slot} is one of the index's documents now (not removed since). */
    private boolean holds(Slot slot) {
        return slot.id < slots.size() && slots.get(slot.id) == slot;
    }

    /**
     * The documents' matches as the index holds them now, read in place (nothing is copied per
     * match): valid until the index is updated.
     */
    static final class Matches {
        private final Slot[] inOrder;
        private final int[] position;
        private final Set<Slot> touched;

        private Matches(Slot[] inOrder, int[] position, Set<Slot> touched) {
            this.inOrder = inOrder;
            this.position = position;
            this.touched = touched;
        }

        /**
         * Whether document {@code doc} has the very matches, equally scored, that it had before
         * the index's last update: it was neither changed nor reached by a change. False when
         * that is not known (an index made afresh or read back and not updated since).
         */
        boolean kept(int doc) {
            return touched != null && !touched.contains(inOrder[doc]);
        }

        /** How many matches document {@code doc} has. */
        int count(int doc) {
            return inOrder[doc].matches.length;
        }

        /** The position of document {@code doc}'s {@code k}-th best match. */
        int doc(int doc, int k) {
            return position[inOrder[doc].matches[k].id];
        }

        /** The score of document {@code doc}'s {@code k}-th best match. */
        double score(int doc, int k) {
            return inOrder[doc].scores[k];
        }

        /** Document {@code doc}'s matches, best first. */
        List<Match> of(int doc) {
            Match[] out = new Match[count(doc)];
            for (int k = 0; k < out.length; k++) {
                out[k] = new Match(doc(doc, k), score(doc, k));
            }
            return List.of(out);
        }

        /** Every document's matches, in order: for comparing two indexes. */
        List<List<Match>> all() {
            List<List<Match>> out = new ArrayList<>(inOrder.length);
            for (int doc = 0; doc < inOrder.length; doc++) {
                out.add(of(doc));
            }
            return out;
        }
    }

    /**
     * Smoothed inverse document frequency: never zero, so that in a small digest the words two
     * reports of one event share still count.
     */
    static double idf(int documents, int df) {
        return 1 + StrictMath.log((1.0 + documents) / (1.0 + df));
    }

    /** A term's weight for its count in a document: 1 + ln(count), from a table for the usual small counts. */
    static double tf(int count) {
        return count < TF.length ? TF[count] : 1 + StrictMath.log(count);
    }

    /** {@link #tf} of the counts below 256. */
    private static final double[] TF = IntStream.range(0, 256).mapToDouble(c -> c <= 1 ? 1 : 1 + StrictMath.log(c)).toArray();

    /** The largest step not above {@code n} (0 for 0): frequencies as the weights see them. */
    static int quantised(int n) {
        int i = step(n);
        return i < 0 ? 0 : STEPS[i];
    }

    /** The position in {@link #STEPS} of the largest step not above {@code n}; -1 when {@code n} is below the first. */
    static int step(int n) {
        if (n >= 0 && n < STEP_OF.length) {
            return STEP_OF[n];
        }
        int i = Arrays.binarySearch(STEPS, n);
        return i >= 0 ? i : -i - 2;
    }

    private static byte[] stepsOf(int below) {
        // Filled a step's run at a time: a loop over each number runs once, in the interpreter
        // (about 20 ms of every build that reads the index back).
        byte[] steps = new byte[below];
        Arrays.fill(steps, 0, Math.min(below, STEPS[0]), (byte) -1);
        for (int i = 0; i < STEPS.length && STEPS[i] < below; i++) {
            int end = i + 1 < STEPS.length ? Math.min(below, STEPS[i + 1]) : below;
            Arrays.fill(steps, STEPS[i], end, (byte) i);
        }
        return steps;
    }

    private static int[] steps() {
        List<Integer> steps = new ArrayList<>();
        for (int k = 0; ; k++) {
            double v = StrictMath.rint(StrictMath.pow(2, k / 4.0));
            if (v > Integer.MAX_VALUE) {
                break;
            }
            if (steps.isEmpty() || steps.get(steps.size() - 1) < v) {
                steps.add((int) v);
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    private void scale(int documents) {
        collection = quantised(documents);
        idfByStep = new double[STEPS.length];
        Arrays.fill(idfByStep, Double.NaN);
        // A term in many documents barely separates them and costs the most to walk: like
        // Lucene's MoreLikeThis, queries leave out terms in more than 5% of a large collection.
        maxDf = collection < 1000 ? Math.max(50, collection / 5) : collection / 20;
    }

    /** Whether a term in {@code df} documents is left out of queries. */
    private boolean skipped(int df) {
        return quantised(df) > maxDf;
    }

    private Slot add(Doc doc) {
        // The terms, one a line, read in place.
        char[] words = doc.terms().words().toCharArray();
        int[] ids = new int[doc.terms().counts().length];
        for (int i = 0, start = 0, end; i < ids.length; i++, start = end + 1) {
            end = start;
            while (words[end] != '\n') {
                end++;
            }
            Integer id = termIds.get(words, start, end - start);
            ids[i] = id != null ? id : term(new String(words, start, end - start));
        }
        return added(doc, ids);
    }

    /**
     * Adds a document whose terms are ids of a {@link Numbering} whose terms are {@code given}:
     * each numbered here when first used ({@code renumbered}: the id here of each given id, or -1).
     */
    private Slot add(Doc doc, String[] given, int[] renumbered) {
        int[] ids = doc.termIds().clone();
        for (int i = 0; i < ids.length; i++) {
            int t = renumbered[ids[i]];
            if (t < 0) {
                t = term(given[ids[i]]);
                renumbered[ids[i]] = t;
            }
            ids[i] = t;
        }
        return added(doc, ids);
    }

    /** A term new to the index: its id, the next. */
    private int term(String name) {
        int id = postings.size();
        termIds.put(name, id);
        names.add(name);
        postings.add(new Postings());
        return id;
    }

    /** Puts in a document whose terms have the index's {@code ids}. */
    private Slot added(Doc doc, int[] ids) {
        int id = freeIds.isEmpty() ? slots.size() : freeIds.pop();
        Slot slot = new Slot(id, doc.key(), ids, doc.terms().counts());
        place(slot);
        return slot;
    }

    /** Puts a document into the slots, counted in its terms' postings as added but not posted yet. */
    private void place(Slot slot) {
        int id = slot.id;
        slot.termIds = slot.docIds;
        if (id == slots.size()) {
            slots.add(slot);
        } else {
            slots.set(id, slot);
        }
        byKey.put(slot.key, slot);
        // Counted before weighing: the weights see every document added.
        for (int t : slot.docIds) {
            postings.get(t).pending++;
        }
    }

    /**
     * Weighs many documents at once (a fresh index, or one read back), in parallel: each term's
     * IDF and its rank among the terms by name are computed once for all of them, not once per
     * document (frequencies do not change while they are weighed; every one was counted first).
     */
    private void weighAll(List<Slot> many) {
        double[] idf = idfs();
        Ranks ranks = ranks();
        many.parallelStream().forEach(slot -> weigh(slot, t -> idf[t], ranks.rank(), ranks.byRank()));
    }

    /** Each term id's rank among the terms by name, and the term id of each rank. */
    private record Ranks(int[] rank, int[] byRank) {
    }

    /** The terms' {@link Ranks}: sorted once for many documents, whose ties in weight they break. */
    private Ranks ranks() {
        int terms = names.size();
        Integer[] byName = new Integer[terms];
        for (int t = 0; t < terms; t++) {
            byName[t] = t;
        }
        Arrays.parallelSort(byName, (a, b) -> names.get(a).compareTo(names.get(b)));
        int[] rank = new int[terms];
        int[] byRank = new int[terms];
        for (int r = 0; r < terms; r++) {
            rank[byName[r]] = r;
            byRank[r] = byName[r];
        }
        return new Ranks(rank, byRank);
    }

    /** Each term's IDF, from its frequency now: computed once for many documents. */
    private double[] idfs() {
        double[] idf = new double[names.size()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = idf(t);
        }
        return idf;
    }

    /** Weighs one document, its terms' IDF computed from their frequencies now. */
    private void weigh(Slot slot) {
        weigh(slot, idfOfTerm, null, null);
    }

    /** Term {@code t}'s IDF, from its frequency now. */
    private double idf(int t) {
        // The frequency's step (df >= 1 and STEPS[0] == 1: never before the first).
        int step = step(Math.max(1, df(t)));
        double idf = idfByStep[step];
        if (Double.isNaN(idf)) {
            idf = idf(collection, STEPS[step]);
            idfByStep[step] = idf;   // a race writes the same value
        }
        return idf;
    }

    /** Orders the terms of a document read back by weight, before its query is walked. */
    private void ordered(Slot slot) {
        if (!slot.ordered) {
            order(slot, weighed(slot), null, null);
        }
    }

    /** The document's unit-length weights, in the order of its terms. */
    private static float[] weights(Slot slot, IntToDoubleFunction idf) {
        int[] counts = slot.counts;
        int[] ids = slot.docIds;
        int n = counts.length;
        float[] weights = new float[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double w = tf(counts[i]) * idf.applyAsDouble(ids[i]);
            weights[i] = (float) w;
            norm += w * w;
        }
        float scale = norm == 0 ? 0 : (float) (1 / StrictMath.sqrt(norm));
        for (int i = 0; i < n; i++) {
            weights[i] *= scale;
        }
        slot.scale = scale;
        return weights;
    }

    /**
     * The document's unit-length weights, heaviest first (ties by the term itself, so the
     * query does not depend on the order terms were first seen in), and its query.
     *
     * @param rank   each term id's rank among the terms by name, or null to compare the names
     * @param byRank the term id of each rank (with {@code rank})
     */
    private void weigh(Slot slot, IntToDoubleFunction idf, int[] rank, int[] byRank) {
        order(slot, weights(slot, idf), rank, byRank);
    }

    /**
     * Sets the document's terms heaviest first with their {@code weights} (given in the order of
     * its terms), and its query.
     */
    private void order(Slot slot, float[] weights, int[] rank, int[] byRank) {
        int[] ids = slot.docIds;
        int n = ids.length;
        // Heaviest first: weights are non-negative, so their float bits order like the floats;
        // negated, packed with the term's rank by name (or its position, then runs of equal
        // weights sorted by name), sorted.
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) -Float.floatToIntBits(weights[i]) << 32) | (rank == null ? i : rank[ids[i]]);
        }
        Arrays.sort(packed);
        slot.termIds = new int[n];
        slot.weights = new float[n];
        if (rank != null) {
            // The order is complete: each term's rank is unique.
            for (int i = 0; i < n; i++) {
                slot.termIds[i] = byRank[(int) packed[i]];
                slot.weights[i] = Float.intBitsToFloat((int) -(packed[i] >> 32));
            }
        } else {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = (int) packed[i];
            }
            for (int from = 0, to; from < n; from = to) {
                to = from + 1;
                while (to < n && weights[order[to]] == weights[order[from]]) {
                    to++;
                }
                if (to - from > 1) {
                    Integer[] run = new Integer[to - from];
                    for (int i = from; i < to; i++) {
                        run[i - from] = order[i];
                    }
                    Arrays.sort(run, (a, b) -> names.get(ids[a]).compareTo(names.get(ids[b])));
                    for (int i = from; i < to; i++) {
                        order[i] = run[i - from];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                slot.termIds[i] = ids[order[i]];
                slot.weights[i] = weights[order[i]];
            }
        }
        int[] query = new int[Math.min(QUERY_TERMS, n)];
        int q = 0;
        for (int k = 0; k < query.length; k++) {
            if (!skipped(df(slot.termIds[k]))) {
                query[q++] = slot.termIds[k];
            }
        }
        slot.queryIds = Arrays.copyOf(query, q);
        Arrays.sort(slot.queryIds);
        slot.ordered = true;
    }

    /** How many documents hold term {@code t}, counting those added but not yet posted. */
    private int df(int t) {
        return postings.get(t).df();
    }

    /**
     * Posts many weighed documents, each term's postings sized once for all of them: on every
     * core, each posting the terms of its share (by id) of every document in order, so each
     * term's postings are in the order a single pass gives.
     */
    private void postAll(List<Slot> many) {
        postings.forEach(Postings::reserve);
        int shares = Runtime.getRuntime().availableProcessors();
        IntStream.range(0, shares).parallel().forEach(share -> {
            for (Slot slot : many) {
                for (int k = 0; k < slot.termIds.length; k++) {
                    if (slot.termIds[k] % shares == share) {
                        Postings p = postings.get(slot.termIds[k]);
                        p.pending--;
                        p.add(slot, slot.weights[k]);
                    }
                }
            }
        });
    }

    /** Puts a weighed document into the postings of its terms (counted already by {@link #add}). */
    private void post(Slot slot) {
        for (int k = 0; k < slot.termIds.length; k++) {
            Postings p = postings.get(slot.termIds[k]);
            p.pending--;
            p.add(slot, slot.weights[k]);
        }
    }

    /** Queries each of {@code slots} against the whole index, in parallel. */
    private void query(List<Slot> toQuery) {
        toQuery.parallelStream().forEach(this::query);
    }

    private void query(Slot slot) {
        ordered(slot);
        float[] scores = scratch.get();
        if (scores.length < slots.size()) {
            scores = new float[slots.size()];
            scratch.set(scores);
        }
        int[] touched = new int[64];
        int touchedCount = 0;
        int self = slot.id;
        int queryTerms = Math.min(QUERY_TERMS, slot.termIds.length);
        for (int k = 0; k < queryTerms; k++) {
            Postings p = postings.get(slot.termIds[k]);
            if (skipped(p.df())) {
                continue;
            }
            float wq = slot.weights[k];
            int[] ids = p.ids;
            float[] weights = p.weights;
            for (int i = 0, n = p.size; i < n; i++) {
                int other = ids[i];
                if (other == self) {
                    continue;
                }
                if (scores[other] == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = other;
                }
                scores[other] += wq * weights[i];
            }
        }
        Best best = new Best(limit);
        for (int i = 0; i < touchedCount; i++) {
            int other = touched[i];
            float score = scores[other];
            scores[other] = 0;
            if (!(score < minScore)) {
                best.offer(slots.get(other), score);
            }
        }
        best.into(slot);
    }

    /**
     * Brings the matches of {@code slot}, whose own vector did not change, up to date when only
     * the documents in {@code lost} changed or went: returns false when that cannot be told
     * without querying again (the list was full, lost a member, and what is known now does not
     * fill it with matches at least as good as its old last one: an unseen document may rank
     * in between).
     */
    private boolean patch(Slot slot, Set<Slot> lost, List<Slot> changed, Map<Slot, long[]> byTerm) {
        Query query = queryOf(slot);
        Best best = new Best(limit);
        boolean full = slot.matches.length == limit;
        boolean dropped = false;
        for (int i = 0; i < slot.matches.length; i++) {
            if (lost.contains(slot.matches[i])) {
                dropped = true;
            } else {
                best.offer(slot.matches[i], slot.scores[i]);
            }
        }
        for (Slot other : changed) {
            float score = score(query, byTerm.get(other));
            if (score > 0 && !(score < minScore)) {
                best.offer(other, score);
            }
        }
        if (full && dropped) {
            Slot last = slot.matches[limit - 1];
            float lastScore = slot.scores[limit - 1];
            if (best.size < limit || better(lastScore, last, best.scores[0], best.slots[0])) {
                return false;
            }
        }
        best.into(slot);
        return true;
    }

    /** A document's weights as (term id, weight bits) packed in longs sorted by term id, for {@link #score}. */
    private static long[] byTerm(Slot slot) {
        long[] packed = new long[slot.termIds.length];
        for (int k = 0; k < packed.length; k++) {
            packed[k] = ((long) slot.termIds[k] << 32) | (Float.floatToIntBits(slot.weights[k]) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        return packed;
    }

    /** A document's query: its terms not skipped among its heaviest, heaviest first, with their weights. */
    private record Query(int[] ids, float[] weights) {
    }

    /**
     * {@code slot}'s query, in the order a query walks its terms: from its terms ordered by weight
     * when they are, else from its weights and its query's ids alone (a document read back), so
     * that patching a document's matches does not order all its terms. The query's ids are the
     * terms not skipped among its {@link #QUERY_TERMS} heaviest, and heaviest first (ties by the
     * term) is the order of those same terms in the whole order.
     */
    private Query queryOf(Slot slot) {
        if (slot.ordered) {
            int queryTerms = Math.min(QUERY_TERMS, slot.termIds.length);
            int[] ids = new int[queryTerms];
            float[] weights = new float[queryTerms];
            int q = 0;
            for (int k = 0; k < queryTerms; k++) {
                if (!skipped(df(slot.termIds[k]))) {
                    ids[q] = slot.termIds[k];
                    weights[q++] = slot.weights[k];
                }
            }
            return new Query(Arrays.copyOf(ids, q), Arrays.copyOf(weights, q));
        }
        // Unweighed, a query term's weight is that term's alone from the document's scale, as
        // when it is posted ({@link #complete}): not every term of the document weighed for a few.
        float[] all = slot.weights;
        int[] sortedIds = slot.queryIds;
        float[] byId = new float[sortedIds.length];
        for (int i = 0; i < slot.docIds.length; i++) {
            int at = Arrays.binarySearch(sortedIds, slot.docIds[i]);
            if (at >= 0) {
                byId[at] = all != null ? all[i] : (float) (tf(slot.counts[i]) * idf(slot.docIds[i])) * slot.scale;
            }
        }
        Integer[] order = new Integer[sortedIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> byId[a] != byId[b] ? Float.compare(byId[b], byId[a])
                : names.get(sortedIds[a]).compareTo(names.get(sortedIds[b])));
        int[] ids = new int[order.length];
        float[] weights = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            ids[i] = sortedIds[order[i]];
            weights[i] = byId[order[i]];
        }
        return new Query(ids, weights);
    }

    /**
     * The score {@code query} gives another document, whose weights are {@code byTerm}
     * ({@link #byTerm}): the same sum, in the same order, as a query makes.
     */
    private static float score(Query query, long[] byTerm) {
        float score = 0;
        for (int k = 0; k < query.ids().length; k++) {
            int t = query.ids()[k];
            int at = Arrays.binarySearch(byTerm, (long) t << 32);
            int i = at >= 0 ? at : -at - 1;
            if (i < byTerm.length && (int) (byTerm[i] >>> 32) == t) {
                score += query.weights()[k] * Float.intBitsToFloat((int) byTerm[i]);
            }
        }
        return score;
    }

    /** Higher score first, then the lower key: the order of the results. */
    private static boolean better(float score, Slot slot, float thanScore, Slot than) {
        return score != thanScore ? score > thanScore : slot.key.compareTo(than.key) < 0;
    }

    /** The best {@code limit} offered, in a small heap whose root is the worst kept. */
    private static final class Best {
        final Slot[] slots;
        final float[] scores;
        int size;

        Best(int limit) {
            slots = new Slot[Math.max(0, limit)];
            scores = new float[slots.length];
        }

        void offer(Slot slot, float score) {
            if (slots.length == 0) {
                return;
            }
            if (size < slots.length) {
                slots[size] = slot;
                scores[size] = score;
                siftUp(size++);
            } else if (better(score, slot, scores[0], slots[0])) {
                slots[0] = slot;
                scores[0] = score;
                siftDown();
            }
        }

        /** Stores what was kept, best first, as the matches of {@code owner}. */
        void into(Slot owner) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> better(scores[a], slots[a], scores[b], slots[b]) ? -1 : 1);
            owner.matches = new Slot[size];
            owner.scores = new float[size];
            for (int i = 0; i < size; i++) {
                owner.matches[i] = slots[order[i]];
                owner.scores[i] = scores[order[i]];
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!better(scores[parent], slots[parent], scores[i], slots[i])) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown() {
            int i = 0;
            while (true) {
                int worst = i;
                for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                    if (better(scores[worst], slots[worst], scores[child], slots[child])) {
                        worst = child;
                    }
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int i, int j) {
            Slot s = slots[i];
            slots[i] = slots[j];
            slots[j] = s;
            float f = scores[i];
            scores[i] = scores[j];
            scores[j] = f;
        }
    }
}

package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Problem;
import dev.gazette.model.Tag;
import dev.gazette.model.UpdatableStep;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the link stage made from its input, kept by the incremental layer between builds (see
 * {@link Linker}): the next build starts from it and redoes an article's steps only when the
 * article or what its steps read of the others changed. A build cache keeps it with
 * {@link #CODEC}, which writes only its small parts: the articles and their bodies are the
 * input's, and the terms of the articles are in the similarity index.
 *
 * @param entries       what each article of the input became, by its position in the input
 * @param order         the input's positions, newest first ({@link Linker#NEWEST_FIRST})
 * @param automaticTags the vocabulary automatic tags were chosen from
 * @param problems      the warnings the stage reported, in order
 * @param similarity    the similarity index of the articles' terms
 * @param lists         the site-wide lists, with the stage's output; in a state read back, by position and
 *                      without a digest until it is updated
 * @param suggestions   the suggested vocabulary's counts, for a site without a vocabulary of its own; null
 *                      for a site with one
 * @param tags          every tag, by slug, as bodies link them
 * @param slugBySource  the article each normalised original belongs to
 * @param read          what the state it was made from was read back from, for its write; null when none was
 */
record LinkState(Entry[] entries, int[] order, List<Tag> automaticTags, List<Problem> problems,
                 SimilarityIndex similarity, SiteLists lists, TagSuggestions.Index suggestions,
                 Map<String, Tag> tags, Map<String, String> slugBySource, Read read) {

    /**
     * How many entries of {@code entries} are written in one part, each part with its strings and
     * tags numbered apart from the rest's, so that it can be written as the bytes it was read
     * from: a power of two near a thirty-second of them (256 of 10,000), so that an edit encodes
     * few entries again while a part's table still shares each string among many (parts of 64
     * read back about a tenth slower: each part decodes its strings again).
     */
    static int partSize(int entries) {
        return Math.max(1, Integer.highestOneBit(entries / 32));
    }

    /**
     * A state as a build cache read it back: its entries and the bytes of each part of them, its
     * originals' map and that map's bytes. A state made from it writes a part whose entries still
     * hold the very values read (an unchanged article's) as the bytes read, and the map when it
     * is the very map read: one edit encodes one part of the entries, not all of them.
     */
    record Read(Entry[] entries, ByteBuffer[] parts, Map<String, String> slugBySource, ByteBuffer slugBytes) {
        /** Whether entries {@code from} to {@code to}, a part of {@code now}, hold the values of the part read there. */
        boolean holds(Entry[] now, int from, int to) {
            int part = partSize(entries.length);
            if (part != partSize(now.length) || Math.min(entries.length, from + part) != to) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (!entries[i].sameAsWritten(now[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The stage's output. */
    Digest digest() {
        return lists.digest();
    }

    /**
     * One article's way through the stage: every value an unchanged article can keep when what
     * it was made from is unchanged too.
     *
     * @param file     the article's source file
     * @param entities its salient entities (null when the site has a vocabulary of its own)
     * @param autoTags the tags the vocabulary finds in its text
     * @param slugs    its tags' slugs, its own then automatic ones
     * @param tagged   the article with those tags; null in a state read back (made again from the article)
     * @param source   the normalised address of its original, or null
     * @param hrefs    the normalised addresses its body links to
     * @param own      its tags as linked in its body (none unless it links them)
     * @param cited    the addresses in its body that are another article's original, with that article
     * @param linked   the tagged article with its body's links made; null in a state read back
     * @param written  the tags the curator wrote, each as the vocabulary resolves it
     */
    record Entry(String file, Map<String, EntityFinder.Entity> entities, List<String> autoTags, List<String> slugs,
                 Article tagged, String source, List<String> hrefs, List<Tag> own, Map<String, String> cited,
                 Article linked, List<Tag> written) {
        /** Whether {@code other} holds the very values the codec writes of this one (so it writes the same bytes). */
        boolean sameAsWritten(Entry other) {
            return file == other.file && entities == other.entities && autoTags == other.autoTags
                    && slugs == other.slugs && source == other.source && hrefs == other.hrefs && own == other.own
                    && written == other.written && cited == other.cited;
        }
    }

    /** Writes the small parts of a state, and reads them back without articles and digest. */
    static final UpdatableStep.Codec<LinkState> CODEC = new UpdatableStep.Codec<>() {
        @Override
        public void write(LinkState state, DataOutput data) throws IOException {
            StateStrings.Out out = new StateStrings.Out(data);
            // The tags first: the entries' tags equal to them are read back as these very objects.
            out.tags(List.copyOf(state.tags().values()));
            Read read = state.read();
            if (read != null && read.slugBySource() == state.slugBySource()) {
                copy(read.slugBytes(), data);
            } else {
                writeSources(state.slugBySource(), new StateStrings.Out(data,
                        Integer.highestOneBit(4 * state.slugBySource().size() + 3) << 1));
            }
            Entry[] entries = state.entries();
            data.writeInt(entries.length);
            int size = partSize(entries.length);
            for (int from = 0; from < entries.length; from += size) {
                int to = Math.min(entries.length, from + size);
                if (read != null && read.holds(entries, from, to)) {
                    copy(read.parts()[from / size], data);
                    continue;
                }
                StateStrings.Out part = new StateStrings.Out(data, 1 << 10);
                for (int i = from; i < to; i++) {
                    writeEntry(entries[i], part);
                }
            }
            for (int p : state.order()) {
                out.data.writeInt(p);
            }
            out.tags(state.automaticTags());
            out.data.writeInt(state.problems().size());
            for (Problem p : state.problems()) {
                out.string(p.file());
                out.data.writeInt(p.line());
                out.string(p.message());
                out.data.writeBoolean(p.isError());
            }
            state.similarity().write(out);
            state.lists().write(out);
            out.data.writeBoolean(state.suggestions() != null);
            if (state.suggestions() != null) {
                Map<String, TagSuggestions.Suggestion> made = new TreeMap<>(state.suggestions().byEntity());
                out.data.writeInt(made.size());
                for (Map.Entry<String, TagSuggestions.Suggestion> e : made.entrySet()) {
                    out.string(e.getKey());
                    out.string(e.getValue().name());
                    out.strings(e.getValue().forms());
                    out.data.writeInt(e.getValue().articles());
                    out.data.writeInt(e.getValue().score());
                }
            }
        }

        @Override
        public LinkState read(DataInput data) throws IOException {
            StateStrings.In in = new StateStrings.In(data);
            Map<String, Tag> tags = new HashMap<>();
            for (Tag tag : in.tags()) {
                tags.put(tag.slug(), tag);
            }
            // Parts' bytes kept when the input is in memory (a build cache's), for the next write.
            UpdatableStep.ByteInput bytes = data instanceof UpdatableStep.ByteInput b ? b : null;
            int at = bytes == null ? 0 : bytes.position();
            Map<String, String> slugBySource = readSources(new StateStrings.In(data));
            ByteBuffer slugBytes = bytes == null ? null : bytes.bytesSince(at);
            int n = count(in.data);
            Entry[] entries = new Entry[n];
            int size = partSize(n);
            ByteBuffer[] parts = new ByteBuffer[(n + size - 1) / size];
            for (int from = 0; from < n; from += size) {
                at = bytes == null ? 0 : bytes.position();
                StateStrings.In part = new StateStrings.In(data, tags);
                for (int i = from; i < Math.min(n, from + size); i++) {
                    entries[i] = readEntry(part);
                }
                parts[from / size] = bytes == null ? null : bytes.bytesSince(at);
            }
            int[] order = new int[n];
            boolean[] placed = new boolean[n];
            for (int k = 0; k < n; k++) {
                order[k] = in.data.readInt();
                if (order[k] < 0 || order[k] >= n || placed[order[k]]) {
                    throw new IOException("position " + order[k] + " in an order of " + n);
                }
                placed[order[k]] = true;
            }
            List<Tag> automaticTags = in.tags();
            List<Problem> problems = new ArrayList<>();
            for (int k = count(in.data); k > 0; k--) {
                String file = in.string();
                int line = in.data.readInt();
                String message = in.string();
                problems.add(in.data.readBoolean() ? Problem.error(file, line, message) : Problem.warning(file, line, message));
            }
            SimilarityIndex similarity = SimilarityIndex.read(in);
            SiteLists lists = SiteLists.read(in);
            TagSuggestions.Index suggestions = null;
            if (in.data.readBoolean()) {
                Map<String, TagSuggestions.Suggestion> made = new HashMap<>();
                for (int k = count(in.data); k > 0; k--) {
                    made.put(in.string(), new TagSuggestions.Suggestion(in.string(), in.strings(), in.data.readInt(),
                            in.data.readInt()));
                }
                List<Map<String, EntityFinder.Entity>> entities = new ArrayList<>(n);
                for (Entry e : entries) {
                    if (e.entities() == null) {
                        throw new IOException("suggestions without the entities they were counted from");
                    }
                    entities.add(e.entities());
                }
                // Tags are suggested only to a site without a vocabulary of its own.
                suggestions = new TagSuggestions.Index(new TagVocabulary(List.of()), entities, made);
            }
            return new LinkState(entries, order, automaticTags, List.copyOf(problems), similarity, lists, suggestions,
                    Map.copyOf(tags), slugBySource, bytes == null ? null : new Read(entries.clone(), parts, slugBySource,
                    slugBytes));
        }
    };

    /** Writes the bytes {@code bytes} holds (as read back: mapped from the cache's file, most often). */
    private static void copy(ByteBuffer bytes, DataOutput out) throws IOException {
        ByteBuffer from = bytes.duplicate();
        byte[] block = new byte[Math.min(from.remaining(), 1 << 14)];
        while (from.hasRemaining()) {
            int n = Math.min(block.length, from.remaining());
            from.get(block, 0, n);
            out.write(block, 0, n);
        }
    }

    /** The originals' map, sorted, with strings of its own. */
    private static void writeSources(Map<String, String> slugBySource, StateStrings.Out out) throws IOException {
        out.data.writeInt(slugBySource.size());
        for (Map.Entry<String, String> e : new TreeMap<>(slugBySource).entrySet()) {
            out.string(e.getKey());
            out.string(e.getValue());
        }
    }

    private static Map<String, String> readSources(StateStrings.In in) throws IOException {
        Map<String, String> slugBySource = new HashMap<>();
        for (int k = count(in.data); k > 0; k--) {
            slugBySource.put(in.string(), in.string());
        }
        return slugBySource;
    }

    private static void writeEntry(Entry e, StateStrings.Out out) throws IOException {
        out.string(e.file());
        out.data.writeBoolean(e.entities() != null);
        if (e.entities() != null) {
            out.data.writeInt(e.entities().size());
            for (Map.Entry<String, EntityFinder.Entity> entity : e.entities().entrySet()) {
                out.string(entity.getKey());
                out.string(entity.getValue().name());
                out.strings(entity.getValue().forms());
                out.data.writeInt(entity.getValue().score());
                out.data.writeInt(entity.getValue().mentions());
            }
        }
        out.strings(e.autoTags());
        out.strings(e.slugs());
        out.string(e.source());
        out.strings(e.hrefs());
        out.tags(e.own());
        out.tags(e.written());
        out.data.writeInt(e.cited().size());
        for (Map.Entry<String, String> c : e.cited().entrySet()) {
            out.string(c.getKey());
            out.string(c.getValue());
        }
    }

    private static Entry readEntry(StateStrings.In in) throws IOException {
        String file = in.string();
        Map<String, EntityFinder.Entity> entities = null;
        if (in.data.readBoolean()) {
            entities = new LinkedHashMap<>();
            for (int k = count(in.data); k > 0; k--) {
                String key = in.string();
                String name = in.string();
                Set<String> forms = new LinkedHashSet<>(in.strings());
                entities.put(key, new EntityFinder.Entity(name, forms, in.data.readInt(), in.data.readInt()));
            }
        }
        List<String> autoTags = in.strings();
        List<String> slugs = in.strings();
        String source = in.string();
        List<String> hrefs = in.strings();
        List<Tag> own = in.tags();
        List<Tag> written = in.tags();
        Map<String, String> cited = new TreeMap<>();
        for (int k = count(in.data); k > 0; k--) {
            cited.put(in.string(), in.string());
        }
        return new Entry(file, entities, autoTags, slugs, null, source, hrefs, own, cited, null, written);
    }

    static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException(n + " elements");
        }
        return n;
    }
}

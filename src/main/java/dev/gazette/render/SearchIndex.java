package dev.gazette.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.gazette.clean.Language;
import dev.gazette.model.Article;
import dev.gazette.concurrent.Futures;
import dev.gazette.model.UpdatableStep;
import dev.gazette.model.Utf8;
import dev.gazette.output.OutputSink;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The site's search index, written for the search page's MiniSearch (assets/minisearch.js) and
 * split so a query downloads only what it needs, however large the site:
 * <ul>
 * <li>{@code search/meta.json}: the field names, stop words, document count, each document's
 *     title and body length (one byte each, for BM25's length normalisation) and the list of
 *     term shards;</li>
 * <li>{@code search/terms/N.json}: index entries in MiniSearch's own serialized form
 *     ({@code [term, {fieldId: {docId: termFrequency}}]}), the sorted terms cut into runs of at
 *     most {@link #SHARD_BYTES}: a query term needs the one shard whose range holds it (and the
 *     next ones when it is the start of longer words);</li>
 * <li>{@code search/docs/N.json}: what a result shows (title, link, date, source, snippet), in
 *     chunks of {@link #DOCS_PER_CHUNK} documents, fetched only for the results shown.</li>
 * </ul>
 * Terms are made as the page makes them (split on white space and punctuation, accents dropped,
 * lower-cased, the site language's stop words removed), so the two always agree.
 */
final class SearchIndex {
    static final String DIR = Urls.SEARCH;
    /** Fields in MiniSearch's field-id order; title and tags are boosted over the body by the page. */
    static final List<String> FIELDS = List.of("title", "tags", "source", "body");
    static final int SHARD_BYTES = 24 * 1024;
    static final int DOCS_PER_CHUNK = 10;
    /** Body lengths are stored in units of this many words, so one byte covers 4,000 words. */
    static final int BODY_LENGTH_UNIT = 16;
    private static final int MAX_TERM_LENGTH = 32;
    private static final int SNIPPET_CHARS = 220;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

    /** One document's terms: for each field, term to frequency. Made once per article and kept. */
    record Terms(List<Map<String, Integer>> fields) {
    }

    /** What a result shows. */
    record Doc(String title, String url, String date, String source, String snippet, List<String> tags) {
    }

    /** In order, for meta.json. */
    private final TreeSet<String> stopWords;
    /** The same words, looked up for every word of every article. */
    private final Set<String> isStopWord;
    /** The same again, looked up by the characters of an ASCII word and their hash. */
    private final Words stopChars;

    SearchIndex(String language) {
        stopWords = new TreeSet<>();
        for (Object word : Language.stopWords(language)) {
            stopWords.add(term(new String((char[]) word)));
        }
        isStopWord = Set.copyOf(stopWords);
        stopChars = new Words(stopWords.size());
        for (String word : stopWords) {
            stopChars.add(word.toCharArray(), word.length(), word.hashCode(), word);
        }
    }

    /** The index terms of a text, in order, as the page's MiniSearch makes them. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        eachTerm(text, (chars, length, hash, term) -> out.add(term != null ? term : new String(chars, 0, length)));
        return out;
    }

    /**
     * Receives a text's terms one by one: a term is a string, or the first {@code length} chars of
     * {@code chars}, valid only during the call, with their {@code hash} (the string's hash code).
     */
    @FunctionalInterface
    private interface TermSink {
        void accept(char[] chars, int length, int hash, String term);
    }

    /**
     * Each index term of a text in turn ({@link #terms(String)}). A word of ASCII letters, most
     * words, is lower-cased into a buffer and looked up there, so that it costs no string of its
     * own; any other word is made a string and passed through {@link #term(String)}.
     */
    private void eachTerm(String text, TermSink sink) {
        if (text == null) {
            return;
        }
        char[] chars = text.toCharArray();
        char[] lower = new char[MAX_TERM_LENGTH];
        int start = -1;
        boolean ascii = true;
        for (int i = 0; i <= chars.length; i++) {
            char c = i == chars.length ? ' ' : chars[i];
            if (c < 128 ? SEPARATES_ASCII[c] : separates(c)) {
                if (start >= 0) {
                    int length = i - start;
                    if (ascii) {
                        if (length <= MAX_TERM_LENGTH) {
                            // Hashed as it is lower-cased, once for both the stop words and the sink.
                            int hash = 0;
                            for (int k = 0; k < length; k++) {
                                char w = chars[start + k];
                                w = w >= 'A' && w <= 'Z' ? (char) (w + ('a' - 'A')) : w;
                                lower[k] = w;
                                hash = 31 * hash + w;
                            }
                            if (stopChars.find(lower, length, hash) < 0) {
                                sink.accept(lower, length, hash, null);
                            }
                        }
                    } else {
                        String term = term(new String(chars, start, length));
                        if (!term.isEmpty() && term.length() <= MAX_TERM_LENGTH && !isStopWord.contains(term)) {
                            sink.accept(null, 0, term.hashCode(), term);
                        }
                    }
                    start = -1;
                }
            } else {
                if (start < 0) {
                    start = i;
                    ascii = true;
                }
                ascii &= c < 128;
            }
        }
    }

    /** {@link #separates} of each ASCII character, looked up for every character of every article. */
    private static final boolean[] SEPARATES_ASCII = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            SEPARATES_ASCII[c] = separates(c);
        }
    }

    /** MiniSearch's default tokenizer splits on {@code [\n\r\p{Z}\p{P}]+}: line breaks, separators, punctuation. */
    static boolean separates(char c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> c == '\n' || c == '\r';
        };
    }

    /** Accents dropped and lower-cased: "Zoë" and "zoe" are one term. */
    static String term(String token) {
        boolean ascii = true;
        for (int i = 0; i < token.length() && ascii; i++) {
            ascii = token.charAt(i) < 128;
        }
        if (ascii) {
            return token.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(token, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    Terms terms(Article article, List<String> tagNames) {
        List<Map<String, Integer>> fields = new ArrayList<>();
        fields.add(counts(article.title()));
        fields.add(counts(String.join(" ", tagNames)));
        fields.add(counts(article.publication()));
        fields.add(counts(article.text()));
        return new Terms(fields);
    }

    /**
     * How often each term occurs in a text, counted as the terms come: a string is made per
     * distinct term, not per occurrence. The map is filled as merging a list of the terms into
     * it would fill it (in the order terms first occur, each by {@code merge}, which puts a new
     * key first in its bin), so it iterates in the same order.
     */
    private Map<String, Integer> counts(String text) {
        // Sized for a body's distinct terms (about one per 25 characters), so it seldom grows.
        Words seen = new Words(text == null ? 0 : Math.min(4_096, text.length() / 25));
        eachTerm(text, (chars, length, hash, term) -> {
            if (term != null) {
                seen.count(term.toCharArray(), term.length(), hash, term);
            } else {
                seen.count(chars, length, hash, null);
            }
        });
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < seen.size; i++) {
            out.merge(seen.words[i], seen.counts[i], Integer::sum);
        }
        return out;
    }

    /**
     * Distinct words by their characters, with a count each, in the order first added: looked up
     * by a hash the caller has already made (the string's hash code of the characters), so a word
     * is hashed once for the stop words and the counts, and made a string only when it is new.
     */
    private static final class Words {
        /** Open addressing: each slot's word index + 1, 0 when empty. */
        private int[] slots;
        private char[][] chars;
        private int[] hashes;
        String[] words;
        int[] counts;
        int size;

        Words(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) * 2;
            slots = new int[capacity];
            chars = new char[capacity / 2][];
            hashes = new int[capacity / 2];
            words = new String[capacity / 2];
            counts = new int[capacity / 2];
        }

        /** The index of the first {@code length} chars of {@code key}, or -1. */
        int find(char[] key, int length, int hash) {
            int mask = slots.length - 1;
            for (int at = spread(hash) & mask; slots[at] != 0; at = (at + 1) & mask) {
                int i = slots[at] - 1;
                if (hashes[i] == hash && Arrays.equals(chars[i], 0, chars[i].length, key, 0, length)) {
                    return i;
                }
            }
            return -1;
        }

        /** Counts one more of a word: {@code word} is its string if there is one (else made here), {@code key} valid only during the call. */
        void count(char[] key, int length, int hash, String word) {
            int mask = slots.length - 1;
            int at = spread(hash) & mask;
            for (; slots[at] != 0; at = (at + 1) & mask) {
                int i = slots[at] - 1;
                if (hashes[i] == hash && Arrays.equals(chars[i], 0, chars[i].length, key, 0, length)) {
                    counts[i]++;
                    return;
                }
            }
            add(at, Arrays.copyOf(key, length), hash, word != null ? word : new String(key, 0, length));
            counts[size - 1] = 1;
        }

        /** Adds a word not held yet. */
        void add(char[] key, int length, int hash, String word) {
            int mask = slots.length - 1;
            int at = spread(hash) & mask;
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            add(at, Arrays.copyOf(key, length), hash, word);
        }

        private void add(int at, char[] key, int hash, String word) {
            chars[size] = key;
            hashes[size] = hash;
            words[size] = word;
            slots[at] = ++size;
            if (size * 2 >= slots.length) {
                grow();
            }
        }

        private void grow() {
            int capacity = slots.length * 2;
            slots = new int[capacity];
            chars = Arrays.copyOf(chars, capacity / 2);
            hashes = Arrays.copyOf(hashes, capacity / 2);
            words = Arrays.copyOf(words, capacity / 2);
            counts = Arrays.copyOf(counts, capacity / 2);
            int mask = capacity - 1;
            for (int i = 0; i < size; i++) {
                int at = spread(hashes[i]) & mask;
                while (slots[at] != 0) {
                    at = (at + 1) & mask;
                }
                slots[at] = i + 1;
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }

    static Doc doc(Views.ArticleCard card, String summary) {
        String snippet = summary == null ? "" : summary.strip();
        if (snippet.length() > SNIPPET_CHARS) {
            int cut = snippet.lastIndexOf(' ', SNIPPET_CHARS);
            snippet = snippet.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS).stripTrailing() + "…";
        }
        return new Doc(card.title(), card.url(), card.dateDisplay(), card.publication(), snippet,
                card.tags().stream().map(Views.TagLink::name).toList());
    }

    /**
     * Writes the index of {@code docs} (search results are in this order's ids: newest first)
     * with their {@code terms}, computed with {@link #terms(Article, List)}.
     */
    void write(List<Doc> docs, List<Terms> terms, OutputSink out) {
        write(docs, Entries.of(terms, t -> t), out);
    }

    /** Writes the index of {@code docs} from the entries of their terms. */
    void write(List<Doc> docs, Entries entries, OutputSink out) {
        writeTerms(docs.size(), entries, out);
        for (int chunk = 0; chunk * DOCS_PER_CHUNK < docs.size(); chunk++) {
            out.write(docsPath(chunk), docs.subList(chunk * DOCS_PER_CHUNK,
                    Math.min(docs.size(), (chunk + 1) * DOCS_PER_CHUNK)), SearchIndex::docs);
        }
    }

    /** Writes the index's term shards and its description for {@code documents} documents, without their chunks. */
    void writeTerms(int documents, Entries entries, OutputSink out) {
        List<Shard> shards = split(entries.entries);
        for (int i = 0; i < shards.size(); i++) {
            out.write(DIR + "terms/" + i + ".json", shards.get(i).parts(), SearchIndex::json);
        }
        out.write(DIR + "meta.json", meta(documents, entries.fieldTotals, entries.lengths, shards));
    }

    /** Where the documents of chunk {@code chunk} are (documents {@code chunk * DOCS_PER_CHUNK} on). */
    static String docsPath(int chunk) {
        return DIR + "docs/" + chunk + ".json";
    }

    /**
     * The entries of a site's articles (see {@link #articleEntries}), and the names of the tags
     * they were made with, by slug: an article's terms hold its tags' names.
     */
    record ArticleEntries(Entries entries, Map<String, String> tagNames) {
    }

    /**
     * The step that keeps the index entries of a site's articles between builds: its elements are
     * the articles themselves, which the incremental layer finds the same by identity (an unchanged
     * article is the very object of the last build), so no per-article value is made to compare.
     * An article's terms ({@code terms}) hold the names {@code tagNames} gives its tags: when a
     * tag's name is not the one the entries were made with, each article with that tag counts as
     * changed, though it is the same.
     */
    static UpdatableStep<Article, ArticleEntries> articleEntries(Map<String, String> tagNames,
                                                                 Function<Article, Terms> terms) {
        return new UpdatableStep<>("render.search-entries",
                (articles, steps) -> new ArticleEntries(Entries.of(articles, terms), tagNames),
                (state, now, change, limit, steps) -> {
                    Set<String> renamed = renamed(state.tagNames(), tagNames);
                    Entries entries = Entries.update(state.entries(), now, renamed.isEmpty() ? change
                            : new Renamed(change, now, renamed), limit, terms);
                    return entries == null ? null : new ArticleEntries(entries, tagNames);
                },
                ARTICLE_ENTRIES);
    }

    /** The slugs whose name is not the same in both (one missing from either counts). */
    private static Set<String> renamed(Map<String, String> before, Map<String, String> now) {
        if (before.equals(now)) {
            return Set.of();
        }
        Set<String> renamed = new HashSet<>();
        before.forEach((slug, name) -> {
            if (!Objects.equals(name, now.get(slug))) {
                renamed.add(slug);
            }
        });
        now.forEach((slug, name) -> {
            if (!Objects.equals(name, before.get(slug))) {
                renamed.add(slug);
            }
        });
        return renamed;
    }

    /** A change in which an article with a renamed tag is not the same as before. */
    private record Renamed(UpdatableStep.Change<Article> change, List<Article> now, Set<String> renamed)
            implements UpdatableStep.Change<Article> {
        @Override
        public int sizeBefore() {
            return change.sizeBefore();
        }

        @Override
        public boolean sameAt(int position) {
            return change.sameAt(position) && !renames(now.get(position));
        }

        @Override
        public int before(Article element) {
            return renames(element) ? -1 : change.before(element);
        }

        private boolean renames(Article article) {
            for (String tag : article.tags()) {
                if (renamed.contains(tag)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How a build cache keeps the articles' entries: the tag names (sorted by slug), then the entries. */
    static final UpdatableStep.Codec<ArticleEntries> ARTICLE_ENTRIES = new UpdatableStep.Codec<>() {
        @Override
        public void write(ArticleEntries state, DataOutput out) throws IOException {
            Map<String, String> names = new TreeMap<>(state.tagNames());
            out.writeInt(names.size());
            for (Map.Entry<String, String> e : names.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            Entries.write(state.entries(), out);
        }

        @Override
        public ArticleEntries read(DataInput in) throws IOException {
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(count + " tag names");
            }
            Map<String, String> names = new HashMap<>();
            for (int i = 0; i < count; i++) {
                names.put(in.readUTF(), in.readUTF());
            }
            return new ArticleEntries(Entries.read(in), names);
        }
    };

    /**
     * Every term's index entry, encoded, made from the documents' terms in id order. May be kept
     * between builds by the incremental layer: documents that changed in place (same id, other
     * terms) update only their own terms' entries, and a shard file whose entries are all the
     * same objects as before is then recognised without reading its bytes.
     */
    static final class Entries {
        /** Documents whose terms are made at a time, in parallel: the whole site's term counts are never held at once. */
        private static final int BATCH = 512;

        private final TreeMap<String, Entry> entries = new TreeMap<>();
        private final int[] fieldTotals = new int[FIELDS.size()];
        private final byte[] lengths;

        private Entries(int documents) {
            this.lengths = new byte[documents * 2];
        }

        /** The entries of {@code documents}, whose terms {@code terms} makes (from several threads). */
        static <D> Entries of(List<D> documents, Function<D, Terms> terms) {
            Entries made = new Entries(documents.size());
            // The entries by term, looked up once per term of each document and field: by hashing
            // while they are added (the tree of them, which keeps them sorted, only takes each new term).
            Map<String, Entry> byTerm = new HashMap<>();
            // Adding a batch's terms to the entries is one thread's work: the next batch's terms
            // are made meanwhile, so that the other cores are not idle while it is done.
            CompletableFuture<List<Terms>> next = batch(documents, 0, terms);
            for (int from = 0; from < documents.size(); from += BATCH) {
                List<Terms> batch = Futures.joined(next);
                next = batch(documents, from + BATCH, terms);
                for (int i = 0; i < batch.size(); i++) {
                    made.add(from + i, batch.get(i), byTerm);
                }
            }
            made.entries.values().parallelStream().forEach(Entry::encode);
            return made;
        }

        /** The terms of the documents from {@code from} on (a batch of them), made in the background. */
        private static <D> CompletableFuture<List<Terms>> batch(
                List<D> documents, int from, Function<D, Terms> terms) {
            if (from >= documents.size()) {
                return CompletableFuture.completedFuture(List.of());
            }
            List<D> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
            return CompletableFuture.supplyAsync(() -> batch.parallelStream().map(terms).toList());
        }


        /**
         * Brings {@code state} up to date with {@code now}: possible when every document kept its
         * id (edits, no article added, removed or moved) and at most {@code limit} of them changed
         * (are not the same as before, as {@code change} tells). Returns null otherwise. A changed
         * document's terms before are read back from the entries, so the state needs nothing of
         * the input it was made from.
         */
        static <D> Entries update(Entries state, List<D> now, UpdatableStep.Change<D> change, int limit,
                                  Function<D, Terms> terms) {
            if (change.sizeBefore() != now.size() || state.lengths.length != 2 * now.size()) {
                return null;
            }
            List<Integer> changed = new ArrayList<>();
            for (int id = 0; id < now.size(); id++) {
                if (!change.sameAt(id)) {
                    changed.add(id);
                    if (changed.size() > limit) {
                        return null;
                    }
                }
            }
            if (changed.isEmpty()) {
                return state;
            }
            Map<Integer, Terms> old = state.termsOf(changed);
            List<Terms> made = changed.parallelStream().map(id -> terms.apply(now.get(id))).toList();
            Set<Entry> touched = new HashSet<>();
            for (int i = 0; i < changed.size(); i++) {
                state.replace(changed.get(i), old.get(changed.get(i)), made.get(i), touched);
            }
            for (Entry entry : touched) {
                if (entry.isEmpty()) {
                    state.entries.remove(entry.term);
                } else {
                    entry.encode();
                }
            }
            return state;
        }

        /** Up to this many documents are looked up in each postings list; more, and every list is read through. */
        private static final int FEW = 8;

        /** The terms documents {@code ids} have in these entries: each term's frequency per field. */
        private Map<Integer, Terms> termsOf(List<Integer> ids) {
            Map<Integer, Terms> out = new HashMap<>();
            for (int id : ids) {
                List<Map<String, Integer>> fields = new ArrayList<>();
                for (int f = 0; f < FIELDS.size(); f++) {
                    fields.add(new HashMap<>());
                }
                out.put(id, new Terms(fields));
            }
            for (Entry entry : entries.values()) {
                for (int f = 0; f < FIELDS.size(); f++) {
                    Postings p = entry.byField[f];
                    if (p == null) {
                        continue;
                    }
                    if (ids.size() <= FEW) {
                        for (int id : ids) {
                            int at = p.find(id);
                            if (at < p.size / 2 && p.pairs[2 * at] == id) {
                                out.get(id).fields().get(f).put(entry.term, p.pairs[2 * at + 1]);
                            }
                        }
                    } else {
                        for (int i = 0; i < p.size; i += 2) {
                            Terms t = out.get(p.pairs[i]);
                            if (t != null) {
                                t.fields().get(f).put(entry.term, p.pairs[i + 1]);
                            }
                        }
                    }
                }
            }
            return out;
        }

        /**
         * Writes the entries for a build cache: each term with its postings and its entry as
         * written, so that reading them back makes no JSON.
         */
        static void write(Entries state, DataOutput out) throws IOException {
            out.writeInt(state.lengths.length / 2);
            out.write(state.lengths);
            for (int total : state.fieldTotals) {
                out.writeInt(total);
            }
            out.writeInt(state.entries.size());
            // One buffer for every postings list: one each allocated 20 MB a build at 10,000 articles.
            ByteBuffer pairs = ByteBuffer.allocate(1 << 12);
            for (Entry e : state.entries.values()) {
                out.writeUTF(e.term);
                out.writeInt(e.json.length);
                out.write(e.json);
                int fields = 0;
                for (int f = 0; f < FIELDS.size(); f++) {
                    fields |= e.byField[f] == null || e.byField[f].size == 0 ? 0 : 1 << f;
                }
                out.writeByte(fields);
                for (int f = 0; f < FIELDS.size(); f++) {
                    if ((fields & 1 << f) != 0) {
                        Postings p = e.byField[f];
                        if (pairs.capacity() < 4 * p.size) {
                            pairs = ByteBuffer.allocate(Math.max(4 * p.size, 2 * pairs.capacity()));
                        }
                        pairs.clear();
                        pairs.asIntBuffer().put(p.pairs, 0, p.size);
                        out.writeInt(p.size);
                        out.write(pairs.array(), 0, 4 * p.size);
                    }
                }
            }
        }

        /** Reads what {@link #write(Entries, DataOutput)} wrote. */
        static Entries read(DataInput in) throws IOException {
            int documents = in.readInt();
            Entries state = new Entries(documents);
            in.readFully(state.lengths);
            for (int f = 0; f < FIELDS.size(); f++) {
                state.fieldTotals[f] = in.readInt();
            }
            byte[] buffer = new byte[0];
            for (int n = in.readInt(); n > 0; n--) {
                Entry e = new Entry(in.readUTF());
                e.json = new byte[in.readInt()];
                in.readFully(e.json);
                int fields = in.readByte();
                for (int f = 0; f < FIELDS.size(); f++) {
                    if ((fields & 1 << f) != 0) {
                        Postings p = e.postings(f);
                        p.size = in.readInt();
                        if (p.size < 0 || p.size % 2 != 0) {
                            throw new IOException("postings of " + p.size + " numbers");
                        }
                        if (buffer.length < 4 * p.size) {
                            buffer = new byte[Math.max(4 * p.size, 2 * buffer.length)];
                        }
                        in.readFully(buffer, 0, 4 * p.size);
                        p.pairs = new int[Math.max(4, p.size)];
                        ByteBuffer.wrap(buffer, 0, 4 * p.size).asIntBuffer().get(p.pairs, 0, p.size);
                    }
                }
                state.entries.put(e.term, e);
            }
            return state;
        }

        /** Adds document {@code id}'s terms; {@code byTerm} holds every entry, by its term, and takes the new ones. */
        private void add(int id, Terms terms, Map<String, Entry> byTerm) {
            List<Map<String, Integer>> fields = terms.fields();
            for (int f = 0; f < fields.size(); f++) {
                int length = 0;
                for (Map.Entry<String, Integer> e : fields.get(f).entrySet()) {
                    Entry entry = byTerm.get(e.getKey());
                    if (entry == null) {
                        entry = new Entry(e.getKey());
                        byTerm.put(e.getKey(), entry);
                        entries.put(e.getKey(), entry);
                    }
                    entry.postings(f).put(id, e.getValue());
                    length += e.getValue();
                }
                fieldTotals[f] += length;
                setLength(id, f, length);
            }
        }

        /** Notes a document's title length, or its body length in units. */
        private void setLength(int id, int field, int length) {
            if (field == 0) {
                lengths[2 * id] = (byte) Math.min(255, Math.max(1, length));
            } else if (field == FIELDS.size() - 1) {
                lengths[2 * id + 1] = (byte) Math.min(255, Math.max(1, (length + BODY_LENGTH_UNIT / 2) / BODY_LENGTH_UNIT));
            }
        }

        /**
         * Replaces document {@code id}'s terms {@code old} by {@code now}: only the entries of terms
         * whose frequency in the document changed are touched (and encoded again).
         */
        private void replace(int id, Terms old, Terms now, Set<Entry> touched) {
            for (int f = 0; f < FIELDS.size(); f++) {
                Map<String, Integer> before = old.fields().get(f);
                Map<String, Integer> after = now.fields().get(f);
                for (Map.Entry<String, Integer> e : before.entrySet()) {
                    if (!e.getValue().equals(after.get(e.getKey()))) {
                        Entry entry = entries.get(e.getKey());
                        entry.byField[f].remove(id);
                        touched.add(entry);
                    }
                    fieldTotals[f] -= e.getValue();
                }
            }
            for (int f = 0; f < FIELDS.size(); f++) {
                Map<String, Integer> before = old.fields().get(f);
                Map<String, Integer> after = now.fields().get(f);
                int length = 0;
                for (Map.Entry<String, Integer> e : after.entrySet()) {
                    if (!e.getValue().equals(before.get(e.getKey()))) {
                        Entry entry = entries.computeIfAbsent(e.getKey(), Entry::new);
                        entry.postings(f).put(id, e.getValue());
                        touched.add(entry);
                    }
                    length += e.getValue();
                }
                fieldTotals[f] += length;
                setLength(id, f, length);
            }
        }
    }

    /** One term's postings per field, and its entry as written. */
    private static final class Entry {
        final String term;
        final Postings[] byField = new Postings[FIELDS.size()];
        byte[] json;

        Entry(String term) {
            this.term = term;
        }

        Postings postings(int field) {
            if (byField[field] == null) {
                byField[field] = new Postings();
            }
            return byField[field];
        }

        boolean isEmpty() {
            for (Postings p : byField) {
                if (p != null && p.size > 0) {
                    return false;
                }
            }
            return true;
        }

        void encode() {
            json = entry(term, byField);
        }
    }

    /** (document id, term frequency) pairs in id order. */
    private static final class Postings {
        private int[] pairs = new int[4];
        private int size;

        /** Adds a document; in id order this appends. */
        void put(int id, int frequency) {
            int at = size == 0 || pairs[size - 2] < id ? size : 2 * find(id);
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            System.arraycopy(pairs, at, pairs, at + 2, size - at);
            pairs[at] = id;
            pairs[at + 1] = frequency;
            size += 2;
        }

        void remove(int id) {
            int at = 2 * find(id);
            System.arraycopy(pairs, at + 2, pairs, at, size - at - 2);
            size -= 2;
        }

        /** The index of the first pair whose id is not below {@code id}. */
        private int find(int id) {
            int lo = 0;
            int hi = size / 2;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pairs[2 * mid] < id) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** A run of consecutive terms in sorted order, named by its first term, with their entries. */
    private record Shard(String first, List<byte[]> parts, int bytes) {
    }

    /** A shard's file: its entries in a JSON array. */
    private static byte[] json(List<byte[]> parts) {
        int size = 2;
        for (byte[] part : parts) {
            size += part.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(parts.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    /**
     * Cuts the sorted terms into runs of at most SHARD_BYTES (a term bigger than that alone).
     * Terms sharing a prefix are neighbours in this order, so a term and its completions are in
     * one shard or a few consecutive ones; Java and JavaScript both order strings by UTF-16 unit.
     */
    private static List<Shard> split(TreeMap<String, Entry> entries) {
        List<Shard> shards = new ArrayList<>();
        List<byte[]> run = new ArrayList<>();
        String first = null;
        int bytes = 0;
        for (Entry e : entries.values()) {
            int size = e.json.length + 1;
            if (!run.isEmpty() && bytes + size > SHARD_BYTES) {
                shards.add(new Shard(first, List.copyOf(run), bytes));
                run = new ArrayList<>();
                bytes = 0;
            }
            if (run.isEmpty()) {
                first = e.term;
            }
            run.add(e.json);
            bytes += size;
        }
        if (!run.isEmpty()) {
            shards.add(new Shard(first, List.copyOf(run), bytes));
        }
        return shards;
    }

    /** One index entry in MiniSearch's serialized form: {@code ["term",{"0":{"12":1},"3":{"12":4,"40":1}}]}. */
    private static byte[] entry(String term, Postings[] byField) {
        StringBuilder json = new StringBuilder(term.length() + 32);
        json.append("[\"").append(ESCAPE.quoteAsString(term)).append("\",{");
        boolean firstField = true;
        for (int f = 0; f < byField.length; f++) {
            Postings p = byField[f];
            if (p == null || p.size == 0) {
                continue;
            }
            json.append(firstField ? "\"" : ",\"").append(f).append("\":{");
            firstField = false;
            for (int i = 0; i < p.size; i += 2) {
                json.append(i == 0 ? "\"" : ",\"").append(p.pairs[i]).append("\":").append(p.pairs[i + 1]);
            }
            json.append('}');
        }
        return Utf8.bytes(json.append("}]"));
    }

    static byte[] docs(List<Doc> chunk) {
        return json(g -> {
            g.writeStartArray();
            for (Doc d : chunk) {
                g.writeStartArray();
                g.writeString(d.title());
                g.writeString(d.url());
                g.writeString(d.date() == null ? "" : d.date());
                g.writeString(d.source() == null ? "" : d.source());
                g.writeString(d.snippet());
                g.writeString(String.join(", ", d.tags()));
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }

    private byte[] meta(int count, int[] fieldTotals, byte[] lengths, List<Shard> shards) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("fields");
            for (String f : FIELDS) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("stopWords");
            for (String w : stopWords) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeNumberField("documentCount", count);
            g.writeArrayFieldStart("averageFieldLength");
            for (int total : fieldTotals) {
                g.writeNumber(count == 0 ? 0 : Math.round(total * 1000.0 / count) / 1000.0);
            }
            g.writeEndArray();
            g.writeNumberField("bodyLengthUnit", BODY_LENGTH_UNIT);
            g.writeStringField("lengths", Base64.getEncoder().encodeToString(lengths));
            g.writeNumberField("docsPerChunk", DOCS_PER_CHUNK);
            // Shard i is terms/i.json; it holds the terms from its first one to the next shard's first, excluded.
            g.writeArrayFieldStart("shardFirst");
            for (Shard shard : shards) {
                g.writeString(shard.first());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("shardBytes");
            for (Shard shard : shards) {
                g.writeNumber(shard.bytes());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            writing.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}

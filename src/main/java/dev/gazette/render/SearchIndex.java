package dev.gazette.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.gazette.model.Article;
import dev.gazette.output.OutputSink;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
    private static final Map<String, CharArraySet> STOP_WORDS = Map.of(
            "en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            "de", GermanAnalyzer.getDefaultStopSet(),
            "fr", FrenchAnalyzer.getDefaultStopSet(),
            "es", SpanishAnalyzer.getDefaultStopSet(),
            "it", ItalianAnalyzer.getDefaultStopSet(),
            "nl", DutchAnalyzer.getDefaultStopSet(),
            "pt", PortugueseAnalyzer.getDefaultStopSet());

    /** One document's terms: for each field, term to frequency. Made once per article and kept. */
    record Terms(List<Map<String, Integer>> fields) {
    }

    /** What a result shows. */
    record Doc(String title, String url, String date, String source, String snippet, List<String> tags) {
    }

    private final TreeSet<String> stopWords;

    SearchIndex(String language) {
        String key = language == null ? "" : language.toLowerCase(Locale.ROOT).split("-")[0];
        stopWords = new TreeSet<>();
        for (Object word : STOP_WORDS.getOrDefault(key, CharArraySet.EMPTY_SET)) {
            stopWords.add(term(new String((char[]) word)));
        }
    }

    /** The index terms of a text, in order, as the page's MiniSearch makes them. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separates(text.charAt(i))) {
                if (start >= 0) {
                    String term = term(text.substring(start, i));
                    if (!term.isEmpty() && term.length() <= MAX_TERM_LENGTH && !stopWords.contains(term)) {
                        out.add(term);
                    }
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
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
        fields.add(counts(terms(article.title())));
        fields.add(counts(terms(String.join(" ", tagNames))));
        fields.add(counts(terms(article.publication())));
        fields.add(counts(terms(article.text())));
        return new Terms(fields);
    }

    private static Map<String, Integer> counts(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        terms.forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts;
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
        Builder builder = builder(docs.size());
        for (int id = 0; id < terms.size(); id++) {
            builder.add(id, terms.get(id));
        }
        builder.write(docs, out);
    }

    /** An index filled document by document, so no more than a few documents' terms are held at once. */
    Builder builder(int documents) {
        return new Builder(documents);
    }

    final class Builder {
        // Each term's postings per field; documents are added in id order, so each list is sorted.
        private final Map<String, Postings[]> postings = new HashMap<>();
        private final int[] fieldTotals = new int[FIELDS.size()];
        private final byte[] lengths;

        private Builder(int documents) {
            lengths = new byte[documents * 2];
        }

        /** Adds document {@code id}'s terms; ids come in increasing order. */
        void add(int id, Terms terms) {
            List<Map<String, Integer>> fields = terms.fields();
            for (int f = 0; f < fields.size(); f++) {
                int length = 0;
                for (Map.Entry<String, Integer> e : fields.get(f).entrySet()) {
                    Postings[] byField = postings.computeIfAbsent(e.getKey(), k -> new Postings[FIELDS.size()]);
                    if (byField[f] == null) {
                        byField[f] = new Postings();
                    }
                    byField[f].add(id, e.getValue());
                    length += e.getValue();
                }
                fieldTotals[f] += length;
                if (f == 0) {
                    lengths[2 * id] = (byte) Math.min(255, Math.max(1, length));
                } else if (f == FIELDS.size() - 1) {
                    lengths[2 * id + 1] = (byte) Math.min(255, Math.max(1, (length + BODY_LENGTH_UNIT / 2) / BODY_LENGTH_UNIT));
                }
            }
        }

        void write(List<Doc> docs, OutputSink out) {
            Map<String, byte[]> entries = new TreeMap<>();
            postings.forEach((term, byField) -> entries.put(term, entry(term, byField)));
            postings.clear();
            List<Shard> shards = split(entries);
            for (int i = 0; i < shards.size(); i++) {
                out.write(DIR + "terms/" + i + ".json", shards.get(i).json(entries));
            }
            for (int chunk = 0; chunk * DOCS_PER_CHUNK < docs.size(); chunk++) {
                out.write(DIR + "docs/" + chunk + ".json",
                        docs(docs.subList(chunk * DOCS_PER_CHUNK, Math.min(docs.size(), (chunk + 1) * DOCS_PER_CHUNK))));
            }
            out.write(DIR + "meta.json", meta(docs.size(), fieldTotals, lengths, shards));
        }
    }

    /** (document id, term frequency) pairs, appended in id order. */
    private static final class Postings {
        private int[] pairs = new int[4];
        private int size;

        void add(int id, int frequency) {
            if (size + 2 > pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = id;
            pairs[size++] = frequency;
        }
    }

    /** A run of consecutive terms in sorted order, named by its first term. */
    private record Shard(List<String> terms, int bytes) {
        String first() {
            return terms.get(0);
        }

        byte[] json(Map<String, byte[]> entries) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 2);
            out.write('[');
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeBytes(entries.get(terms.get(i)));
            }
            out.write(']');
            return out.toByteArray();
        }
    }

    /**
     * Cuts the sorted terms into runs of at most SHARD_BYTES (a term bigger than that alone).
     * Terms sharing a prefix are neighbours in this order, so a term and its completions are in
     * one shard or a few consecutive ones; Java and JavaScript both order strings by UTF-16 unit.
     */
    private static List<Shard> split(Map<String, byte[]> entries) {
        List<Shard> shards = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int bytes = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            int size = e.getValue().length + 1;
            if (!run.isEmpty() && bytes + size > SHARD_BYTES) {
                shards.add(new Shard(run, bytes));
                run = new ArrayList<>();
                bytes = 0;
            }
            run.add(e.getKey());
            bytes += size;
        }
        if (!run.isEmpty()) {
            shards.add(new Shard(run, bytes));
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
            if (p == null) {
                continue;
            }
            json.append(firstField ? "\"" : ",\"").append(f).append("\":{");
            firstField = false;
            for (int i = 0; i < p.size; i += 2) {
                json.append(i == 0 ? "\"" : ",\"").append(p.pairs[i]).append("\":").append(p.pairs[i + 1]);
            }
            json.append('}');
        }
        return json.append("}]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] docs(List<Doc> chunk) {
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

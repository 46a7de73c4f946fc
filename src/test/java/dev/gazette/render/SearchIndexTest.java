package dev.gazette.render;

import dev.gazette.model.IdentityChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.model.Article;
import dev.gazette.model.Origin;
import dev.gazette.model.Steps;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import dev.gazette.model.UpdatableStep;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

class SearchIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void splitsWhereMiniSearchsDefaultTokenizerSplits() {
        // MiniSearch's tokenizer: text.split(/[\n\r\p{Z}\p{P}]+/u).
        Pattern miniSearch = Pattern.compile("[\\n\\r\\p{Z}\\p{P}]");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate(c)) {
                assertThat(SearchIndex.separates(c)).as("U+%04X", (int) c)
                        .isEqualTo(miniSearch.matcher(String.valueOf(c)).matches());
            }
        }
    }

    @Test
    void termsAreLowerCasedWithoutAccentsAndStopWords() {
        SearchIndex index = new SearchIndex("en");
        assertThat(index.terms("The Zoë-class ferry's “first” run, in Malmö\u00a0today!"))
                .containsExactly("zoe", "class", "ferry", "s", "first", "run", "malmo", "today");
        assertThat(new SearchIndex("xx").terms("the end")).containsExactly("the", "end");
        // Each language's stop words are its analyzer's, as the cleaner and the linker read them.
        assertThat(new SearchIndex("de-AT").terms("Die Fähre und der Hafen")).containsExactly("fahre", "hafen");
        assertThat(new SearchIndex("sv").terms("Färjan och hamnen")).containsExactly("farjan", "hamnen");
        assertThat(new SearchIndex("nb").terms("Ferja og havnen")).containsExactly("ferja", "havnen");
        assertThat(new SearchIndex("ru").terms("Паром и гавань")).containsExactly("паром", "гавань");
    }

    @Test
    void termsAreCountedAsSplittingOnMiniSearchsPatternAndCountingThemWould() {
        // The reference: MiniSearch's split, each token through term(), stop words and long terms
        // dropped, counted in a map in the order terms first occur.
        String[] pieces = {"a", "B", "z", "Q", "0", "7", "é", "Ö", "\u0301", "ß", "İ", "K", "\u212a", "東",
                "😀", " ", " ", "\u00a0", "\n", "\r", ",", ".", "-", "—", "“", "”", "'", "_", "(", "!", "$", "+",
                "the ", "The ", "AND ", "ÉTÉ ", "x".repeat(32), "Y".repeat(33), "é".repeat(32), "é".repeat(33)};
        Set<String> stop = new HashSet<>();
        for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            stop.add(SearchIndex.term(new String((char[]) w)));
        }
        SearchIndex index = new SearchIndex("en");
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expected = new ArrayList<>();
            for (String token : text.toString().split("[\\n\\r\\p{Z}\\p{P}]+")) {
                String term = token.isEmpty() ? "" : SearchIndex.term(token);
                if (!term.isEmpty() && term.length() <= 32 && !stop.contains(term)) {
                    expected.add(term);
                }
            }
            Map<String, Integer> counted = new HashMap<>();
            expected.forEach(t -> counted.merge(t, 1, Integer::sum));
            assertThat(index.terms(text.toString())).as(text.toString()).isEqualTo(expected);
            Map<String, Integer> body = index.terms(article("t", text.toString()), List.of()).fields().get(3);
            assertThat(body).as(text.toString()).isEqualTo(counted);
            assertThat(new ArrayList<>(body.keySet())).isEqualTo(new ArrayList<>(counted.keySet()));
        }
    }

    @Test
    void writesShardsInMiniSearchsFormatCoveringEveryTermOnce() throws Exception {
        SearchIndex index = new SearchIndex("en");
        List<SearchIndex.Doc> docs = new ArrayList<>();
        List<SearchIndex.Terms> terms = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 200; w++) {
                body.append("word").append((i * 7 + w * 13) % 997).append(' ');
            }
            Article a = article("Tram number " + i, body.toString());
            terms.add(index.terms(a, List.of("Transport")));
            docs.add(new SearchIndex.Doc(a.title(), "/sub/articles/a" + i + "/", "1 May 2025", "Gazette", "snippet " + i,
                    List.of("Transport")));
        }
        Map<String, byte[]> files = new TreeMap<>();
        index.write(docs, terms, files::put);
        Map<String, byte[]> again = new TreeMap<>();
        index.write(docs, terms, again::put);
        assertThat(again.keySet()).isEqualTo(files.keySet());
        files.forEach((path, bytes) -> assertThat(again.get(path)).as(path).isEqualTo(bytes));

        JsonNode meta = JSON.readTree(files.get("search/meta.json"));
        assertThat(meta.get("documentCount").asInt()).isEqualTo(300);
        assertThat(meta.get("fields").toString()).isEqualTo("[\"title\",\"tags\",\"source\",\"body\"]");
        int shards = meta.get("shardFirst").size();
        assertThat(shards).isGreaterThan(1);
        List<String> all = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            byte[] bytes = files.get("search/terms/" + s + ".json");
            assertThat(bytes.length).isLessThanOrEqualTo(SearchIndex.SHARD_BYTES + 2);
            JsonNode entries = JSON.readTree(bytes);
            assertThat(entries.get(0).get(0).asText()).isEqualTo(meta.get("shardFirst").get(s).asText());
            entries.forEach(e -> all.add(e.get(0).asText()));
        }
        assertThat(all).isSorted().doesNotHaveDuplicates().contains("tram", "number", "transport", "gazette", "word5");

        JsonNode tram = find(files, shards, "tram");
        assertThat(tram.get(1).get("0").size()).as("every title has 'tram'").isEqualTo(300);
        assertThat(tram.get(1).has("3")).as("no body has it").isFalse();
        JsonNode number7 = find(files, shards, "7");
        assertThat(number7.get(1).get("0").fieldNames()).toIterable().containsExactly("7");

        JsonNode chunk = JSON.readTree(files.get("search/docs/1.json"));
        assertThat(chunk.size()).isEqualTo(SearchIndex.DOCS_PER_CHUNK);
        assertThat(chunk.get(0).get(0).asText()).isEqualTo("Tram number 10");
        assertThat(chunk.get(0).get(1).asText()).isEqualTo("/sub/articles/a10/");
    }

    @Test
    void entriesUpdatedDocumentByDocumentAreWrittenAsEntriesMadeAfresh() {
        SearchIndex index = new SearchIndex("en");
        Random random = new Random(5);
        List<SearchIndex.Terms> terms = new ArrayList<>();
        List<SearchIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            terms.add(index.terms(article("Ferry " + i, words(random)), List.of("Transport")));
            docs.add(new SearchIndex.Doc("Ferry " + i, "/a" + i + "/", null, null, "", List.of()));
        }
        SearchIndex.Entries entries = SearchIndex.Entries.of(terms, t -> t);
        for (int edit = 0; edit < 40; edit++) {
            List<SearchIndex.Terms> now = new ArrayList<>(terms);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                // Titles and tags change too, so terms leave fields and whole entries go.
                now.set(random.nextInt(now.size()), index.terms(article("Boat " + edit, words(random)),
                        random.nextBoolean() ? List.of() : List.of("Harbour " + edit)));
            }
            SearchIndex.Entries updated = SearchIndex.Entries.update(entries, now, new IdentityChange<>(terms, now), 3, t -> t);
            assertThat(updated).isSameAs(entries);
            Map<String, byte[]> written = new TreeMap<>();
            index.write(docs, updated, written::put);
            Map<String, byte[]> fresh = new TreeMap<>();
            index.write(docs, now, fresh::put);
            assertThat(written.keySet()).as("edit %d", edit).isEqualTo(fresh.keySet());
            fresh.forEach((path, bytes) -> assertThat(new String(written.get(path), StandardCharsets.UTF_8))
                    .as(path).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
            terms = now;
            // Every other edit goes on from the entries as a build cache writes and reads them back.
            if (edit % 2 == 1) {
                entries = readBack(updated);
            }
        }
        List<SearchIndex.Terms> fewer = terms.subList(1, terms.size());
        assertThat(SearchIndex.Entries.update(entries, fewer, new IdentityChange<>(terms, fewer), 3, t -> t)).as("ids moved: made afresh").isNull();
        List<SearchIndex.Terms> many = new ArrayList<>(terms);
        for (int i = 0; i < 4; i++) {
            many.set(i, index.terms(article("Many " + i, "words"), List.of()));
        }
        assertThat(SearchIndex.Entries.update(entries, many, new IdentityChange<>(terms, many), 3, t -> t)).as("more than allowed").isNull();
    }

    /**
     * Entries whose postings outgrow the buffer the state is written through (a term in every
     * one of 1,500 documents: 3,000 numbers) read back as the same index.
     */
    @Test
    void entriesWithLongPostingsReadBackAsWritten() {
        SearchIndex index = new SearchIndex("en");
        Random random = new Random(11);
        List<SearchIndex.Terms> terms = new ArrayList<>();
        List<SearchIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            terms.add(index.terms(article("Ferry " + i, "harbour " + words(random)), List.of("Transport")));
            docs.add(new SearchIndex.Doc("Ferry " + i, "/a" + i + "/", null, null, "", List.of()));
        }
        SearchIndex.Entries entries = SearchIndex.Entries.of(terms, t -> t);
        Map<String, byte[]> written = new TreeMap<>();
        index.write(docs, readBack(entries), written::put);
        Map<String, byte[]> fresh = new TreeMap<>();
        index.write(docs, entries, fresh::put);
        assertThat(written.keySet()).isEqualTo(fresh.keySet());
        fresh.forEach((path, bytes) -> assertThat(new String(written.get(path), StandardCharsets.UTF_8))
                .as(path).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * The articles' entries kept between builds, with the articles themselves as elements: after
     * edits and tags renamed (which change the terms of articles that are the same objects), the
     * updated entries write the index that entries made afresh write; every other update goes on
     * from the state as a build cache writes and reads it back.
     */
    @Test
    void articleEntriesUpdatedAfterEditsAndRenamedTagsAreWrittenAsEntriesMadeAfresh() throws Exception {
        SearchIndex index = new SearchIndex("en");
        Random random = new Random(8);
        List<String> slugs = List.of("port", "rail", "ferry", "bus", "tram");
        Map<String, String> names = new HashMap<>();
        for (String slug : slugs) {
            names.put(slug, "The " + slug);
        }
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            articles.add(tagged("Ferry " + i, words(random), slugs, random));
        }
        SearchIndex.ArticleEntries state = articleEntries(index, names).fresh().apply(articles, Steps.DIRECT);
        int renames = 0;
        for (int edit = 0; edit < 40; edit++) {
            List<Article> now = new ArrayList<>(articles);
            for (int c = random.nextInt(3); c > 0; c--) {
                now.set(random.nextInt(now.size()), tagged("Boat " + edit, words(random), slugs, random));
            }
            Map<String, String> renamed = new HashMap<>(names);
            if (random.nextInt(3) == 0) {
                renamed.put(slugs.get(random.nextInt(slugs.size())), "Renamed " + edit);
                renames++;
            }
            var step = articleEntries(index, renamed);
            SearchIndex.ArticleEntries updated = step.update().apply(state, now, new IdentityChange<>(articles, now), 80, Steps.DIRECT);
            SearchIndex.ArticleEntries fresh = step.fresh().apply(now, Steps.DIRECT);
            assertThat(updated).as("edit %d: updated, not made afresh", edit).isNotNull();
            Map<String, byte[]> written = new TreeMap<>();
            index.writeTerms(now.size(), updated.entries(), written::put);
            Map<String, byte[]> made = new TreeMap<>();
            index.writeTerms(now.size(), fresh.entries(), made::put);
            assertThat(written.keySet()).as("edit %d", edit).isEqualTo(made.keySet());
            for (Map.Entry<String, byte[]> file : made.entrySet()) {
                assertThat(new String(written.get(file.getKey()), StandardCharsets.UTF_8))
                        .as("edit %d: %s", edit, file.getKey())
                        .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
            }
            articles = now;
            names = renamed;
            state = updated;
            if (edit % 2 == 1) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                SearchIndex.ARTICLE_ENTRIES.write(state, new DataOutputStream(bytes));
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
                state = SearchIndex.ARTICLE_ENTRIES.read(in);
                assertThat(in.read()).as("everything written is read").isEqualTo(-1);
                assertThat(state.tagNames()).isEqualTo(names);
            }
        }
        assertThat(renames).isPositive();
    }

    private static UpdatableStep<Article, SearchIndex.ArticleEntries> articleEntries(
            SearchIndex index, Map<String, String> names) {
        return SearchIndex.articleEntries(names, a -> index.terms(a, a.tags().stream().map(names::get).toList()));
    }

    private static Article tagged(String title, String text, List<String> slugs, Random random) {
        List<String> tags = slugs.stream().filter(slug -> random.nextInt(3) == 0).toList();
        return new Article("x.md", "x", title, "", "<p>" + text + "</p>", text, null, "Gazette", null,
                ZonedDateTime.of(2025, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC), "en", null, tags, null, false, false,
                200, "x", "x.md", Origin.OUTLET);
    }

    private static SearchIndex.Entries readBack(SearchIndex.Entries entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SearchIndex.Entries.write(entries, new DataOutputStream(bytes));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            SearchIndex.Entries read = SearchIndex.Entries.read(in);
            assertThat(in.read()).as("everything written is read").isEqualTo(-1);
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String words(Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 30; w++) {
            text.append("word").append((int) Math.pow(300, random.nextDouble())).append(' ');
        }
        return text.toString();
    }

    private static JsonNode find(Map<String, byte[]> files, int shards, String term) throws Exception {
        for (int s = 0; s < shards; s++) {
            for (JsonNode e : JSON.readTree(files.get("search/terms/" + s + ".json"))) {
                if (e.get(0).asText().equals(term)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no entry for " + term);
    }

    private static Article article(String title, String text) {
        return new Article("x.md", "x", title, "", "<p>" + text + "</p>", text, null, "Gazette", null,
                ZonedDateTime.of(2025, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC), "en", null, List.of(), null, false, false,
                200, "x", "x.md", Origin.OUTLET);
    }
}

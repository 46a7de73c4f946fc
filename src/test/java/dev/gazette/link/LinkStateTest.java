package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.IdentityChange;
import dev.gazette.model.Origin;
import dev.gazette.model.Problem;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.model.Tag;
import dev.gazette.model.UpdatableStep;
import dev.gazette.source.YamlMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link stage's state brought up to date edit after edit (as the preview keeps it) gives the
 * digest and warnings a link from nothing gives, for random sequences of edits: articles added,
 * removed, retagged, redated, retitled, their bodies or originals changed.
 */
class LinkStateTest {
    private static final String[] NAMES = {"Valdoria", "Ilse Maren", "Port Alden", "Mira Quell", "Wend River",
            "Central Bank", "Harbour Authority", "Ostrava Works", "NATO", "Tomas Brel"};
    private static final String[] WORDS = ("the a rate cut river harbour bank said on Thursday after months of talks "
            + "workers ferry inflation council vote budget strike storm flood bridge trade plan minister report").split(" ");
    private static final String[] TAGS = {"Economy", "economy", "Transport", "Weather", "AI", "ai", "Valdoria", "!!!", "Energy"};

    /**
     * Steps run directly, counting the per-article ones, and one state kept from build to build as
     * the preview keeps it, or (through the codec) as a build cache keeps it: written after each
     * build and read back before the next.
     */
    private static final class KeptState implements Steps {
        private final int limit;
        private final boolean throughCodec;
        private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        private Object lastInput;
        private Object lastState;
        int updated;

        KeptState(int limit) {
            this(limit, false);
        }

        KeptState(int limit, boolean throughCodec) {
            this.limit = limit;
            this.throughCodec = throughCodec;
        }

        @Override
        public <I, O> O run(Step<I, O> step, I input) {
            runs.computeIfAbsent(step.name(), k -> new AtomicInteger()).incrementAndGet();
            return step.apply(input);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E, S> S update(UpdatableStep<E, S> step, List<E> input) {
            if (!step.name().equals("link.digest")) {
                return step.fresh().apply(input, this);
            }
            if (throughCodec && lastState != null) {
                lastState = writtenAndRead(step.codec(), (S) lastState);
            }
            S state = lastState == null ? null
                    : step.update().apply((S) lastState, input, new IdentityChange<>((List<E>) lastInput, input), limit, this);
            if (state == null) {
                state = step.fresh().apply(input, this);
            } else {
                updated++;
            }
            lastInput = input;
            lastState = state;
            return state;
        }

        private static <S> S writtenAndRead(UpdatableStep.Codec<S> codec, S state) {
            try {
                InMemory in = new InMemory(written(codec, state));
                S read = codec.read(in);
                assertThat(in.read()).as("read to the end").isEqualTo(-1);
                return read;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The state the last link left. */
        LinkState state() {
            return (LinkState) lastState;
        }

        int runsOf(String step) {
            AtomicInteger n = runs.get(step);
            return n == null ? 0 : n.get();
        }
    }

    /** The bytes {@code codec} writes of {@code state}. */
    private static <S> byte[] written(UpdatableStep.Codec<S> codec, S state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        codec.write(state, out);
        out.flush();
        return bytes.toByteArray();
    }

    /** A codec's input in memory, as a build cache's is: a state read from it keeps its parts' bytes. */
    private static final class InMemory extends DataInputStream implements UpdatableStep.ByteInput {
        private final byte[] all;

        InMemory(byte[] all) {
            super(new ByteArrayInputStream(all));
            this.all = all;
        }

        @Override
        public int position() {
            try {
                return all.length - available();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ByteBuffer bytesSince(int from) {
            return ByteBuffer.wrap(all, from, position() - from).slice();
        }
    }

    /**
     * A state read back and brought up to date after one article's edit writes the parts of its
     * entries that article is not in as the bytes read, and those are the bytes encoding the
     * state whole gives.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void entriesKeptAsTheirBytesAreTheBytesEncodingThemGives(boolean withVocabulary) throws IOException {
        SiteConfig site = withVocabulary ? vocabularySite() : SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        Random random = new Random(17);
        List<Article> articles = new ArrayList<>();
        int n = 200;
        int part = LinkState.partSize(n);
        assertThat(part).as("entries a part").isEqualTo(4);
        for (int i = 0; i < n; i++) {
            articles.add(article(random, i));
        }
        KeptState steps = new KeptState(Integer.MAX_VALUE, true);
        Linker linker = new Linker(site, steps);
        linker.link(articles, p -> { });
        int edited = part + 1;
        articles = new ArrayList<>(articles);
        articles.set(edited, withBody(articles.get(edited), articles.get(edited).text() + " The bridge reopened."));
        linker.link(articles, p -> { });
        LinkState state = steps.state();
        assertThat(state.read()).as("made from a state read back").isNotNull();
        LinkState.Entry[] entries = state.entries();
        assertThat(state.read().holds(entries, 0, part)).isTrue();
        assertThat(state.read().holds(entries, part, 2 * part)).as("the edited article's").isFalse();
        assertThat(state.read().holds(entries, n - part, n)).isTrue();
        LinkState encoded = new LinkState(entries, state.order(), state.automaticTags(), state.problems(),
                state.similarity(), state.lists(), state.suggestions(), state.tags(), state.slugBySource(), null);
        assertThat(written(LinkState.CODEC, state)).isEqualTo(written(LinkState.CODEC, encoded));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void everySequenceOfEditsGivesTheDigestOfALinkFromNothing(boolean withVocabulary, boolean throughCodec) {
        SiteConfig site = withVocabulary ? vocabularySite() : SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        int updates = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed * 31 + (withVocabulary ? 7 : 0) + (throughCodec ? 3 : 0));
            int limit = new int[] {0, 1, 3, Integer.MAX_VALUE}[random.nextInt(4)];
            KeptState steps = new KeptState(limit, throughCodec);
            Linker kept = new Linker(site, steps);
            List<Article> articles = new ArrayList<>();
            int next = 0;
            for (; next < 12 + random.nextInt(12); next++) {
                articles.add(article(random, next));
            }
            for (int edit = 0; edit < 14; edit++) {
                List<Problem> keptProblems = new ArrayList<>();
                Digest incremental = kept.link(articles, keptProblems::add);
                List<Problem> freshProblems = new ArrayList<>();
                Digest fresh = new Linker(site).link(articles, freshProblems::add);
                assertThat(incremental).as("seed %d, edit %d", seed, edit).isEqualTo(fresh);
                assertThat(keptProblems).as("seed %d, edit %d", seed, edit).isEqualTo(freshProblems);
                articles = edited(random, articles, next++);
            }
            updates += steps.updated;
        }
        assertThat(updates).as("states brought up to date rather than made afresh").isGreaterThan(50);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void aBodyEditRunsTheStepsOfThatArticleOnly(boolean withVocabulary, boolean throughCodec) {
        SiteConfig site = withVocabulary ? vocabularySite() : SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        Random random = new Random(5);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            articles.add(article(random, i));
        }
        KeptState steps = new KeptState(Integer.MAX_VALUE, throughCodec);
        Linker linker = new Linker(site, steps);
        linker.link(articles, p -> { });
        // Without a vocabulary an article's entities and terms are read together, by one step.
        String terms = withVocabulary ? "link.terms" : "link.text";
        assertThat(steps.runsOf(terms)).isEqualTo(40);
        articles = new ArrayList<>(articles);
        articles.set(17, withBody(articles.get(17), articles.get(17).text() + " One more sentence about the bridge."));
        Digest d = linker.link(articles, p -> { });
        assertThat(steps.updated).isEqualTo(1);
        assertThat(steps.runsOf(terms)).as("terms of the edited article only").isEqualTo(41);
        assertThat(steps.runsOf(withVocabulary ? "link.text" : "link.terms")).isZero();
        assertThat(steps.runsOf("link.hrefs")).isEqualTo(41);
        assertThat(steps.runsOf("link.tags")).isEqualTo(41);
        assertThat(steps.runsOf("link.entities")).isZero();
        // A state read back keeps no articles: their linked bodies are asked of the step again,
        // which a build cache (storing none) answers with texts linked when a page first reads them.
        assertThat(steps.runsOf("link.body")).isEqualTo(throughCodec ? 80 : 41);
        assertThat(d).isEqualTo(new Linker(site).link(articles, p -> { }));
    }

    /**
     * A story split and joined again by a curator's key, one article's tags changed and a tag
     * dropped from every article, each in the preview's memory and across a state read back as a
     * build cache keeps it: each link gives the digest of a link from nothing, and a one-article
     * edit brings the lists up to date rather than making them again.
     */
    /**
     * The newest article, edited to write a tag the others are given automatically, is the tag's
     * first article: the tag as written (no aliases) is the tag of the site, not the suggested one
     * the last build's map held under the same name.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aTagWrittenByTheNewestArticleReplacesTheSuggestedOneOfTheSameName(boolean throughCodec) {
        SiteConfig site = SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        Random random = new Random(3);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Article a = article(random, i);
            // The first article the newest.
            ZonedDateTime date = ZonedDateTime.of(2026, 3, 20, 9, 0, 0, 0, ZoneOffset.UTC).minusDays(i);
            articles.add(withBody(with(a.withTags(List.of()), "Report " + i, date, null), i == 0 ? ownWords(i)
                    : "Valdoria said on Thursday that Valdoria will cut the rate. The council of Valdoria met. " + ownWords(i)));
        }
        KeptState steps = new KeptState(Integer.MAX_VALUE, throughCodec);
        Linker linker = new Linker(site, steps);
        Digest before = linker.link(List.copyOf(articles), p -> { });
        assertThat(before.tags()).extracting(g -> g.tag().slug()).contains("valdoria");
        articles.set(0, articles.get(0).withTags(List.of("Valdoria")));
        List<Problem> problems = new ArrayList<>();
        Digest incremental = linker.link(List.copyOf(articles), problems::add);
        List<Problem> freshProblems = new ArrayList<>();
        assertThat(incremental).isEqualTo(new Linker(site).link(List.copyOf(articles), freshProblems::add));
        assertThat(problems).isEqualTo(freshProblems);
        assertThat(steps.updated).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void storiesSplitAndJoinedAndTagListsChangedKeepTheListsUpToDate(boolean throughCodec) {
        SiteConfig site = vocabularySite();
        Random random = new Random(11);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Words of its own: no two articles are reports of one event but by the curator's key.
            Article a = withBody(article(random, i), ownWords(i));
            articles.add(withStory(a.withTags(i % 3 == 0 ? List.of("Transport", "Energy") : List.of("Weather")),
                    i >= 3 && i <= 5 ? "harbour strike" : null));
        }
        KeptState steps = new KeptState(Integer.MAX_VALUE, throughCodec);
        Linker linker = new Linker(site, steps);
        assertThat(storyOf(linker.link(List.copyOf(articles), p -> { }), "harbour-strike"))
                .containsExactlyInAnyOrder("a3", "a4", "a5");

        articles.set(5, withStory(articles.get(5), "ferry vote"));
        Digest split = linkedAsFromNothing(linker, steps, site, articles, true);
        assertThat(storyOf(split, "harbour-strike")).as("split").containsExactlyInAnyOrder("a3", "a4");

        articles.set(5, withStory(articles.get(5), "harbour strike"));
        Digest joined = linkedAsFromNothing(linker, steps, site, articles, true);
        assertThat(storyOf(joined, "harbour-strike")).as("joined").containsExactlyInAnyOrder("a3", "a4", "a5");

        articles.set(4, withStory(articles.get(4), null));
        articles.set(5, withStory(articles.get(5), null));
        linkedAsFromNothing(linker, steps, site, articles, false);

        articles.set(7, articles.get(7).withTags(List.of("Energy", "AI")));
        Digest retagged = linkedAsFromNothing(linker, steps, site, articles, true);
        assertThat(retagged.tags()).extracting(g -> g.tag().slug()).contains("ai");

        articles.replaceAll(a -> a.withTags(a.tags().stream().filter(t -> !t.equals("Transport")).toList()));
        Digest dropped = linkedAsFromNothing(linker, steps, site, articles, false);
        assertThat(dropped.tags()).extracting(g -> g.tag().slug()).doesNotContain("transport");
    }

    /** Links {@code articles} with the kept state, checks the digest against a link from nothing, and returns it. */
    private static Digest linkedAsFromNothing(Linker linker, KeptState steps, SiteConfig site, List<Article> articles,
                                              boolean oneEdit) {
        // A copy: the kept state holds on to the input it was made from, which the test goes on editing.
        Digest digest = linker.link(List.copyOf(articles), p -> { });
        Digest fresh = new Linker(site).link(articles, p -> { });
        assertThat(digest).isEqualTo(fresh);
        if (oneEdit) {
            assertThat(steps.state().lists().remade()).as("related lists made again after one edit")
                    .isLessThan(articles.size());
        }
        return digest;
    }

    /** Sentences of words no other article uses. */
    private static String ownWords(int article) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 40; w++) {
            text.append("qu").append((char) ('a' + article % 26)).append((char) ('a' + article / 26))
                    .append((char) ('a' + w % 26)).append((char) ('a' + w / 26)).append(w % 8 == 7 ? ". " : " ");
        }
        return text.toString().strip();
    }

    private static List<String> storyOf(Digest digest, String slug) {
        return digest.stories().stream().filter(s -> s.slug().equals(slug)).flatMap(s -> s.articles().stream())
                .map(Article::slug).toList();
    }

    private static SiteConfig vocabularySite() {
        return new SiteConfig("t", "d", URI.create("https://x.example/"), "en", ZoneOffset.UTC,
                null, 10, 10, SiteConfig.Edition.WEEKLY,
                List.of(new Tag("valdoria", "Valdoria", null, List.of("Valdoria", "Valdorian")),
                        new Tag("ilse-maren", "Ilse Maren", null, List.of()),
                        new Tag("port-alden", "Port Alden", null, List.of("Alden")),
                        new Tag("nato", "NATO", null, List.of())),
                null, false, null, SiteConfig.Feed.ARTICLES, 1 << 20);
    }

    /** One of the edits a curator makes, to a random article (or a new one). */
    private static List<Article> edited(Random random, List<Article> articles, int next) {
        List<Article> out = new ArrayList<>(articles);
        int kind = out.isEmpty() ? 0 : random.nextInt(9);
        int i = out.isEmpty() ? 0 : random.nextInt(out.size());
        switch (kind) {
            case 0 -> out.add(random.nextInt(out.size() + 1), article(random, next));
            case 1 -> out.remove(i);
            case 2 -> out.set(i, out.get(i).withTags(tags(random)));
            case 3 -> out.set(i, with(out.get(i), out.get(i).title(), date(random), out.get(i).sourceUrl()));
            case 4 -> out.set(i, with(out.get(i), sentence(random, 6), out.get(i).date(), out.get(i).sourceUrl()));
            case 5 -> out.set(i, withBody(out.get(i), text(random)));
            case 6 -> out.set(i, with(out.get(i), out.get(i).title(), out.get(i).date(),
                    random.nextBoolean() ? null : source(random)));
            case 7 -> out.set(i, withStory(out.get(i), random.nextBoolean() ? null : "story " + random.nextInt(2)));
            default -> {
                // Several at once, as a pull or a bulk rename brings them.
                for (int k = 0; k < 3 && !out.isEmpty(); k++) {
                    int j = random.nextInt(out.size());
                    out.set(j, withBody(out.get(j), text(random)));
                }
            }
        }
        return out;
    }

    private static Article article(Random random, int n) {
        String text = text(random);
        return new Article("a" + n + ".md", "a" + n, sentence(random, 5), text.substring(0, 40), html(random, text), text,
                null, null, random.nextInt(3) == 0 ? source(random) : null, date(random), "en", null, tags(random),
                random.nextInt(8) == 0 ? "story " + random.nextInt(2) : null, random.nextInt(4) != 0, false,
                text.split(" ").length, "urn:" + n, "a" + n + ".md", Origin.OUTLET);
    }

    private static Article with(Article a, String title, ZonedDateTime date, String source) {
        return new Article(a.sourceFile(), a.slug(), title, a.summary(), a.html(), a.text(), a.author(),
                a.publication(), source, date, a.lang(), a.image(), a.tags(), a.story(), a.linkTags(), a.draft(),
                a.wordCount(), a.guid(), a.sourcePath(), a.origin());
    }

    /** The article with a curator's story key given, changed or taken away: a story joins, splits or goes. */
    private static Article withStory(Article a, String story) {
        return new Article(a.sourceFile(), a.slug(), a.title(), a.summary(), a.html(), a.text(), a.author(),
                a.publication(), a.sourceUrl(), a.date(), a.lang(), a.image(), a.tags(), story, a.linkTags(), a.draft(),
                a.wordCount(), a.guid(), a.sourcePath(), a.origin());
    }

    private static Article withBody(Article a, String text) {
        Article changed = new Article(a.sourceFile(), a.slug(), a.title(), a.summary(), a.html(), text, a.author(),
                a.publication(), a.sourceUrl(), a.date(), a.lang(), a.image(), a.tags(), a.story(), a.linkTags(),
                a.draft(), a.wordCount(), a.guid(), a.sourcePath(), a.origin());
        return changed.withHtml(html(new Random(text.hashCode()), text));
    }

    /** Paragraphs of the text, sometimes with a link to an original another article may have. */
    private static String html(Random random, String text) {
        String link = random.nextBoolean() ? " <a href=\"" + source(random) + "\">as reported</a>" : "";
        return "<p>" + text + link + "</p>";
    }

    private static String source(Random random) {
        return "https://outlet.example/news/" + random.nextInt(6) + (random.nextBoolean() ? "/" : "");
    }

    /**
     * Days around the end of March 2025 (a Monday: a week's edition and a month begin on the
     * 31st and the 1st), at any hour, in zones whose local dates differ from UTC's near midnight:
     * a redating often moves an article to another edition or month, and newest first is not
     * always month by month.
     */
    private static ZonedDateTime date(Random random) {
        ZoneOffset[] zones = {ZoneOffset.UTC, ZoneOffset.ofHours(9), ZoneOffset.ofHours(-7)};
        return random.nextInt(10) == 0 ? null
                : ZonedDateTime.of(2025, 3, 24, random.nextInt(24), 0, 0, 0, zones[random.nextInt(zones.length)])
                        .plusDays(random.nextInt(14));
    }

    private static List<String> tags(Random random) {
        List<String> tags = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        return tags;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 4 + random.nextInt(4); s++) {
            text.append(sentence(random, 8 + random.nextInt(8))).append(' ');
        }
        return text.toString().strip();
    }

    /** Words with a name now and then: names said often enough become suggested tags. */
    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = random.nextInt(4) == 0 ? NAMES[random.nextInt(random.nextBoolean() ? 3 : NAMES.length)]
                    : WORDS[random.nextInt(WORDS.length)];
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        return s.toString().strip() + ".";
    }
}

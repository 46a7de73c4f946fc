package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import dev.gazette.model.LongText;
import dev.gazette.model.Origin;
import dev.gazette.model.Digest;
import dev.gazette.model.Problem;
import dev.gazette.model.Tag;
import dev.gazette.source.YamlMap;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.gazette.link.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

class LinkerTest {
    private static final String RATE_CUT = "The Central Bank of Valdoria cut its main interest rate by a quarter point "
            + "to 3.25 percent on Thursday, its first cut in two years, as inflation eased. Governor Ilse Maren said "
            + "further cuts in interest rates would be gradual. Banks passed the rate cut to mortgage borrowers.";
    private static final String RATE_CUT_2 = "Mortgage borrowers in Valdoria will pay less after the central bank cut "
            + "the interest rate to 3.25 percent on Thursday. Governor Ilse Maren said rate cuts would be gradual; "
            + "banks said variable mortgage rates fall from April.";
    private static final String BEAVERS = "Trail cameras filmed beaver kits on the river, the first wild breeding there "
            + "in centuries. Rangers said the dams had already changed the wetland.";

    private final List<Problem> problems = new ArrayList<>();

    private Digest link(SiteConfig site, Article... articles) {
        return new Linker(site).link(List.of(articles), problems::add);
    }

    private static SiteConfig site() {
        return SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
    }

    @Test
    void sameEventWithinDaysIsOneStoryAndTopRelated() {
        Digest d = link(site(),
                article("cut", "Valdoria central bank cuts rates", RATE_CUT, "2025-03-06"),
                article("mortgages", "What the rate cut means for mortgages", RATE_CUT_2, "2025-03-07"),
                article("beavers", "Beavers breed on the Wend", BEAVERS, "2025-03-06"));

        assertThat(d.stories()).hasSize(1);
        assertThat(d.stories().get(0).articles()).extracting(Article::slug).containsExactly("mortgages", "cut");
        assertThat(d.links().get("cut").related()).first().isEqualTo("mortgages");
        assertThat(d.links().get("mortgages").related()).first().isEqualTo("cut");
        assertThat(d.links().get("beavers").story()).isNull();
    }

    @Test
    void theSameTextsMonthsApartAreNotOneStory() {
        Digest d = link(site(),
                article("cut", "Valdoria central bank cuts rates", RATE_CUT, "2025-03-06"),
                article("mortgages", "What the rate cut means for mortgages", RATE_CUT_2, "2025-07-01"));
        assertThat(d.stories()).isEmpty();
        assertThat(d.links().get("cut").related()).containsExactly("mortgages");
    }

    @Test
    void curatorStoryKeysGroupArticlesWhateverTheirText() {
        Digest d = link(site(),
                TestArticles.withStory(article("a", "A", RATE_CUT, "2025-03-06"), "budget"),
                TestArticles.withStory(article("b", "B", BEAVERS, "2025-03-01"), "budget"));
        assertThat(d.stories()).singleElement().satisfies(s -> assertThat(s.slug()).isEqualTo("budget"));
    }

    @Test
    void editionsGroupByWeekAndArchiveByMonth() {
        Digest d = link(site(),
                article("cut", "Valdoria central bank cuts rates", RATE_CUT, "2025-03-06"),
                article("mortgages", "What the rate cut means for mortgages", RATE_CUT_2, "2025-03-07"),
                article("beavers", "Beavers breed on the Wend", BEAVERS, "2025-03-31"),
                article("undated", "An undated note", BEAVERS.replace("beaver", "otter"), null));

        assertThat(d.editions()).extracting(e -> e.slug()).containsExactly("2025-03-31", "2025-03-03");
        assertThat(d.editions().get(1).groups()).singleElement()
                .satisfies(g -> assertThat(g.articles()).hasSize(2));
        assertThat(d.months()).extracting(m -> m.month().toString()).containsExactly("2025-03");
        assertThat(d.undated()).extracting(Article::slug).containsExactly("undated");
        assertThat(d.links().get("beavers").newer()).isNull();
        assertThat(d.links().get("beavers").older()).isEqualTo("mortgages");
        assertThat(d.links().get("cut").edition()).isEqualTo("2025-03-03");
    }

    @Test
    void vocabularyTagsAreFoundAndFrontMatterTagsKept() {
        SiteConfig site = new SiteConfig("t", "d", URI.create("https://x.example/"), "en", ZoneOffset.UTC,
                null, 10, 10, SiteConfig.Edition.WEEKLY,
                List.of(new Tag("valdoria", "Valdoria", null, List.of("Valdoria", "Valdorian")),
                        new Tag("beavers", "Beavers", null, List.of("beaver", "beavers"))),
                null, false, null, SiteConfig.Feed.ARTICLES, 1 << 20);
        Digest d = link(site,
                article("cut", "Valdoria central bank cuts rates", RATE_CUT, "2025-03-06", "Monetary Policy"),
                article("beavers", "Beavers breed on the Wend", BEAVERS, "2025-03-06"));
        assertThat(d.articles()).filteredOn(a -> a.slug().equals("cut")).singleElement()
                .satisfies(a -> assertThat(a.tags()).containsExactly("monetary-policy", "valdoria"));
        assertThat(d.articles()).filteredOn(a -> a.slug().equals("beavers")).singleElement()
                .satisfies(a -> assertThat(a.tags()).containsExactly("beavers"));
        assertThat(d.tags()).extracting(g -> g.tag().slug()).containsExactly("beavers", "monetary-policy", "valdoria");
    }

    /** An article with the given body and sources, its body's links noted as {@code links} (null: not noted). */
    private static Article citing(Article a, String sourceUrl, String html, List<String> links) {
        return new Article(a.sourceFile(), a.slug(), a.title(), a.summary(), LongText.of(html), a.bodyText(), a.author(),
                a.publication(), sourceUrl, a.date(), a.lang(), a.image(), a.tags(), a.story(), a.linkTags(), a.draft(),
                a.wordCount(), a.guid(), a.sourcePath(), a.origin(), 0, 0, links, links == null ? null : List.of());
    }

    @Test
    void aBodysLinksAreTakenAsNotedWhenItsWriterNotedThem() {
        Article first = citing(article("first", "Valdoria cuts rates", RATE_CUT, "2025-03-06"),
                "https://paper.example/story/1", "<p>" + RATE_CUT + "</p>", List.of());
        String html = "<p>As <a href=\"http://www.paper.example/story/1/\">reported</a>, mortgages fall.</p>";
        Article later = article("later", "Mortgages fall", RATE_CUT_2, "2025-03-07");
        for (List<String> links : java.util.Arrays.<List<String>>asList(null, List.of("http://www.paper.example/story/1/"), List.of())) {
            Digest d = link(site(), first, citing(later, null, html, links));
            Article linked = d.articles().stream().filter(a -> a.slug().equals("later")).findFirst().orElseThrow();
            // Scanned or noted, the link to the first article's original is made a link to its page; a body
            // noted as linking nowhere is not scanned again.
            boolean rewritten = !List.of().equals(links);
            assertThat(linked.html().contains("href=\"gazette:article/first\"")).as("%s", links).isEqualTo(rewritten);
            // A body linked anew has its links no longer as noted, its images still.
            assertThat(linked.links()).isEqualTo(rewritten ? null : links);
            assertThat(linked.images()).isEqualTo(links == null ? null : List.of());
        }
    }

    @Test
    void firstMentionsLinkToTagPagesUnlessTheArticleSaysNo() {
        Article linked = article("cut", "Valdoria cuts rates", RATE_CUT, "2025-03-06", "Valdoria");
        Article plain = new Article("calm.md", "calm", "Valdoria holds", "s", "<p>" + RATE_CUT + "</p>", RATE_CUT,
                null, null, null, linked.date().minusDays(30), "en", null, List.of("Valdoria"), null, false, false, 50, "urn:x",
                "calm.md", Origin.UNRECORDED);
        Digest d = link(site(), linked, plain);
        assertThat(d.articles()).filteredOn(a -> a.slug().equals("cut")).singleElement()
                .satisfies(a -> assertThat(a.html()).contains("<a href=\"gazette:tag/valdoria\" class=\"tag-link\">Valdoria</a>"));
        assertThat(d.articles()).filteredOn(a -> a.slug().equals("calm")).singleElement()
                .satisfies(a -> assertThat(a.html()).doesNotContain("gazette:tag/"));
    }

    @Test
    void tagsThatWouldShareAPageAreReportedWithBothSources() {
        link(site(),
                article("a", "A", RATE_CUT, "2025-03-06", "C++"),
                article("b", "B", BEAVERS, "2025-03-05", "C"));
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .contains("b.md").contains("tag 'C'").contains("'C++' (a.md)").contains("tags/c/"));
    }

    @Test
    void articlesWantingTheSameNameAreAllPublishedTheOlderUnderItAndTheOtherReported() {
        Article older = article("same", "One", RATE_CUT, "2025-03-05");
        Article newer = TestArticles.movedTo(article("same", "Two", BEAVERS, "2025-03-06"), "news/same.md");
        Digest d = link(site(), newer, older);
        assertThat(d.articles()).extracting(Article::title, Article::slug).satisfiesExactly(
                two -> assertThat(two.toList()).satisfiesExactly(t -> assertThat(t).isEqualTo("Two"),
                        s -> assertThat((String) s).matches("same-[0-9a-f]{6}")),
                one -> assertThat(one.toList()).containsExactly("One", "same"));
        assertThat(d.links()).containsKeys("same", d.articles().get(0).slug());
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("news/same.md: warning: page name 'same' is already used by same.md"));
    }
}

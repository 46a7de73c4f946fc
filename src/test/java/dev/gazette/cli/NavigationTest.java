package dev.gazette.cli;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Crawls the built sample digest as a reader would, from the home page. */
class NavigationTest {
    static final String BASE = "/gazette/";

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", "content", "--out", site.toString());
        assertThat(cli.code()).as(cli.toString()).isZero();
    }

    /** Clicks from the home page to every page reachable by links. */
    static Map<String, Integer> crawl(Path site) {
        Map<String, Integer> depth = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        depth.put("index.html", 0);
        queue.add("index.html");
        while (!queue.isEmpty()) {
            String page = queue.poll();
            Document doc = SiteChecks.parse(site.resolve(page));
            for (Element a : doc.select("a[href]")) {
                String target = SiteChecks.internalTarget(a.attr("href"), BASE);
                if (target != null && target.endsWith(".html") && !depth.containsKey(target)) {
                    depth.put(target, depth.get(page) + 1);
                    queue.add(target);
                }
            }
        }
        return depth;
    }

    @Test
    void everyArticleIsWithinThreeClicksOfTheHomePage() throws Exception {
        Map<String, Integer> depth = crawl(site);
        List<String> articles = pages("articles");
        assertThat(articles).hasSizeGreaterThanOrEqualTo(11);
        for (String article : articles) {
            assertThat(depth).as(article).containsKey(article);
            assertThat(depth.get(article)).as(article).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void noPageIsAnOrphan() throws Exception {
        Set<String> reached = crawl(site).keySet();
        for (String page : pages("")) {
            if (!page.equals("404.html")) {
                assertThat(reached).as("reachable from the home page").contains(page);
            }
        }
    }

    @Test
    void everyTagPageListsExactlyTheArticlesCarryingTheTag() throws Exception {
        Map<String, Set<String>> tagged = new TreeMap<>();
        for (String article : pages("articles")) {
            Document doc = SiteChecks.parse(site.resolve(article));
            for (Element tag : doc.select(".story-foot .tags a")) {
                tagged.computeIfAbsent(SiteChecks.internalTarget(tag.attr("href"), BASE), k -> new TreeSet<>()).add(article);
            }
        }
        assertThat(tagged).isNotEmpty();
        try (Stream<Path> dirs = Files.list(site.resolve("tags"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String first = "tags/" + dir.getFileName() + "/index.html";
                Set<String> listed = new TreeSet<>();
                String page = first;
                while (page != null) {
                    Document doc = SiteChecks.parse(site.resolve(page));
                    doc.select(".cards .card-title a").forEach(a -> listed.add(SiteChecks.internalTarget(a.attr("href"), BASE)));
                    Element next = doc.selectFirst(".pagination a[rel=next]");
                    page = next == null ? null : SiteChecks.internalTarget(next.attr("href"), BASE);
                }
                assertThat(listed).as(first).isEqualTo(tagged.get(first));
            }
        }
    }

    @Test
    void unrelatedSubjectsAreNotGroupedIntoStories() throws Exception {
        Map<String, Set<String>> stories = new TreeMap<>();
        for (String story : pages("stories")) {
            Set<String> members = new TreeSet<>();
            SiteChecks.parse(site.resolve(story)).select(".coverage .card-title a")
                    .forEach(a -> members.add(a.attr("href").replaceAll(".*/articles/([^/]+)/$", "$1")));
            stories.put(story, members);
        }
        assertThat(stories.values()).containsExactlyInAnyOrder(
                Set.of("altman-signals-openai-china-partnership",
                        "openai-rethinks-china-strategy-deepseek"),
                Set.of("valdoria-central-bank-cuts-rates-markets",
                        "valdoria-rate-cut-mortgage-holders"),
                Set.of("kestrel-line-tram-extension-opens",
                        "evening-post-kestrel-line-first-trams"));
    }

    @Test
    void seedsAreOneStoryEachOthersTopRelatedAndTaggedAutomatically() {
        Path seeds = Path.of("..", "shared", "seeds");
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is absent: seed linking check skipped");
        Path out = tmp.resolve("seeds-site");
        Cli cli = Cli.run("build", "--content", seeds.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.toString()).isZero();

        List<Path> articles = SiteChecks.htmlFiles(out.resolve("articles"));
        assertThat(articles).hasSize(2);
        for (Path page : articles) {
            Document doc = SiteChecks.parse(page);
            String self = out.relativize(page.getParent()).toString() + "/";
            assertThat(doc.select(".story-foot .tags a").eachText()).contains("OpenAI", "China", "DeepSeek", "Sam Altman");
            Element firstRelated = doc.selectFirst(".related-list a");
            assertThat(firstRelated).isNotNull();
            assertThat(firstRelated.attr("href")).startsWith("/articles/").isNotEqualTo("/" + self);
            assertThat(doc.selectFirst(".also-covered a[href^=/articles/]")).isNotNull();
        }
        assertThat(SiteChecks.htmlFiles(out.resolve("stories"))).singleElement()
                .satisfies(story -> assertThat(SiteChecks.parse(story).select(".coverage li")).hasSize(2));
    }

    private List<String> pages(String dir) throws Exception {
        try (Stream<Path> walk = Files.walk(site.resolve(dir))) {
            return walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString()).sorted().toList();
        }
    }
}

package dev.gazette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed of the sample digest parses with ROME (RSS, Atom) or Jackson (JSON Feed), every
 * item carries what readers need, dates round-trip to the article pages, and identities hold
 * when the base URL or a slug changes.
 */
class FeedsTest {
    static final String BASE = SampleSite.BASE;

    @TempDir
    static Path tmp;
    static Path site;
    /** Article page URL → its date as the page states it in {@code <time datetime>}, or null. */
    static final Map<String, Instant> PAGE_DATES = new TreeMap<>();
    /** Article page URL → the tag names listed on the page. */
    static final Map<String, List<String>> PAGE_TAGS = new TreeMap<>();

    @BeforeAll
    static void build() throws IOException {
        site = SampleSite.shared();
        for (Path page : BuildCommandTest.pages(site.resolve("articles"))) {
            Document doc = SiteChecks.parse(page);
            String url = BASE + site.relativize(page.getParent()) + "/";
            var time = doc.selectFirst(".story-head time[datetime]");
            PAGE_DATES.put(url, time == null ? null : OffsetDateTime.parse(time.attr("datetime")).toInstant());
            PAGE_TAGS.put(url, doc.select(".story-foot .tags a").eachText());
        }
        assertThat(PAGE_DATES).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void siteRssHasEveryChannelAndItemElement() throws Exception {
        Channel rss = rss(site.resolve("feed.xml"));
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("The Slow Wire");
        assertThat(rss.getLink()).isEqualTo(BASE);
        assertThat(rss.getDescription()).startsWith("A weekly, hand-picked digest");
        assertThat(rss.getLanguage()).isEqualTo("en");
        assertThat(atomSelf(rss)).isEqualTo(BASE + "feed.xml");
        List<Item> items = rss.getItems();
        assertThat(items).hasSize(PAGE_DATES.size());
        assertItems(items);
        // lastBuildDate is the newest item's date, not the time of the build.
        Date newest = items.stream().map(Item::getPubDate).filter(d -> d != null).max(Date::compareTo).orElseThrow();
        assertThat(rss.getLastBuildDate()).isEqualTo(newest);
        assertThat(items.get(0).getPubDate()).isEqualTo(newest);
    }

    @Test
    void everyTagHasAnRssFeedOfItsArticles() throws Exception {
        List<Path> tagFeeds;
        try (Stream<Path> walk = Files.walk(site.resolve("tags"))) {
            tagFeeds = walk.filter(p -> p.getFileName().toString().equals("feed.xml")).sorted().toList();
        }
        List<Path> tagPages;
        try (Stream<Path> dirs = Files.list(site.resolve("tags"))) {
            tagPages = dirs.filter(Files::isDirectory).toList();
        }
        assertThat(tagFeeds).hasSize(tagPages.size()).hasSizeGreaterThan(10);
        int items = 0;
        for (Path feed : tagFeeds) {
            String slug = feed.getParent().getFileName().toString();
            Channel rss = rss(feed);
            assertThat(rss.getLink()).isEqualTo(BASE + "tags/" + slug + "/");
            assertThat(atomSelf(rss)).isEqualTo(BASE + "tags/" + slug + "/feed.xml");
            assertThat(rss.getTitle()).startsWith("The Slow Wire: ");
            String tagName = rss.getTitle().substring("The Slow Wire: ".length());
            assertThat(rss.getItems()).isNotEmpty();
            assertItems(rss.getItems());
            for (Item item : rss.getItems()) {
                assertThat(PAGE_TAGS.get(item.getLink())).as(item.getLink()).contains(tagName);
            }
            // The tag page announces its feed.
            Document page = SiteChecks.parse(feed.resolveSibling("index.html"));
            assertThat(page.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
                    .contains(BASE + "tags/" + slug + "/feed.xml");
            items += rss.getItems().size();
        }
        System.out.printf("FeedsTest: %d tag feeds, %d items checked%n", tagFeeds.size(), items);
    }

    private static void assertItems(List<Item> items) throws Exception {
        for (Item item : items) {
            String link = item.getLink();
            assertThat(item.getTitle()).isNotBlank();
            assertThat(PAGE_DATES).as("item link %s is an article page", link).containsKey(link);
            assertThat(item.getGuid().isPermaLink()).isFalse();
            assertThat(item.getGuid().getValue()).matches("(https?://|urn:gazette:).+")
                    .doesNotContain("example.github.io");
            Instant pageDate = PAGE_DATES.get(link);
            if (pageDate == null) {
                assertThat(item.getPubDate()).isNull();
            } else {
                assertThat(item.getPubDate().toInstant()).as("pubDate of %s", link).isEqualTo(pageDate);
            }
            DCModule dc = (DCModule) item.getModule(DCModule.URI);
            assertThat(dc.getCreator()).as("dc:creator of %s", link).isNotBlank();
            assertThat(item.getCategories().stream().map(Category::getValue).toList())
                    .as("categories of %s", link).isEqualTo(PAGE_TAGS.get(link));
            assertThat(item.getDescription().getValue()).isNotBlank().doesNotContain("<p>");
            assertThat(item.getContent().getValue()).contains("<p>");
            assertThat(relativeUrls(item.getContent().getValue())).as("content:encoded of %s", link).isEmpty();
        }
    }

    @Test
    void rssDatesAreRfc822InEnglishWithANumericOffset() throws Exception {
        String xml = Files.readString(site.resolve("feed.xml"));
        List<String> dates = new ArrayList<>();
        var m = Pattern.compile("<(pubDate|lastBuildDate)>([^<]+)<").matcher(xml);
        while (m.find()) {
            dates.add(m.group(2));
        }
        assertThat(dates).isNotEmpty().allMatch(d -> d.matches(
                "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                        + "\\d{2}:\\d{2}:\\d{2} (GMT|[+-]\\d{4})"));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"");
    }

    @Test
    void atomFeedHasEveryElementAndDatesRoundTrip() throws Exception {
        Feed atom = (Feed) new WireFeedInput(false, Locale.US).build(site.resolve("atom.xml").toFile());
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getId()).isEqualTo(BASE + "atom.xml");
        assertThat(atom.getTitle()).isEqualTo("The Slow Wire");
        assertThat(atom.getOtherLinks()).extracting(Link::getRel, Link::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple("self", BASE + "atom.xml"));
        assertThat(atom.getAlternateLinks()).extracting(Link::getHref).containsExactly(BASE);
        assertThat(atom.getAuthors()).isNotEmpty();
        List<Entry> entries = atom.getEntries();
        assertThat(entries).hasSize(PAGE_DATES.size());
        Date newest = null;
        for (Entry e : entries) {
            String link = e.getAlternateLinks().get(0).getHref();
            assertThat(PAGE_DATES).containsKey(link);
            assertThat(e.getId()).matches("(https?://|urn:gazette:).+");
            assertThat(e.getTitle()).isNotBlank();
            assertThat(e.getUpdated()).isNotNull();
            Instant pageDate = PAGE_DATES.get(link);
            if (pageDate != null) {
                assertThat(e.getPublished().toInstant()).isEqualTo(pageDate);
                assertThat(e.getUpdated().toInstant()).isEqualTo(pageDate);
                newest = newest == null || e.getPublished().after(newest) ? e.getPublished() : newest;
            }
            assertThat(e.getCategories()).extracting(c -> c.getLabel()).isEqualTo(PAGE_TAGS.get(link));
            assertThat(e.getSummary().getValue()).isNotBlank();
            assertThat(e.getContents()).hasSize(1);
            assertThat(e.getContents().get(0).getType()).isEqualTo("html");
            assertThat(relativeUrls(e.getContents().get(0).getValue())).isEmpty();
        }
        assertThat(atom.getUpdated()).isEqualTo(newest);
        // Every entry has an author, its own or the feed's.
        assertThat(entries).allMatch(e -> !e.getAuthors().isEmpty() || !atom.getAuthors().isEmpty());
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(site.resolve("feed.json").toFile());
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isEqualTo("The Slow Wire");
        assertThat(feed.path("home_page_url").asText()).isEqualTo(BASE);
        assertThat(feed.path("feed_url").asText()).isEqualTo(BASE + "feed.json");
        assertThat(feed.path("description").asText()).isNotBlank();
        assertThat(feed.path("language").asText()).isEqualTo("en");
        assertThat(feed.path("authors").get(0).path("name").asText()).isEqualTo("Marguerite Ellison");
        JsonNode items = feed.path("items");
        assertThat(items.size()).isEqualTo(PAGE_DATES.size());
        for (JsonNode item : items) {
            String url = item.path("url").asText();
            assertThat(PAGE_DATES).containsKey(url);
            assertThat(item.path("id").asText()).matches("(https?://|urn:gazette:).+");
            assertThat(item.path("title").asText()).isNotBlank();
            assertThat(item.path("summary").asText()).isNotBlank();
            assertThat(relativeUrls(item.path("content_html").asText())).isEmpty();
            if (item.has("external_url")) {
                assertThat(item.path("external_url").asText()).isEqualTo(item.path("id").asText());
            }
            Instant pageDate = PAGE_DATES.get(url);
            if (pageDate == null) {
                assertThat(item.has("date_published")).isFalse();
            } else {
                String date = item.path("date_published").asText();
                assertThat(date).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
                assertThat(OffsetDateTime.parse(date).toInstant()).isEqualTo(pageDate);
            }
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).isEqualTo(PAGE_TAGS.get(url));
        }
    }

    @Test
    void guidsSurviveANewBaseUrlAndANewSlug() throws Exception {
        Map<String, String> before = guidsByTitle(site);

        Path moved = SampleSite.build(SampleSite.CONTENT, tmp.resolve("moved"), "--base-url", "https://news.example.org/");
        assertThat(guidsByTitle(moved)).isEqualTo(before);

        // Give one article with a source URL and one without a new slug.
        Path content = SampleSite.copy(tmp.resolve("content"), "");
        reslug(content.resolve("articles/kestrel-line-tram-extension-opens.md"), "kestrel-renamed");
        reslug(content.resolve("raw/aldwick-chronicle-astronomical-clock.txt"), "clock-renamed");
        Path renamed = SampleSite.build(content, tmp.resolve("renamed"));
        assertThat(renamed.resolve("articles/kestrel-renamed/index.html")).isRegularFile();
        assertThat(renamed.resolve("articles/clock-renamed/index.html")).isRegularFile();
        assertThat(before.values()).anyMatch(g -> g.startsWith("urn:gazette:")).anyMatch(g -> g.startsWith("https:"));
        assertThat(guidsByTitle(renamed)).isEqualTo(before);
    }

    private static Map<String, String> guidsByTitle(Path site) throws Exception {
        Map<String, String> guids = new TreeMap<>();
        for (Item item : rss(site.resolve("feed.xml")).getItems()) {
            guids.put(item.getTitle(), item.getGuid().getValue());
        }
        return guids;
    }

    /** Sets {@code slug:} in a source's front matter, adding a front matter block when it has none. */
    private static void reslug(Path source, String slug) throws IOException {
        String text = Files.readString(source);
        assertThat(text).doesNotContain("\nslug:");
        Files.writeString(source, text.startsWith("---\n") ? "---\nslug: " + slug + "\n" + text.substring(4)
                : "---\nslug: " + slug + "\n---\n" + text);
    }

    static Channel rss(Path file) throws Exception {
        return (Channel) new WireFeedInput(false, Locale.US).build(file.toFile());
    }

    private static String atomSelf(Channel rss) {
        for (Element el : rss.getForeignMarkup()) {
            if (el.getName().equals("link") && "self".equals(el.getAttributeValue("rel"))) {
                return el.getAttributeValue("href");
            }
        }
        return null;
    }

    /** Every href, src and srcset URL in an HTML fragment that is not absolute. */
    static List<String> relativeUrls(String html) {
        List<String> relative = new ArrayList<>();
        Document doc = Jsoup.parseBodyFragment(html);
        for (var el : doc.select("[href], [src], [srcset]")) {
            List<String> urls = new ArrayList<>();
            urls.add(el.attr("href"));
            urls.add(el.attr("src"));
            for (String candidate : el.attr("srcset").split(",")) {
                urls.add(candidate.strip().split("\\s+")[0]);
            }
            for (String url : urls) {
                if (!url.isEmpty() && !url.matches("(?i)(https?|mailto):.+")) {
                    relative.add(url);
                }
            }
        }
        return relative;
    }
}

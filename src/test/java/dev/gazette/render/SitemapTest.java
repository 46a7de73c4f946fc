package dev.gazette.render;

import dev.gazette.incremental.BuildMemory;
import dev.gazette.incremental.Fingerprint;
import dev.gazette.output.SiteData;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sitemap is made from the site data like a page: it lists every page of the lists the data
 * names with the newest date its articles have, and a build through a memory makes it again only
 * when a date or a list it read changed, not when an article's other parts (its body) did.
 */
class SitemapTest {
    private static final Fingerprint ENVIRONMENT = new Fingerprint(1, 2);
    private final Urls urls = new Urls(URI.create("https://x.example/news/"));
    /** Keys the sitemap read in the last build: none when it was not made. */
    private final List<String> read = new ArrayList<>();
    /** The values of the build in progress (the memory looks up the last build's too, which is no read). */
    private Map<String, Object> current;
    private final Map<String, String> written = new TreeMap<>();

    /** Values as a build makes them: three articles, x and y tagged t (one page), z undated, one month, one edition. */
    private Map<String, Object> values(String body, ZonedDateTime xDate) {
        Map<String, Object> values = new HashMap<>() {
            @Override
            public Object get(Object key) {
                if (this == current) {
                    read.add((String) key);
                }
                return super.get(key);
            }
        };
        ZonedDateTime yDate = ZonedDateTime.parse("2026-03-02T09:00:00+01:00");
        values.put(PageData.article("x"), "x: " + body);
        values.put(PageData.article("y"), "y");
        values.put(PageData.article("z"), "z");
        values.put(PageData.date("x"), xDate);
        values.put(PageData.date("y"), yDate);
        values.put(PageData.searchDocs(0), new PageData.SearchDocs(0, List.of("y", "x", "z")));
        values.put(PageData.tagPage("t", 1), new PageData.TagPage("t", 1, List.of("y", "x"), 1));
        values.put(PageData.month(YearMonth.of(2026, 3)), new PageData.MonthPage(YearMonth.of(2026, 3), List.of("y", "x")));
        values.put(PageData.editionLeads("e1"), List.of("x"));
        values.put(PageData.PAGE_INDEX, new PageData.PageIndex(List.of("t"), List.of("e1"), List.of(),
                List.of(YearMonth.of(2026, 3))));
        return values;
    }

    private String build(BuildMemory memory, Map<String, Object> values) {
        read.clear();
        written.clear();
        current = values;
        memory.start(ENVIRONMENT);
        new Sitemap(urls).write(new SiteData(values), 12,
                memory.files((path, bytes) -> written.put(path, new String(bytes, StandardCharsets.UTF_8)), true));
        memory.finish();
        String xml = written.get(Sitemap.PATH);
        return xml == null ? null : xml.replaceAll(">\\s+<", "><");
    }

    @Test
    void listsEveryPageWithTheNewestDateItShowsAndIsMadeAgainOnlyWhenADateOrAListChanged() {
        BuildMemory memory = new BuildMemory();
        ZonedDateTime xDate = ZonedDateTime.parse("2026-03-01T10:00:00Z");
        String xml = build(memory, values("first", xDate));
        assertThat(xml)
                .contains("<loc>https://x.example/news/articles/x/</loc><lastmod>2026-03-01T10:00:00Z</lastmod>")
                .contains("<loc>https://x.example/news/articles/z/</loc></url>")
                .contains("<loc>https://x.example/news/tags/t/</loc><lastmod>2026-03-02T09:00:00+01:00</lastmod>")
                .contains("<loc>https://x.example/news/archive/2026/03/</loc><lastmod>2026-03-02T09:00:00+01:00</lastmod>")
                .contains("<loc>https://x.example/news/</loc><lastmod>2026-03-01T10:00:00Z</lastmod>")
                .contains("<loc>https://x.example/news/search/</loc></url>");
        assertThat(read).contains(PageData.date("x")).doesNotContain(PageData.article("x"));

        assertThat(build(memory, values("second", xDate))).as("a body edit: not written").isNull();
        assertThat(read).as("nor made").isEmpty();

        ZonedDateTime later = ZonedDateTime.parse("2026-03-03T10:00:00Z");
        assertThat(build(memory, values("second", later))).as("a date edit: made and written")
                .contains("<loc>https://x.example/news/tags/t/</loc><lastmod>2026-03-03T10:00:00Z</lastmod>");
        assertThat(read).contains(PageData.date("x"));

        // An instant equal to y's: the first of the list (y) gives the page's lastmod.
        ZonedDateTime sameInstant = ZonedDateTime.parse("2026-03-02T08:00:00Z");
        assertThat(build(memory, values("second", sameInstant)))
                .contains("<loc>https://x.example/news/tags/t/</loc><lastmod>2026-03-02T09:00:00+01:00</lastmod>")
                .contains("<loc>https://x.example/news/</loc><lastmod>2026-03-02T08:00:00Z</lastmod>");
    }
}

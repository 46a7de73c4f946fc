package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteData;

import javax.xml.stream.XMLStreamException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code sitemap.xml} and the {@code robots.txt} that points at it. Pages are recorded as they
 * are rendered (from several threads), so every HTML page is listed whatever kinds of page the
 * renderer has, except the 404 page. {@code lastmod} is the newest date among the articles the
 * page shows (an article page: its own date), left out when none is known.
 */
public final class Sitemap {
    public static final String PATH = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Urls urls;
    /**
     * Site path → the newest date the page shows, when it shows one; sorted when written, so the
     * file is reproducible. Dates, not their text: an unchanged article's date is the same object
     * from build to build, so the sitemap is recognised as unchanged without formatting 16,000 dates.
     */
    private final Map<String, Optional<ZonedDateTime>> pages = new java.util.concurrent.ConcurrentHashMap<>();

    /** Dates as cards write them, parsed once: many pages show the same cards. */
    private final Map<String, OffsetDateTime> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public Sitemap(Urls urls) {
        this.urls = urls;
    }

    /** An output that notes pages for this sitemap as {@link SiteRenderer} writes through it. */
    public Recorder recording(OutputSink out) {
        return new Recorder(out);
    }

    /** Writes {@code sitemap.xml} and {@code robots.txt}. */
    public void write(OutputSink out) {
        java.util.TreeMap<String, ZonedDateTime> sorted = new java.util.TreeMap<>();
        pages.forEach((path, date) -> sorted.put(path, date.orElse(null)));
        out.write(PATH, sorted, all -> XmlOut.document(x -> {
            x.raw().setDefaultNamespace(NS);
            x.start(0, "urlset");
            x.raw().writeDefaultNamespace(NS);
            for (Map.Entry<String, ZonedDateTime> page : all.entrySet()) {
                url(x, page.getKey(), page.getValue() == null ? "" : FeedItems.rfc3339(page.getValue()));
            }
            x.end(0);
        }));
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute(PATH) + "\n";
        out.write(ROBOTS, robots.getBytes(StandardCharsets.UTF_8));
    }

    private void url(XmlOut x, String path, String lastmod) throws XMLStreamException {
        x.start(1, "url");
        x.element(2, "loc", urls.absolute(path));
        x.element(2, "lastmod", lastmod.isEmpty() ? null : lastmod);
        x.end(1);
    }

    /**
     * The newest article date a page's template values show: an article page's own date, or the
     * newest card of a list. Looks at values that are cards, article, edition or story views, or lists of cards.
     */
    ZonedDateTime lastmod(Map<String, Object> values) {
        List<Views.ArticleCard> cards = new ArrayList<>();
        for (Object value : values.values()) {
            if (value instanceof Views.ArticleView article) {
                return newest(List.of(article.card()));
            }
            if (value instanceof Views.EditionView edition) {
                edition.groups().forEach(g -> cards.add(g.lead()));
            } else if (value instanceof Views.StoryView story) {
                cards.addAll(story.coverage());
            } else if (value instanceof Views.ArticleCard card) {
                cards.add(card);
            } else if (value instanceof Collection<?> list) {
                for (Object item : list) {
                    if (item instanceof Views.ArticleCard card) {
                        cards.add(card);
                    }
                }
            }
        }
        return newest(cards);
    }

    private ZonedDateTime newest(List<Views.ArticleCard> cards) {
        return cards.stream().map(Views.ArticleCard::dateIso).filter(Objects::nonNull)
                .map(d -> parsed.computeIfAbsent(d, OffsetDateTime::parse))
                .max((a, b) -> a.toInstant().compareTo(b.toInstant()))
                .map(OffsetDateTime::toZonedDateTime).orElse(null);
    }

    /** Passes every file through and remembers the pages {@link #page} names. */
    public final class Recorder implements OutputSink {
        private final OutputSink out;

        private Recorder(OutputSink out) {
            this.out = out;
        }

        @Override
        public void write(String path, byte[] content) {
            out.write(path, content);
        }

        @Override
        public <I> void write(String path, I input, java.util.function.Function<I, byte[]> make) {
            out.write(path, input, make);
        }

        @Override
        public <I> void write(String path, SiteData data, java.util.function.Function<SiteData.Reader, I> input,
                              java.util.function.Function<I, byte[]> make) {
            out.write(path, data, input, make);
        }

        /** Notes an article page, whose lastmod is its date. */
        public void page(String sitePath, java.time.ZonedDateTime date) {
            pages.put(sitePath, Optional.ofNullable(date));
        }

        /** Notes a page that shows {@code shown}: its lastmod is their newest date, as its cards give it. */
        public void page(String sitePath, List<Article> shown) {
            ZonedDateTime newest = null;
            for (Article a : shown) {
                // The first of equal instants, as the newest card's date is.
                if (a.date() != null && (newest == null || a.date().isAfter(newest))) {   // by instant
                    newest = a.date();
                }
            }
            pages.put(sitePath, Optional.ofNullable(newest));
        }

        /** Notes the page at {@code sitePath} ("articles/x/") with its template values; the 404 page is left out. */
        public void page(String sitePath, Map<String, Object> values) {
            if (!sitePath.equals(Urls.NOT_FOUND)) {
                pages.put(sitePath, Optional.ofNullable(lastmod(values)));
            }
        }
    }
}

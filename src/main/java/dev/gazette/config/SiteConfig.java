package dev.gazette.config;

import dev.gazette.model.Tag;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * Site-wide settings from {@code content/site.yml}, with defaults for everything.
 *
 * @param title       site name, in the header and feeds
 * @param description one sentence for the home page and feeds
 * @param baseUrl     absolute URL the site is served from, always ending in '/'
 * @param language    BCP 47 tag of the site ({@code en})
 * @param timeZone    zone dates are shown in and local dates are read in
 * @param author      the curator, credited in the footer and feeds
 * @param feedItems   how many of the newest articles the feeds carry
 * @param pageSize    articles per page on paginated lists
 * @param edition     how articles are grouped into editions
 * @param vocabulary  canonical tags, with display names and aliases
 * @param cname       custom domain for GitHub Pages, or {@code null}
 * @param canonicalToSource whether article pages name the original as {@code rel=canonical}
 * @param copyright   footer notice, or {@code null}
 * @param feed        what {@code feed.xml} carries
 * @param maxSourceBytes the largest article source read ({@code max_source_mb})
 */
public record SiteConfig(
        String title,
        String description,
        URI baseUrl,
        String language,
        ZoneId timeZone,
        String author,
        int feedItems,
        int pageSize,
        Edition edition,
        List<Tag> vocabulary,
        String cname,
        boolean canonicalToSource,
        String copyright,
        Feed feed,
        long maxSourceBytes) {

    public enum Edition { DAILY, WEEKLY }

    /** What the site feed carries: one item per article, per edition, or both. */
    public enum Feed { ARTICLES, EDITIONS, BOTH }

    public SiteConfig {
        vocabulary = List.copyOf(vocabulary);
    }

    public SiteConfig withBaseUrl(URI newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, language, timeZone, author, feedItems, pageSize,
                edition, vocabulary, cname, canonicalToSource, copyright, feed, maxSourceBytes);
    }
}

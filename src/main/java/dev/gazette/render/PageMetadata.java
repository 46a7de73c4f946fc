package dev.gazette.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Origin;
import org.jsoup.internal.StringUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * What a page's head tells search engines, social networks and feed readers beyond its title:
 * Open Graph and Twitter card values, JSON-LD ({@code NewsArticle} for articles, {@code WebSite}
 * for the home page) and the feeds to announce. Built here, in Java, so the {@code _head.peb}
 * partial only prints values.
 */
public final class PageMetadata {
    /** A feed announced with {@code <link rel="alternate">}; {@code url} is absolute. */
    public record FeedLink(String type, String title, String url) {
    }

    /**
     * The values {@code _head.peb} prints, available to templates as {@code head}.
     *
     * @param ogType        {@code article} or {@code website}
     * @param url           absolute URL of this page on this site (og:url)
     * @param image         absolute URL of the lead image, or null
     * @param publishedTime RFC 3339 date of an article, or null
     * @param tags          tag names of an article (article:tag)
     * @param twitterCard   {@code summary_large_image} when there is an image, else {@code summary}
     * @param feeds         feeds to announce: the site's, then the page's own
     * @param jsonLd        JSON-LD safe to print inside {@code <script>}, or null
     * @param noindex       whether search engines should leave the page out (the 404 page)
     */
    public record Head(String ogType, String url, String siteName, String image, String publishedTime,
                       List<String> tags, String twitterCard, List<FeedLink> feeds, String jsonLd, boolean noindex) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteConfig site;
    private final Urls urls;
    private final List<FeedLink> siteFeeds;

    public PageMetadata(SiteConfig site, Urls urls, List<FeedLink> siteFeeds) {
        this.site = site;
        this.urls = urls;
        this.siteFeeds = List.copyOf(siteFeeds);
    }

    /** A page that is not an article; {@code pageFeed} is the page's own feed (a tag's), or null. */
    public Head page(Views.Page page, FeedLink pageFeed) {
        List<FeedLink> feeds = new ArrayList<>(siteFeeds);
        if (pageFeed != null) {
            feeds.add(pageFeed);
        }
        String jsonLd = null;
        if ("home".equals(page.kind())) {
            ObjectNode ld = node("WebSite");
            ld.put("name", site.title());
            ld.put("description", site.description());
            ld.put("url", urls.absolute(""));
            ld.put("inLanguage", site.language());
            jsonLd = script(ld);
        }
        return new Head("website", page.canonicalUrl(), site.title(), null, null, List.of(), "summary", feeds,
                jsonLd, "404".equals(page.kind()));
    }

    /** An article page: {@code NewsArticle} JSON-LD crediting the original publication and author. */
    public Head article(Article article, List<String> tagNames) {
        String url = urls.absolute(Urls.article(article.slug()));
        String image = article.image() == null ? null
                : StringUtil.resolve(url, InternalRefs.image(article.image(), urls::absolute));
        if (image != null && image.isEmpty()) {
            image = null;
        }
        String published = article.date() == null ? null : FeedItems.rfc3339(article.date());

        ObjectNode ld = node("NewsArticle");
        ld.put("headline", article.title());
        ld.put("description", article.summary());
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        ld.put("inLanguage", article.lang());
        if (published != null) {
            ld.put("datePublished", published);
        }
        if (image != null) {
            ld.putArray("image").add(image);
        }
        if (article.author() != null) {
            ld.putObject("author").put("@type", "Person").put("name", article.author());
        } else if (article.publication() != null) {
            // No byline: the outlet is the author, as in the feeds.
            ld.putObject("author").put("@type", "Organization").put("name", article.publication());
        }
        ObjectNode publisher = ld.putObject("publisher");
        publisher.put("@type", "Organization").put("name", site.title()).put("url", urls.absolute(""));
        if (article.sourceUrl() != null) {
            ld.put("isBasedOn", article.sourceUrl());
        }
        if (article.origin() == Origin.DIGEST) {
            ld.set("sourceOrganization", publisher.deepCopy());
        } else if (article.publication() != null) {
            ld.putObject("sourceOrganization").put("@type", "Organization").put("name", article.publication());
        }
        // Without a sourceOrganization the outlet is unknown: 'gazette check' warns about such pages.
        if (!tagNames.isEmpty()) {
            ld.put("keywords", String.join(", ", tagNames));
        }
        return new Head("article", url, site.title(), image, published, List.copyOf(tagNames),
                image != null ? "summary_large_image" : "summary", siteFeeds, script(ld), false);
    }

    private static ObjectNode node(String type) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", type);
        return ld;
    }

    /**
     * JSON that can stand inside {@code <script type="application/ld+json">}: '<', '>' and '&' are
     * written as {@code \u003c} and so on, so no text can close the script or open a comment.
     */
    static String script(ObjectNode json) {
        try {
            return JSON.writer().with(new ScriptSafe()).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON-LD: " + e.getMessage(), e);
        }
    }

    /** Jackson's standard escapes plus the characters that mean something to an HTML parser. */
    private static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        ScriptSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}

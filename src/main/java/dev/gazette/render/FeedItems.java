package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Edition;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The entries feeds carry: articles, and editions for readers who want one item per issue. */
final class FeedItems {
    private final SiteConfig site;
    private final Urls urls;
    private final Digest digest;
    private final ViewFactory views;

    FeedItems(SiteConfig site, Urls urls, Digest digest, ViewFactory views) {
        this.site = site;
        this.urls = urls;
        this.digest = digest;
        this.views = views;
    }

    /** The newest of {@code articles} (already newest first), as many as the site's feeds carry. */
    List<FeedItem> articles(List<Article> articles) {
        return articles.stream().limit(site.feedItems()).map(this::article).toList();
    }

    FeedItem article(Article a) {
        String link = urls.absolute(Urls.article(a.slug()));
        List<String> categories = a.tags().stream().map(slug -> views.tagLink(slug).name()).toList();
        String html = AbsoluteUrls.rewrite(InternalRefs.resolve(a.html(), urls::absolute), link);
        return new FeedItem(a.title(), link, a.guid(), a.date(), a.author(), categories, a.summary(), html);
    }

    /** One item per edition, newest first: its headlines with links and summaries. */
    List<FeedItem> editions() {
        List<FeedItem> items = new ArrayList<>();
        for (Edition e : digest.editions().stream().limit(site.feedItems()).toList()) {
            Views.EditionLink link = views.editionLink(e);
            StringBuilder html = new StringBuilder("<ul>\n");
            List<String> headlines = new ArrayList<>();
            for (Edition.Group g : e.groups()) {
                Article lead = g.lead();
                headlines.add(lead.title());
                html.append("<li><a href=\"").append(escape(urls.absolute(Urls.article(lead.slug())))).append("\">")
                        .append(escape(lead.title())).append("</a>");
                if (lead.summary() != null && !lead.summary().isBlank()) {
                    html.append(" — ").append(escape(lead.summary()));
                }
                html.append("</li>\n");
            }
            html.append("</ul>");
            ZonedDateTime newest = e.groups().stream().flatMap(g -> g.articles().stream()).map(Article::date)
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            items.add(new FeedItem(site.title() + ": " + SiteRenderer.editionTitle(link),
                    urls.absolute(Urls.edition(e.slug())), "urn:gazette:edition:" + e.slug(), newest, null,
                    List.of(), String.join(" · ", headlines), html.toString()));
        }
        return items;
    }

    /** Articles and editions in one feed, newest first; an edition sorts just after its newest article. */
    List<FeedItem> both() {
        List<FeedItem> items = new ArrayList<>(articles(digest.articles()));
        items.addAll(editions());
        items.sort(Comparator.comparing(FeedItem::date, Comparator.nullsLast(Comparator.<ZonedDateTime>reverseOrder()))
                .thenComparing(FeedItem::guid));
        return items.stream().limit(site.feedItems()).toList();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

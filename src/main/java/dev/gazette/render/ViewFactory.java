package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.LongText;
import dev.gazette.model.Digest;
import dev.gazette.model.Edition;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.model.Story;
import dev.gazette.output.SiteData;

import java.net.URI;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the digest's records into the formatted views templates show. A page's views are made from
 * what it reads of the {@link SiteData} through its reader, so the page records what it was made
 * from; site-wide pages, made again in every build, read through a reader that records nothing.
 */
final class ViewFactory {
    private final SiteConfig site;
    private final Urls urls;
    private final DateTimeFormatter displayDate;
    private final DateTimeFormatter monthTitle;
    private final Map<String, KnownCard> cards = new ConcurrentHashMap<>();
    private final Map<String, Views.TagLink> tagLinks = new ConcurrentHashMap<>();
    /** Reads the site's data for what is made again in every build: records nothing. */
    private final SiteData.Reader unrecorded;

    private final Steps steps;
    /** An article's body for its page: internal references resolved to this site's links. */
    private final Step<LongText, String> pageHtml;
    /**
     * An article's card, from the article and its tags' links. A step although cheap: an unchanged
     * card is then the very object of the last build, and every page showing it is fingerprinted
     * without hashing the card again.
     */
    private final Step<CardInput, Views.ArticleCard> card;

    /**
     * A tag's link with its article count. A step although cheap, as cards are: an unchanged
     * link is then the very object of the last build, and so is every card showing it.
     */
    private final Step<PageData.TagLinkInput, Views.TagLink> tagLink;

    /** An edition's link: a step so that it is the same object from build to build, as cards are. */
    private final Step<PageData.EditionLinkInput, Views.EditionLink> editionLink;

    /**
     * Everything an article page's view is made from beside the article: its card, the cards it
     * links to, its story's other reports and its edition. The page is made from this, and its
     * view only when the page is made: an unchanged page costs no view (nor its resolved body).
     */
    record ArticleViewInput(Article article, Views.ArticleCard card, List<Views.ArticleCard> related,
                            Views.ArticleCard newer, Views.ArticleCard older, List<Views.Coverage> coverage,
                            String storyUrl, Views.EditionLink edition) {
    }

    /** What a card is made from, beside the site's configuration. */
    record CardInput(Article article, List<Views.TagLink> tags) {
    }

    /** A card made, and the keys of the site's data it was made from, in the order they were read. */
    private record KnownCard(Views.ArticleCard card, String[] keys) {
    }

    ViewFactory(SiteConfig site, Urls urls, SiteData data, Steps steps) {
        this.steps = steps;
        this.pageHtml = new Step<>("render.page-html", html -> InternalRefs.resolve(html.value(), urls::link));
        this.card = new Step<>("render.card", c -> makeCard(c.article(), c.tags()));
        this.editionLink = new Step<>("render.edition-link", e -> new Views.EditionLink(urls.link(Urls.edition(e.slug())),
                displayDate(e.start()), displayDate(e.end()), !e.start().equals(e.end()), e.size()));
        this.tagLink = new Step<>("render.tag-link", t -> new Views.TagLink(t.tag().name(),
                urls.link(Urls.tag(t.tag().slug())), t.tag().description(), t.count()));
        this.site = site;
        this.urls = urls;
        this.unrecorded = data.reader(key -> { });
        Locale locale = Locale.forLanguageTag(site.language());
        this.displayDate = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        this.monthTitle = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    }

    /** The link of the tag {@code slug}, read through {@code r}. */
    Views.TagLink tagLink(SiteData.Reader r, String slug) {
        PageData.TagLinkInput in = r.get(PageData.tag(slug));
        return tagLinks.computeIfAbsent(slug, s -> steps.run(tagLink, in));
    }

    Views.TagLink tagLink(String slug) {
        return tagLink(unrecorded, slug);
    }

    /**
     * The card of the article {@code slug}, read through {@code r} (the article and its tags'
     * links). The same card appears on its page, the home page, editions and tag pages: made once.
     */
    Views.ArticleCard card(SiteData.Reader r, String slug) {
        KnownCard known = cards.get(slug);
        if (known != null) {
            // Read again as a page that shows it reads it (the article, then its tags' links): recorded, not made.
            for (String key : known.keys()) {
                r.note(key);
            }
            return known.card();
        }
        Article a = r.get(PageData.article(slug));
        List<Views.TagLink> links = a.tags().stream().map(t -> tagLink(r, t)).toList();
        String[] keys = new String[1 + a.tags().size()];
        keys[0] = PageData.article(slug);
        for (int i = 0; i < a.tags().size(); i++) {
            keys[1 + i] = PageData.tag(a.tags().get(i));
        }
        return cards.computeIfAbsent(slug, k -> new KnownCard(steps.run(card, new CardInput(a, links)), keys)).card();
    }

    Views.ArticleCard card(Article a) {
        return card(unrecorded, a.slug());
    }

    private Views.ArticleCard makeCard(Article a, List<Views.TagLink> links) {
        ZonedDateTime date = a.date();
        return new Views.ArticleCard(urls.link(Urls.article(a.slug())), a.title(), a.summary(), a.author(),
                a.publication(), a.sourceUrl(),
                date == null ? null : date.toOffsetDateTime().toString(),
                date == null ? null : displayDate.format(date),
                a.readingMinutes(), links, a.lang() == null || a.lang().equals(site.language()) ? null : a.lang(),
                a.origin().name().toLowerCase(Locale.ROOT), sourceName(a),
                picture(a));
    }

    /** The lead image with its size and, when it is local, the srcset of the build's smaller copies. */
    private Views.Picture picture(Article a) {
        if (a.image() == null) {
            return null;
        }
        String src = InternalRefs.image(a.image(), urls::link);
        StringBuilder srcset = new StringBuilder();
        if (a.image().startsWith(InternalRefs.LOCAL_FILE) && a.hasImageSize()) {
            String path = a.image().substring(InternalRefs.LOCAL_FILE.length());
            for (int w : Urls.leadWidths(path, a.imageWidth())) {
                srcset.append(urls.link(Urls.sized(path, w))).append(' ').append(w).append("w, ");
            }
            if (!srcset.isEmpty()) {
                srcset.append(src).append(' ').append(a.imageWidth()).append('w');
            }
        }
        return new Views.Picture(src, a.imageWidth(), a.imageHeight(), srcset.toString());
    }

    /** The outlet as credited: its name when known, else the host of the original's URL. */
    private static String sourceName(Article a) {
        if (a.publication() != null || a.sourceUrl() == null) {
            return a.publication();
        }
        return URI.create(a.sourceUrl()).getHost();
    }

    /** What the page of the article {@code slug} is made from, read through {@code r}; {@link #article(ArticleViewInput)} makes its view. */
    ArticleViewInput articleInput(SiteData.Reader r, String slug) {
        Article a = r.get(PageData.article(slug));
        Digest.ArticleLinks links = r.get(PageData.links(slug));
        Story story = links.story() == null ? null : r.get(PageData.story(links.story()));
        List<Views.ArticleCard> related = links.related().stream().map(s -> card(r, s)).toList();
        return new ArticleViewInput(a, card(r, slug), related,
                links.newer() == null ? null : card(r, links.newer()),
                links.older() == null ? null : card(r, links.older()),
                story == null ? List.of() : coverage(story, a),
                story == null ? null : urls.link(Urls.story(story.slug())),
                links.edition() == null ? null : editionLink(r, links.edition()));
    }

    /** An article page's view from everything it shows of other pages. */
    Views.ArticleView article(ArticleViewInput in) {
        Article a = in.article();
        return new Views.ArticleView(in.card(), dek(a), steps.run(pageHtml, a.bodyHtml()), in.card().image(), a.wordCount(),
                in.coverage(), in.storyUrl(), in.related(), in.newer(), in.older(), in.edition());
    }

    /** The other reports of a story, named by their publication (or headline when it has none). */
    List<Views.Coverage> coverage(Story story, Article except) {
        List<Views.Coverage> out = new ArrayList<>();
        for (Article other : story.articles()) {
            if (other != except && !other.slug().equals(except.slug())) {
                String label = sourceName(other) != null ? sourceName(other) : other.title();
                out.add(new Views.Coverage(label, urls.link(Urls.article(other.slug()))));
            }
        }
        return out;
    }

    Views.EditionLink editionLink(SiteData.Reader r, String slug) {
        return steps.run(editionLink, r.<PageData.EditionLinkInput>get(PageData.editionLink(slug)));
    }

    Views.EditionLink editionLink(Edition e) {
        return editionLink(unrecorded, e.slug());
    }

    /** The view of the edition {@code slug}, with links to its neighbours, read through {@code r}. */
    Views.EditionView edition(SiteData.Reader r, String slug) {
        PageData.EditionPage page = r.get(PageData.edition(slug));
        List<Views.Group> groups = new ArrayList<>();
        for (Edition.Group g : page.edition().groups()) {
            Article lead = g.lead();
            List<Views.Coverage> others = g.story() == null ? List.of() : coverage(g.story(), lead);
            groups.add(new Views.Group(card(r, lead.slug()), others,
                    g.story() == null ? null : urls.link(Urls.story(g.story().slug()))));
        }
        return new Views.EditionView(editionLink(r, slug),  groups,
                page.newer() == null ? null : editionLink(r, page.newer()),
                page.older() == null ? null : editionLink(r, page.older()));
    }

    Views.EditionView edition(Edition e) {
        return edition(unrecorded, e.slug());
    }

    /** The view of the story {@code slug}, read through {@code r}. */
    Views.StoryView story(SiteData.Reader r, String slug) {
        Story s = r.get(PageData.story(slug));
        return new Views.StoryView(s.title(), s.articles().stream().map(a -> card(r, a.slug())).toList());
    }

    Views.MonthLink monthLink(YearMonth month, int count) {
        return new Views.MonthLink(urls.link(Urls.month(month)), monthTitle.format(month), count);
    }

    String monthTitle(YearMonth month) {
        return monthTitle.format(month);
    }

    String displayDate(TemporalAccessor date) {
        return displayDate.format(date);
    }

    /** The summary shown under the headline, unless it only repeats the opening of the body. */
    private static String dek(Article article) {
        String summary = article.summary();
        if (summary == null || summary.isBlank()) {
            return null;
        }
        String lead = summary.endsWith("…") ? summary.substring(0, summary.length() - 1) : summary;
        return startsWithCollapsed(article.text(), collapse(lead, lead.length()).strip()) ? null : summary;
    }

    /**
     * Whether {@code text}, with whitespace runs collapsed to one space and stripped, starts with
     * {@code lead}; collapses only as much of the text as the answer needs, not the whole body.
     */
    static boolean startsWithCollapsed(String text, String lead) {
        for (int window = lead.length() + 64; ; window *= 2) {
            boolean whole = window >= text.length();
            String head = collapse(text, Math.min(window, text.length()));
            head = whole ? head.strip() : head.stripLeading();
            if (whole || head.length() > lead.length()) {
                return head.startsWith(lead);
            }
        }
    }

    /** The first {@code length} characters of {@code text} with each run of {@code \\s} (regex) made one space. */
    static String collapse(String text, int length) {
        StringBuilder out = new StringBuilder(length);
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    SiteConfig site() {
        return site;
    }
}

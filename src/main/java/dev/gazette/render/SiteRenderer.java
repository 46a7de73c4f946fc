package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Tag;
import dev.gazette.output.OutputSink;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The render stage: turns a linked {@link Digest} into every page, feed and asset of the site. */
public final class SiteRenderer {
    public static final String GENERATOR = "Gazette";

    private final SiteConfig site;
    private final Theme theme;
    private final Urls urls;
    private final DateTimeFormatter displayDate;
    private final Views.Site siteView;
    private final PageMemo memo;

    public SiteRenderer(SiteConfig site, Theme theme) {
        this(site, theme, PageMemo.NONE);
    }

    /** A renderer that asks {@code memo} before rendering each page (the preview server reuses pages). */
    public SiteRenderer(SiteConfig site, Theme theme, PageMemo memo) {
        this.site = site;
        this.theme = theme;
        this.memo = memo;
        this.urls = new Urls(site.baseUrl());
        this.displayDate = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(site.language()));
        this.siteView = new Views.Site(site.title(), site.description(), urls.baseUrl().toString(), urls.basePath(),
                site.language(), site.author(), site.copyright(), urls.link(""), urls.link(Urls.TAGS),
                urls.link(Urls.FEED), urls.absolute(Urls.FEED), urls.link(Urls.ASSETS + "style.css"), GENERATOR);
    }

    public Urls urls() {
        return urls;
    }

    public void render(Digest digest, OutputSink out) {
        Map<String, Tag> tags = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Digest.TagGroup group : digest.tags()) {
            tags.put(group.tag().slug(), group.tag());
            counts.put(group.tag().slug(), group.articles().size());
        }
        Cards cards = new Cards(tags, counts);

        renderList(out, "", "home.peb", site.title(), site.description(), digest.articles(), cards, Map.of());
        digest.articles().parallelStream().forEach(a -> renderArticle(out, a, cards));
        List<Views.TagLink> tagLinks = digest.tags().stream().map(g -> cards.tagLink(g.tag().slug())).toList();
        page(out, Urls.TAGS, "tags.peb", new Views.Page("Tags", "Every tag in " + site.title() + ", with its articles.",
                urls.link(Urls.TAGS), urls.absolute(Urls.TAGS), site.language(), "tags"), Map.of("tags", tagLinks));
        for (Digest.TagGroup group : digest.tags()) {
            Tag tag = group.tag();
            String description = tag.description() != null ? tag.description()
                    : "Articles tagged " + tag.name() + " in " + site.title() + ".";
            renderList(out, Urls.tag(tag.slug()), "tag.peb", tag.name(), description, group.articles(), cards,
                    Map.of("tag", cards.tagLink(tag.slug())));
        }
        page(out, Urls.NOT_FOUND, "404.peb", new Views.Page("Page not found", "This page does not exist.",
                urls.link(Urls.NOT_FOUND), urls.absolute(Urls.NOT_FOUND), site.language(), "404"), Map.of());
        Map<String, String> tagNames = new HashMap<>();
        tags.forEach((slug, tag) -> tagNames.put(slug, tag.name()));
        out.write(Urls.FEED, new RssFeed(site, urls, tagNames).write(digest.articles()));
        theme.staticFiles().forEach(out::write);
    }

    private void renderArticle(OutputSink out, Article article, Cards cards) {
        String path = Urls.article(article.slug());
        String canonical = site.canonicalToSource() && article.sourceUrl() != null
                ? article.sourceUrl() : urls.absolute(path);
        Views.Page page = new Views.Page(article.title(), article.summary(), urls.link(path), canonical,
                article.lang(), "article");
        Views.ArticleView view = new Views.ArticleView(cards.card(article), dek(article), article.html(),
                article.image(), article.wordCount());
        page(out, path, "article.peb", page, Map.of("article", view));
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

    /** The first {@code length} characters of {@code text} with each run of {@code \s} (regex) made one space. */
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

    private void renderList(OutputSink out, String first, String template, String title, String description,
                            List<Article> articles, Cards cards, Map<String, Object> extra) {
        int size = site.pageSize();
        int pages = Math.max(1, (articles.size() + size - 1) / size);
        for (int n = 1; n <= pages; n++) {
            String path = Urls.page(first, n);
            List<Views.ArticleCard> slice = articles.subList((n - 1) * size, Math.min(articles.size(), n * size))
                    .stream().map(cards::card).toList();
            Views.Pagination pagination = new Views.Pagination(n, pages,
                    n > 1 ? urls.link(Urls.page(first, n - 1)) : null,
                    n < pages ? urls.link(Urls.page(first, n + 1)) : null);
            String pageTitle = n == 1 ? title : title + " (page " + n + " of " + pages + ")";
            Map<String, Object> context = new LinkedHashMap<>(extra);
            context.put("articles", slice);
            context.put("pagination", pagination);
            page(out, path, template, new Views.Page(pageTitle, description, urls.link(path), urls.absolute(path),
                    site.language(), first.isEmpty() ? "home" : "list"), context);
        }
    }

    private void page(OutputSink out, String path, String template, Views.Page page, Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>(values);
        context.put("site", siteView);
        context.put("page", page);
        String file = Urls.file(path);
        out.write(file, memo.page(file, template, context, () -> evaluate(template, context).getBytes(StandardCharsets.UTF_8)));
    }

    private String evaluate(String template, Map<String, Object> context) {
        try {
            PebbleTemplate compiled = theme.engine().getTemplate(template);
            StringWriter writer = new StringWriter(16_384);
            compiled.evaluate(writer, context, Locale.ROOT);
            return writer.toString();
        } catch (PebbleException e) {
            String file = e.getFileName() != null ? e.getFileName() : template;
            int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
            throw new GazetteException(theme.origin() + "/" + file.replaceFirst("^.*/", ""), line,
                    "template error: " + e.getPebbleMessage());
        } catch (IOException e) {
            throw new GazetteException(template, 0, "cannot render template: " + e.getMessage());
        }
    }

    /** Builds the card every list shows for an article. */
    private final class Cards {
        private final Map<String, Tag> tags;
        private final Map<String, Integer> counts;
        private final Map<Article, Views.ArticleCard> made = new ConcurrentHashMap<>();

        Cards(Map<String, Tag> tags, Map<String, Integer> counts) {
            this.tags = tags;
            this.counts = counts;
        }

        Views.TagLink tagLink(String slug) {
            Tag tag = tags.get(slug);
            return new Views.TagLink(tag.name(), urls.link(Urls.tag(slug)), tag.description(), counts.getOrDefault(slug, 0));
        }

        /** The same article's card appears on its page, the home pages and its tag pages: made once. */
        Views.ArticleCard card(Article a) {
            return made.computeIfAbsent(a, this::make);
        }

        private Views.ArticleCard make(Article a) {
            List<Views.TagLink> links = new ArrayList<>();
            for (String slug : a.tags()) {
                links.add(tagLink(slug));
            }
            ZonedDateTime date = a.date();
            return new Views.ArticleCard(urls.link(Urls.article(a.slug())), a.title(), a.summary(), a.author(),
                    a.publication(), a.sourceUrl(),
                    date == null ? null : date.toOffsetDateTime().toString(),
                    date == null ? null : displayDate.format(date),
                    a.readingMinutes(), links, a.lang());
        }
    }
}

package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.DigestChange;
import dev.gazette.model.Edition;
import dev.gazette.concurrent.Futures;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Step;
import dev.gazette.model.Story;
import dev.gazette.model.Steps;
import dev.gazette.model.Tag;
import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteData;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The render stage: turns a linked {@link Digest} into every page, feed and asset of the site. */
public final class SiteRenderer {
    public static final String GENERATOR = "Gazette";
    /** Earlier editions listed on the home page below the ones it shows. */
    private static final int EARLIER_EDITIONS = 4;
    /** Stories the home page shows at least (a screenful), from as many editions as that takes. */
    private static final int HOME_STORIES = 12;
    /** Headlines shown for each month of the archive and each edition of the editions index. */
    private static final int INDEX_HEADLINES = 3;
    /** Context keys: the page's metadata for {@code _head.peb}, and the page's own feed (a tag's) to announce. */
    private static final String HEAD = "head";
    private static final String PAGE_FEED = "pageFeed";

    private final SiteConfig site;
    private final Theme theme;
    private final Urls urls;
    private final Views.Site siteView;
    private final Feeds feeds;
    private final PageMetadata metadata;
    private final Steps steps;
    /** Each thread's page buffer, free between pages: a page's bytes are copied out of it when it is done. */
    private final ThreadLocal<Utf8Writer> buffers = new ThreadLocal<>();
    /** An article's words for the search index, analysed. */
    private final Step<ArticleHead, SearchIndex.Terms> searchTerms;

    private static final Step<Views.Site, Views.Site> SITE_VIEW = new Step<>("render.site-view", view -> view);

    /** What an article page's head (or its search entry) is made from, beside the site's configuration. */
    record ArticleHead(Article article, List<String> tagNames) {
    }

    /** Everything a page is made from, beside the theme: its template and what the template sees. */
    record Page(String template, Map<String, Object> context) {
    }

    public SiteRenderer(SiteConfig site, Theme theme) {
        this(site, theme, Steps.DIRECT);
    }

    /** @param steps runs the per-article steps: directly, or reusing earlier builds' outputs */
    public SiteRenderer(SiteConfig site, Theme theme, Steps steps) {
        this.site = site;
        this.theme = theme;
        this.steps = steps;
        this.urls = new Urls(site.baseUrl());
        // Run as a step that returns its input: through the incremental layer an unchanged view is
        // the very object of the last build, which every page's input then holds.
        this.siteView = steps.run(SITE_VIEW, new Views.Site(site.title(), site.description(), urls.baseUrl().toString(),
                urls.basePath(), site.language(), site.author(), site.copyright(), urls.link(""), urls.link(Urls.EDITIONS),
                urls.link(Urls.TAGS), urls.link(Urls.ARCHIVE), urls.link(Urls.FEED), urls.absolute(Urls.FEED),
                urls.link(Urls.ASSETS + "style.css"), urls.link(Urls.ASSETS),
                urls.link(Urls.SEARCH), GENERATOR));
        this.feeds = new Feeds(site, urls);
        this.metadata = new PageMetadata(site, urls, feeds.siteLinks());
        SearchIndex index = new SearchIndex(site.language());
        this.searchTerms = new Step<>("render.search-terms", h -> index.terms(h.article(), h.tagNames()));
    }

    public Urls urls() {
        return urls;
    }

    public void render(Digest digest, OutputSink out) {
        render(digest, null, out);
    }

    /**
     * Renders {@code digest}; {@code change} says what of it may differ from the digest the last
     * build rendered (null: anything may), so that a sink that keeps the last build's site data by
     * fingerprint needs to fingerprint only the values made from those parts.
     */
    public void render(Digest digest, DigestChange change, OutputSink out) {
        Map<String, String> tagNames = tagNames(digest);
        // The search index's terms read the digest alone: made while the site data is made and compared
        // on this thread, which every page waits for (in a preview save, most of what is left to do).
        Beside terms = new Beside(() -> searchTerms(digest, tagNames, out));
        Beside siteWide = null;
        SiteData data;
        try {
            // Pages of articles, tags, editions, stories and months read the digest through this, and
            // record what they read; the site-wide pages are few and made again in every build.
            data = PageData.of(digest, site.pageSize(), out.lastData(), change);
            out.reading(data);
            ViewFactory views = new ViewFactory(site, urls, data, steps);
            FeedItems feedItems = new FeedItems(site, urls, tagNames, steps);

            // The search index and the site-wide pages are made mostly on one thread each: beside the
            // pages of articles, tags, editions, stories and months, which spread over every core,
            // instead of after them with the other cores waiting.
            siteWide = new Beside(() -> {
                searchPage(digest, out);
                home(digest, views, out);
                editionsIndex(digest, views, out);
                tagIndex(digest, views, out);
                archiveIndex(digest, views, out);
                page(out, Urls.NOT_FOUND, "404.peb", page("Page not found", "This page does not exist.", Urls.NOT_FOUND,
                        site.language(), "404", null), Map.of("recent",
                        digest.articles().stream().limit(HOME_STORIES / 2).map(views::card).toList()));
                siteFeeds(digest, views, feedItems, out);
                // Read from the site data alone, complete before any page is made.
                new Sitemap(urls).write(data, homeArticles(), out);
            });
            // A sink that knows which pages changed names them by their keys: only those are made, the
            // others not even visited (after one edit, a few of 16,000); else every page is.
            Set<String> toMake = out.pagesToMake(data);
            if (toMake == null) {
                digest.articles().parallelStream().forEach(a -> article(a.slug(), views, data, out));
                digest.editions().parallelStream().forEach(e -> edition(e.slug(), views, data, out));
                digest.stories().parallelStream().forEach(s -> story(s.slug(), views, data, out));
                digest.tags().parallelStream().forEach(g -> {
                    for (int n = 1; n <= PageData.pages(g.articles().size(), site.pageSize()); n++) {
                        tagPage(g.tag().slug(), n, views, data, out);
                    }
                });
                digest.months().parallelStream().forEach(m -> month(m.month(), views, data, out));
                IntStream.range(0, (digest.articles().size() + SearchIndex.DOCS_PER_CHUNK - 1) / SearchIndex.DOCS_PER_CHUNK)
                        .parallel().forEach(chunk -> searchDocs(chunk, views, data, out));
            } else {
                toMake.parallelStream().forEach(key -> page(data.values().get(key), views, data, out));
            }
            tagFeeds(digest, feedItems, data, out);
        } catch (RuntimeException | Error e) {
            // Done writing before the caller abandons the site.
            if (siteWide != null) {
                siteWide.settle();
            }
            terms.settle();
            throw e;
        }
        siteWide.join();
        terms.join();
        GitHubPagesFiles.write(site, out);
        theme.staticFiles().forEach(out::write);
    }

    /**
     * A task run beside the caller's work: started by {@code CompletableFuture.runAsync}, or by the
     * caller when it needs the task done before it started. That executor is the common pool, whose
     * threads may all be busy with other such tasks while the caller, its own work done, would only
     * wait; with a pool of one thread (two cores) it is a new thread per task instead.
     */
    private static final class Beside {
        private final Runnable task;
        private final AtomicBoolean taken = new AtomicBoolean();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Beside(Runnable task) {
            this.task = task;
            CompletableFuture.runAsync(this::run);
        }

        private void run() {
            if (taken.compareAndSet(false, true)) {
                try {
                    task.run();
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }
        }

        /** Waits for the task, running it here when it has not started; throws what it threw. */
        void join() {
            run();
            Futures.joined(done);
        }

        /** Waits for the task to end, when it has started (else it never will), whatever it throws. */
        void settle() {
            if (taken.compareAndSet(false, true)) {
                done.complete(null);
            }
            done.exceptionally(x -> null).join();
        }
    }

    /** The site's feed and the editions' feed. */
    private void siteFeeds(Digest digest, ViewFactory views, FeedItems feedItems, OutputSink out) {
        List<FeedItem> articleItems = feedItems.articles(digest.articles());
        List<FeedItem> editionItems = feedItems.editions(digest.editions(), e -> editionTitle(views.editionLink(e)));
        feeds.writeSite(switch (site.feed()) {
            case ARTICLES -> articleItems;
            case EDITIONS -> editionItems;
            case BOTH -> feedItems.merged(articleItems, editionItems);
        }, out);
        feeds.writeEditions(editionItems, out);
    }

    /**
     * An article page, made from its view's input and its head's: the view (and the body it
     * shows, with internal references resolved) and the head (Open Graph values and JSON-LD)
     * are made only when the page is.
     */
    record ArticlePage(Views.Page page, ViewFactory.ArticleViewInput view, ArticleHead head) {
    }

    /**
     * The page the site data's value {@code value} is the key value of (an article, a page of a
     * tag's list, a story, an edition, a month, a chunk of search documents); other values name no page.
     */
    private void page(Object value, ViewFactory views, SiteData data, OutputSink out) {
        if (value instanceof Article a) {
            article(a.slug(), views, data, out);
        } else if (value instanceof PageData.TagPage t) {
            tagPage(t.tag(), t.number(), views, data, out);
        } else if (value instanceof Story s) {
            story(s.slug(), views, data, out);
        } else if (value instanceof PageData.EditionPage e) {
            edition(e.edition().slug(), views, data, out);
        } else if (value instanceof PageData.MonthPage m) {
            month(m.month(), views, data, out);
        } else if (value instanceof PageData.SearchDocs d) {
            searchDocs(d.chunk(), views, data, out);
        }
    }

    private void article(String slug, ViewFactory views, SiteData data, OutputSink out) {
        String path = Urls.article(slug);
        out.write(Urls.file(path), data, PageData.article(slug), r -> {
                    ViewFactory.ArticleViewInput view = views.articleInput(r, slug);
                    Article a = view.article();
                    List<String> tagNames = view.card().tags().stream().map(Views.TagLink::name).toList();
                    Views.Page page = page(a.title(), a.summary(), path, a.lang(), "article",
                            site.canonicalToSource() && a.sourceUrl() != null ? a.sourceUrl() : null);
                    return new ArticlePage(page, view, new ArticleHead(a, tagNames));
                },
                in -> evaluate(new Page("article.peb", context(in.page(), Map.of("article", views.article(in.view()),
                        HEAD, metadata.article(in.head().article(), in.head().tagNames()))))));
    }

    private void story(String slug, ViewFactory views, SiteData data, OutputSink out) {
        String path = Urls.story(slug);
        page(out, path, data, PageData.story(slug), r -> {
            Views.StoryView view = views.story(r, slug);
            return new Page("story.peb", context(page(view.title(), "How " + view.coverage().size()
                    + " sources covered this story.", path, site.language(), "story", null), Map.of("story", view)));
        });
    }

    private void home(Digest digest, ViewFactory views, OutputSink out) {
        Map<String, Object> context = new LinkedHashMap<>();
        List<Views.EditionView> shown = new ArrayList<>();
        List<Views.EditionLink> earlier = new ArrayList<>();
        if (digest.editions().isEmpty()) {
            // Nothing is dated: the home page lists the newest articles instead of an edition.
            context.put("edition", null);
            context.put("articles", digest.articles().stream().limit(homeArticles())
                    .map(views::card).toList());
        } else {
            // The newest edition, then earlier ones until the page holds a screenful of stories.
            int stories = 0;
            int next = 0;
            while (next < digest.editions().size() && (next == 0 || stories < HOME_STORIES)) {
                Views.EditionView edition = views.edition(digest.editions().get(next++));
                shown.add(edition);
                stories += edition.groups().size();
            }
            context.put("edition", shown.get(0));
            context.put("articles", List.of());
            digest.editions().stream().skip(next).limit(EARLIER_EDITIONS).map(views::editionLink).forEach(earlier::add);
        }
        context.put("moreEditions", shown.isEmpty() ? List.of() : shown.subList(1, shown.size()));
        context.put("earlierEditions", earlier);
        context.put("undated", digest.undated().size());
        page(out, "", "home.peb", page(site.title(), site.description(), "", site.language(), "home", null), context);
    }

    /** How many of the newest articles the home page shows when nothing is dated (no edition). */
    private int homeArticles() {
        return Math.max(site.pageSize(), HOME_STORIES);
    }

    private void edition(String slug, ViewFactory views, SiteData data, OutputSink out) {
        String path = Urls.edition(slug);
        page(out, path, data, PageData.edition(slug), r -> {
            Views.EditionView view = views.edition(r, slug);
            return new Page("edition.peb", context(page(editionTitle(view.link()), "The stories of "
                    + site.title() + " " + (view.link().weekly() ? "for the week of " : "of ")
                    + view.link().startDisplay() + ".", path, site.language(), "edition", null), Map.of("edition", view)));
        });
    }

    private void editionsIndex(Digest digest, ViewFactory views, OutputSink out) {
        List<Edition> editions = digest.editions();
        page(out, Urls.EDITIONS, "editions.peb", page("Editions", "Every edition of " + site.title() + ", newest first.",
                        Urls.EDITIONS, site.language(), "editions", null),
                Map.of("editions", editions.stream().map(e -> new Views.Summary<>(views.editionLink(e),
                                e.groups().stream().limit(INDEX_HEADLINES).map(g -> views.card(g.lead())).toList())).toList(),
                        "editionsFeedUrl", urls.link(Feeds.EDITIONS), PAGE_FEED, feeds.editionsLink()));
    }

    static String editionTitle(Views.EditionLink link) {
        return link.weekly() ? "Week of " + link.startDisplay() : link.startDisplay();
    }

    private void tagIndex(Digest digest, ViewFactory views, OutputSink out) {
        List<Views.TagSummary> tagIndex = digest.tags().stream().map(g -> new Views.TagSummary(
                views.tagLink(g.tag().slug()), g.articles().isEmpty() ? null : views.card(g.articles().get(0)))).toList();
        page(out, Urls.TAGS, "tags.peb", page("Topics", "Every topic in " + site.title() + ", with its articles.",
                Urls.TAGS, site.language(), "tags", null), Map.of("tags", tagIndex));
    }

    /** Each tag's feed: tags are independent of each other, so their feeds are made in parallel. */
    private void tagFeeds(Digest digest, FeedItems feedItems, SiteData data, OutputSink out) {
        digest.tags().parallelStream().forEach(group -> tagFeed(group.tag().slug(), feedItems, data, out));
    }

    /**
     * A tag's feed, read from the site data as its pages are: the tag, the newest articles of its
     * list's pages, and the names of their tags (a tag without a link of its own is named by its slug).
     */
    private void tagFeed(String slug, FeedItems feedItems, SiteData data, OutputSink out) {
        String key = PageData.tag(slug);
        feeds.writeTag(slug, data, key, r -> {
            Tag tag = r.<PageData.TagLinkInput>get(key).tag();
            List<Article> newest = new ArrayList<>();
            int pages = 1;
            for (int n = 1; n <= pages && newest.size() < site.feedItems(); n++) {
                PageData.TagPage list = r.get(PageData.tagPage(slug, n));
                pages = list.pages();
                list.slugs().stream().limit(site.feedItems() - newest.size())
                        .forEach(s -> newest.add(r.get(PageData.article(s))));
            }
            return new Feeds.TagEntries(tag.name(), description(tag), feedItems.entries(newest, t -> {
                PageData.TagLinkInput named = r.get(PageData.tag(t));
                return named == null ? t : named.tag().name();
            }));
        }, feedItems, out);
    }

    private String description(Tag tag) {
        return tag.description() != null ? tag.description() : "Articles about " + tag.name() + " in " + site.title() + ".";
    }

    /** Page {@code number} of a tag's list, read from its page of the list ({@link PageData.TagPage}) and the tag's link. */
    private void tagPage(String slug, int number, ViewFactory views, SiteData data, OutputSink out) {
        String first = Urls.tag(slug);
        String path = Urls.page(first, number);
        String key = PageData.tagPage(slug, number);
        page(out, path, data, key, r -> {
            PageData.TagPage list = r.get(key);
            Tag tag = r.<PageData.TagLinkInput>get(PageData.tag(slug)).tag();
            List<Views.ArticleCard> cards = list.slugs().stream().map(s -> views.card(r, s)).toList();
            return listPage(first, "tag.peb", tag.name(), description(tag), number, list.pages(), cards,
                    Map.of("tag", views.tagLink(r, slug), "tagFeedUrl", urls.link(Feeds.tag(slug)),
                            PAGE_FEED, feeds.tagLink(slug, tag.name())));
        });
    }

    /** Each tag's name by its slug, as its links show it. */
    private static Map<String, String> tagNames(Digest digest) {
        Map<String, String> names = new HashMap<>();
        digest.tags().forEach(g -> names.put(g.tag().slug(), g.tag().name()));
        return names;
    }

    /** Only the search page, its index and the theme's files: for measuring search on large sites. */
    void renderSearch(Digest digest, OutputSink out) {
        SiteData data = PageData.of(digest, site.pageSize());
        Map<String, String> tagNames = tagNames(digest);
        searchTerms(digest, tagNames, out);
        ViewFactory views = new ViewFactory(site, urls, data, steps);
        for (int chunk = 0; chunk * SearchIndex.DOCS_PER_CHUNK < digest.articles().size(); chunk++) {
            searchDocs(chunk, views, data, out);
        }
        searchPage(digest, out);
        theme.staticFiles().forEach(out::write);
    }

    /**
     * Says that this render will bring the search entries' state up to date: a layer that keeps
     * states on disk reads the last build's back meanwhile. (Only the step's name and codec are
     * read ahead; the step itself is made with the digest.)
     */
    public void readAhead() {
        steps.readAhead(SearchIndex.articleEntries(Map.of(), a -> null));
    }

    /** The search index's terms (see {@link SearchIndex}), made from the digest alone. */
    private void searchTerms(Digest digest, Map<String, String> tagNames, OutputSink out) {
        SearchIndex index = new SearchIndex(site.language());
        // Each tag's name by its slug, as its link shows it: the same for every article, so not looked up as a view.
        // The step's elements are the articles: a head is made only for an article whose terms are made.
        Function<Article, SearchIndex.Terms> terms = a -> steps.run(searchTerms,
                new ArticleHead(a, a.tags().stream().map(tagNames::get).toList()));
        index.writeTerms(digest.articles().size(),
                steps.update(SearchIndex.articleEntries(tagNames, terms), digest.articles()).entries(), out);
    }

    /** A chunk of the documents the search index finds: it reads its articles' cards, so it is made only when one changed. */
    private void searchDocs(int chunk, ViewFactory views, SiteData data, OutputSink out) {
        String key = PageData.searchDocs(chunk);
        out.write(SearchIndex.docsPath(chunk), data, key, r -> r.<PageData.SearchDocs>get(key).slugs().stream()
                .map(s -> SearchIndex.doc(views.card(r, s), r.<Article>get(PageData.article(s)).summary())).toList(),
                SearchIndex::docs);
    }

    /** The search page. */
    private void searchPage(Digest digest, OutputSink out) {
        page(out, Urls.SEARCH, "search.peb", page("Search", "Search every article of " + site.title() + ".",
                Urls.SEARCH, site.language(), "search", null), Map.of("articleCount", digest.articles().size()));
    }

    private void archiveIndex(Digest digest, ViewFactory views, OutputSink out) {
        page(out, Urls.ARCHIVE, "archive.peb", page("Archive", "Every article of " + site.title() + " by month.",
                        Urls.ARCHIVE, site.language(), "archive", null),
                Map.of("months", digest.months().stream().map(m -> new Views.Summary<>(views.monthLink(m.month(), m.articles().size()),
                                m.articles().stream().limit(INDEX_HEADLINES).map(views::card).toList())).toList(),
                        "undated", digest.undated().stream().map(views::card).toList()));
    }

    private void month(YearMonth month, ViewFactory views, SiteData data, OutputSink out) {
        String path = Urls.month(month);
        String key = PageData.month(month);
        page(out, path, data, key, r -> {
            PageData.MonthPage m = r.get(key);
            String title = views.monthTitle(m.month());
            return new Page("month.peb", context(page(title, "Articles of " + site.title() + " published in " + title
                    + ".", path, site.language(), "month", null), Map.of("month", views.monthLink(m.month(),
                    m.slugs().size()), "articles", m.slugs().stream().map(s -> views.card(r, s)).toList())));
        });
    }

    /** Page {@code n} of {@code pages} of a list whose first page is at {@code first}, showing {@code cards}. */
    private Page listPage(String first, String template, String title, String description, int n, int pages,
                          List<Views.ArticleCard> cards, Map<String, Object> extra) {
        String path = Urls.page(first, n);
        Views.Pagination pagination = new Views.Pagination(n, pages,
                n > 1 ? urls.link(Urls.page(first, n - 1)) : null,
                n < pages ? urls.link(Urls.page(first, n + 1)) : null);
        String pageTitle = n == 1 ? title : title + " (page " + n + " of " + pages + ")";
        Map<String, Object> values = new LinkedHashMap<>(extra);
        values.put("articles", cards);
        values.put("pagination", pagination);
        return new Page(template, context(page(pageTitle, description, path, site.language(), "tag", null), values));
    }

    /** @param canonical the canonical URL when it is not the page's own */
    private Views.Page page(String title, String description, String path, String lang, String kind, String canonical) {
        return new Views.Page(title, description, urls.link(path), canonical != null ? canonical : urls.absolute(path),
                lang, kind);
    }

    /** The page of the site data's key {@code key}, made from what {@code page} reads of {@code data}. */
    private void page(OutputSink out, String path, SiteData data, String key, Function<SiteData.Reader, Page> page) {
        out.write(Urls.file(path), data, key, page, this::evaluate);
    }

    private void page(OutputSink out, String path, String template, Views.Page page, Map<String, Object> values) {
        out.write(Urls.file(path), new Page(template, context(page, values)), this::evaluate);
    }

    private Map<String, Object> context(Views.Page page, Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>(values);
        context.put("site", siteView);
        context.put("page", page);
        // Page metadata for _head.peb: pages that need more than the defaults put their own.
        if (!context.containsKey(HEAD)) {
            context.put(HEAD, metadata.page(page, (PageMetadata.FeedLink) values.get(PAGE_FEED)));
        }
        return context;
    }

    /** The largest page buffer a thread keeps for its next page. */
    private static final int KEPT_BUFFER = 1 << 20;

    private byte[] evaluate(Page page) {
        String template = page.template();
        try {
            PebbleTemplate compiled = theme.engine().getTemplate(template);
            // A thread's buffer serves page after page; a page evaluated inside another on the same
            // thread (a stolen task) finds none free and takes its own.
            Utf8Writer writer = buffers.get();
            buffers.set(null);
            if (writer == null) {
                writer = new Utf8Writer(32_768);
            }
            try {
                compiled.evaluate(writer, page.context(), Locale.ROOT);
                return writer.toByteArray();
            } finally {
                if (writer.clear(KEPT_BUFFER)) {
                    buffers.set(writer);
                }
            }
        } catch (PebbleException e) {
            String file = e.getFileName() != null ? e.getFileName() : template;
            int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
            throw new GazetteException(theme.origin() + "/" + file.replaceFirst("^.*/", ""), line,
                    "template error: " + e.getPebbleMessage());
        } catch (IOException e) {
            throw new GazetteException(template, 0, "cannot render template: " + e.getMessage());
        }
    }
}

package dev.gazette.enrich;

import dev.gazette.clean.DateParser;
import dev.gazette.clean.Extraction;
import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.GazetteException;
import dev.gazette.model.LongText;
import dev.gazette.model.Origin;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.model.Slugs;
import dev.gazette.source.Source;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.YamlMap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enrich stage: merges what the curator wrote in front matter with what the cleaner found
 * (front matter always wins) and derives slug, summary, date, word count and feed identity.
 */
public final class ArticleBuilder {
    /** Front matter keys, with the Hugo and Jekyll spellings that mean the same thing. */
    public static final List<String> TITLE = List.of("title");
    public static final List<String> DATE = List.of("date", "published_at", "publishDate", "pubDate");
    public static final List<String> SOURCE = List.of("source", "publication", "outlet", "site_name");
    public static final List<String> SOURCE_URL = List.of("source_url", "sourceUrl", "source_link", "original_url", "link");
    public static final List<String> AUTHOR = List.of("author", "authors", "byline");
    public static final List<String> TAGS = List.of("tags", "categories", "keywords");
    public static final List<String> SUMMARY = List.of("summary", "description", "excerpt");
    public static final List<String> IMAGE = List.of("image", "cover", "featured_image");
    public static final List<String> LANG = List.of("lang", "language");
    /** {@code source: self}: the piece was written for this digest. */
    public static final String SELF = "self";
    private static final Pattern PATH_DATE = Pattern.compile("(\\d{4})[-/](\\d{2})[-/](\\d{2})");

    private final SiteConfig site;

    public ArticleBuilder(SiteConfig site) {
        this.site = site;
    }

    /**
     * @return the article, or empty (with a warning) for a raw page in which no article was found
     * @throws GazetteException listing every problem that stops this source from being published
     */
    public Optional<Article> build(Source source, Extraction found, ProblemSink problems) {
        YamlMap fm = source.frontMatter();
        String file = source.displayPath();
        FrontMatter matter = FrontMatter.read(fm, problems);
        List<Problem> errors = new ArrayList<>(matter.errors());

        boolean raw = source.format() != SourceFormat.MARKDOWN;
        if (raw && found.isEmpty()) {
            problems.report(Problem.warning(file, 0, "no article text found in this page: skipped"));
            return Optional.empty();
        }
        String title = matter.title();
        if (title == null) {
            title = found.title();
        }
        if (title == null) {
            errors.add(Problem.error(file, fm.keys().isEmpty() ? 1 : fm.line(), raw
                    ? "no title found in this page; add a front matter block with 'title:' at the top"
                    : "missing title: add 'title: ...' to the front matter"));
        }

        String sourceUrl = matter.sourceUrl();
        if (sourceUrl != null && !isAbsoluteHttp(sourceUrl)) {
            errors.add(Problem.error(file, fm.lineOf(key(fm, SOURCE_URL)), "'" + key(fm, SOURCE_URL)
                    + "' must be an absolute http(s) URL, not '" + sourceUrl + "'"));
            sourceUrl = null;
        }
        if (sourceUrl == null && found.url() != null && isAbsoluteHttp(found.url())) {
            sourceUrl = found.url();
        }

        ZonedDateTime date = date(source, matter, found, errors, problems);
        String slug = slug(source, matter, title, errors);
        if (!errors.isEmpty()) {
            throw new GazetteException(errors);
        }
        String summary = matter.summary();
        if (summary == null) {
            summary = Summaries.of(found.text(), Summaries.MAX_LENGTH);
        }
        String lang = matter.lang();
        if (lang == null) {
            // A language the text tells, or a page declares, without a region agrees with the site's own tag for it ("en" on an "en-GB" site).
            lang = found.lang() == null || site.language().toLowerCase(Locale.ROOT).startsWith(found.lang() + "-") ? site.language() : found.lang();
        }
        String image = matter.image();
        boolean curatedAddress = image != null && (image.contains(":") || image.startsWith("/"));
        if (!curatedAddress) {
            // None, or a file under content/ that the build found (and measures) and put in the extraction.
            image = found.image();
        }
        String outlet = matter.outlet();
        Origin origin = origin(outlet, found.siteName(), sourceUrl);
        String publication = origin == Origin.DIGEST ? null : firstNonNull(outlet, found.siteName());
        if (!origin.hasOutlet(publication)) {
            problems.report(Problem.warning(file, fm.keys().isEmpty() ? 0 : fm.line(), origin == Origin.PAGE
                    ? "no outlet recorded: the page credits only " + URI.create(sourceUrl).getHost()
                            + "; add 'source: <outlet name>', or 'source: self' for a piece written for this digest"
                    : "no source recorded: the page says 'Source not recorded'; add 'source:' and 'source_url:', "
                            + "or 'source: self' for a piece written for this digest"));
        }
        return Optional.of(new Article(
                source.displayPath(), slug, title, summary, LongText.of(found.html()), LongText.of(found.text()),
                matter.author() != null ? matter.author() : found.byline(), publication,
                sourceUrl, date, lang, image, matter.tags(), matter.story(), matter.linkTags(), matter.draft(),
                found.words(), guid(sourceUrl, title, found.text()), source.relativePath(), origin,
                curatedAddress ? matter.imageWidth() : 0, curatedAddress ? matter.imageHeight() : 0,
                found.links(), found.images()));
    }

    /** Only the curator can say a piece was written for the digest; the page can only name its outlet. */
    static Origin origin(String curatedOutlet, String foundSiteName, String sourceUrl) {
        if (curatedOutlet != null && curatedOutlet.strip().equalsIgnoreCase(SELF)) {
            return Origin.DIGEST;
        }
        if (curatedOutlet != null) {
            return Origin.OUTLET;
        }
        return foundSiteName != null || sourceUrl != null ? Origin.PAGE : Origin.UNRECORDED;
    }

    private ZonedDateTime date(Source source, FrontMatter matter, Extraction found, List<Problem> errors, ProblemSink problems) {
        YamlMap fm = source.frontMatter();
        String key = key(fm, DATE);
        String written = matter.date();
        if (written != null) {
            Optional<String> iso = DateParser.parse(written);
            if (iso.isEmpty()) {
                errors.add(Problem.error(source.displayPath(), fm.lineOf(key),
                        "'" + written + "' is not a date; write it as 2025-02-12 or 2025-02-12T09:30:00Z"));
                return null;
            }
            ZonedDateTime resolved = DateParser.resolve(iso.get(), site.timeZone());
            if (!writable(resolved)) {
                errors.add(Problem.error(source.displayPath(), fm.lineOf(key), "'" + written
                        + "' is outside the years 1 to 9999 in the site's time zone"));
                return null;
            }
            AmbiguousDates.warning(written, resolved.toLocalDate())
                    .ifPresent(message -> problems.report(Problem.warning(source.displayPath(), fm.lineOf(key), message)));
            return resolved;
        }
        if (found.date() != null) {
            ZonedDateTime resolved = DateParser.resolve(found.date(), site.timeZone());
            if (writable(resolved)) {
                return resolved;
            }
        }
        Matcher m = PATH_DATE.matcher(source.relativePath());
        if (m.find()) {
            Optional<String> iso = DateParser.find(m.group());
            if (iso.isPresent()) {
                return DateParser.resolve(iso.get(), site.timeZone());
            }
        }
        problems.report(Problem.warning(source.displayPath(), fm.keys().isEmpty() ? 0 : fm.line(),
                "no date found: published undated, listed after dated articles; add 'date:' to fix"));
        return null;
    }

    /** Whether every feed format can write the date: RFC 822 and RFC 3339 have four-digit years. */
    private static boolean writable(ZonedDateTime date) {
        return date.getYear() >= 1 && date.getYear() <= 9999
                && date.withZoneSameInstant(ZoneOffset.UTC).getYear() >= 1
                && date.withZoneSameInstant(ZoneOffset.UTC).getYear() <= 9999;
    }

    /**
     * The page name: {@code slug:} when given, else the source's file name (so a headline edit never
     * moves the page), else the title, else a hash of the path. Clashes are settled site-wide by
     * {@link PageNames#unique}.
     */
    private static String slug(Source source, FrontMatter matter, String title, List<Problem> errors) {
        YamlMap fm = source.frontMatter();
        String chosen = matter.slug();
        if (chosen != null) {
            String slug = Slugs.of(chosen);
            if (slug.isEmpty()) {
                errors.add(Problem.error(source.displayPath(), fm.lineOf("slug"), "slug '" + chosen + "' has no letters or digits"));
            }
            return slug;
        }
        String slug = PageNames.fromPath(source.relativePath());
        if (slug.isEmpty() && title != null) {
            slug = Slugs.of(title);
        }
        return slug.isEmpty() ? PageNames.fallback(source.relativePath()) : slug;
    }

    private static String key(YamlMap fm, List<String> keys) {
        return fm.firstKey(keys.toArray(String[]::new));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    public static boolean isAbsoluteHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The source URL when there is one; otherwise a hash of the content, stable across slug or base URL changes. */
    static String guid(String sourceUrl, String title, String text) {
        if (sourceUrl != null) {
            return sourceUrl;
        }
        return "urn:gazette:" + sha256((title == null ? "" : title) + "\n" + text).substring(0, 32);
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package dev.gazette.enrich;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.source.KnownKeys;
import dev.gazette.source.YamlMap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static dev.gazette.enrich.ArticleBuilder.AUTHOR;
import static dev.gazette.enrich.ArticleBuilder.DATE;
import static dev.gazette.enrich.ArticleBuilder.IMAGE;
import static dev.gazette.enrich.ArticleBuilder.LANG;
import static dev.gazette.enrich.ArticleBuilder.SOURCE;
import static dev.gazette.enrich.ArticleBuilder.SOURCE_URL;
import static dev.gazette.enrich.ArticleBuilder.SUMMARY;
import static dev.gazette.enrich.ArticleBuilder.TAGS;
import static dev.gazette.enrich.ArticleBuilder.TITLE;

/**
 * What the curator wrote in a source's front matter, read once with every key checked: each
 * wrong value becomes one error at its line (none thrown early, none dropped), an unknown key a
 * warning that names the key it most likely meant. Values are {@code null} when not written.
 *
 * @param date    the date as written; the enrich stage reads it in the site's time zone
 * @param outlet  {@code source:}, the original publication (or "self")
 * @param author  one author, or several joined with " and "
 * @param imageWidth  {@code image_width:}, the size of a remote lead image in pixels (0 when not written)
 * @param errors  every problem with a value, in the order of the keys
 */
public record FrontMatter(
        String title,
        String date,
        String outlet,
        String sourceUrl,
        String author,
        List<String> tags,
        String summary,
        String image,
        int imageWidth,
        int imageHeight,
        String lang,
        String slug,
        String story,
        boolean draft,
        boolean linkTags,
        List<Problem> errors) {

    static final String IMAGE_WIDTH = "image_width";
    static final String IMAGE_HEIGHT = "image_height";
    /** Keys that take one plain value and need no further reading here. */
    private static final Set<String> OTHER_KEYS = Set.of("draft", "published", "story", "slug", "link_tags",
            "layout", "lastmod", "updated", IMAGE_WIDTH, IMAGE_HEIGHT);
    /** Larger than any photograph a page shows. */
    private static final int MAX_IMAGE_SIDE = 20_000;
    private static final List<List<String>> GROUPS = List.of(TITLE, DATE, SOURCE, SOURCE_URL, AUTHOR, TAGS, SUMMARY, IMAGE, LANG);

    public FrontMatter {
        tags = List.copyOf(tags);
        errors = List.copyOf(errors);
    }

    /** Every key the front matter may hold, with all their spellings. */
    public static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>(OTHER_KEYS);
        GROUPS.forEach(keys::addAll);
        return keys;
    }

    /** Reads and checks every key of {@code fm}; warnings go to {@code warnings}, errors into the record. */
    public static FrontMatter read(YamlMap fm, ProblemSink warnings) {
        Set<String> known = knownKeys();
        for (String key : fm.keys()) {
            if (!known.contains(key)) {
                warnings.report(Problem.warning(fm.file(), fm.lineOf(key), "unknown front matter key '" + key
                        + "' is ignored" + KnownKeys.suggestion(key, known)));
            }
        }
        for (List<String> group : GROUPS) {
            String used = key(fm, group);
            for (String other : group) {
                if (!other.equals(used) && fm.has(other) && !(group == TAGS && other.equals("categories"))) {
                    warnings.report(Problem.warning(fm.file(), fm.lineOf(other), "'" + other + "' is ignored: '"
                            + used + "' (line " + fm.lineOf(used) + ") says the same"));
                }
            }
        }
        List<Problem> errors = new ArrayList<>();
        String title = value(errors, () -> fm.string(key(fm, TITLE)), null);
        String date = value(errors, () -> fm.string(key(fm, DATE)), null);
        String outlet = value(errors, () -> fm.string(key(fm, SOURCE)), null);
        String sourceUrl = value(errors, () -> fm.string(key(fm, SOURCE_URL)), null);
        String author = value(errors, () -> fm.raw(key(fm, AUTHOR)) instanceof List
                ? String.join(" and ", fm.strings(key(fm, AUTHOR))) : fm.string(key(fm, AUTHOR)), null);
        List<String> tags = value(errors, () -> {
            List<String> all = new ArrayList<>(fm.strings(key(fm, TAGS)));
            if (!key(fm, TAGS).equals("categories") && fm.has("categories")) {
                all.addAll(fm.strings("categories"));
            }
            return all;
        }, List.of());
        String summary = value(errors, () -> fm.string(key(fm, SUMMARY)), null);
        String image = value(errors, () -> fm.string(key(fm, IMAGE)), null);
        int imageWidth = value(errors, () -> fm.integer(IMAGE_WIDTH, 0, 1, MAX_IMAGE_SIDE), 0);
        int imageHeight = value(errors, () -> fm.integer(IMAGE_HEIGHT, 0, 1, MAX_IMAGE_SIDE), 0);
        if ((imageWidth > 0) != (imageHeight > 0)) {
            String given = imageWidth > 0 ? IMAGE_WIDTH : IMAGE_HEIGHT;
            warnings.report(Problem.warning(fm.file(), fm.lineOf(given), "'" + given + "' is ignored without '"
                    + (imageWidth > 0 ? IMAGE_HEIGHT : IMAGE_WIDTH) + "': a lead image's size needs both"));
            imageWidth = 0;
            imageHeight = 0;
        }
        String lang = value(errors, () -> {
            String written = fm.string(key(fm, LANG));
            if (written != null && !written.matches("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*")) {
                throw fm.error(key(fm, LANG), "'" + written + "' is not a language tag such as en or pt-BR");
            }
            return written == null ? null : written.replace('_', '-');
        }, null);
        String slug = value(errors, () -> fm.string("slug"), null);
        String story = value(errors, () -> fm.string("story"), null);
        boolean draft = value(errors, () -> fm.bool("draft", false), false);
        boolean published = value(errors, () -> fm.bool("published", true), true);
        boolean linkTags = value(errors, () -> fm.bool("link_tags", true), true);
        for (String ignored : List.of("layout", "lastmod", "updated")) {
            value(errors, () -> fm.string(ignored), null);
        }
        return new FrontMatter(title, date, outlet, sourceUrl, author, tags, summary, image, imageWidth, imageHeight, lang, slug, story,
                draft || !published, linkTags, errors);
    }

    /** The spelling of a key that this front matter uses: the first of the group that is set. */
    static String key(YamlMap fm, List<String> group) {
        return fm.firstKey(group.toArray(String[]::new));
    }

    private static <T> T value(List<Problem> errors, Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (GazetteException e) {
            errors.addAll(e.problems());
            return otherwise;
        }
    }
}

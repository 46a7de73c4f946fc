package dev.gazette.config;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.Slugs;
import dev.gazette.model.Tag;
import dev.gazette.source.KnownKeys;
import dev.gazette.source.SourceReader;
import dev.gazette.source.TextDecoder;
import dev.gazette.source.YamlMap;
import dev.gazette.source.YamlParser;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Reads {@code site.yml}; a missing file gives a site with sensible defaults. */
public final class SiteConfigLoader {
    public static final String FILE_NAME = "site.yml";
    static final URI DEFAULT_BASE_URL = URI.create("http://localhost:4000/");
    private static final long MAX_CONFIG_BYTES = 4L << 20;
    static final int DEFAULT_MAX_SOURCE_MB = (int) (SourceReader.DEFAULT_MAX_BYTES >> 20);

    private static final Set<String> KNOWN_KEYS = Set.of(
            "title", "description", "base_url", "baseURL", "baseurl", "url", "language", "lang", "languageCode",
            "timezone", "author", "feed_items", "page_size", "paginate", "edition", "tags", "cname",
            "canonical", "copyright", "feed", "max_source_mb");

    private SiteConfigLoader() {
    }

    public static SiteConfig load(Path contentDir) {
        Path file = contentDir.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return fromYaml(YamlMap.empty(file.toString()));
        }
        try {
            // The same rules as for sources: a regular file inside the content folder, of a sane size.
            if (!file.toRealPath().startsWith(contentDir.toRealPath()) || !Files.isRegularFile(file)) {
                throw new GazetteException(file.toString(), 0, "must be a regular file inside the content folder, "
                        + "not a link to " + file.toRealPath() + " or a pipe or device");
            }
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new GazetteException(file.toString(), 0, "larger than " + (MAX_CONFIG_BYTES >> 20)
                        + " MB; a site configuration is a few lines");
            }
            String text = TextDecoder.decode(Files.readAllBytes(file), false).text();
            return fromYaml(YamlParser.parse(file.toString(), text, 1));
        } catch (IOException e) {
            throw new GazetteException(file.toString(), 0, "cannot read file: " + e.getMessage());
        }
    }

    /** @throws GazetteException listing every wrong setting at once, each at its line */
    public static SiteConfig fromYaml(YamlMap yaml) {
        List<Problem> errors = new ArrayList<>();
        for (String key : yaml.keys()) {
            if (!KNOWN_KEYS.contains(key)) {
                errors.add(Problem.error(yaml.file(), yaml.lineOf(key), "unknown setting '" + key + "'"
                        + KnownKeys.suggestion(key, KNOWN_KEYS)
                        + "; known settings: " + String.join(", ", new TreeSet<>(KNOWN_KEYS))));
            }
        }
        String title = attempt(errors, () -> orElse(yaml.string("title"), "Gazette"), "Gazette");
        String description = attempt(errors, () -> orElse(yaml.string("description"), "A curated news digest."), "");
        String baseKey = yaml.firstKey("base_url", "baseURL", "baseurl", "url");
        URI baseUrl = attempt(errors, () -> yaml.has(baseKey)
                ? parseBaseUrl(nonEmpty(yaml, baseKey, "an absolute URL such as https://user.github.io/repo/"), yaml, baseKey)
                : DEFAULT_BASE_URL, DEFAULT_BASE_URL);
        String langKey = yaml.firstKey("language", "lang", "languageCode");
        String language = attempt(errors, () -> {
            String written = yaml.has(langKey) ? nonEmpty(yaml, langKey, "a language tag such as en or en-GB") : "en";
            if (!written.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
                throw yaml.error(langKey, "'" + written + "' is not a language tag such as en or en-GB");
            }
            return written;
        }, "en");
        ZoneId zone = attempt(errors, () -> {
            if (!yaml.has("timezone")) {
                return ZoneId.of("UTC");
            }
            String written = nonEmpty(yaml, "timezone", "a time zone such as Europe/London or UTC");
            try {
                return ZoneId.of(written);
            } catch (DateTimeException e) {
                throw yaml.error("timezone", "unknown time zone '" + written + "'; use a name such as Europe/London or UTC");
            }
        }, ZoneId.of("UTC"));
        int feedItems = attempt(errors, () -> yaml.integer("feed_items", 20, 1, 10_000), 20);
        int pageSize = attempt(errors, () -> yaml.integer(yaml.firstKey("page_size", "paginate"), 10, 1, 1000), 10);
        SiteConfig.Edition edition = attempt(errors, () -> choice(yaml, "edition", SiteConfig.Edition.WEEKLY), SiteConfig.Edition.WEEKLY);
        SiteConfig.Feed feed = attempt(errors, () -> choice(yaml, "feed", SiteConfig.Feed.ARTICLES), SiteConfig.Feed.ARTICLES);
        boolean toSource = attempt(errors, () -> {
            String canonical = yaml.has("canonical") ? nonEmpty(yaml, "canonical", "self or source") : "self";
            if (!canonical.equals("self") && !canonical.equals("source")) {
                throw yaml.error("canonical", "canonical must be 'self' (this site) or 'source' (the original article)");
            }
            return canonical.equals("source");
        }, false);
        String author = attempt(errors, () -> yaml.string("author"), null);
        String cname = attempt(errors, () -> yaml.string("cname"), null);
        String copyright = attempt(errors, () -> yaml.string("copyright"), null);
        List<Tag> vocabulary = attempt(errors, () -> vocabulary(yaml), List.of());
        long maxSourceMb = attempt(errors, () -> yaml.integer("max_source_mb", DEFAULT_MAX_SOURCE_MB, 1, 2000), DEFAULT_MAX_SOURCE_MB);
        if (!errors.isEmpty()) {
            throw new GazetteException(errors);
        }
        return new SiteConfig(title, description, baseUrl, language, zone, author,
                feedItems, pageSize, edition, vocabulary, cname, toSource, copyright, feed, maxSourceMb * 1024 * 1024);
    }

    /** Reads one setting; a wrong one is noted and its default used, so every wrong setting is reported. */
    private static <T> T attempt(List<Problem> errors, Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (GazetteException e) {
            errors.addAll(e.problems());
            return otherwise;
        }
    }

    /** A setting written with an empty value ({@code timezone: ""}) is a mistake, not a default. */
    private static String nonEmpty(YamlMap yaml, String key, String expected) {
        String value = yaml.string(key);
        if (value == null) {
            throw yaml.error(key, "'" + key + "' is empty; remove the line or give " + expected);
        }
        return value;
    }

    /** Accepts an absolute http(s) URL and makes sure it ends with '/'. */
    public static URI parseBaseUrl(String text, YamlMap yaml, String key) {
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(text, "not an absolute http(s) URL");
            }
            // "https://host//repo/" would make every link "//repo/...": a link to a host named "repo".
            String path = uri.getRawPath().replaceAll("/{2,}", "/");
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            String message = "base URL '" + text + "' must be an absolute http(s) URL such as https://user.github.io/repo/";
            if (yaml == null) {
                throw new GazetteException(message);
            }
            throw yaml.error(key, message);
        }
    }

    private static List<Tag> vocabulary(YamlMap yaml) {
        YamlMap tags = yaml.map("tags");
        List<Tag> out = new ArrayList<>();
        Map<String, String> keyOfSlug = new HashMap<>();
        for (String key : tags.keys()) {
            String slug = Slugs.of(key);
            if (slug.isEmpty()) {
                throw tags.error(key, "tag key '" + key + "' has no letters or digits to make a page name from");
            }
            String other = keyOfSlug.putIfAbsent(slug, key);
            if (other != null) {
                throw tags.error(key, "tags '" + other + "' (line " + tags.lineOf(other) + ") and '" + key
                        + "' would share the page tags/" + slug + "/; merge them or rename one");
            }
            Object value = tags.raw(key);
            if (value instanceof YamlMap def) {
                for (String field : def.keys()) {
                    if (!Set.of("name", "aliases", "description").contains(field)) {
                        throw def.error(field, "unknown tag field '" + field + "'; use name, aliases or description");
                    }
                }
                String name = orElse(def.string("name"), key);
                out.add(new Tag(slug, name, def.string("description"), def.strings("aliases")));
            } else if (value == null || value instanceof String) {
                // "tag: Display Name" or a bare key
                String name = value == null ? key : value.toString();
                out.add(new Tag(slug, name, null, List.of(name)));
            } else {
                throw tags.error(key, "tag '" + key + "' must be a mapping with name, aliases and description");
            }
        }
        return out;
    }

    /** One of an enum's values, written in lower case in site.yml. */
    private static <E extends Enum<E>> E choice(YamlMap yaml, String key, E otherwise) {
        if (!yaml.has(key)) {
            return otherwise;
        }
        String written = nonEmpty(yaml, key, "one of its values");
        for (E value : otherwise.getDeclaringClass().getEnumConstants()) {
            if (value.name().equalsIgnoreCase(written)) {
                return value;
            }
        }
        String allowed = Arrays.stream(otherwise.getDeclaringClass().getEnumConstants())
                .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw yaml.error(key, key + " must be one of " + allowed + ", not '" + written + "'");
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}

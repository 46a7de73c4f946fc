package dev.gazette.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A built site on disk seen through its base URL: which URLs are internal, which file an
 * internal URL is served from (a folder URL serves its index.html), and the fragment targets
 * of each page. Works without being told the base URL: it reads it from the home page's
 * canonical link or the RSS feed's {@code atom:link rel="self"}.
 */
final class BuiltSite {
    /** Stands in for the host when the base URL is unknown: root-relative links are then taken as internal. */
    static final URI UNKNOWN_BASE = URI.create("http://site.invalid/");

    /** Where an internal or external URL leads. */
    enum Kind { EXTERNAL, OUTSIDE_BASE, INTERNAL }

    /** @param file path relative to the site root, with '/' separators, for {@link Kind#INTERNAL} */
    record Target(Kind kind, String file, String fragment) {
    }

    private final Path root;
    private final URI base;
    private final List<String> files;
    private final Set<String> fileSet;
    private final Map<String, Set<String>> anchors = new ConcurrentHashMap<>();

    private BuiltSite(Path root, URI base, List<String> files) {
        this.root = root;
        this.base = base;
        this.files = files;
        this.fileSet = Set.copyOf(files);
    }

    /** @param baseUrl the site's base URL, or null to read it from the site itself */
    static BuiltSite open(Path root, URI baseUrl) {
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI base = baseUrl != null ? baseUrl : detectBase(root);
        String text = base.toString();
        return new BuiltSite(root, URI.create(text.endsWith("/") ? text : text + "/"), files);
    }

    private static URI detectBase(Path root) {
        Path home = root.resolve("index.html");
        if (Files.isRegularFile(home)) {
            Element canonical = read(home, Parser.htmlParser()).selectFirst("link[rel=canonical][href]");
            if (canonical != null && isHttp(canonical.attr("href"))) {
                return URI.create(canonical.attr("href"));
            }
        }
        Path feed = root.resolve("feed.xml");
        if (Files.isRegularFile(feed)) {
            for (Element link : read(feed, Parser.xmlParser()).select("channel > atom|link[rel=self][href]")) {
                String href = link.attr("href");
                if (isHttp(href) && href.endsWith("/feed.xml")) {
                    return URI.create(href.substring(0, href.length() - "feed.xml".length()));
                }
            }
        }
        return UNKNOWN_BASE;
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static Document read(Path file, Parser parser) {
        try {
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", parser.setTrackPosition(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    URI base() {
        return base;
    }

    boolean baseKnown() {
        return !base.equals(UNKNOWN_BASE);
    }

    /** Every file, relative to the root, sorted. */
    List<String> files() {
        return files;
    }

    /** The URL a file is served at: a page's index.html is served at its folder URL. */
    URI urlOf(String file) {
        String path = file.equals("index.html") ? "" : file.endsWith("/index.html")
                ? file.substring(0, file.length() - "index.html".length()) : file;
        try {
            return path.isEmpty() ? base : base.resolve(new URI(null, null, path, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URL of " + file, e);
        }
    }

    /** Where {@code url}, already absolute, leads. */
    Target target(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null
                || !url.getHost().equalsIgnoreCase(base.getHost()) || port(url) != port(base)) {
            return new Target(Kind.EXTERNAL, null, null);
        }
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        String basePath = base.getPath();
        if (!path.startsWith(basePath)) {
            // "/repo" names the base folder itself; anything else above it escapes the site.
            return path.equals(basePath.substring(0, basePath.length() - 1))
                    ? new Target(Kind.INTERNAL, "index.html", url.getFragment())
                    : new Target(Kind.OUTSIDE_BASE, null, null);
        }
        String file = path.substring(basePath.length());
        if (file.isEmpty() || file.endsWith("/")) {
            file += "index.html";
        } else if (!fileSet.contains(file) && fileSet.contains(file + "/index.html")) {
            file += "/index.html";
        }
        return new Target(Kind.INTERNAL, file, url.getFragment());
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    boolean exists(String file) {
        return fileSet.contains(file);
    }

    /** The ids and {@code <a name>}s of an HTML page: what a {@code #fragment} can point to. */
    Set<String> anchors(String file) {
        return anchors.computeIfAbsent(file, f -> {
            Set<String> names = new HashSet<>();
            for (Element el : read(root.resolve(f), Parser.htmlParser()).select("[id], a[name]")) {
                if (el.hasAttr("id")) {
                    names.add(el.id());
                }
                if (el.normalName().equals("a") && el.hasAttr("name")) {
                    names.add(el.attr("name"));
                }
            }
            return names;
        });
    }
}

package dev.gazette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample site built for a sub-path base URL, served by a real HTTP server under that
 * sub-path on loopback, crawled from its root: every link in every page, feed, sitemap and
 * robots.txt works, every page is reached. The same for a root base URL.
 */
class SiteCrawlTest {
    /** A bound on the crawl, far above the sample's size, so a bug cannot make it run away. */
    private static final int MAX_REQUESTS = 5_000;

    @TempDir
    Path tmp;

    @Test
    void aSubPathSiteCrawledUnderItsSubPathHasNoBrokenLink() throws Exception {
        crawlBuiltSite("/repo/");
    }

    @Test
    void aRootSiteCrawledFromTheRootHasNoBrokenLink() throws Exception {
        crawlBuiltSite("/");
    }

    private void crawlBuiltSite(String basePath) throws Exception {
        try (StaticServer server = new StaticServer()) {
            String base = "http://127.0.0.1:" + server.port() + basePath;
            Path site = SampleSite.build(SampleSite.CONTENT, tmp.resolve("site"), "--base-url", base);
            server.serve(site, basePath);
            Crawl crawl = new Crawl(URI.create(base));

            crawl.from(URI.create(base));
            // The machine-read files every reader and crawler asks for by name.
            for (String file : List.of("feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt")) {
                crawl.from(URI.create(base + file));
            }
            // GitHub Pages serves 404.html for any missing URL at any depth: its links must work from there.
            HttpResponse<String> missing = crawl.get(URI.create(base + "no/such/page/"));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Page not found");
            crawl.links(missing);
            crawl.run();

            System.out.printf("SiteCrawlTest %s: %d URLs fetched, %d links followed, %d fragments checked%n",
                    base, crawl.fetched.size(), crawl.links, crawl.fragments.size());
            assertThat(crawl.broken).as("broken links (target ← where)").isEmpty();
            assertThat(crawl.badFragments()).as("broken #fragments").isEmpty();
            Set<String> pages = new TreeSet<>();
            for (Path file : SiteChecks.htmlFiles(site)) {
                String rel = site.relativize(file).toString();
                if (!rel.equals("404.html")) {
                    pages.add(base + rel.replaceFirst("index\\.html$", ""));
                }
            }
            assertThat(crawl.fetched.keySet()).as("every page is reached").containsAll(pages);
            assertThat(pages.stream().filter(p -> p.startsWith(base + "articles/"))).hasSizeGreaterThanOrEqualTo(11);
            if (!basePath.equals("/")) {
                HttpResponse<String> bare = crawl.get(URI.create(base.substring(0, base.length() - 1)));
                assertThat(bare.statusCode()).isEqualTo(301);
                assertThat(bare.headers().firstValue("Location")).hasValue(basePath);
                assertThat(crawl.get(URI.create("http://127.0.0.1:" + server.port() + "/index.html")).statusCode())
                        .as("nothing is served outside the sub-path").isEqualTo(404);
            }
        }
    }

    /** A breadth-first crawl of every same-origin URL reachable from the start URLs. */
    private static final class Crawl {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Deque<URI> queue = new ArrayDeque<>();
        /** URL (without fragment) → its parsed HTML, or null for other files. */
        final Map<String, Document> fetched = new TreeMap<>();
        /** Broken target → the first page linking to it. */
        final Map<String, String> broken = new TreeMap<>();
        /** "page#fragment" → the first page linking to it. */
        final Map<String, String> fragments = new TreeMap<>();
        private final Map<URI, String> from = new HashMap<>();
        int links;

        Crawl(URI base) {
            this.base = base;
        }

        void from(URI url) {
            enqueue(url, "(start)");
        }

        HttpResponse<String> get(URI url) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        void run() throws IOException, InterruptedException {
            while (!queue.isEmpty()) {
                assertThat(fetched.size()).as("crawl size").isLessThan(MAX_REQUESTS);
                URI url = queue.poll();
                HttpResponse<String> response = get(url);
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    fetched.put(url.toString(), null);
                    response.headers().firstValue("Location").ifPresent(l -> enqueue(url.resolve(l), url.toString()));
                } else if (status != 200) {
                    broken.putIfAbsent(url + " (" + status + ")", from.get(url));
                } else {
                    links(response);
                }
            }
        }

        /** Follows every link of a response: HTML href/src/srcset, feed and sitemap links, robots.txt's Sitemap. */
        void links(HttpResponse<String> response) {
            URI url = response.uri();
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = response.body();
            Document html = null;
            List<String> targets = new ArrayList<>();
            if (type.startsWith("text/html")) {
                html = Jsoup.parse(body, url.toString());
                for (Element el : html.select("[href], [src], [srcset]")) {
                    targets.add(el.attr("href"));
                    targets.add(el.attr("src"));
                    for (String candidate : el.attr("srcset").split(",")) {
                        targets.add(candidate.strip().split("\\s+")[0]);
                    }
                }
            } else if (type.contains("xml")) {
                Document xml = Jsoup.parse(body, url.toString(), Parser.xmlParser());
                xml.select("link[href]").forEach(l -> targets.add(l.attr("href")));
                xml.select("channel > link, item > link, loc").forEach(l -> targets.add(l.text()));
            } else if (type.contains("json")) {
                try {
                    JsonNode feed = new ObjectMapper().readTree(body);
                    targets.add(feed.path("home_page_url").asText(""));
                    targets.add(feed.path("feed_url").asText(""));
                    feed.path("items").forEach(item -> targets.add(item.path("url").asText("")));
                } catch (IOException e) {
                    broken.put(url + " (not JSON: " + e.getMessage() + ")", from.get(url));
                }
            } else if (type.startsWith("text/plain")) {
                body.lines().filter(l -> l.startsWith("Sitemap:")).forEach(l -> targets.add(l.substring(8).strip()));
            }
            fetched.put(url.toString(), html);
            for (String target : targets) {
                if (!target.isBlank()) {
                    links++;
                    enqueue(url.resolve(target.strip()), url.toString());
                }
            }
        }

        private void enqueue(URI target, String page) {
            if (!"http".equals(target.getScheme()) || !target.getAuthority().equals(base.getAuthority())) {
                return;
            }
            if (target.getFragment() != null && !target.getFragment().isEmpty()) {
                fragments.putIfAbsent(withoutFragment(target) + "#" + target.getFragment(), page);
            }
            URI page0 = URI.create(withoutFragment(target));
            if (!fetched.containsKey(page0.toString()) && !from.containsKey(page0)) {
                from.put(page0, page);
                queue.add(page0);
            }
        }

        private static String withoutFragment(URI url) {
            String s = url.toString();
            int hash = s.indexOf('#');
            return hash < 0 ? s : s.substring(0, hash);
        }

        /** Fragments whose page has no element with that id or {@code <a name>}. */
        Map<String, String> badFragments() {
            Map<String, String> bad = new TreeMap<>();
            fragments.forEach((link, page) -> {
                int hash = link.indexOf('#');
                Document doc = fetched.get(link.substring(0, hash));
                String id = link.substring(hash + 1);
                if (doc != null && doc.getElementById(id) == null && doc.selectFirst("a[name=" + id + "]") == null) {
                    bad.put(link, page);
                }
            });
            return bad;
        }
    }
}

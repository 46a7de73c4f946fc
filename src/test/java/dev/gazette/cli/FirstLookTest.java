package dev.gazette.cli;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first section, as a new user follows it: what it shows, and that its static-server recipe is styled. */
class FirstLookTest {
    @TempDir
    Path tmp;

    private static String firstSection() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## ");
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    @Test
    void theFirstSectionShowsThePreviewAndWhatToOpen() throws Exception {
        String first = firstSection();
        assertThat(first).contains("## First look", "    ./gazette serve ", "http://127.0.0.1:4000/gazette/",
                "    ./gazette build ", "    mvn -B verify ");
        assertThat(first.indexOf("./gazette serve")).isLessThan(first.indexOf("./gazette build"));
    }

    @Test
    void aBuildForTheStaticServersAddressIsStyledWhenServedFromItsRoot() throws Exception {
        String first = firstSection();
        assertThat(first).contains("    ./gazette build --base-url http://localhost:8000/\n",
                "    python3 -m http.server -d site 8000     # then open http://localhost:8000/\n");
        try (StaticServer server = new StaticServer()) {
            // The recipe, on a free port instead of 8000.
            Path site = SampleSite.build(SampleSite.CONTENT, tmp.resolve("site"),
                    "--base-url", "http://localhost:" + server.port() + "/");
            server.serve(site, "/");
            String root = "http://127.0.0.1:" + server.port() + "/";
            HttpResponse<String> home = get(root);
            assertThat(home.statusCode()).isEqualTo(200);
            Document page = org.jsoup.Jsoup.parse(home.body(), root);
            Element stylesheet = page.selectFirst("link[rel=stylesheet]");
            assertThat(stylesheet).as("a stylesheet link").isNotNull();
            URI css = URI.create(root).resolve(URI.create(stylesheet.attr("href")).getRawPath());
            HttpResponse<String> style = get(css.toString());
            assertThat(style.statusCode()).as(css.toString()).isEqualTo(200);
            assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css");
            assertThat(style.body()).contains("{");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

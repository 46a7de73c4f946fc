package dev.gazette.render;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteUrlsTest {
    private static final List<String> PAGES = List.of("https://x.example/a/story/", "https://x.example/base/a/b/",
            "http://x.example/", "https://x.example:8443/a/", "https://x.example/q/?page=2", "https://x.example");
    private static final List<String> URLS = List.of("/tags/ai/", "../up/", "img/p.jpg", "https://other.example/x?y=1",
            "//cdn.example/i.png", "?page=2", "#notes", "mailto:ed@x.example", "", " spaced.html ", "a b.html",
            "javascript:alert(1)", "https://x.example/?a=1&b=2", "caf\u00e9.html", "https://ex.example/%20x",
            "data:image/png;base64,AAAA", "tel:+123", "HTTPS://UPPER.EXAMPLE/Path", "x\"y", "a<b>c", "../../../../x",
            "/", "/a/../b/./c", "/x?q=1#f", "https://x.example", "https://x.example/tags/ai/", "http://www.other.example:80/p",
            "https://m\u00fcnchen.example/", "https://x.example/a b", "https:relative", "http:", "/\\double", "https://user@h.example/");
    private static final List<String> TEXTS = List.of("plain words", "a < b & c > d", "\u00a0nbsp\u00a0", "caf\u00e9 \u2014 \u201cquoted\u201d",
            "href=\"/not/a/link\"", "<img src=x>", "   ", "\n\n", "x &amp; y", "tab\there");

    /** HTML as jsoup writes it, which is what article bodies are by the time feeds are made. */
    private static String asJsoupWrites(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    private static int checkedWithoutParse;
    /** Shared by every body and page of a test, as by every item of a site's feeds: each page must still get its own resolution. */
    private static AbsoluteUrls.Resolutions resolutions = new AbsoluteUrls.Resolutions();

    private static void assertSameAsParse(String html) {
        for (String page : PAGES) {
            String quick = AbsoluteUrls.rewriteSerialised(html, page, resolutions);
            String parsed = AbsoluteUrls.rewriteParsed(html, page);
            if (quick != null) {
                checkedWithoutParse++;
                assertThat(quick).as("%s on %s", html, page).isEqualTo(parsed);
            }
            assertThat(AbsoluteUrls.rewrite(html, page)).isEqualTo(parsed);
        }
    }

    @Test
    void everyLinkImageAndSourceSetIsMadeAbsoluteWithoutAParse() {
        String html = asJsoupWrites("<p>See <a href=\"/tags/ai/\" class=\"tag-link\">AI</a> and "
                + "<img src=\"img/p.jpg\" alt=\"A &quot;photo&quot; > here\" srcset=\"img/p.jpg 1x, /big.jpg 2x\">"
                + "<a href=\"https://other.example/x\">out</a></p><figure><img src=\"../f.png\"></figure>");
        String quick = AbsoluteUrls.rewriteSerialised(html, "https://x.example/a/story/");
        assertThat(quick).isEqualTo("<p>See <a href=\"https://x.example/tags/ai/\" class=\"tag-link\">AI</a> and "
                + "<img src=\"https://x.example/a/story/img/p.jpg\" alt=\"A &quot;photo&quot; &gt; here\" "
                + "srcset=\"https://x.example/a/story/img/p.jpg 1x, https://x.example/big.jpg 2x\">"
                + "<a href=\"https://other.example/x\">out</a></p><figure><img src=\"https://x.example/a/f.png\"></figure>")
                .isEqualTo(AbsoluteUrls.rewriteParsed(html, "https://x.example/a/story/"));
    }

    @Test
    void whatOnlyTheParseReadsRightIsLeftToIt() {
        for (String html : List.of("<p>a</p><!-- <a href=\"/x\"> -->", "<p><iframe src=\"/e\"></iframe></p>",
                "<a href=\"?a=1&amp;b=2\">q</a>", "<a href=\"caf\u00e9\">c</a>", "<p>a < b</p>",
                "<svg><a href=\"/x\">s</a></svg>", "<img srcset=\" , \">", "<p><script>a<b</script></p>",
                "<svg/><a href=\"/x\">s</a>", "<br/><a href=\"/x\">s</a>")) {
            assertThat(AbsoluteUrls.rewriteSerialised(html, "https://x.example/a/")).as(html).isNull();
            assertThat(AbsoluteUrls.rewrite(html, "https://x.example/a/"))
                    .isEqualTo(AbsoluteUrls.rewriteParsed(html, "https://x.example/a/"));
        }
    }

    @Test
    void randomBodiesAreRewrittenAsTheParseRewritesThem() {
        Random random = new Random(20261129);
        checkedWithoutParse = 0;
        resolutions = new AbsoluteUrls.Resolutions();
        for (int n = 0; n < 1500; n++) {
            StringBuilder html = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int k = 0; k < parts; k++) {
                String url = pick(random, URLS).replace("&", random.nextBoolean() ? "&" : "&amp;").replace("\"", "&quot;");
                String text = pick(random, TEXTS).replace("<", "&lt;");
                html.append(switch (random.nextInt(9)) {
                    case 0 -> "<p>" + text + " <a href=\"" + url + "\" title=\"t > " + text + "\">" + text + "</a></p>";
                    case 1 -> "<img src=\"" + url + "\" alt=\"" + text + "\">";
                    case 2 -> "<img src=\"" + url + "\" srcset=\"" + url + " 1x, " + pick(random, URLS) + " 2x\">";
                    case 3 -> "<ul><li><a href=\"" + url + "\">" + text + "</a></li></ul>";
                    case 4 -> "<blockquote><p><em>" + text + "</em></p></blockquote>";
                    case 5 -> "<pre><code>" + text + "</code></pre>";
                    case 6 -> "<table><tr><td><a href=\"" + url + "\">x</a></td></tr></table>";
                    case 7 -> "<video src=\"" + url + "\" controls></video>";
                    default -> text;
                });
            }
            assertSameAsParse(asJsoupWrites(html.toString()));
        }
        // Most of them took the way without a parse: the comparison above is not of the parse with itself.
        assertThat(checkedWithoutParse).isGreaterThan(3000);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    @Test
    void plainBodiesComeBackAsTheyAre() {
        List<String> bodies = new ArrayList<>(List.of("<p>No links at all.</p>", "<p>Already <a href=\"https://x.example/\">absolute</a></p>"));
        for (String html : bodies) {
            assertThat(AbsoluteUrls.rewriteSerialised(html, "https://x.example/")).isSameAs(html);
        }
    }

    @Test
    void urlsTakenAsTheyAreAreTheOnesJsoupResolvesToThemselves() {
        Random random = new Random(20261130);
        // Mostly what is taken as it is, now and then what is not.
        String alphabet = "aZ09-._~/aZ09-._~/aZ09-._~/.?#:@%+ \u00e9";
        int taken = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder(random.nextInt(4) == 0 ? "HTTP://" : random.nextBoolean() ? "https://" : "http://");
            url.append(random.nextInt(6) == 0 ? "" : pick(random, List.of("x.example", "WWW.Other.example", "h-1.example.", "a..b", "h:80")));
            url.append(random.nextInt(8) == 0 ? "" : "/");
            for (int k = random.nextInt(12); k > 0; k--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = url.toString();
            if (AbsoluteUrls.Resolutions.resolvesToItself(candidate)) {
                taken++;
                for (String page : PAGES) {
                    assertThat(StringUtil.resolve(page, candidate)).as("%s from %s", candidate, page).isEqualTo(candidate);
                }
            }
        }
        for (String url : URLS) {
            if (AbsoluteUrls.Resolutions.resolvesToItself(url)) {
                for (String page : PAGES) {
                    assertThat(StringUtil.resolve(page, url)).isEqualTo(url);
                }
            }
        }
        assertThat(AbsoluteUrls.Resolutions.resolvesToItself("https://www.valleychronicle.example/2023/oceans")).isTrue();
        assertThat(AbsoluteUrls.Resolutions.resolvesToItself("https://x.example/a/../b")).isFalse();
        assertThat(taken).isGreaterThan(1000);
    }
}

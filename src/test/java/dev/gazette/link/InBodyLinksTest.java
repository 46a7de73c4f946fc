package dev.gazette.link;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class InBodyLinksTest {
    @Test
    void linksOnlyTheFirstMentionOutsideHeadingsAndLinks() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("openai", AutoTagger.aliasPattern("OpenAI"));
        patterns.put("china", AutoTagger.aliasPattern("China"));
        String html = "<h2>OpenAI and China</h2><p>See <a href=\"https://x.example/\">OpenAI news</a>. "
                + "OpenAI’s offer to China, and China again.</p><p>OpenAI later.</p>";

        String linked = InBodyLinks.linkFirstMentions(html, patterns);

        assertThat(linked).isEqualTo("<h2>OpenAI and China</h2><p>See <a href=\"https://x.example/\">OpenAI news</a>. "
                + "<a href=\"gazette:tag/openai\" class=\"tag-link\">OpenAI</a>’s offer to "
                + "<a href=\"gazette:tag/china\" class=\"tag-link\">China</a>, and China again.</p><p>OpenAI later.</p>");
    }

    @Test
    void rewritesLinksToAnotherArticlesOriginal() {
        String html = "<p>As <a href=\"http://www.paper.example/story/1/\">reported</a> and <a href=\"https://other.example/\">elsewhere</a>.</p>";
        String rewritten = InBodyLinks.rewriteSourceLinks(html,
                Map.of(InBodyLinks.normalise("https://paper.example/story/1"), "first-report"), "this-one");
        assertThat(rewritten).contains("href=\"gazette:article/first-report\"").contains("https://other.example/");
    }

    @Test
    void normalisesAnOriginalsAddressToHostPathAndQuery() {
        assertThat(InBodyLinks.normalise(" https://WWW.Paper.example/story/1///?page=2 "))
                .isEqualTo("paper.example/story/1?page=2");
        assertThat(InBodyLinks.normalise("http://www.paper.example/")).isEqualTo("paper.example");
        assertThat(InBodyLinks.normalise("https://wwwx.example/a/b")).isEqualTo("wwwx.example/a/b");
        assertThat(InBodyLinks.normalise("no scheme here")).isEqualTo("no scheme here");
    }

    /** Issue 9: a mention that fills a bold run started at offset 0 of its text node and crashed jsoup's splitText. */
    @Test
    void linksANameThatFillsABoldRun() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("western-courier", AutoTagger.aliasPattern("Western Courier"));
        patterns.put("trade", AutoTagger.aliasPattern("trade"));
        String html = "<p><strong>Western Courier</strong> reports on trade and Western Courier again.</p>";

        String linked = InBodyLinks.linkFirstMentions(html, patterns);

        assertThat(linked).isEqualTo("<p><strong><a href=\"gazette:tag/western-courier\" class=\"tag-link\">Western Courier</a></strong>"
                + " reports on <a href=\"gazette:tag/trade\" class=\"tag-link\">trade</a> and Western Courier again.</p>");
    }

    @Test
    void linksSeveralMentionsInOneLongTextNodeWithoutRecursion() {
        Map<String, String> patterns = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder("<p>");
        for (int i = 0; i < 300; i++) {
            patterns.put("t" + i, "w" + i);
            text.append("w").append(i).append(' ');
        }
        String linked = InBodyLinks.linkFirstMentions(text.append("</p>").toString(), patterns);
        assertThat(linked).contains("<a href=\"gazette:tag/t0\" class=\"tag-link\">w0</a> ")
                .contains("<a href=\"gazette:tag/t299\" class=\"tag-link\">w299</a> </p>");
    }

    /** One scan finds every tag's names: where a linked tag's name starts, a pending tag's longer name is still found. */
    @Test
    void findsAPendingTagWhereALinkedTagsNameStartsToo() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("china", AutoTagger.aliasPattern("China"));
        patterns.put("china-daily", AutoTagger.aliasPattern("China Daily"));
        String html = "<p>China grew, said China Daily, and China Daily again.</p>";

        String linked = InBodyLinks.linkFirstMentions(html, patterns);

        assertThat(linked).isEqualTo("<p><a href=\"gazette:tag/china\" class=\"tag-link\">China</a> grew, said "
                + "<a href=\"gazette:tag/china-daily\" class=\"tag-link\">China Daily</a>, and China Daily again.</p>");
    }

    /** Two tags' names starting at one place: the tag listed first gets it, the other the next mention. */
    @Test
    void aMentionOfTwoTagsGoesToTheOneListedFirst() {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("apple-inc", AutoTagger.aliasPattern("Apple"));
        patterns.put("apple", AutoTagger.aliasPattern("Apple"));
        patterns.put("apple-watch", AutoTagger.aliasPattern("Apple Watch"));
        String html = "<p>Apple Watch sales, Apple said. Apple Watch again, and Apple.</p>";

        String linked = InBodyLinks.linkFirstMentions(html, patterns);

        assertThat(linked).isEqualTo("<p><a href=\"gazette:tag/apple-inc\" class=\"tag-link\">Apple</a> Watch sales, "
                + "<a href=\"gazette:tag/apple\" class=\"tag-link\">Apple</a> said. "
                + "<a href=\"gazette:tag/apple-watch\" class=\"tag-link\">Apple Watch</a> again, and Apple.</p>");
    }

    /** The scan's addresses are the parse's, over generated URLs of every shape of host and path. */
    @Test
    void plainUrlsAreNormalisedAsTheParseNormalisesThem() {
        Random random = new Random(20261130);
        List<String> hosts = List.of("x.example", "WWW.Other.Example", "www.x.example", "a-b.example", "-a.example",
                "a-.example", "x.123", "1.2.3.4", "x..example", "x.example.", ".x.example", "h:80", "user@h.example",
                "xn--mnchen-3ya.example", "x_y.example", "", "localhost", "a.b-c.d9");
        String alphabet = "aZ09/-._~/aZ09/-._~?#%: \u00e9";
        int plain = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder(random.nextInt(5) == 0 ? "HTTP://" : random.nextBoolean() ? "https://" : "http://");
            url.append(hosts.get(random.nextInt(hosts.size())));
            for (int k = random.nextInt(10); k > 0; k--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = url.toString();
            String quick = InBodyLinks.normalisedPlain(candidate);
            if (quick != null) {
                plain++;
                assertThat(quick).as(candidate).isEqualTo(InBodyLinks.normaliseParsed(candidate));
            }
            assertThat(InBodyLinks.normalise(candidate)).isEqualTo(InBodyLinks.normaliseParsed(candidate));
        }
        assertThat(InBodyLinks.normalisedPlain("https://www.Valley.example/2023/oceans/")).isEqualTo("valley.example/2023/oceans");
        assertThat(plain).isGreaterThan(1000);
    }
}

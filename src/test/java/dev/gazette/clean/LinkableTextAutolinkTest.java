package dev.gazette.clean;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Skipping text that cannot hold a link must change nothing: the same HTML as flexmark's own autolink extension. */
class LinkableTextAutolinkTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final MarkdownRenderer stock = new MarkdownRenderer(AutolinkExtension.create());

    private String stock(String md) {
        return stock.render(stock.parse(md));
    }

    private String ours(String md) {
        return markdown.render(markdown.parse(md));
    }

    @Test
    void referencesOfPlainCharactersAreNotScannedButLinksStillAreFound() {
        assertThat(LinkableTextAutolink.couldHoldLink("R&amp;D and Science & Society &lt;x&gt; &quot;q&quot; a&nbsp;b")).isFalse();
        assertThat(LinkableTextAutolink.couldHoldLink("see www.example.org")).isTrue();
        assertThat(LinkableTextAutolink.couldHoldLink("https&#58;//example.org")).isTrue();
        assertThat(LinkableTextAutolink.couldHoldLink("mail desk&commat;example.org")).isTrue();
        assertThat(ours("write to desk&#64;example.org or see http&colon;//example.org/")).isEqualTo(stock(
                "write to desk&#64;example.org or see http&colon;//example.org/"));
    }

    @Test
    void givesTheStockExtensionsHtmlOnGeneratedText() {
        String[] pieces = {"word", " ", "  ", "\n", "&", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#58;", "&#x3A;", "&colon;",
                "&commat;", "&#64;", "&#119;", "&period;", "&sol;", "&am", "&amp", "&;", "&#", "&bogus;", "R&D", "www", "ww", "w", ".",
                "/", "//", ":", "@", "http", "https", "mailto", "example", ".org", "desk", "*", "`", "[", "]", "(", ")", "<", ">",
                "\\", "_", "~~", "|"};
        Random random = new Random(20261129);
        for (int i = 0; i < 4000; i++) {
            StringBuilder md = new StringBuilder();
            for (int k = 1 + random.nextInt(25); k > 0; k--) {
                md.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(ours(md.toString())).as(md.toString()).isEqualTo(stock(md.toString()));
        }
    }
}

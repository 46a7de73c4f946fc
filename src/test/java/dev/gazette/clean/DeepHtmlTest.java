package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, HTML depth: saved pages nested 100,000 deep clean on a thread with a small stack (so
 * not through the build's deep-stack retry), keep their text, and import as Markdown that builds;
 * pages 50,000 siblings wide clean in one pass.
 */
@Tag("slow")
class DeepHtmlTest {
    private static final int DEEP = 100_000;
    /** A quarter of the JVM's usual thread stack: nothing may recurse once per level. */
    private static final long SMALL_STACK = 256 * 1024;
    private static final String INTRO = "<p>The harbour authority reopened the northern docks on Monday after a week of repairs,"
            + " and the first ferries left on time with every berth taken.</p>";

    private static String page(String open, String close) {
        return "<html><head><title>Deep page</title></head><body><article><h1>Deep page</h1>" + INTRO.repeat(3)
                + open.repeat(DEEP) + "the innermost words" + close.repeat(DEEP) + "</article></body></html>";
    }

    /** Runs {@code task} on a new thread with {@link #SMALL_STACK} and returns what it returned or threw. */
    private static <T> T onSmallStack(Callable<T> task) throws Throwable {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable e) {
            throw e;
        }
        @SuppressWarnings("unchecked") T value = (T) result.get();
        return value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"div", "b", "blockquote", "span"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: these took 20 to 30 s each before
    void aPageNestedAHundredThousandDeepCleansAndImportsAsMarkdownThatBuilds(String tag) throws Throwable {
        String html = page("<" + tag + ">", "</" + tag + ">");

        Extraction found = onSmallStack(() -> new Cleaner().clean(SourceFormat.HTML, html, null));

        assertThat(found.title()).isEqualTo("Deep page");
        assertThat(found.text()).contains("harbour authority reopened").contains("the innermost words");
        String markdown = onSmallStack(() -> new HtmlToMarkdown().convert(found.html()));
        Extraction rebuilt = onSmallStack(() -> new Cleaner().clean(SourceFormat.MARKDOWN, markdown, null));
        assertThat(rebuilt.text()).contains("harbour authority reopened").contains("the innermost words");
    }

    /** Wide rather than deep: tens of thousands of siblings, each moved or removed by the cleaner. */
    @ParameterizedTest
    @ValueSource(strings = {"line %d<br><br>", "<p></p><p>line %d</p>", "<div class=\"ad-slot\">Advertisement</div><p>line %d</p>",
            "<p>Photo: Jane Smith</p><p>line %d</p>"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // a hang guard: one at a time, 50,000 breaks took 50 s, credits 14 s
    void aPageOfFiftyThousandSiblingsCleansInOnePass(String sibling) throws Throwable {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            many.append(sibling.formatted(i));
        }
        String html = "<html><head><title>Wide page</title></head><body><article><h1>Wide page</h1>" + INTRO
                + "<div>" + many + "</div>" + INTRO + "</article></body></html>";

        Extraction found = onSmallStack(() -> new Cleaner().clean(SourceFormat.HTML, html, null));

        assertThat(found.text()).contains("line 0\n").contains("line 49999\n").doesNotContain("Advertisement")
                .doesNotContain("Photo: Jane");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(found.html()).select("p").size()).isGreaterThanOrEqualTo(50_000);
    }

    @Test
    void theParserFlattensNestingBelowItsDepthBoundInsteadOfDroppingText() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 2 * HtmlExtractor.MAX_DEPTH; i++) {
            html.append("<div>level ").append(i).append(' ');
        }
        Extraction found = new Cleaner().clean(SourceFormat.HTML, "<article>" + INTRO + html + "</article>", null);

        assertThat(found.text()).startsWith("The harbour").contains("level 1\n").endsWith("level " + (2 * HtmlExtractor.MAX_DEPTH - 1));
        assertThat(org.jsoup.Jsoup.parseBodyFragment(found.html()).body().select("*").stream()
                .mapToInt(e -> e.parents().size()).max().orElse(0)).isLessThanOrEqualTo(HtmlExtractor.MAX_DEPTH);
    }

    @Test
    void markdownFromAnImportKeepsEmphasisButNotNestingItCannotSay() {
        HtmlToMarkdown converter = new HtmlToMarkdown();

        assertThat(converter.convert("<p><b>bold <strong>still bold</strong></b> and <em>slanted <i>too</i></em></p>"))
                .isEqualTo("**bold still bold** and *slanted too*\n");
        String quotes = converter.convert("<blockquote>".repeat(40) + "<p>deep <b>and bold</b></p>" + "</blockquote>".repeat(40));
        assertThat(quotes.strip()).isEqualTo("> ".repeat(HtmlToMarkdown.MAX_NESTING).strip() + " deep and bold");
    }
}

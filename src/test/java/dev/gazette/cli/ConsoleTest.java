package dev.gazette.cli;

import dev.gazette.model.Problem;
import dev.gazette.pipeline.Progress;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTest {
    private static final Problem WARNING = Problem.warning("content/a.md", 3, "no date found");

    @Test
    void progressAndColourOnlyOnAnInteractiveTerminal() {
        assertThat(Console.of(Map.of("TERM", "xterm-256color"), true)).isEqualTo(new Console(true, true));
        assertThat(Console.of(Map.of("TERM", "xterm-256color"), false)).isEqualTo(new Console(false, false));
        assertThat(Console.of(Map.of("TERM", "dumb"), true)).isEqualTo(new Console(false, false));
        assertThat(Console.of(Map.of(), true)).isEqualTo(new Console(false, false));
    }

    @Test
    void noColorTurnsColourOffButKeepsTheProgressLine() {
        assertThat(Console.of(Map.of("TERM", "xterm", "NO_COLOR", "1"), true)).isEqualTo(new Console(true, false));
        // An empty NO_COLOR counts as unset (no-color.org).
        assertThat(Console.of(Map.of("TERM", "xterm", "NO_COLOR", ""), true).color()).isTrue();
    }

    @Test
    void problemsReadTheSameWithOrWithoutColour() {
        assertThat(new Console(true, false).format(WARNING)).isEqualTo("content/a.md:3: warning: no date found");
        String coloured = new Console(true, true).format(WARNING);
        assertThat(coloured).contains("\u001b[").isNotEqualTo(WARNING.toString());
        assertThat(coloured.replaceAll("\u001b\\[\\d+m", "")).isEqualTo(WARNING.toString());
        Problem error = Problem.error("content/b.md", 0, "missing title");
        assertThat(new Console(true, true).format(error).replaceAll("\u001b\\[\\d+m", "")).isEqualTo(error.toString());
    }

    @Test
    void theProgressLineSaysWhichStageAndHowFar() {
        assertThat(ProgressLine.text(new Progress.Snapshot("reading", 1200, 2200)))
                .isEqualTo("gazette: reading and cleaning sources: 1200 of 2200...");
        assertThat(ProgressLine.text(new Progress.Snapshot("linking", 0, 1)))
                .isEqualTo("gazette: linking 1 article (tags, related, stories)...");
        assertThat(ProgressLine.text(new Progress.Snapshot("rendering", 3456, 0))).isEqualTo("gazette: rendering pages: 3456 files...");
    }

    @Test
    void pluralsAgreeWithTheirCounts() {
        assertThat(Plural.of(1, "article")).isEqualTo("1 article");
        assertThat(Plural.of(0, "article")).isEqualTo("0 articles");
        assertThat(Plural.of(2, "feed or sitemap", "feeds or sitemaps")).isEqualTo("2 feeds or sitemaps");
        assertThat(BuildCommand.duration(840)).isEqualTo("840 ms");
        assertThat(BuildCommand.duration(3849)).isEqualTo("3.8 s");
    }
}

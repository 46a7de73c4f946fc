package dev.gazette.source;

import dev.gazette.model.GazetteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile YAML is refused with its line, quickly and in little memory, never with a crash. */
@Timeout(20)
class YamlParserTest {

    /** 16 levels of three aliases each: 3^16 (43 million) values once expanded, from 400-odd bytes. */
    @Test
    void anAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x]\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1)
                    .append(", *a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> YamlParser.parse("site.yml", yaml.toString(), 1))
                .isInstanceOf(GazetteException.class)
                .hasMessageMatching("site\\.yml:\\d+: YAML aliases expand to more than .*");
    }

    @Test
    void manyAliasesToALongScalarAreRefused() {
        String yaml = "x: &a " + "y".repeat(10_000) + "\nauthors: [" + "*a, ".repeat(5000) + "*a]\n";
        assertThatThrownBy(() -> YamlParser.parse("a.md", yaml, 2))
                .hasMessageMatching("a\\.md:3: YAML aliases expand to more than \\d+ characters.*");
    }

    @Test
    void aFewAliasesStillWork() {
        YamlMap map = YamlParser.parse("a.md", "who: &w Ann\nauthor: *w\ntags: &t [a, b]\nkeywords: *t\n", 2);
        assertThat(map.string("author")).isEqualTo("Ann");
        assertThat(map.strings("keywords")).containsExactly("a", "b");
    }

    @Test
    void deepNestingIsRefusedBeforeTheRecursiveComposerSeesIt() {
        String yaml = "title: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n"; // would overflow the composer's stack
        assertThatThrownBy(() -> YamlParser.parse("a.md", yaml, 2))
                .hasMessage("a.md:2: YAML nested more than " + YamlParser.MAX_DEPTH + " levels deep");
    }

    @Test
    void anAliasInsideItselfIsRefused() {
        assertThatThrownBy(() -> YamlParser.parse("a.md", "x: &a [*a]\n", 2))
                .hasMessage("a.md:2: a YAML alias refers to the list or mapping it is in");
    }

    /** snakeyaml-engine before 3.1.1 failed when a surrogate pair straddled its 1024-code-point buffer. */
    @Test
    void anEmojiAtTheReadBufferBoundaryParses() {
        for (int pad = 1010; pad <= 1030; pad++) {
            String title = "x".repeat(pad) + "\uD83D\uDE00";
            YamlMap map = YamlParser.parse("a.md", "title: " + title + "\n", 2);
            assertThat(map.string("title")).isEqualTo(title);
        }
    }
}

package dev.gazette.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DekTest {

    /** What dek() used to compute over the whole body; the windowed version must agree. */
    static boolean reference(String text, String lead) {
        return text.replaceAll("\\s+", " ").strip().startsWith(lead);
    }

    @Test
    void agreesWithCollapsingTheWholeText() {
        String[] texts = {"a\u000bb\fc\r\nd", "\r\n abc\u000b def", "", " ", "abc", "  abc  def ", "abc\n\n\tdef ghi", "\u2003abc def", "a".repeat(500) + "  b",
                " ".repeat(300) + "abc def", "abc" + " ".repeat(300), "abc def\u00a0ghi", "ab c", "x".repeat(70) + "\n\n" + "y"};
        String[] leads = {"", "abc", "abc def", "abc def ghi", "a".repeat(500) + " b", "abc def\u00a0ghi", "ab", "abcd",
                "x".repeat(70) + " y", "x".repeat(71)};
        for (String text : texts) {
            assertThat(ViewFactory.collapse(text, text.length())).as(text).isEqualTo(text.replaceAll("\\s+", " "));
            for (String lead : leads) {
                assertThat(ViewFactory.startsWithCollapsed(text, lead)).as("[" + text + "] / [" + lead + "]")
                        .isEqualTo(reference(text, lead));
            }
        }
    }
}

package dev.gazette.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import java.io.StringWriter;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The theme's html escaping writes what Pebble's default (unbescape) writes. */
class ThemeEscapingTest {

    @Test
    void everyCharacterIsEscapedAsUnbescapeEscapesIt() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(Theme.escapeHtml(one)).as("U+%04X", c).isEqualTo(HtmlEscape.escapeHtml4Xml(one));
            all.append((char) c);
        }
        assertThat(Theme.escapeHtml(all.toString())).isEqualTo(HtmlEscape.escapeHtml4Xml(all.toString()));
    }

    @Test
    void randomTextsWithMarkupAndSupplementaryCharactersMatch() {
        Random random = new Random(11);
        String pieces = "<>&\"'a é—\uD83D\uDE00\uD800 \n;#";
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            assertThat(Theme.escapeHtml(text.toString())).isEqualTo(HtmlEscape.escapeHtml4Xml(text.toString()));
        }
    }

    @Test
    void theThemeEngineEscapesWithIt() throws Exception {
        StringLoader loader = new StringLoader();
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true)
                .addEscapingStrategy("html", Theme::escapeHtml).build();
        StringWriter out = new StringWriter();
        engine.getTemplate("<p title=\"{{ v }}\">{{ v }}</p>").evaluate(out, Map.of("v", "a<b & 'c' \"d\">"));
        String expected = HtmlEscape.escapeHtml4Xml("a<b & 'c' \"d\">");
        assertThat(out.toString()).isEqualTo("<p title=\"" + expected + "\">" + expected + "</p>");
        // The built-in theme's engine, used by every page, escapes the same way.
        out = new StringWriter();
        Theme.load(null).engine().getLiteralTemplate("{{ v }}").evaluate(out, Map.of("v", "<'&'>"));
        assertThat(out.toString()).isEqualTo("&lt;&#39;&amp;&#39;&gt;");
    }
}

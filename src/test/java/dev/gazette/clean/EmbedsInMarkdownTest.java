package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Embeds found line by line without splitting are those the split lines and their patterns give. */
class EmbedsInMarkdownTest {
    private static final Pattern TAG = Pattern.compile("<(iframe|embed|object|video|audio|script)\\b([^>]*)>?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\b(?:src|data)\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final String[] PIECES = {"word", " ", "  ", "   ", "    ", "\t", "\n", "\r\n", "```", "~~~", "``", "`", "~~",
            "<iframe src=\"https://x.org/a\">", "<VIDEO data='v.mp4'>", "<script>", "<scripts>", "<", ">", "<`x`iframe src=y>",
            "<audio", " src=a.mp3", "`<embed src=e>`", "<object data=\"o\"></object>", "<kbd>", "</kbd>"};

    /** The implementation this replaced: split into lines, a pattern per line. */
    private static List<Embeds.Embed> bySplitting(String markdown) {
        List<Embeds.Embed> found = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher f = FENCE.matcher(lines[i]);
            if (f.find()) {
                fence = fence == null ? f.group(1) : f.group(1).equals(fence) ? null : fence;
                continue;
            }
            if (fence != null || lines[i].startsWith("    ") || lines[i].startsWith("\t") || lines[i].indexOf('<') < 0) {
                continue;
            }
            Matcher m = TAG.matcher(CODE_SPAN.matcher(lines[i]).replaceAll(""));
            while (m.find()) {
                Matcher src = SRC.matcher(m.group(2));
                found.add(new Embeds.Embed(i, m.group(1).toLowerCase(Locale.ROOT), src.find() ? src.group(1) : null));
            }
        }
        return found;
    }

    @Test
    void findsWhatSplittingIntoLinesFinds() {
        Random random = new Random(30112026);
        int withEmbeds = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder md = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                md.append(PIECES[random.nextInt(PIECES.length)]);
            }
            List<Embeds.Embed> expected = bySplitting(md.toString());
            assertThat(Embeds.inMarkdown(md.toString())).as(md.toString()).isEqualTo(expected);
            withEmbeds += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withEmbeds).isGreaterThan(2_000);
    }
}

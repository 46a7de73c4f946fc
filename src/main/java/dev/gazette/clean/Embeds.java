package dev.gazette.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedded frames, players and scripts a curator wrote into Markdown as raw HTML. The sanitizer
 * never lets them onto a page (another site's frame or script could do anything there), so the
 * build says so instead of dropping them silently. Code blocks and code spans are skipped: HTML
 * shown as code is kept as text.
 */
public final class Embeds {
    private static final Pattern TAG = Pattern.compile("<(iframe|embed|object|video|audio|script)\\b([^>]*)>?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\b(?:src|data)\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

    /** One embed: the line (0-based, within the text given) and what it was. */
    public record Embed(int line, String tag, String src) {
        /** A warning's text: what is dropped and what to do instead. */
        public String message() {
            String what = switch (tag) {
                case "iframe" -> "an embedded frame (iframe)";
                case "script" -> "a script";
                default -> "an embedded " + tag;
            };
            return what + (src == null ? "" : " from " + src) + " is left out: pages never embed other sites' "
                    + "frames, players or scripts; link to it instead";
        }
    }

    private Embeds() {
    }

    public static List<Embed> inMarkdown(String markdown) {
        List<Embed> found = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher f = FENCE.matcher(lines[i]);
            if (f.find()) {
                fence = fence == null ? f.group(1) : f.group(1).equals(fence) ? null : fence;
                continue;
            }
            if (fence != null || lines[i].startsWith("    ") || lines[i].startsWith("\t")) {
                continue;
            }
            Matcher m = TAG.matcher(CODE_SPAN.matcher(lines[i]).replaceAll(""));
            while (m.find()) {
                Matcher src = SRC.matcher(m.group(2));
                found.add(new Embed(i, m.group(1).toLowerCase(Locale.ROOT), src.find() ? src.group(1) : null));
            }
        }
        return found;
    }
}

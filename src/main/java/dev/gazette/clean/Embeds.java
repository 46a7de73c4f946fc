package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedded frames, players and scripts, in saved pages or written into Markdown as raw HTML. The
 * sanitizer never lets them onto a page (another site's frame or script could do anything there),
 * so each one with a web address becomes a link ({@link #asLinks}), and the build warns about
 * those in Markdown at their line ({@link #inMarkdown}). Code blocks and code spans are skipped:
 * HTML shown as code is kept as text.
 */
public final class Embeds {
    private static final Pattern TAG = Pattern.compile("<(iframe|embed|object|video|audio|script)\\b([^>]*)>?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\b(?:src|data)\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
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
            boolean linked = !tag.equals("script") && webAddress(src).isPresent();
            return what + (src == null ? "" : " from " + src) + (linked ? " is shown as a link to it" : " is left out")
                    + ": pages never embed other sites' frames, players or scripts";
        }
    }

    /** Media elements a page may carry, and the attribute that holds each one's address. */
    private static final Map<String, String> ADDRESS = Map.of(
            "iframe", "src", "embed", "src", "object", "data", "video", "src", "audio", "src");
    /** The elements of {@link #ADDRESS}, as a selector parsed once (jsoup parses a query string on every select). */
    private static final Evaluator EMBEDS = QueryParser.parse(String.join(", ", ADDRESS.keySet()));
    private static final Evaluator SOURCE_WITH_SRC = QueryParser.parse("source[src]");
    /** Blocks that hold a line of text, where a link goes in place; elsewhere it gets a paragraph. */
    private static final Set<String> HOLDS_TEXT = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption", "pre");
    /** Larger than a tracking pixel. */
    private static final int TINY = 2;

    private Embeds() {
    }

    /**
     * Replaces each frame, player or media element in {@code body} by a link to its address with a
     * visible label ("Embedded video from www.youtube.com: Harbour reopening"), so that what the
     * sanitizer would drop never vanishes without a word. Only http(s) addresses are linked
     * (resolved against the body's base URL); an embed without one, or one sized as a tracking
     * pixel, is dropped as before.
     */
    static void asLinks(Element body) {
        List<Element> dropped = new ArrayList<>();
        for (Element el : body.select(EMBEDS)) {
            if (el.parents().stream().anyMatch(p -> ADDRESS.containsKey(p.normalName()))) {
                continue; // inside another embed (a <video> fallback in an <object>): that one speaks for both
            }
            Optional<URI> url = webAddress(address(el));
            if (url.isEmpty() || tiny(el.attr("width")) || tiny(el.attr("height"))) {
                dropped.add(el);
                continue;
            }
            Element link = new Element("a").attr("href", url.get().toASCIIString()).text(label(el, url.get()));
            boolean inline = el.parent() != null && (!el.parent().isBlock() || HOLDS_TEXT.contains(el.parent().normalName()));
            el.replaceWith(inline ? link : new Element("p").appendChild(link));
        }
        Nodes.removeAll(dropped);
    }

    private static String address(Element el) {
        String attribute = ADDRESS.get(el.normalName());
        String src = el.absUrl(attribute).isEmpty() ? el.attr(attribute).strip() : el.absUrl(attribute);
        if (src.isEmpty() && (el.normalName().equals("video") || el.normalName().equals("audio"))) {
            Element source = el.selectFirst(SOURCE_WITH_SRC);
            src = source == null ? "" : source.absUrl("src").isEmpty() ? source.attr("src").strip() : source.absUrl("src");
        }
        return src;
    }

    /** An absolute http(s) address with a host, or empty. */
    static Optional<URI> webAddress(String src) {
        if (src == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(Sanitizer.escapeUnsafe(src.strip()));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean tiny(String size) {
        String digits = size.strip().replaceFirst("(?i)px$", "");
        return digits.matches("\\d{1,6}") && Integer.parseInt(digits) <= TINY;
    }

    private static String label(Element el, URI url) {
        String kind = switch (el.normalName()) {
            case "video" -> "Embedded video";
            case "audio" -> "Embedded audio";
            case "iframe" -> "Embedded content";
            default -> "Embedded media";
        };
        String title = el.attr("title").isBlank() ? el.attr("aria-label") : el.attr("title");
        title = title.replaceAll("\\s+", " ").strip();
        if (title.length() > 120) {
            title = title.substring(0, title.offsetByCodePoints(0, title.codePointCount(0, 119))) + "…";
        }
        return kind + " from " + url.getHost() + (title.isEmpty() ? "" : ": " + title);
    }

    public static List<Embed> inMarkdown(String markdown) {
        List<Embed> found = new ArrayList<>();
        String fence = null;
        // Line by line without splitting: a line is cut out only when it may hold a tag.
        int nextTag = -1;
        int start = 0;
        for (int line = 0; ; line++) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline;
            String mark = fenceMark(markdown, start, end);
            if (mark != null) {
                fence = fence == null ? mark : mark.equals(fence) ? null : fence;
            } else if (fence == null && !markdown.startsWith("    ", start) && !markdown.startsWith("\t", start)) {
                if (nextTag < start) {
                    nextTag = markdown.indexOf('<', start);
                    nextTag = nextTag < 0 ? Integer.MAX_VALUE : nextTag;
                }
                // A line without '<' holds no tag: most lines, spared the code-span and tag patterns.
                if (nextTag < end) {
                    Matcher m = TAG.matcher(CODE_SPAN.matcher(markdown.substring(start, end)).replaceAll(""));
                    while (m.find()) {
                        Matcher src = SRC.matcher(m.group(2));
                        found.add(new Embed(line, m.group(1).toLowerCase(Locale.ROOT), src.find() ? src.group(1) : null));
                    }
                }
            }
            if (newline < 0) {
                return found;
            }
            start = newline + 1;
        }
    }

    /** The fence a line opens or closes ({@code ^ {0,3}(```|~~~)}), or null. */
    private static String fenceMark(String text, int start, int end) {
        int at = start;
        while (at < end && at - start < 3 && text.charAt(at) == ' ') {
            at++;
        }
        return text.startsWith("```", at) && at + 3 <= end ? "```" : text.startsWith("~~~", at) && at + 3 <= end ? "~~~" : null;
    }
}

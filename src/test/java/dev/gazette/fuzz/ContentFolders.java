package dev.gazette.fuzz;

import org.quicktheories.core.Gen;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generates whole content folders: curated Markdown, raw text dumps and saved HTML pages that
 * mention a shared pool of names (see {@link Names}) in every kind of markup, odd YAML
 * (anchors, block scalars, tabs, comments, BOM, CRLF, duplicate keys), malformed and deeply
 * nested HTML in several charsets, script payloads everywhere, and site.yml variants.
 *
 * <p>Inputs that once broke the build (issue 9's table, "#n") are drawn on purpose: story keys
 * without Latin letters or that are suffixed forms of others (#11, #12), far years (#8), long
 * CSS-like lines (#4), deep nesting (#17), image URLs with spaces (#16), names that end their
 * text node (the first "internal error" finding).
 */
final class ContentFolders {
    static final String DEFAULT_BASE_URL = "http://localhost:4000/";

    /** Ways to put script into a page; every one must be gone from the built site. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">case</a>",
            "<svg onload=alert(1)><circle r=1></svg>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<form action=\"javascript:alert(1)\"><button>go</button></form>",
            "<p style=\"x:expression(alert(1))\" onmouseover=\"alert(1)\">hover</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
            "<base href=\"javascript:alert(1)//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "</script><script>alert(1)</script>",
            "\"><script>alert(1)</script>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<details open ontoggle=alert(1)>",
            "<img src=\"https://ok.example/a.png\" srcset=\"javascript:alert(1) 2x\">",
            "<!--<img src=\"--><img src=x onerror=alert(1)//\">");

    private static final List<String> BASE_URLS = List.of(DEFAULT_BASE_URL, "https://example.github.io/gazette/",
            "https://news.example/", "https://example.org/a/b/digest/");
    private static final List<String> LANGUAGES = List.of("en", "de", "tr", "ar", "ja", "zh-Hant", "he", "fr-CA");
    private static final List<String> ZONES = List.of("UTC", "Europe/Istanbul", "Pacific/Chatham", "Asia/Kolkata",
            "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago");
    /** Story keys, among them keys with no Latin letters (#11) and suffixed forms of others (#12). */
    private static final List<String> STORIES = List.of("kestrel", "harbour-strike", "election", "flood",
            "\"!!\"", "東京", "Москва", "alpha", "alpha-2", "election-2");
    private static final List<String> HTML_CHARSETS = List.of("utf-8", "windows-1252", "iso-8859-1", "shift_jis",
            "koi8-r", "utf-16le", "none");

    private ContentFolders() {
    }

    /** Any content folder. */
    static Gen<ContentFolder> folders() {
        return source -> folder(new Draw(source));
    }

    static ContentFolder folder(Draw draw) {
        List<String> names = Names.pool(draw);
        List<ContentFolder.File> files = new ArrayList<>();
        String baseUrl = DEFAULT_BASE_URL;
        if (draw.chance(60)) {
            baseUrl = draw.pick(BASE_URLS);
            files.add(file("site.yml", siteYml(draw, names, baseUrl)));
        }
        Set<String> paths = new LinkedHashSet<>();
        int count = draw.between(1, 5);
        for (int i = 0; i < count; i++) {
            int kind = draw.between(0, 9);
            String ext = kind < 5 ? draw.pick(".md", ".md", ".markdown", ".MD") : kind < 7 ? ".txt" : draw.pick(".html", ".htm");
            String path = path(draw, i) + ext;
            if (!paths.add(path.toLowerCase(Locale.ROOT))) {
                continue;
            }
            byte[] bytes = kind < 5 ? utf8(draw, markdown(draw, names, i))
                    : kind < 7 ? utf8(draw, textDump(draw, names))
                    : htmlPage(draw, names);
            files.add(new ContentFolder.File(path, bytes));
        }
        List<String> options = new ArrayList<>();
        if (draw.chance(20)) {
            options.add("--drafts");
        }
        if (draw.chance(20)) {
            baseUrl = draw.pick(BASE_URLS);
            options.addAll(List.of("--base-url", draw.chance(50) ? baseUrl : baseUrl.replaceAll("/$", "")));
        }
        return new ContentFolder(files, baseUrl, options);
    }

    private static String path(Draw draw, int i) {
        String folder = draw.pick("", "", "notes/", "2025/02/17/", "über/", "東京/", "a b/", ".hidden/");
        String name = draw.pick("article", "ü-news", "東京", "saved page", "2024-12-31-year-end", "x", "Ελλάδα",
                ".draft", "CON", "a.b.c");
        return folder + name + "-" + i;
    }

    // ---------------------------------------------------------------- site.yml

    private static String siteYml(Draw draw, List<String> names, String baseUrl) {
        StringBuilder y = new StringBuilder();
        if (draw.chance(60)) {
            y.append("title: ").append(Yaml.scalar(draw, Names.name(draw))).append('\n');
        }
        if (draw.chance(40)) {
            y.append("description: ").append(Yaml.scalar(draw, sentence(draw, names))).append('\n');
        }
        y.append(draw.pick("base_url", "baseURL", "url")).append(": ").append(baseUrl).append('\n');
        if (draw.chance(50)) {
            y.append("language: ").append(draw.pick(LANGUAGES)).append('\n');
        }
        if (draw.chance(50)) {
            y.append("timezone: ").append(draw.pick(ZONES)).append('\n');
        }
        if (draw.chance(40)) {
            y.append("feed_items: ").append(draw.between(1, 25)).append('\n');
        }
        if (draw.chance(40)) {
            y.append(draw.pick("page_size", "paginate")).append(": ").append(draw.between(1, 12)).append('\n');
        }
        if (draw.chance(30)) {
            y.append("edition: ").append(draw.pick("weekly", "daily", "Daily")).append('\n');
        }
        if (draw.chance(30)) {
            y.append("feed: ").append(draw.pick("articles", "editions", "both")).append('\n');
        }
        if (draw.chance(20)) {
            y.append("canonical: ").append(draw.pick("self", "source")).append('\n');
        }
        if (draw.chance(20)) {
            y.append("author: ").append(Yaml.scalar(draw, Names.name(draw))).append('\n');
        }
        if (draw.chance(15)) {
            y.append("cname: news.example.org\n");
        }
        if (draw.chance(50)) {
            y.append("tags:\n");
            int tags = draw.between(1, 4);
            Set<String> keys = new LinkedHashSet<>();
            for (int i = 0; i < tags; i++) {
                String key = draw.pick("transport", "cities", "trade", "weather", "ports", "Straße", "east-west");
                if (!keys.add(key)) {
                    continue;
                }
                if (draw.chance(50)) {
                    y.append("  ").append(key).append(": ").append(Yaml.scalar(draw, draw.pick(names))).append('\n');
                } else {
                    y.append("  ").append(key).append(":\n    name: ").append(Yaml.scalar(draw, draw.pick(names))).append('\n');
                    y.append("    aliases: [").append(Yaml.doubleQuoted(draw.pick(names))).append(", ")
                            .append(Yaml.doubleQuoted(draw.pick(names))).append("]\n");
                }
            }
        }
        return y.toString();
    }

    // ---------------------------------------------------------------- Markdown

    private static String markdown(Draw draw, List<String> names, int index) {
        StringBuilder f = new StringBuilder();
        f.append("---\n");
        f.append(frontMatter(draw, names, index, true));
        f.append(draw.chance(10) ? "...\n" : "---\n");
        int blocks = draw.between(0, 6);
        for (int i = 0; i < blocks; i++) {
            f.append(markdownBlock(draw, names)).append("\n\n");
        }
        return f.toString();
    }

    /** Front matter lines (without fences); {@code curated} decides whether a title is always given. */
    static String frontMatter(Draw draw, List<String> names, int index, boolean curated) {
        StringBuilder y = new StringBuilder();
        String anchor = null;
        if (curated || draw.chance(50)) {
            String title = sentence(draw, names) + " " + index;
            y.append("title:").append(draw.chance(10) ? "\t" : " ").append(Yaml.scalar(draw, title)).append('\n');
        }
        if (draw.chance(80)) {
            y.append(draw.pick("date", "published_at", "pubDate")).append(": ").append(date(draw)).append('\n');
        }
        if (draw.chance(70)) {
            if (draw.chance(20)) {
                anchor = "src" + draw.between(0, 9);
                y.append("source: &").append(anchor).append(' ').append(Yaml.doubleQuoted(draw.pick(names))).append('\n');
            } else {
                y.append(draw.pick("source", "publication", "site_name")).append(": ")
                        .append(Yaml.scalar(draw, draw.pick(names))).append('\n');
            }
        }
        if (draw.chance(50)) {
            y.append("source_url: https://").append(draw.pick("wire", "post", "courier")).append(".example/")
                    .append(draw.pick("a", "2025/02/x", "%C3%BC", "path?q=1")).append(index).append('\n');
        }
        if (anchor != null && draw.chance(70)) {
            y.append("author: *").append(anchor).append('\n');
        } else if (draw.chance(50)) {
            if (draw.chance(30)) {
                y.append("authors:\n  - ").append(Yaml.scalar(draw, draw.pick(names))).append("\n  - ")
                        .append(Yaml.scalar(draw, draw.pick(names))).append('\n');
            } else {
                y.append("author: ").append(Yaml.scalar(draw, draw.pick(names))).append('\n');
            }
        }
        if (draw.chance(60)) {
            y.append(draw.pick("tags", "categories", "keywords")).append(": [");
            int tags = draw.between(0, 4);
            for (int i = 0; i < tags; i++) {
                y.append(i > 0 ? ", " : "").append(Yaml.doubleQuoted(draw.chance(50) ? draw.pick(names)
                        : draw.pick("transport", "cities", "trade", "Straße", "TRADE", "İstanbul"))).append("");
            }
            y.append("]\n");
        }
        if (draw.chance(40)) {
            switch (draw.between(0, 2)) {
                case 0 -> y.append("summary: ").append(Yaml.scalar(draw, sentence(draw, names))).append('\n');
                case 1 -> y.append("summary: |\n  ").append(Yaml.blockLine(sentence(draw, names))).append("\n  ")
                        .append(Yaml.blockLine(sentence(draw, names))).append('\n');
                default -> y.append("description: >-\n  ").append(Yaml.blockLine(sentence(draw, names))).append("\n\n  ")
                        .append(Yaml.blockLine(sentence(draw, names))).append('\n');
            }
        }
        if (draw.chance(30)) {
            y.append("story: ").append(draw.pick(STORIES)).append('\n');
        }
        if (draw.chance(10)) {
            y.append(draw.pick("draft: true", "draft: false", "published: false", "link_tags: false")).append('\n');
        }
        if (draw.chance(10)) {
            y.append("lang: ").append(draw.pick(LANGUAGES)).append('\n');
        }
        if (draw.chance(10)) {
            y.append("# a comment: with a colon\n");
        }
        if (draw.chance(5)) {
            y.append("layout: post\n"); // unknown key: a warning, not an error
        }
        if (draw.chance(5)) {
            y.append("title: again\n"); // duplicate key: an error with its line
        }
        return y.toString();
    }

    /** Dates in the forms the README documents, mostly between 1990 and 2035, sometimes at the ends of the calendar (#8). */
    private static String date(Draw draw) {
        int year = draw.chance(10) ? draw.pick(1, 1000, 9999) : draw.between(1990, 2035);
        String day = String.format(Locale.ROOT, "%04d-%02d-%02d", year, draw.between(1, 12), draw.between(1, 28));
        String time = String.format(Locale.ROOT, "T%02d:%02d:%02d", draw.between(0, 23), draw.between(0, 59), draw.between(0, 59));
        return switch (draw.between(0, 4)) {
            case 0 -> day;
            case 1 -> day + time + "Z";
            case 2 -> day + time + draw.pick("+05:30", "-12:00", "+13:45", "+00:00");
            case 3 -> day + time;
            default -> "\"" + day + "\"";
        };
    }

    private static String markdownBlock(Draw draw, List<String> names) {
        return switch (draw.between(0, 11)) {
            case 0, 1, 2, 3 -> paragraph(draw, names, true);
            case 4 -> "#".repeat(draw.between(1, 6)) + " " + mention(draw, names, true) + " " + Names.word(draw);
            case 5 -> "- " + paragraph(draw, names, true) + "\n- " + mention(draw, names, true) + "\n  1. " + mention(draw, names, true);
            case 6 -> "> " + paragraph(draw, names, true) + "\n>\n> > " + mention(draw, names, true);
            case 7 -> "```\n" + mention(draw, names, false) + " <script>alert(1)</script>\n```";
            case 8 -> "| " + mention(draw, names, true) + " | b |\n|---|:-:|\n| " + mention(draw, names, true) + " | `x|y` |";
            case 9 -> draw.pick(PAYLOADS);
            case 10 -> "Footnoted " + mention(draw, names, true) + "[^n].\n\n[^n]: " + sentence(draw, names);
            default -> draw.pick("***", "<div>\n" + sentence(draw, names) + "\n</div>", "<!-- " + sentence(draw, names) + " -->",
                    "Line with trailing spaces  \nhard break", "[ref]: https://ref.example/ \"" + mention(draw, names, false) + "\"");
        };
    }

    private static String paragraph(Draw draw, List<String> names, boolean markdown) {
        StringBuilder p = new StringBuilder();
        int sentences = draw.between(1, 4);
        for (int i = 0; i < sentences; i++) {
            p.append(i > 0 ? " " : "").append(sentence(draw, names, markdown));
        }
        return p.toString();
    }

    static String sentence(Draw draw, List<String> names) {
        return sentence(draw, names, false);
    }

    private static String sentence(Draw draw, List<String> names, boolean markdown) {
        String a = mention(draw, names, markdown);
        String b = mention(draw, names, markdown);
        return switch (draw.between(0, 5)) {
            case 0 -> a + " reports on trade and " + b + " again.";
            case 1 -> "Officials in " + a + " said " + b + " would reopen the docks on Monday.";
            case 2 -> a + " " + b + " " + a + ".";
            case 3 -> "“" + a + "”, wrote " + b + "; the line opened at 09:30.";
            case 4 -> a + "’s council met " + b + "'s ministers (" + draw.between(0, 99999) + " attended).";
            default -> "Das " + a + " berichtet über die " + b + " — 东京 " + a + " 报道。";
        };
    }

    /** A name as a sentence mentions it: plain, or inside emphasis, a link, code or inline HTML. */
    private static String mention(Draw draw, List<String> names, boolean markdown) {
        String name = said(draw, names);
        if (!markdown) {
            return name;
        }
        return switch (draw.between(0, 10)) {
            case 0, 1, 2, 3 -> name;
            case 4 -> "**" + name + "**";
            case 5 -> "*" + name + "*";
            case 6 -> "[" + name + "](https://link.example/" + draw.between(0, 9) + ")";
            case 7 -> "`" + name + "`";
            case 8 -> "<b>" + name + "</b>";
            case 9 -> "~~" + name + "~~";
            default -> "**" + name + " " + said(draw, names) + "**";
        };
    }

    // ---------------------------------------------------------------- text dumps

    private static String textDump(Draw draw, List<String> names) {
        StringBuilder t = new StringBuilder();
        if (draw.chance(30)) {
            t.append("---\n").append(frontMatter(draw, names, draw.between(0, 99), false)).append("---\n");
        }
        int lines = draw.between(1, 30);
        for (int i = 0; i < lines; i++) {
            t.append(switch (draw.between(0, 12)) {
                case 0 -> draw.pick("Skip to main content", "Home | World | Business | " + Names.word(draw), "Menu", "Search");
                case 1 -> draw.pick("Monday 17 February 2025", "17.02.2025", "February 17, 2025 at 9:30 am", "2025年2月17日");
                case 2 -> sentence(draw, names);
                case 3 -> "By " + draw.pick(names) + draw.pick("", " and " + draw.pick(names), ", Staff Reporter");
                case 4, 5, 6, 7 -> paragraph(draw, names, false);
                case 8 -> draw.pick("We use cookies to improve your experience. Accept all",
                        "Subscribe to our newsletter", "Advertisement", "Read more: " + sentence(draw, names), "Share on X");
                // #4: long CSS-like lines once took minutes in the line classifier's regex
                case 9 -> draw.pick("window.dataLayer = window.dataLayer || [];", "a{b:c;}", ".x{color:red}",
                        "function(){return 1}", "var " + Names.word(draw) + " = \"" + draw.pick(names) + "\";",
                        "a{b:c;".repeat(draw.between(50, 2000)));
                case 10 -> draw.pick(PAYLOADS);
                case 11 -> draw.pick("", "", "   ", "\t", "• " + said(draw, names), "1. " + said(draw, names), "#" + Names.word(draw));
                default -> said(draw, names) + " " + draw.pick("🚀", "—", "|", "»") + " " + said(draw, names);
            }).append('\n');
            if (draw.chance(40)) {
                t.append('\n');
            }
        }
        return t.toString();
    }

    // ---------------------------------------------------------------- HTML pages

    private static byte[] htmlPage(Draw draw, List<String> names) {
        String charset = draw.pick(HTML_CHARSETS);
        String declared = draw.chance(15) ? draw.pick(HTML_CHARSETS) : charset;
        String title = sentence(draw, names);
        StringBuilder h = new StringBuilder();
        if (draw.chance(80)) {
            h.append(draw.pick("<!DOCTYPE html>", "<!doctype html>", "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"));
        }
        h.append("<html").append(draw.chance(50) ? " lang=\"" + draw.pick(LANGUAGES) + "\"" : "").append("><head>");
        if (!declared.equals("none")) {
            h.append(draw.chance(50) ? "<meta charset=\"" + declared + "\">"
                    : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + declared + "\">");
        }
        h.append("<title>").append(escape(title)).append(draw.pick("", " | " + escape(draw.pick(names)))).append("</title>");
        if (draw.chance(50)) {
            h.append("<meta property=\"og:title\" content=\"").append(escape(title)).append("\">");
        }
        if (draw.chance(40)) {
            h.append("<meta property=\"og:site_name\" content=\"").append(escape(draw.pick(names))).append("\">");
        }
        if (draw.chance(40)) {
            h.append("<meta name=\"author\" content=\"").append(escape(draw.pick(names))).append("\">");
        }
        if (draw.chance(40)) {
            h.append("<meta property=\"article:published_time\" content=\"").append(date(draw).replace("\"", "")).append("\">");
        }
        if (draw.chance(30)) {
            h.append("<link rel=\"canonical\" href=\"").append(draw.pick("https://wire.example/story/1", "/relative/path",
                    "javascript:alert(1)", "")).append("\">");
        }
        if (draw.chance(30)) {
            h.append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"")
                    .append(jsonEscape(title)).append("\",\"articleBody\":\"").append(jsonEscape(paragraph(draw, names, false)))
                    .append(draw.pick("", "</script><script>alert(1)</script>")).append("\"}</script>");
        }
        h.append(draw.pick("", "<script>var x = '</p>';</script>", "<style>p{color:red}</style>", "<base href=\"https://base.example/x/\">"));
        h.append(draw.chance(90) ? "</head><body>" : "");
        h.append(draw.pick("", "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>", "<header>" + escape(said(draw, names)) + "</header>"));
        // #17: sometimes nested far deeper than any recursion could follow
        int depth = draw.chance(10) ? draw.between(2_000, 20_000) : draw.between(0, 40);
        for (int i = 0; i < depth; i++) {
            h.append(draw.pick("<div>", "<div class=\"wrap\">", "<section>", "<span>", "<main>", "<article>", "<font>"));
        }
        h.append(draw.chance(70) ? "<h1>" + escape(title) + "</h1>" : "");
        int blocks = draw.between(0, 8);
        for (int i = 0; i < blocks; i++) {
            h.append(htmlBlock(draw, names));
        }
        if (draw.chance(70)) {
            for (int i = 0; i < depth; i++) {
                h.append(draw.pick("</div>", "</section>", "</span>", "</main>", "</p>", ""));
            }
        }
        h.append(draw.pick("<footer>© " + escape(said(draw, names)) + "</footer>", "", "<aside>Related: " + escape(sentence(draw, names)) + "</aside>"));
        h.append(draw.pick("</body></html>", "", "</body>", "<!-- unterminated comment"));
        return encode(draw, h.toString(), charset);
    }

    private static String htmlBlock(Draw draw, List<String> names) {
        String n = escape(said(draw, names));
        return switch (draw.between(0, 11)) {
            case 0, 1, 2, 3 -> "<p>" + inlineHtml(draw, names) + (draw.chance(20) ? "" : "</p>");
            case 4 -> "<h" + draw.between(2, 6) + ">" + n + "</h" + draw.between(2, 6) + ">";
            case 5 -> "<ul><li>" + n + "<li>" + inlineHtml(draw, names) + "</ul>";
            case 6 -> "<blockquote><p>" + inlineHtml(draw, names) + "</blockquote>";
            // #16: a space in an image URL once made 'gazette check' fail on the built site
            case 7 -> "<figure><img src=\"" + draw.pick("https://img.example/a.jpg", "/img/b.png", "c.gif", "//cdn.example/d.webp", "",
                            "https://img.example/a b.jpg", "photo 1.png")
                    + "\"" + draw.pick("", " alt=\"" + n + "\"", " alt") + "><figcaption>" + n + "</figcaption></figure>";
            case 8 -> draw.pick(PAYLOADS);
            case 9 -> "<table><tr><td>" + n + "<td>" + inlineHtml(draw, names) + "</table>";
            case 10 -> draw.pick("<b><i>" + n + "</b></i>", "</div></div>" + n, "<p class=x id=y data-z>" + n, "<![CDATA[" + n + "]]>",
                    "&nbsp;&amp;&bogus;&#x1F680;&#0;&#xD800;" + n, "<p>" + n + "<p>" + n, "<pre>" + n + "\n  x</pre>");
            default -> "<div>" + draw.pick("Advertisement", "Subscribe to our newsletter", "Cookies help us") + "</div>";
        };
    }

    private static String inlineHtml(Draw draw, List<String> names) {
        String s = escape(sentence(draw, names));
        return switch (draw.between(0, 5)) {
            case 0, 1 -> s;
            case 2 -> "<b>" + escape(said(draw, names)) + "</b> " + s;
            case 3 -> "<a href=\"" + draw.pick("https://wire.example/x", "/local", "#frag", "mailto:a@b.example", "javascript:void(0)")
                    + "\">" + escape(said(draw, names)) + "</a> " + s;
            case 4 -> s + " <span onclick=\"alert(1)\">" + escape(said(draw, names)) + "</span>";
            default -> "<em>" + s + "</em>";
        };
    }

    /** The page's bytes in its charset; characters it cannot encode become numeric references. */
    private static byte[] encode(Draw draw, String html, String charset) {
        if (charset.equals("none") || charset.equals("utf-8")) {
            return utf8(draw, html);
        }
        Charset cs = Charset.forName(charset);
        if (charset.equals("utf-16le")) {
            byte[] body = html.getBytes(cs);
            byte[] out = new byte[body.length + 2];
            out[0] = (byte) 0xFF;
            out[1] = (byte) 0xFE;
            System.arraycopy(body, 0, out, 2, body.length);
            return out;
        }
        CharsetEncoder encoder = cs.newEncoder();
        StringBuilder safe = new StringBuilder();
        html.codePoints().forEach(c -> {
            String s = Character.toString(c);
            if (encoder.canEncode(s)) {
                safe.append(s);
            } else {
                safe.append("&#").append(c).append(';');
            }
        });
        try {
            ByteBuffer bytes = cs.newEncoder().encode(CharBuffer.wrap(safe));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A name as a body mentions it: with words around it, or alone, so that inside bold or a link
     * it ends its text node (the first "internal error" finding: InBodyLinks' split offset).
     */
    static String said(Draw draw, List<String> names) {
        return draw.chance(30) ? draw.pick(names) : "the " + draw.pick(names) + " said";
    }

    /** UTF-8 bytes, sometimes with a byte order mark or CRLF line ends. */
    private static byte[] utf8(Draw draw, String text) {
        String t = draw.chance(15) ? text.replace("\n", "\r\n") : text;
        if (draw.chance(10)) {
            t = "\uFEFF" + t;
        }
        return t.getBytes(StandardCharsets.UTF_8);
    }

    private static ContentFolder.File file(String path, String text) {
        return new ContentFolder.File(path, text.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

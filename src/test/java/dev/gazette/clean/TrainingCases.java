package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

/**
 * Turns other extractors' public test fixtures (news pages with their expected article text) into
 * cases in the cleaning-dev format, each page as saved HTML and as text dumps made by three
 * dumpers, with and without the furniture real copy-pastes carry:
 *
 * <ul>
 *   <li>{@code dev}: {@link #dump} below, the cleaning-dev README's dumper (blank lines around
 *       paragraphs, headings, tables; single newlines between other blocks; short inline scripts
 *       collapsed onto one line);</li>
 *   <li>{@code chrome}: headless Chromium's {@code document.body.innerText}, what select-all and copy
 *       in a browser gives;</li>
 *   <li>{@code lynx}: {@code lynx -dump -nolist}, a text browser's rendering (hard-wrapped).</li>
 * </ul>
 *
 * Variant {@code plain} is the page as fetched; variant {@code busy} gets a cookie banner at the top
 * and a list of teaser headlines (the other pages' titles) at the bottom, and its dev dump leaves
 * inline scripts out instead of in. Case names are {@code <source>-<page>--<dumper>-<variant>};
 * cross-validation groups cases by the part before {@code --}, the page (one site each).
 *
 * <p>Truths: the body is the fixture's expected text; the title and byline are derived from the page
 * as the cleaning-dev README derives its {@code sh-} truths ({@link PageTruths}: the visible
 * {@code <h1>} that agrees with the titles the page declares, the declared author names the page
 * shows), because the fixtures' titles are often the {@code <title>} metadata ("Headline | Site")
 * that no line of a dump holds, and their bylines what an extractor found; the fixture's values
 * are kept in the truth's {@code provenance}. The date stays the fixture's.
 *
 * <p>Usage: {@code TrainingCases NEWSPAPER4K_GIT GOOSE3_GIT OUT_DIR} (bare git directories, as the
 * {@code fetch} tool mirrors them), or {@code TrainingCases --retruth CASES_DIR OUT_DIR}: the cases
 * of CASES_DIR with the same sources and truths re-derived from each page's saved HTML (dumps are
 * copied, not remade, so two folders differ in their truths only). Third-party text: OUT_DIR must
 * stay out of the repository ({@code bench/out/} is git-ignored).
 */
public final class TrainingCases {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Cookie banners and teaser lists written for this tool, in the shape pages show them. */
    private static final List<String> BANNERS = List.of(
            "We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. "
                    + "By clicking Accept all you agree to the storing of cookies on your device. Accept all Manage preferences",
            "This website uses cookies to ensure you get the best experience. You can change your settings at any time. "
                    + "Accept Reject Cookie settings");
    private static final Set<String> BLANK_SEPARATED = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
            "pre", "figcaption");
    private static final Set<String> SKIPPED = Set.of("head", "noscript", "template", "svg", "input", "select", "textarea",
            "option", "button", "iframe", "object", "canvas");

    private TrainingCases() {
    }

    record Page(String source, String name, String html, String title, String byline, String date, String body) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--retruth")) {
            retruth(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        List<Page> pages = new ArrayList<>();
        pages.addAll(newspaper4k(Path.of(args[0])));
        pages.addAll(goose3(Path.of(args[1])));
        writeAll(pages, Path.of(args[2]), ".*", TrainingCases::truth);
    }

    /**
     * Each page as one saved-HTML case and six text dumps under {@code out/cases}, and {@code out/index.json}; only the
     * pages whose name matches {@code only} are written (the others' busy copies stay as they were made), each with the
     * truth {@code truths} gives it.
     */
    static void writeAll(List<Page> pages, Path out, String only, Function<Page, ObjectNode> truths) throws Exception {
        Files.createDirectories(out.resolve("cases"));
        List<String> titles = pages.stream().map(Page::title).filter(t -> t != null && !t.isBlank()).toList();
        ObjectNode index = JSON.createObjectNode();
        int n = 0;
        for (Page page : pages) {
            String base = page.source + "-" + page.name;
            index.putObject(base).put("source", page.source).put("words", CleaningScore.tokens(page.body).size());
            if (!page.name.matches(only)) {
                n += 2;
                continue;
            }
            ObjectNode truth = truths.apply(page);
            write(out.resolve("cases").resolve(base + "--html"), truth, page.html, null);
            for (String variant : new String[] {"plain", "busy"}) {
                String html = variant.equals("plain") ? page.html : busy(page.html, titles, page.title, n++);
                boolean scripts = variant.equals("plain");
                write(out.resolve("cases").resolve(base + "--dev-" + variant), truth, null, dump(html, scripts));
                write(out.resolve("cases").resolve(base + "--chrome-" + variant), truth, null, chrome(html));
                write(out.resolve("cases").resolve(base + "--lynx-" + variant), truth, null, lynx(html));
            }
            System.err.println("made " + base);
        }
        Files.writeString(out.resolve("index.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(index));
    }

    private static void write(Path dir, ObjectNode truth, String html, String txt) throws IOException {
        Files.createDirectories(dir);
        if (html != null) {
            Files.writeString(dir.resolve("source.html"), html);
        }
        if (txt != null) {
            Files.writeString(dir.resolve("source.txt"), txt);
        }
        Files.writeString(dir.resolve("truth.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(truth));
    }

    /** A page's truth: the fixture's body and date, the title and byline {@link PageTruths} derives from the page. */
    static ObjectNode truth(Page page) {
        PageTruths.Truth derived = PageTruths.of(page.html);
        ObjectNode truth = JSON.createObjectNode();
        truth.put("title", derived.title()).put("byline", derived.byline()).put("date", page.date).put("body", page.body);
        ObjectNode provenance = truth.putObject("provenance");
        String fixture = page.source + " test fixture " + page.name;
        provenance.put("body", fixture).put("date", page.date == null ? null : fixture).put("title", derived.titleSource())
                .put("byline", derived.bylineSource());
        provenance.putObject("fixture").put("title", page.title).put("byline", page.byline);
        return truth;
    }

    /** A page's truth as its fixture gives it: title, byline, date and body, each as the fixture's test expects. */
    static ObjectNode fixtureTruth(Page page) {
        ObjectNode truth = JSON.createObjectNode();
        truth.put("title", page.title).put("byline", page.byline).put("date", page.date).put("body", page.body);
        truth.put("provenance", page.source + " test fixture " + page.name);
        return truth;
    }

    /**
     * The cases of {@code in} written to {@code out} with their sources copied and their title and byline re-derived
     * from the page's saved HTML (the {@code --html} case of the same page); the fixture's title and byline are read
     * from {@code in}'s truth, or from its provenance when {@code in} was itself re-derived.
     */
    static void retruth(Path in, Path out) throws IOException {
        Files.createDirectories(out.resolve("cases"));
        Files.copy(in.resolve("index.json"), out.resolve("index.json"), REPLACE_EXISTING);
        List<Path> dirs;
        try (var list = Files.list(in.resolve("cases"))) {
            dirs = list.sorted().toList();
        }
        Map<String, ObjectNode> byPage = new HashMap<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            String base = name.substring(0, name.indexOf("--"));
            JsonNode old = JSON.readTree(dir.resolve("truth.json").toFile());
            JsonNode fixture = old.path("provenance").path("fixture");
            ObjectNode truth = byPage.get(base);
            if (truth == null) {
                String html = Files.readString(in.resolve("cases").resolve(base + "--html").resolve("source.html"));
                String source = base.substring(0, base.indexOf('-'));
                Page page = new Page(source, base.substring(source.length() + 1), html,
                        fixture.isMissingNode() ? old.path("title").asText(null) : fixture.path("title").asText(null),
                        fixture.isMissingNode() ? old.path("byline").asText(null) : fixture.path("byline").asText(null),
                        old.path("date").asText(null), old.path("body").asText());
                truth = truth(page);
                byPage.put(base, truth);
            }
            Path target = out.resolve("cases").resolve(name);
            Files.createDirectories(target);
            for (String file : new String[] {"source.html", "source.txt"}) {
                if (Files.exists(dir.resolve(file))) {
                    Files.copy(dir.resolve(file), target.resolve(file), REPLACE_EXISTING);
                }
            }
            Files.writeString(target.resolve("truth.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(truth));
        }
    }

    /** newspaper4k tests/data: html/NAME.html, txt/NAME.txt (expected text), metadata/NAME.json. */
    static List<Page> newspaper4k(Path git) throws Exception {
        List<Page> out = new ArrayList<>();
        for (String path : git(git, "ls-tree", "--name-only", "HEAD", "tests/data/txt/").lines().toList()) {
            String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.txt$", "");
            byte[] html = gitBytes(git, "HEAD:tests/data/html/" + name + ".html");
            if (html == null) {
                continue;
            }
            String body = new String(gitBytes(git, "HEAD:" + path), StandardCharsets.UTF_8).strip();
            byte[] meta = gitBytes(git, "HEAD:tests/data/metadata/" + name + ".json");
            String title = null;
            String byline = null;
            String date = null;
            if (meta != null) {
                JsonNode m = JSON.readTree(meta);
                title = m.path("title").asText(null);
                byline = authors(m.path("authors"));
                date = isoDay(m.path("publish_date").asText(null));
            }
            out.add(new Page("n4k", name, decode(html), title, byline, date, paragraphs(body)));
        }
        return out;
    }

    /**
     * goose3 tests/data/content: NAME.html and NAME.json whose {@code cleaned_text} is, for most
     * pages, only the article's first words (the suite tests a prefix); only pages whose expected
     * text is long enough to be the whole article are taken.
     */
    static List<Page> goose3(Path git) throws Exception {
        List<Page> out = new ArrayList<>();
        for (String path : git(git, "ls-tree", "--name-only", "HEAD", "tests/data/content/").lines().toList()) {
            if (!path.endsWith(".json")) {
                continue;
            }
            JsonNode expected = JSON.readTree(gitBytes(git, "HEAD:" + path)).path("expected");
            String body = expected.path("cleaned_text").asText("");
            byte[] html = gitBytes(git, "HEAD:" + path.replaceAll("\\.json$", ".html"));
            if (body.length() < 1000 || html == null) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("^test_|\\.json$", "");
            out.add(new Page("goose", name, decode(html), expected.path("title").asText(null), authors(expected.path("authors")),
                    isoDay(expected.path("publish_date").asText(null)), paragraphs(body)));
        }
        return out;
    }

    private static String authors(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        node.forEach(a -> names.add(a.asText()));
        return String.join(" and ", names);
    }

    private static String isoDay(String date) {
        return date != null && date.matches("\\d{4}-\\d{2}-\\d{2}.*") ? date.substring(0, 10) : null;
    }

    /** Paragraphs separated by one blank line, as cleaning-dev truths are. */
    private static String paragraphs(String body) {
        return String.join("\n\n", body.strip().split("\\s*\n\\s*"));
    }

    /** Decodes as the page declares (jsoup reads the meta charset), re-serialised as UTF-8. */
    static String decode(byte[] html) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(html), null, "");
        doc.charset(StandardCharsets.UTF_8);
        return doc.outerHtml();
    }

    /** The page with a cookie banner first in its body and a teaser list of other headlines last. */
    static String busy(String html, List<String> titles, String own, int seed) {
        Document doc = Jsoup.parse(html);
        doc.select("script").remove();
        doc.body().prependElement("div").attr("class", "consent").appendElement("p").text(BANNERS.get(seed % BANNERS.size()));
        Element teasers = doc.body().appendElement("div").attr("class", "more");
        teasers.appendElement("h2").text("More stories");
        Element list = teasers.appendElement("ul");
        for (int i = 0; i < 6 && !titles.isEmpty(); i++) {
            String t = titles.get((seed * 7 + i * 13) % titles.size());
            if (!t.equals(own)) {
                list.appendElement("li").appendElement("a").attr("href", "#").text(t);
            }
        }
        return doc.outerHtml();
    }

    /** The cleaning-dev README's dump of all visible text (see the class comment). */
    static String dump(String html, boolean scripts) {
        Document doc = Jsoup.parse(html);
        StringBuilder sb = new StringBuilder();
        walk(doc.body(), sb, scripts);
        return sb.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").replaceAll("(?m)^[ \\t]+(?!\\d+\\. )", "")
                .strip() + "\n";
    }

    private static void walk(Node node, StringBuilder sb, boolean scripts) {
        if (node instanceof TextNode t) {
            String text = t.text();
            if (!text.isBlank() || sb.length() > 0 && !Character.isWhitespace(sb.charAt(sb.length() - 1))) {
                sb.append(text.replaceAll("\\s+", " "));
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        if (SKIPPED.contains(tag) || e.hasAttr("hidden") || style.contains("display:none") || style.contains("visibility:hidden")) {
            return;
        }
        if (tag.equals("script") || tag.equals("style")) {
            String code = e.data().replaceAll("\\s+", " ").strip();
            if (scripts && !code.isEmpty() && code.length() <= 1500 && (tag.equals("script") && !e.hasAttr("src")
                    && (e.attr("type").isEmpty() || e.attr("type").contains("javascript")))) {
                sb.append("\n").append(code).append("\n");
            }
            return;
        }
        if (tag.equals("br")) {
            sb.append('\n');
            return;
        }
        boolean blank = BLANK_SEPARATED.contains(tag);
        boolean block = blank || e.isBlock() || tag.equals("li") || tag.equals("tr");
        if (block) {
            sb.append(blank ? "\n\n" : "\n");
        }
        if (tag.equals("li") && e.parent() != null && e.parent().normalName().equals("ol")) {
            sb.append("  ").append(e.elementSiblingIndex() + 1).append(". ");
        }
        for (Node child : e.childNodes()) {
            walk(child, sb, scripts);
            if (child instanceof Element c && (c.normalName().equals("td") || c.normalName().equals("th"))) {
                sb.append(' ');
            }
        }
        if (block) {
            sb.append(blank ? "\n\n" : "\n");
        }
    }

    /** Chromium's innerText of the page, scripts removed and the network closed. */
    static String chrome(String html) throws Exception {
        Document doc = Jsoup.parse(html);
        doc.select("script").remove();
        doc.body().appendElement("script").appendChild(new DataNode(
                "addEventListener('load',function(){var t=document.body.innerText;document.body.innerHTML='';"
                        + "var p=document.createElement('pre');p.id='gazette-inner-text';p.textContent=t;document.body.appendChild(p);});"));
        Path file = Files.createTempFile("gazette-page", ".html");
        try {
            Files.writeString(file, doc.outerHtml());
            String dom = run(List.of("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND",
                    "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000", "--dump-dom", file.toUri().toString()));
            Element pre = Jsoup.parse(dom).getElementById("gazette-inner-text");
            return pre == null ? "" : pre.wholeText();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code lynx -dump -nolist}: a text browser's rendering, hard-wrapped at 80 columns. */
    static String lynx(String html) throws Exception {
        Path file = Files.createTempFile("gazette-page", ".html");
        try {
            Files.writeString(file, html);
            return run(List.of("lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", file.toString()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String git(Path git, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir=" + git));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    static byte[] gitBytes(Path git, String object) throws Exception {
        Process p = new ProcessBuilder("git", "--git-dir=" + git, "show", object).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        return p.waitFor() == 0 ? out : null;
    }
}

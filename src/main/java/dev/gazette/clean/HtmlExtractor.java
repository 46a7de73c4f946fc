package dev.gazette.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the article in a saved web page with jsoup: metadata from {@link PageDeclarations}, the body
 * from {@link ContentFinder} and {@link ContentTidier}, and a cascade to the page's JSON-LD
 * {@code articleBody} when the DOM yields implausibly little beside it.
 */
final class HtmlExtractor {
    /** Never article text; removed before anything is scored. (Frames and players stay: they become links.) */
    private static final Set<String> REMOVE = Set.of(
            "script", "style", "noscript", "template", "button", "input",
            "select", "textarea", "svg", "canvas", "nav", "aside", "dialog", "link", "meta", "menu");

    /**
     * The deepest element nesting kept from a page. Deeper start tags are not nested further but
     * added as siblings at this depth (jsoup's {@code Parser.setMaxDepth}), so 100,000 nested
     * {@code <div>}s keep their text, and no walk over the tree, recursive or not, goes deeper.
     * Article markup is rarely 60 deep; 512 is jsoup's own default, stated so that it holds.
     */
    static final int MAX_DEPTH = 512;

    private final ContentFinder finder = new ContentFinder();
    private final ContentTidier tidier = new ContentTidier();
    private final Sanitizer sanitizer = Sanitizer.untrusted();
    private final HtmlHeaderCandidates.Models models;

    /** With the shipped title, byline and date models. */
    HtmlExtractor() {
        this(HtmlHeaderCandidates.Models.shipped());
    }

    /** With these title, byline and date models (cross-validation fits its own). */
    HtmlExtractor(HtmlHeaderCandidates.Models models) {
        this.models = models;
    }

    Extraction extract(String html, String sourceUrl) {
        Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl, Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        PageDeclarations meta = new PageDeclarations(doc, models);
        String url = meta.url(sourceUrl);
        String baseUrl = sourceUrl != null ? sourceUrl : url;
        if (baseUrl != null) {
            doc.setBaseUri(baseUrl);
        }
        // Chosen on the page as saved: finding the body removes navigation and asides, which the candidates' features read.
        String title = meta.title();
        String byline = meta.byline();
        String date = meta.date();
        String articleBody = meta.articleBody();

        Element content = content(doc, title);
        String bodyHtml = content == null ? "" : content.html();
        if (articleBody != null && implausiblyShort(content, articleBody)) {
            bodyHtml = paragraphs(articleBody);
        }
        Element cleanBody = sanitizer.cleanBody(bodyHtml, baseUrl);
        String clean = cleanBody.html().strip();
        PlainText.Counted text = PlainText.of(cleanBody);
        String lang = Language.declaredOrWritten(meta.lang(), Words.tokens(text.text()));
        return Extraction.of(title, byline, date, meta.siteName(), lang, meta.image(), url, clean, text.text(), text.words());
    }

    private Element content(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        List<Element> doomed = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            if (REMOVE.contains(el.normalName()) || isHidden(el)) {
                doomed.add(el);
            }
        }
        Nodes.removeAll(doomed);
        LooseText.paragraphise(body);
        Element content = finder.find(body);
        if (content != null) {
            tidier.tidy(content, title);
        }
        return content;
    }

    /** Hidden from readers: the {@code hidden} attribute, {@code aria-hidden}, or an inline style. */
    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden") || el.attr("aria-hidden").equals("true")) {
            return true;
        }
        String style = el.attr("style");
        return !style.isEmpty() && style.replace(" ", "").toLowerCase(Locale.ROOT)
                .matches(".*(display:none|visibility:hidden).*");
    }

    /** The DOM gave well under what the page's own JSON-LD says the article holds. */
    private static boolean implausiblyShort(Element content, String articleBody) {
        int declared = Words.tokens(articleBody).size();
        int found = content == null ? 0 : Words.tokens(content.text()).size();
        return declared >= 50 && found < declared * 0.6;
    }

    private static String paragraphs(String text) {
        if (text.contains("</p>") || text.contains("<br")) {
            return text; // some pages declare the body as HTML; the sanitizer makes it safe
        }
        StringBuilder sb = new StringBuilder();
        for (String para : text.split("\\n\\s*\\n|\\n")) {
            if (!para.isBlank()) {
                sb.append("<p>").append(TextExtractor.escape(para.strip())).append("</p>\n");
            }
        }
        return sb.toString();
    }
}

package dev.gazette.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Rewrites every link and image in an HTML fragment to an absolute URL. Feed readers and
 * RSS-to-email tools ignore base URLs, so feed content must carry no relative reference.
 */
final class AbsoluteUrls {
    private AbsoluteUrls() {
    }

    static String rewrite(String html, String pageUrl) {
        Document doc = Jsoup.parseBodyFragment(html, pageUrl);
        doc.outputSettings().prettyPrint(false);
        for (Element el : doc.select("[href]")) {
            el.attr("href", el.absUrl("href"));
        }
        for (Element el : doc.select("[src]")) {
            el.attr("src", el.absUrl("src"));
        }
        for (Element el : doc.select("[srcset]")) {
            el.removeAttr("srcset");
        }
        return doc.body().html();
    }
}

package dev.gazette.render;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites every link and image in an HTML fragment to an absolute URL. Feed readers and
 * RSS-to-email tools ignore base URLs, so feed content must carry no relative reference.
 */
final class AbsoluteUrls {
    /* Parsed once: jsoup parses a query string again on every select. */
    private static final Evaluator WITH_HREF = QueryParser.parse("[href]");
    private static final Evaluator WITH_SRC = QueryParser.parse("[src]");
    private static final Evaluator WITH_SRCSET = QueryParser.parse("[srcset]");

    private AbsoluteUrls() {
    }

    static String rewrite(String html, String pageUrl) {
        Document doc = Jsoup.parseBodyFragment(html, pageUrl);
        doc.outputSettings().prettyPrint(false);
        for (Element el : doc.select(WITH_HREF)) {
            el.attr("href", el.absUrl("href"));
        }
        for (Element el : doc.select(WITH_SRC)) {
            el.attr("src", el.absUrl("src"));
        }
        for (Element el : doc.select(WITH_SRCSET)) {
            String srcset = srcset(el.attr("srcset"), pageUrl);
            if (srcset.isEmpty()) {
                el.removeAttr("srcset");
            } else {
                el.attr("srcset", srcset);
            }
        }
        return doc.body().html();
    }

    /** {@code url} resolved against {@code base}, or null when it cannot be. */
    static String resolve(String base, String url) {
        String resolved = StringUtil.resolve(base, url);
        return resolved.isEmpty() ? null : resolved;
    }

    /** Each candidate of a {@code srcset} ("url 2x, url 640w") with its URL made absolute; unresolvable ones dropped. */
    static String srcset(String srcset, String pageUrl) {
        List<String> out = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            String[] parts = candidate.strip().split("\\s+", 2);
            String url = parts[0].isEmpty() ? "" : StringUtil.resolve(pageUrl, parts[0]);
            if (!url.isEmpty()) {
                out.add(parts.length > 1 ? url + " " + parts[1] : url);
            }
        }
        return String.join(", ", out);
    }
}

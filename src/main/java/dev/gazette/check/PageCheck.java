package dev.gazette.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.model.Problem;
import dev.gazette.text.Srcset;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one HTML page of a built site: every internal href, src and srcset leads to a file
 * (and its {@code #fragment} to an element of that page), no link escapes the base path, no id
 * is used twice, every image has alt text, and every article names its outlet (a warning).
 * Problems carry the line of the element.
 */
final class PageCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BuiltSite site;

    PageCheck(BuiltSite site) {
        this.site = site;
    }

    List<Problem> check(String file) {
        List<Problem> problems = new ArrayList<>();
        Document doc = BuiltSite.read(site.root().resolve(file), Parser.htmlParser());
        URI pageUrl = site.urlOf(file);
        Map<String, Integer> ids = new HashMap<>();
        for (Element el : doc.getAllElements()) {
            int line = el.sourceRange().start().lineNumber();
            for (String attribute : List.of("href", "src")) {
                if (el.hasAttr(attribute)) {
                    link(file, line, attribute, el.attr(attribute), pageUrl, problems);
                }
            }
            if (el.hasAttr("srcset")) {
                for (Srcset.Candidate candidate : Srcset.parse(el.attr("srcset"))) {
                    link(file, line, "srcset", candidate.url(), pageUrl, problems);
                }
            }
            if (el.hasAttr("id")) {
                Integer first = ids.putIfAbsent(el.id(), line);
                if (first != null) {
                    problems.add(problem(file, line, "duplicate id '" + el.id() + "' (first on line " + first + ")"));
                }
            }
            if (el.normalName().equals("img") && !el.hasAttr("alt")) {
                problems.add(problem(file, line, "image without alt text: " + el.attr("src")));
            }
            if (el.normalName().equals("script") && el.attr("type").equals("application/ld+json")) {
                outlet(file, line, el.data(), problems);
            }
        }
        return problems;
    }

    /**
     * A warning for an article whose outlet nobody named: its {@code NewsArticle} JSON-LD has no
     * {@code sourceOrganization} (the build gives one to every article with a known outlet, and
     * the digest itself to pieces marked {@code source: self}).
     */
    private static void outlet(String file, int line, String json, List<Problem> problems) {
        JsonNode ld;
        try {
            ld = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add(problem(file, line, "JSON-LD does not parse: " + e.getOriginalMessage()));
            return;
        }
        if (ld != null && ld.path("@type").asText().equals("NewsArticle") && !ld.has("sourceOrganization")) {
            problems.add(Problem.warning(file, line, "the article does not name its outlet: give its source 'source: <outlet name>' "
                    + "(or 'source: self' for a piece written for this digest)"));
        }
    }

    private void link(String file, int line, String attribute, String url, URI pageUrl, List<Problem> problems) {
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        String problem = problemWith(pageUrl, trimmed, file);
        if (problem != null) {
            problems.add(problem(file, line, "broken " + attribute + " " + url + ": " + problem));
        }
    }

    /**
     * What is wrong with a link from the page {@code from} (served at {@code pageUrl}) to {@code url},
     * or null when it works or leads off the site.
     */
    String problemWith(URI pageUrl, String url, String from) {
        BuiltSite.Target target;
        try {
            target = site.target(pageUrl.resolve(new URI(url)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "malformed URL";
        }
        switch (target.kind()) {
            case EXTERNAL:
                return null;
            case OUTSIDE_BASE:
                return "outside the site's base path " + site.base().getPath();
            default:
                break;
        }
        if (!site.exists(target.file())) {
            return "no file " + target.file();
        }
        String fragment = target.fragment();
        if (fragment != null && !fragment.isEmpty() && target.file().endsWith(".html")
                && !site.anchors(target.file()).contains(fragment)) {
            return "no id '" + fragment + "' in " + (target.file().equals(from) ? "this page" : target.file());
        }
        return null;
    }

    static Problem problem(String file, int line, String message) {
        return Problem.error(file, line, message);
    }
}

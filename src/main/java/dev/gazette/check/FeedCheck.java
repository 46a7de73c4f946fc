package dev.gazette.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import dev.gazette.model.Problem;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the machine-read files of a built site: RSS and Atom feeds parse with ROME, JSON
 * Feeds parse with Jackson and carry a version and items with ids, and the pages that feed
 * items and the sitemap point to exist.
 */
final class FeedCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The elements of a feed or sitemap that name a page of the site. */
    private static final String PAGE_LINKS = "item > link, entry > link[rel=alternate], entry > link:not([rel]), url > loc";

    private final BuiltSite site;
    private final PageCheck links;

    FeedCheck(BuiltSite site, PageCheck links) {
        this.site = site;
        this.links = links;
    }

    /** Whether {@code file} is one of the files this check reads: XML feeds, sitemaps, JSON Feeds. */
    static boolean applies(String file) {
        return file.endsWith(".xml") || file.endsWith("feed.json");
    }

    List<Problem> check(String file) {
        Path path = site.root().resolve(file);
        if (file.endsWith(".json")) {
            return jsonFeed(file, path);
        }
        if (!file.replaceFirst("^.*/", "").startsWith("sitemap")) {
            try {
                new WireFeedInput(false, Locale.US).build(path.toFile());
            } catch (ParsingFeedException e) {
                return List.of(PageCheck.problem(file, e.getLineNumber(), "feed does not parse: " + e.getMessage()));
            } catch (FeedException | IllegalArgumentException e) {
                return List.of(PageCheck.problem(file, 0, "feed does not parse: " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Element link : BuiltSite.read(path, Parser.xmlParser()).select(PAGE_LINKS)) {
            String url = link.hasAttr("href") ? link.attr("href") : link.text();
            check(file, link.sourceRange().start().lineNumber(), link.tagName(), url, problems);
        }
        return problems;
    }

    private List<Problem> jsonFeed(String file, Path path) {
        List<Problem> problems = new ArrayList<>();
        try {
            JsonNode feed = JSON.readTree(path.toFile());
            if (!feed.path("version").asText().startsWith("https://jsonfeed.org/version/") || !feed.path("items").isArray()) {
                problems.add(PageCheck.problem(file, 1, "not a JSON Feed: it needs a 'version' and an 'items' list"));
            }
            int n = 0;
            for (JsonNode item : feed.path("items")) {
                n++;
                if (!item.hasNonNull("id")) {
                    problems.add(PageCheck.problem(file, 0, "JSON Feed item " + n + " has no 'id'"));
                }
            }
            // A second, streaming pass finds the line of every item URL.
            try (JsonParser json = JSON.createParser(path.toFile())) {
                for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                    JsonStreamContext list = json.getParsingContext().getParent();
                    if (token == JsonToken.VALUE_STRING && "url".equals(json.currentName()) && list != null
                            && list.inArray() && list.getParent() != null && list.getParent().getParent().inRoot()
                            && "items".equals(list.getParent().getCurrentName())) {
                        JsonLocation at = json.currentTokenLocation();
                        check(file, at.getLineNr(), "url", json.getText(), problems);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return List.of(PageCheck.problem(file, line, "JSON Feed does not parse: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private void check(String file, int line, String what, String url, List<Problem> problems) {
        String problem = links.problemWith(site.base(), url.strip(), file);
        if (problem != null) {
            problems.add(PageCheck.problem(file, line, "broken " + what + " " + url + ": " + problem));
        }
    }
}

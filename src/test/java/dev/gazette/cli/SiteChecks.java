package dev.gazette.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Checks a built site the way a reader's browser would meet it. */
public final class SiteChecks {
    private SiteChecks() {
    }

    public static List<Path> htmlFiles(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document parse(Path file) {
        try {
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.htmlParser().setTrackErrors(50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTML5 parse errors, missing doctype, lang, title or description: one line each. */
    public static List<String> pageProblems(Path site) {
        List<String> problems = new ArrayList<>();
        for (Path file : htmlFiles(site)) {
            String name = site.relativize(file).toString();
            Parser parser = Parser.htmlParser().setTrackErrors(50);
            Document doc;
            try {
                doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", parser);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (ParseError error : parser.getErrors()) {
                problems.add(name + ": parse error " + error);
            }
            DocumentType doctype = doc.documentType();
            if (doctype == null || !doctype.name().equals("html")) {
                problems.add(name + ": no <!DOCTYPE html>");
            }
            if (doc.selectFirst("html[lang]") == null || doc.selectFirst("html").attr("lang").isBlank()) {
                problems.add(name + ": <html> has no lang");
            }
            if (doc.title().isBlank()) {
                problems.add(name + ": empty <title>");
            }
            Element description = doc.selectFirst("meta[name=description]");
            if (description == null || description.attr("content").isBlank()) {
                problems.add(name + ": no meta description");
            }
        }
        return problems;
    }

    /**
     * Every internal href/src that does not resolve to a file in the site. Internal links start
     * with the site's base path; a link to a folder needs its index.html.
     */
    public static List<String> brokenLinks(Path site, String basePath) {
        List<String> broken = new ArrayList<>();
        for (Path file : htmlFiles(site)) {
            Document doc = parse(file);
            for (Element el : doc.select("[href], [src]")) {
                String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                String target = internalTarget(url, basePath);
                if (target != null && !Files.isRegularFile(site.resolve(target))) {
                    broken.add(site.relativize(file) + ": " + url);
                }
                if (url.startsWith("/") && !url.startsWith(basePath)) {
                    broken.add(site.relativize(file) + ": escapes the base path: " + url);
                }
            }
        }
        return broken;
    }

    /** The site file an internal URL points to, or null for an external or fragment-only link. */
    static String internalTarget(String url, String basePath) {
        if (!url.startsWith(basePath)) {
            return null;
        }
        String path = URI.create(url).getPath().substring(basePath.length());
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }
}

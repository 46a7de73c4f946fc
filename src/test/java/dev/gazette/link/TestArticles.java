package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Origin;
import dev.gazette.model.Origin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** Articles for link-stage tests, written in place instead of read from files. */
final class TestArticles {
    private TestArticles() {
    }

    static Article article(String slug, String title, String text, String date, String... tags) {
        ZonedDateTime when = date == null ? null : ZonedDateTime.of(LocalDate.parse(date).atTime(9, 0), ZoneOffset.UTC);
        String html = "<p>" + text.replace("\n\n", "</p>\n<p>") + "</p>";
        return new Article(slug + ".md", slug, title, text.substring(0, Math.min(120, text.length())), html, text,
                null, null, null, when, "en", null, List.of(tags), null, true, false,
                text.split("\\s+").length, "urn:test:" + slug, slug + ".md", Origin.OUTLET);
    }

    static Article withStory(Article a, String story) {
        return new Article(a.sourceFile(), a.slug(), a.title(), a.summary(), a.html(), a.text(), a.author(),
                a.publication(), a.sourceUrl(), a.date(), a.lang(), a.image(), a.tags(), story, a.linkTags(),
                a.draft(), a.wordCount(), a.guid(), a.sourcePath(), a.origin());
    }

    /** The same article read from another source file. */
    static Article movedTo(Article a, String path) {
        return new Article(path, a.slug(), a.title(), a.summary(), a.html(), a.text(), a.author(),
                a.publication(), a.sourceUrl(), a.date(), a.lang(), a.image(), a.tags(), a.story(), a.linkTags(),
                a.draft(), a.wordCount(), a.guid(), path, a.origin());
    }
}

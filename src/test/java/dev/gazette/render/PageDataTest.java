package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.output.SiteData;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Site data made from the last build's ({@link PageData#of(Digest, int, SiteData)}) equals site
 * data made from nothing, and takes the values of the parts of the digest that are the very
 * objects of the last build as they were: the same objects, so the memory's comparison is cheap.
 */
class PageDataTest {
    @Test
    void dataMadeFromTheLastBuildsEqualsDataMadeFromNothingAndKeepsUnchangedPartsValues() {
        Digest before = withMonth(new GeneratedDigest(3000, 7).digest(120));
        SiteData last = PageData.of(before, 10);

        // One article edited (a new object, in its tags' lists too), the last tag gone, the rest the same objects.
        Article edited = before.articles().get(5);
        Article now = new Article(edited.sourceFile(), edited.slug(), edited.title() + " (updated)", edited.summary(),
                edited.html(), edited.text(), edited.author(), edited.publication(), edited.sourceUrl(), edited.date(),
                edited.lang(), edited.image(), edited.tags(), edited.story(), edited.linkTags(), edited.draft(),
                edited.wordCount(), edited.guid(), edited.sourcePath(), edited.origin());
        List<Article> articles = new ArrayList<>(before.articles());
        articles.set(5, now);
        List<Digest.TagGroup> tags = new ArrayList<>();
        for (Digest.TagGroup g : before.tags().subList(0, before.tags().size() - 1)) {
            tags.add(g.articles().contains(edited) ? new Digest.TagGroup(g.tag(),
                    g.articles().stream().map(a -> a == edited ? now : a).toList()) : g);
        }
        Digest after = new Digest(articles, tags, before.stories(), before.editions(), before.months(), before.links());

        for (int pageSize : new int[]{10, 3}) {
            SiteData reused = PageData.of(after, pageSize, last);
            assertThat(reused.values()).isEqualTo(PageData.of(after, pageSize).values());
        }
        SiteData reused = PageData.of(after, 10, last);
        String gone = before.tags().get(before.tags().size() - 1).tag().slug();
        assertThat(reused.values()).doesNotContainKey(PageData.tag(gone));
        assertThat(reused.values().get(PageData.article(now.slug()))).isSameAs(now);
        Digest.TagGroup kept = tags.stream().filter(g -> before.tags().contains(g) && !g.articles().isEmpty())
                .findFirst().orElseThrow();
        assertThat(tags.stream().anyMatch(g -> !before.tags().contains(g))).isTrue();
        String page = PageData.tagPage(kept.tag().slug(), 1);
        assertThat(reused.values().get(page)).isSameAs(last.values().get(page));
        String month = PageData.month(YearMonth.of(2026, 11));
        assertThat(reused.values().get(month)).isSameAs(last.values().get(month));
        String article = PageData.article(before.articles().get(0).slug());
        assertThat(reused.values().get(article)).isSameAs(last.values().get(article));
        // Another page size: nothing is taken from data made for pages of 10.
        assertThat(PageData.of(after, 3, last).values().get(PageData.tagPage(kept.tag().slug(), 1)))
                .isNotSameAs(last.values().get(page));
    }

    /** The digest with one month holding its first ten articles. */
    private static Digest withMonth(Digest d) {
        return new Digest(d.articles(), d.tags(), d.stories(), d.editions(),
                List.of(new Digest.Month(YearMonth.of(2026, 11), d.articles().subList(0, 10))), d.links());
    }
}

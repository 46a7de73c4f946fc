package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.DigestChange;
import dev.gazette.output.SiteData;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import dev.gazette.model.Origin;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Over a long run of random edits of every kind (bodies, headlines, dates that move articles
     * across editions and months, tags, stories, articles added and removed, a build that failed),
     * data made from the last build's equals data made from nothing, every key whose value differs
     * from the last build's is among the keys it tells as touched, and every other key holds the
     * last build's very object.
     */
    @Test
    void dataPatchedEditAfterEditEqualsDataMadeFromNothing() {
        Random random = new Random(11);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            articles.add(article("a" + i, "Headline " + i, i % 9 == 0 ? null : DAY.minusHours(7L * i),
                    List.of("t" + i % 5, "u" + (i * 3) % 7), i % 6 == 0 ? "story" + i % 4 : null));
        }
        Digest digest = MiniLinker.link(articles, null);
        SiteData last = PageData.of(digest, 3);
        int next = 70;
        for (int round = 0; round < 300; round++) {
            List<Article> now = new ArrayList<>(articles);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int i = random.nextInt(now.size());
                Article a = now.get(i);
                switch (random.nextInt(7)) {
                    case 0 -> now.set(i, article(a.slug(), a.title(), a.date(), a.tags(), a.story()));
                    case 1 -> now.set(i, article(a.slug(), a.title() + "!", a.date(), a.tags(), a.story()));
                    case 2 -> now.set(i, article(a.slug(), a.title(), random.nextInt(8) == 0 ? null
                            : DAY.minusHours(random.nextInt(600)), a.tags(), a.story()));
                    case 3 -> now.set(i, article(a.slug(), a.title(), a.date(),
                            List.of("t" + random.nextInt(9)), a.story()));
                    case 4 -> now.set(i, article(a.slug(), a.title(), a.date(), a.tags(),
                            random.nextBoolean() ? null : "story" + random.nextInt(5)));
                    case 5 -> now.add(article("a" + next++, "New " + next, DAY.minusHours(random.nextInt(600)),
                            List.of("t" + random.nextInt(9)), null));
                    default -> {
                        if (now.size() > 10) {
                            now.remove(i);
                        }
                    }
                }
            }
            Digest after = MiniLinker.link(now, digest);
            SiteData patched = PageData.of(after, 3, last);
            assertThat(patched.values()).isEqualTo(PageData.of(after, 3).values());
            Set<String> touched = patched.changedSince(last);
            assertThat(touched).isNotNull();
            Set<String> keys = new HashSet<>(last.values().keySet());
            keys.addAll(patched.values().keySet());
            for (String key : keys) {
                Object before = last.values().get(key);
                Object value = patched.values().get(key);
                if (!touched.contains(key)) {
                    assertThat(value).as(key).isSameAs(before);
                }
            }
            if (round % 17 == 5) {
                continue;   // a build that failed: the next one is made from the last good one's data
            }
            articles = now;
            digest = after;
            last = patched;
        }
    }

    /**
     * Data made on demand (a sink without last data, the digest's change known) holds the values of
     * data made whole: looked up key by key before it is walked, counted without making them, walked
     * whole; keys no part has (a page past a tag's last, an undated article's date) have none.
     */
    @Test
    void dataMadeOnDemandEqualsDataMadeWhole() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            articles.add(article("a" + i, "Headline " + i, i % 9 == 0 ? null : DAY.minusHours(7L * i),
                    List.of("t" + i % 5, "u:" + (i * 3) % 7), i % 6 == 0 ? "story" + i % 4 : null));
        }
        Digest digest = MiniLinker.link(articles, null);
        DigestChange none = new DigestChange(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, Set.of(), 0, 0);
        for (int pageSize : new int[]{3, 10}) {
            Map<String, Object> whole = PageData.of(digest, pageSize).values();
            Map<String, Object> onDemand = PageData.of(digest, pageSize, null, none).values();
            whole.forEach((key, value) -> assertThat(onDemand.get(key)).as(key).isEqualTo(value));
            assertThat(onDemand.size()).isEqualTo(whole.size());
            for (String key : List.of(PageData.tagPage("t1", 99), PageData.date("a0"), PageData.article("none"),
                    PageData.month(YearMonth.of(1999, 1)), PageData.searchDocs(99), "tp:x:t1", "sd:x", "nokey")) {
                assertThat(onDemand.get(key)).as(key).isNull();
            }
            assertThat(onDemand).isEqualTo(whole);
        }
    }

    private static final ZonedDateTime DAY = ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC);

    private static Article article(String slug, String title, ZonedDateTime date, List<String> tags, String story) {
        return new Article(slug + ".md", slug, title, "Summary of " + title, "<p>Body.</p>", "Body.", null, "Pub",
                null, date, "en", null, tags, story, false, false, 100, slug, slug + ".md", Origin.OUTLET);
    }

    /** The digest with one month holding its first ten articles. */
    private static Digest withMonth(Digest d) {
        return new Digest(d.articles(), d.tags(), d.stories(), d.editions(),
                List.of(new Digest.Month(YearMonth.of(2026, 11), d.articles().subList(0, 10))), d.links());
    }
}

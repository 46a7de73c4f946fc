package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Story;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gazette.link.TestArticles.article;
import static dev.gazette.link.TestArticles.withStory;
import static org.assertj.core.api.Assertions.assertThat;

/** Story pages: one per story, each with a non-empty slug of its own (issue 9 #11, #12). */
class StoriesTest {
    private static Article a(String slug, String story) {
        return withStory(article(slug, "Title " + slug, "Unrelated words about " + slug + " only.", "2025-03-0" + (slug.length() % 9 + 1)), story);
    }

    private static List<Story> stories(Article... articles) {
        Stories s = new Stories(List.of(articles));
        return s.stories();
    }

    @Test
    void aKeyWithoutLettersStillGetsAStoryPage() {
        List<Story> out = stories(a("one", "!!"), a("two", "!!"));
        assertThat(out).singleElement().satisfies(s -> assertThat(s.slug()).matches("story-[0-9a-f]{10}"));
    }

    @Test
    void keysInOtherScriptsAreNotMerged() {
        List<Story> out = stories(a("one", "東京"), a("two", "東京"), a("three", "大阪"), a("four", "大阪"));
        assertThat(out).extracting(Story::slug).containsExactlyInAnyOrder("東京", "大阪");
    }

    @Test
    void everyStoryHasItsOwnSlugWhenKeysAndAutomaticSlugsClash() {
        Stories s = new Stories(List.of(a("x1", "alpha-2"), a("x2", "alpha-2"), a("y1", "alpha"), a("y2", "alpha"),
                a("alpha", null), a("alpha-b", null)));
        s.join(4, 5);
        List<Story> out = s.stories();
        assertThat(out).extracting(Story::slug).containsExactlyInAnyOrder("alpha-2", "alpha", "alpha-3");
    }
}

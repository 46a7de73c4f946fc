package dev.gazette.model;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestTest {
    @Test
    void linksBySlugAreTheMapOfTheSameEntries() {
        List<Article> articles = new ArrayList<>();
        Digest.ArticleLinks[] links = new Digest.ArticleLinks[5];
        Map<String, Digest.ArticleLinks> plain = new HashMap<>();
        for (int k = 0; k < links.length; k++) {
            articles.add(article("a" + k));
            links[k] = new Digest.ArticleLinks(List.of("a" + (k + 1) % 5), null, null, k > 0 ? "a" + (k - 1) : null, null);
            plain.put("a" + k, links[k]);
        }
        Digest.LinksBySlug view = new Digest.LinksBySlug(articles, links);
        links[0] = null;   // the view keeps its own copy
        assertThat(view).isEqualTo(plain).isEqualTo(Map.copyOf(plain)).hasSameHashCodeAs(plain).hasSize(5);
        assertThat(Map.copyOf(plain)).isEqualTo(view);
        assertThat(view.get("a3")).isSameAs(plain.get("a3"));
        assertThat(view.get("a9")).isNull();
        assertThat(view.containsKey("a4")).isTrue();
        List<String> walked = new ArrayList<>();
        view.forEach((slug, l) -> walked.add(slug));
        assertThat(walked).containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(view.keySet()).containsExactly("a0", "a1", "a2", "a3", "a4");
        // The digest keeps the view, and is equal to one made with the plain map.
        Digest digest = new Digest(articles, List.of(), List.of(), List.of(), List.of(), view);
        assertThat(digest.links()).isSameAs(view);
        assertThat(digest).isEqualTo(new Digest(articles, List.of(), List.of(), List.of(), List.of(), plain));
    }

    @Test
    void linksBySlugRefuseWhatIsNotAMapOfSlugs() {
        List<Article> two = List.of(article("a"), article("a"));
        Digest.ArticleLinks none = new Digest.ArticleLinks(List.of(), null, null, null, null);
        assertThatThrownBy(() -> new Digest.LinksBySlug(two, new Digest.ArticleLinks[] {none}))
                .isInstanceOf(IllegalArgumentException.class);
        Digest.LinksBySlug view = new Digest.LinksBySlug(two, new Digest.ArticleLinks[] {none, none});
        assertThatThrownBy(() -> view.get("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> view.put("b", none)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Article article(String slug) {
        return new Article(slug + ".md", slug, slug, "", "<p>x</p>", "x", null, "Gazette", null,
                ZonedDateTime.of(2025, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC), "en", null, List.of(), null, false, false,
                1, slug, slug + ".md", Origin.OUTLET);
    }
}

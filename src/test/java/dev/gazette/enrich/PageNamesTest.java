package dev.gazette.enrich;

import dev.gazette.model.Article;
import dev.gazette.model.Origin;
import dev.gazette.model.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageNamesTest {

    @Test
    void aPageIsNamedAfterItsFileNotItsHeadline() {
        assertThat(PageNames.fromPath("articles/kestrel-line-tram-extension-opens.md")).isEqualTo("kestrel-line-tram-extension-opens");
        assertThat(PageNames.fromPath("raw/Evening Post – Kestrel Line.html")).isEqualTo("evening-post-kestrel-line");
    }

    @Test
    void aJekyllDatePrefixIsNotPartOfTheName() {
        assertThat(PageNames.fromPath("_posts/2025-02-17-kestrel-line.md")).isEqualTo("kestrel-line");
        assertThat(PageNames.fromPath("2025-02-17.md")).isEqualTo("2025-02-17");
    }

    @Test
    void aPageBundleIsNamedAfterItsFolder() {
        assertThat(PageNames.fromPath("articles/kestrel-line/index.md")).isEqualTo("kestrel-line");
        assertThat(PageNames.fromPath("index.md")).isEqualTo("index");
    }

    @Test
    void aNameWithoutLettersOrDigitsIsEmptySoTheTitleOrAHashIsUsed() {
        assertThat(PageNames.fromPath("notes/---.md")).isEmpty();
        assertThat(PageNames.fallback("notes/---.md")).matches("article-[0-9a-f]{10}")
                .isEqualTo(PageNames.fallback("notes/---.md")).isNotEqualTo(PageNames.fallback("notes/--.md"));
    }

    @Test
    void theOlderArticleKeepsAWantedNameAndTheOtherGetsAHashOfItsPathWithAWarning() {
        Article older = article("2024/notes.md", "notes", "2024-05-01");
        Article newer = article("2025/notes.md", "notes", "2025-05-01");
        List<Problem> problems = new ArrayList<>();

        List<Article> named = PageNames.unique(List.of(newer, older), problems::add);

        assertThat(named).extracting(Article::sourcePath).containsExactly("2025/notes.md", "2024/notes.md");
        assertThat(named.get(1)).isSameAs(older);
        assertThat(named.get(0).slug()).matches("notes-[0-9a-f]{6}");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.file()).isEqualTo("content/2025/notes.md");
            assertThat(p.message()).contains("content/2024/notes.md", "articles/" + named.get(0).slug() + "/");
        });
    }

    @Test
    void namesDoNotDependOnInputOrderAndAddingAnArticleRenamesNoOther() {
        Article a = article("a/story.md", "story", "2025-01-01");
        Article b = article("b/story.txt", "story", "2025-02-01");
        Article c = article("c/story.html", "story", null);
        List<String> two = slugs(PageNames.unique(List.of(a, b), p -> { }));
        List<String> three = slugs(PageNames.unique(List.of(c, b, a), p -> { }));
        List<String> threeAgain = slugs(PageNames.unique(List.of(a, c, b), p -> { }));

        assertThat(three).containsExactlyInAnyOrderElementsOf(threeAgain).doesNotHaveDuplicates();
        assertThat(three).containsAll(two);
        assertThat(two).contains("story");
    }

    @Test
    void articlesWithNamesOfTheirOwnAreReturnedAsTheyWere() {
        List<Article> input = List.of(article("a.md", "a", null), article("b.md", "b", null));
        assertThat(PageNames.unique(input, p -> { throw new AssertionError(p); })).isSameAs(input);
    }

    @Test
    void aSuffixedNameThatIsAlsoAnotherArticlesNameIsLengthened() {
        Article first = article("x/notes.md", "notes", "2024-01-01");
        Article second = article("y/notes.md", "notes", "2025-01-01");
        String suffixed = PageNames.unique(List.of(first, second), p -> { }).get(1).slug();
        Article squatter = article("z/" + suffixed + ".md", suffixed, "2023-01-01");

        List<String> names = slugs(PageNames.unique(List.of(first, second, squatter), p -> { }));

        assertThat(names).doesNotHaveDuplicates().contains("notes", suffixed);
        assertThat(names.get(1)).startsWith(suffixed).hasSize(suffixed.length() + 2);
    }

    private static List<String> slugs(List<Article> articles) {
        return articles.stream().map(Article::slug).toList();
    }

    private static Article article(String path, String slug, String date) {
        ZonedDateTime when = date == null ? null : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC);
        return new Article("content/" + path, slug, "Title of " + path, "s", "<p>t</p>", "t", null, null, null, when,
                "en", null, List.of(), null, true, false, 1, "urn:" + path, path, Origin.UNRECORDED);
    }
}

package dev.gazette.link;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityIndexTest {
    private final TermAnalyzer analyzer = new TermAnalyzer();

    @Test
    void ranksDocumentsByCosineOfStemmedTerms() {
        SimilarityIndex index = new SimilarityIndex(List.of(
                Terms.count(analyzer.terms("The central bank cut interest rates by a quarter point", "en")),
                Terms.count(analyzer.terms("Banks cutting rates: the central bank's interest decision", "en")),
                Terms.count(analyzer.terms("Beavers breed on the river for the first time", "en")),
                Terms.count(analyzer.terms("Central banking and interest rate cuts explained", "en"))));

        List<SimilarityIndex.Match> similar = index.similar(0, 5, 0.01);

        assertThat(similar).extracting(SimilarityIndex.Match::doc).containsExactly(1, 3);
        assertThat(similar.get(0).score()).isGreaterThan(similar.get(1).score()).isLessThanOrEqualTo(1.0001);
    }

    @Test
    void identicalScoresAreOrderedByDocumentNotByChance() {
        SimilarityIndex index = new SimilarityIndex(List.of(
                Terms.count(List.of("ferry", "harbour")), Terms.count(List.of("ferry", "harbour")),
                Terms.count(List.of("ferry", "harbour")), Terms.count(List.of("ferry", "harbour"))));
        assertThat(index.similar(2, 5, 0)).extracting(SimilarityIndex.Match::doc).containsExactly(0, 1, 3);
    }

    @Test
    void stopWordsAreDroppedAndWordsStemmed() {
        assertThat(analyzer.terms("The regulators are regulating regulations", "en"))
                .doesNotContain("the", "are").containsOnly("regul");
    }
}

package dev.gazette.link;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityIndexTest {
    private final TermAnalyzer analyzer = new TermAnalyzer();

    /** The table of frequencies' steps agrees with searching the steps, below it and past it. */
    @Test
    void stepsFromTheTableAreTheStepsSearched() {
        for (int n = -3; n < 70_000; n++) {
            assertThat(SimilarityIndex.step(n)).as("%d", n).isEqualTo(searched(n));
        }
        for (int n : new int[] {1 << 20, 123_456_789, Integer.MAX_VALUE}) {
            assertThat(SimilarityIndex.step(n)).as("%d", n).isEqualTo(searched(n));
        }
        assertThat(SimilarityIndex.quantised(0)).isZero();
        assertThat(SimilarityIndex.quantised(1)).isEqualTo(1);
        assertThat(SimilarityIndex.quantised(10_000)).isEqualTo(9742);
    }

    /** The largest quarter power of two (rounded) not above n, found by counting up. */
    private static int searched(int n) {
        int step = -1;
        int last = 0;
        for (int k = 0; k < 130; k++) {
            long v = Math.round(Math.rint(StrictMath.pow(2, k / 4.0)));
            if (v > Integer.MAX_VALUE) {
                break;
            }
            if (v > last) {
                last = (int) v;
                if (v > n) {
                    break;
                }
                step++;
            }
        }
        return step;
    }

    @Test
    void ranksDocumentsByCosineOfStemmedTerms() {
        List<SimilarityIndex.Doc> docs = docs(
                Terms.count(analyzer.terms("The central bank cut interest rates by a quarter point", "en")),
                Terms.count(analyzer.terms("Banks cutting rates: the central bank's interest decision", "en")),
                Terms.count(analyzer.terms("Beavers breed on the river for the first time", "en")),
                Terms.count(analyzer.terms("Central banking and interest rate cuts explained", "en")));

        List<SimilarityIndex.Match> similar = SimilarityIndex.of(docs, 5, 0.01).matches(docs).of(0);

        assertThat(similar).extracting(SimilarityIndex.Match::doc).containsExactly(1, 3);
        assertThat(similar.get(0).score()).isGreaterThan(similar.get(1).score()).isLessThanOrEqualTo(1.0001);
    }

    @Test
    void identicalScoresAreOrderedByKeyNotByChance() {
        List<SimilarityIndex.Doc> docs = List.of(new SimilarityIndex.Doc("d", Terms.count(List.of("ferry", "harbour"))),
                new SimilarityIndex.Doc("b", Terms.count(List.of("ferry", "harbour"))),
                new SimilarityIndex.Doc("c", Terms.count(List.of("ferry", "harbour"))),
                new SimilarityIndex.Doc("a", Terms.count(List.of("ferry", "harbour"))));
        assertThat(SimilarityIndex.of(docs, 5, 0).matches(docs).of(2)).extracting(SimilarityIndex.Match::doc)
                .containsExactly(3, 1, 0);
    }

    private static List<SimilarityIndex.Doc> docs(Terms... terms) {
        List<SimilarityIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            docs.add(new SimilarityIndex.Doc("doc-" + i, terms[i]));
        }
        return docs;
    }

    @Test
    void stopWordsAreDroppedAndWordsStemmed() {
        assertThat(analyzer.terms("The regulators are regulating regulations", "en"))
                .doesNotContain("the", "are").containsOnly("regul");
    }
}

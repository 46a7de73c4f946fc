package dev.gazette.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class SrcsetTest {
    private static List<Srcset.Candidate> of(String... urlAndDescriptor) {
        List<Srcset.Candidate> out = new ArrayList<>();
        for (int i = 0; i < urlAndDescriptor.length; i += 2) {
            out.add(new Srcset.Candidate(urlAndDescriptor[i], urlAndDescriptor[i + 1]));
        }
        return out;
    }

    @Test
    void aCommaEndsACandidateOnlyAfterItsUrlOrItsDescriptors() {
        assertThat(Srcset.parse("https://cdn.example/q_lossy,w_1500/a.jpg 1500w, https://cdn.example/q_lossy,w_768/a.jpg 768w"))
                .isEqualTo(of("https://cdn.example/q_lossy,w_1500/a.jpg", "1500w", "https://cdn.example/q_lossy,w_768/a.jpg", "768w"));
        assertThat(Srcset.parse("a.jpg, b.jpg 2x")).isEqualTo(of("a.jpg", "", "b.jpg", "2x"));
        assertThat(Srcset.parse("a.jpg 1x,b.jpg  2x ,")).isEqualTo(of("a.jpg", "1x", "b.jpg", "2x"));
        assertThat(Srcset.parse(" ,a.jpg,, b.jpg 2x")).isEqualTo(of("a.jpg", "", "b.jpg", "2x"));
        assertThat(Srcset.parse("a.jpg 100w (future, descriptor), b.jpg 200w")).hasSize(2);
        assertThat(Srcset.parse("  ")).isEmpty();
    }

    @Test
    void aValidSetHasOneCandidatePerDensityOrWidthAndNeverBoth() {
        assertThat(Srcset.valid("a.jpg, b.jpg 1x, c.jpg 2x", u -> u)).isEqualTo(of("a.jpg", "", "c.jpg", "2x"));
        assertThat(Srcset.valid("a.jpg 640w, b.jpg 640w, c.jpg 1280w", u -> u)).isEqualTo(of("a.jpg", "640w", "c.jpg", "1280w"));
        assertThat(Srcset.valid("a.jpg 640w, b.jpg 2x", u -> u)).isEmpty();
        assertThat(Srcset.valid("a.jpg 300h", u -> u)).isEmpty();
        assertThat(Srcset.valid("a.jpg 1x, javascript:b 2x", u -> u.startsWith("javascript:") ? null : u)).isEmpty();
        assertThat(Srcset.givesWidths(of("a.jpg", "640W"))).isTrue();
        assertThat(Srcset.givesWidths(of("a.jpg", "2x"))).isFalse();
    }

    /** Any list of candidates whose URLs hold no white space and do not end in a comma is read back as written. */
    @Test
    void formattedCandidatesAreReadBackAsTheyWere() {
        String[] pieces = {"https://cdn.example/", "q_lossy,w_", "img", ",", "(1)", "%20", "?a=1,2&b", "photo.jpg", "x", "640"};
        String[] descriptors = {"", "2x", "1.5x", "640w", "1280w"};
        qt().withExamples(2000).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 6)).checkAssert(seeds -> {
            List<Srcset.Candidate> candidates = new ArrayList<>();
            for (int seed : seeds) {
                StringBuilder url = new StringBuilder(pieces[seed % 2 == 0 ? 0 : 7]);
                for (int k = seed; k > 0; k /= pieces.length) {
                    url.append(pieces[k % pieces.length]);
                }
                String u = url.toString();
                if (u.endsWith(",")) {
                    u += "end";
                }
                candidates.add(new Srcset.Candidate(u, descriptors[seed % descriptors.length]));
            }
            String written = Srcset.format(candidates);
            assertThat(Srcset.parse(written)).as(written).isEqualTo(candidates);
        });
    }
}

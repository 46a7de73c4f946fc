package dev.gazette.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RangeRequestTest {
    static final String ETAG = "\"abc\"";
    static final String DATE = "Mon, 17 Feb 2025 09:30:00 GMT";

    static RangeRequest of(String range, String ifRange) {
        return RangeRequest.of(range == null ? List.of() : List.of(range), ifRange, ETAG, DATE, 100);
    }

    @Test
    void oneRangeIsAPart() {
        assertThat(of("bytes=0-9", null)).isEqualTo(new RangeRequest.Part(0, 9));
        assertThat(of("bytes=90-", null)).isEqualTo(new RangeRequest.Part(90, 99));
        assertThat(of("bytes=-10", null)).isEqualTo(new RangeRequest.Part(90, 99));
        assertThat(of("bytes=95-200", null)).isEqualTo(new RangeRequest.Part(95, 99));
        assertThat(of("BYTES=0-0", null)).isEqualTo(new RangeRequest.Part(0, 0));
        assertThat(of("bytes=0-9", ETAG)).isEqualTo(new RangeRequest.Part(0, 9));
        assertThat(of("bytes=0-9", DATE)).isEqualTo(new RangeRequest.Part(0, 9));
    }

    @Test
    void rangesBeyondTheEndAreUnsatisfiable() {
        assertThat(of("bytes=100-", null)).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(of("bytes=-0", null)).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(of("bytes=99999999999999999999999-", null)).isInstanceOf(RangeRequest.Unsatisfiable.class);
    }

    @Test
    void anythingElseIsTheWholeBody() {
        for (String range : new String[] {null, "bytes=abc", "bytes=9-0", "bytes=", "bytes=-", "items=0-9",
                "bytes=0-9,50-59", "bytes=0-9;x", "bytes=0-99999999999999999999999x"}) {
            assertThat(of(range, null)).as(range).isInstanceOf(RangeRequest.Whole.class);
        }
        assertThat(of("bytes=0-9", "\"old\"")).isInstanceOf(RangeRequest.Whole.class);
        assertThat(RangeRequest.of(List.of("bytes=0-1", "bytes=2-3"), null, ETAG, DATE, 100))
                .isInstanceOf(RangeRequest.Whole.class);
    }
}
